"""When a thank-you or a kept promise goes late, however often it was snoozed."""

from app.domain.policy import Policy
from app.engine.deadlines import deadline
from tests.engine.helpers import actions, at, interview, jane, only, recruiter, when

THANKS = "acme/thank_you/r1/jane"


def snooze(at_: str, action: str, until: str) -> dict[str, str]:
    kind = action.split("/")[1]
    return {"at": at_, "kind": "snooze", "id": action, "action": kind, "until": until}


def test_a_snoozed_thank_you_is_still_late_24_hours_after_the_round():
    snoozed = interview(
        events=[
            snooze("2026-11-20T16:00:00", THANKS, "2026-11-21T10:00:00"),
            snooze("2026-11-21T10:30:00", THANKS, "2026-11-22T09:00:00"),
        ]
    )
    action = only(actions(snoozed, "2026-11-21 11:00"), "thank_you")
    # Each snooze moved the whole window: what the engine shows is due a day after the last.
    assert at(action.due_by) == "2026-11-23 09:00"
    late = deadline(snoozed, action, Policy.from_overrides({}), when("2026-11-21 11:00"))
    assert late is not None and at(late) == "2026-11-21 15:00"


def test_a_promise_is_late_after_the_time_promised():
    promised = interview(
        contacts=[jane(), recruiter()],
        promises=[{"id": "p1", "what": "Send references", "to": "sam", "due": "2026-11-24T12:00"}],
        events=[snooze("2026-11-23T13:00:00", "acme/keep_promise/p1", "2026-11-25T09:00:00")],
    )
    action = only(actions(promised, "2026-11-23 14:00"), "keep_promise")
    late = deadline(promised, action, Policy.from_overrides({}), when("2026-11-23 14:00"))
    assert late is not None and at(late) == "2026-11-24 12:00"


def test_a_check_in_has_no_deadline():
    waiting = interview(
        stage="waiting",
        events=[
            {
                "at": "2026-11-20T16:00:00",
                "kind": "sent",
                "action": "thank_you",
                "round": "r1",
                "contact": "jane",
            }
        ],
    )
    check_in = only(actions(waiting, "2026-12-20 10:00"), "check_in")
    assert deadline(waiting, check_in, Policy.from_overrides({}), when("2026-12-20 10:00")) is None


def test_a_snooze_typed_without_an_id_is_set_aside_too():
    typed = {
        "at": "2026-11-20T16:00:00",
        "kind": "snooze",
        "action": "thank_you",
        "round": "r1",
        "contact": "jane",
        "until": "2026-11-22T10:00:00",
    }
    snoozed = interview(events=[typed])
    action = only(actions(snoozed, "2026-11-20 17:00"), "thank_you")
    assert at(action.due_by) == "2026-11-23 10:00"  # moved by the snooze, as typed
    late = deadline(snoozed, action, Policy.from_overrides({}), when("2026-11-20 17:00"))
    assert late is not None and at(late) == "2026-11-21 15:00"

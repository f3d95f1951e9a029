"""Channel choice, spacing, work hours, snooze and skip (SPEC section 4, "Constraints")."""

from tests.engine.helpers import actions, at, interview, jane, of_kind, only, recruiter, sent

THANKED = sent("2026-11-20T16:00:00", "thank_you", round="r1", contact="jane", channel="email")


def waiting(**fields):
    base = {
        "stage": "waiting",
        "decision_by": "2026-11-27",
        "contacts": [jane(), recruiter()],
        "events": [THANKED],
    }
    base.update(fields)
    return interview(**base)


def test_the_first_preferred_channel_the_constraints_allow():
    found = actions(waiting(preferences={"channels": ["phone", "linkedin"]}), "2026-11-30 10:00")
    assert only(found, "check_in").channel == "phone"
    no_calls = waiting(preferences={"channels": ["phone", "linkedin"], "no_calls": True})
    assert only(actions(no_calls, "2026-11-30 10:00"), "check_in").channel == "linkedin"


def test_else_the_last_channel_used_with_that_contact_but_never_a_call_when_told_not_to():
    called = waiting(
        events=[
            THANKED,
            sent("2026-11-21T10:00:00", "thank_you", round="r1", contact="sam", channel="phone"),
        ]
    )
    assert only(actions(called, "2026-11-30 10:00"), "check_in").channel == "phone"
    no_calls = waiting(
        preferences={"no_calls": True},
        events=[
            THANKED,
            sent("2026-11-21T10:00:00", "thank_you", round="r1", contact="sam", channel="phone"),
        ],
    )
    assert only(actions(no_calls, "2026-11-30 10:00"), "check_in").channel == "email"


def test_a_linkedin_invitation_is_not_a_channel_preference():
    invited = waiting(
        events=[THANKED, sent("2026-11-22T10:00:00", "connect", contact="sam", channel="linkedin")]
    )
    assert only(actions(invited, "2026-11-30 10:00"), "check_in").channel == "email"


def test_spacing_keeps_nudges_apart_from_the_last_message():
    late_thanks = waiting(
        events=[sent("2026-11-30T10:00:00", "thank_you", round="r1", contact="jane")]
    )
    action = only(actions(late_thanks, "2026-11-30 11:00"), "check_in")
    # two business days after Mon 30 Nov 10:00, at the same time of day
    assert (at(action.due_from), at(action.due_by)) == ("2026-12-02 10:00", "2026-12-03 17:00")
    assert action.reason.endswith("spaced 2 business days after your message of Mon 30 Nov")


def test_work_hours_move_a_nudge_that_would_open_in_the_evening():
    evening = waiting(events=[THANKED, sent("2026-11-30T20:00:00", "check_in")])
    action = only(actions(evening, "2026-12-01 10:00"), "value_add")
    assert (at(action.due_from), at(action.due_by)) == ("2026-12-08 09:00", "2026-12-09 17:00")


def test_custom_work_hours_and_days():
    action = only(
        actions(
            waiting(), "2026-11-27 16:00", work_hours="10:00-18:00", work_days=["tue", "wed", "thu"]
        ),
        "check_in",
    )
    assert (at(action.due_from), at(action.due_by)) == ("2026-12-01 10:00", "2026-12-02 18:00")


def test_the_latest_snooze_wins():
    snoozes = [
        {
            "at": "2026-11-30T10:00:00",
            "kind": "snooze",
            "action": "check_in",
            "until": "2026-12-03T09:00:00",
        },
        {
            "at": "2026-11-30T11:00:00",
            "kind": "snooze",
            "action": "check_in",
            "until": "2026-12-01T14:00:00",
        },
    ]
    action = only(actions(waiting(events=[THANKED, *snoozes]), "2026-11-30 12:00"), "check_in")
    assert (at(action.due_from), at(action.due_by)) == ("2026-12-01 14:00", "2026-12-02 17:00")
    assert "snoozed until Tue 1 Dec at 14:00" in action.reason


def test_a_snooze_into_the_evening_still_waits_for_work_hours():
    snooze = {
        "at": "2026-11-30T10:00:00",
        "kind": "snooze",
        "action": "check_in",
        "until": "2026-11-30T19:00:00",
    }
    action = only(actions(waiting(events=[THANKED, snooze]), "2026-11-30 12:00"), "check_in")
    assert at(action.due_from) == "2026-12-01 09:00"


def test_a_skipped_action_is_gone_for_good():
    skip = {
        "at": "2026-11-20T16:00:00",
        "kind": "skip",
        "action": "thank_you",
        "id": "acme/thank_you/r1/jane",
    }
    assert of_kind(actions(interview(events=[skip]), "2026-11-20 17:00"), "thank_you") == []


def test_no_contact_before_moves_nudges_but_not_before_work_hours_that_day():
    quiet = waiting(preferences={"no_contact_before": "2026-12-05"})
    action = only(actions(quiet, "2026-11-30 10:00"), "check_in")
    # Sat 5 Dec at 09:00, then work hours move it to Monday
    assert (at(action.due_from), at(action.due_by)) == ("2026-12-07 09:00", "2026-12-08 17:00")
    assert "they asked not to be contacted before Sat 5 Dec" in action.reason


def test_a_window_that_would_close_before_it_opens_closes_that_evening():
    late = interview(
        promises=[
            {
                "id": "p1",
                "what": "Send slides",
                "to": "jane",
                "due": "2026-11-24T09:00:00",
                "created": "2026-11-24T11:00:00",
            }
        ]
    )
    action = only(actions(late, "2026-11-24 12:00"), "keep_promise")
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-24 11:00", "2026-11-24 17:00")


def test_the_update_keeps_its_deadline_when_its_opening_moves():
    others = waiting(preferences={"no_contact_before": "2026-12-01"})
    offer = interview(
        id="globex",
        company="Globex",
        stage="offer",
        offer_deadline="2026-12-04",
        events=[{"at": "2026-11-25T11:00:00", "kind": "stage", "to": "offer"}],
    )
    action = only(actions([others, offer], "2026-11-26 10:00"), "update_others")
    assert (at(action.due_from), at(action.due_by)) == ("2026-12-01 09:00", "2026-12-02 17:00")


def test_a_snooze_survives_when_the_round_time_is_edited():
    snooze = {
        "at": "2026-11-20T16:00:00",
        "kind": "snooze",
        "id": "acme/thank_you/r1/jane",
        "action": "thank_you",
        "until": "2026-11-21T10:00:00",
    }
    before = only(actions(interview(events=[snooze]), "2026-11-20 17:00"), "thank_you")
    moved = interview(
        events=[snooze],
        rounds=[{"id": "r1", "starts": "2026-11-20T13:00:00", "interviewers": ["jane"]}],
    )
    after = only(actions(moved, "2026-11-20 17:00"), "thank_you")
    assert after.id == before.id == "acme/thank_you/r1/jane"
    assert at(after.due_from) == "2026-11-21 10:00" and "snoozed" in after.reason


def test_a_kept_promise_spaces_the_next_check_in():
    # Decision by Fri 27 Nov: the check-in would open Mon 30 Nov 09:00.
    kept = waiting(
        promises=[{"id": "p1", "what": "Send the plan", "to": "jane", "due": "2026-11-27T17:00"}],
        events=[THANKED, sent("2026-11-27T16:00:00", "keep_promise", promise="p1", contact="jane")],
    )
    action = only(actions(kept, "2026-11-27 16:30"), "check_in")
    assert (at(action.due_from), at(action.due_by)) == ("2026-12-01 16:00", "2026-12-02 17:00")
    assert action.reason.endswith("spaced 2 business days after your message of Fri 27 Nov")


def test_a_sent_update_spaces_and_takes_the_check_in_s_place():
    offer = interview(
        id="globex",
        company="Globex",
        stage="offer",
        offer_deadline="2026-12-11",
        events=[{"at": "2026-11-25T11:00:00", "kind": "stage", "to": "offer"}],
    )
    told = waiting(
        events=[
            THANKED,
            sent("2026-11-25T12:00:00", "update_others", contact="sam", channel="email"),
        ]
    )
    found = actions([told, offer], "2026-11-30 10:00")
    # Telling them of an offer asked where they stand: no check-in follows it, but something
    # of value does, a week after it, as after a check-in.
    assert of_kind(found, "check_in") == []
    value = only(found, "value_add")
    assert at(value.due_from) == "2026-12-02 12:00"
    assert "last note" in value.reason


# ------------------------------------------------------------- events typed without an id
# SPEC section 4: such an event applies to the action its fields describe (its kind with its
# round, contact or promise); only a check-in or value-add needs its time to say which.


def promised(promise_id: str, to: str) -> dict[str, object]:
    return {"id": promise_id, "what": f"Send {to} the deck", "to": to, "due": "2026-11-23T17:00:00"}


def test_a_kept_promise_typed_with_its_person_only_closes_the_promises_to_them():
    both = interview(
        contacts=[jane(), recruiter()],
        promises=[promised("p1", "jane"), promised("p2", "sam")],
        events=[sent("2026-11-22T10:00:00", "keep_promise", contact="jane")],
    )
    kept = of_kind(actions(both, "2026-11-22 12:00"), "keep_promise")
    assert [a.id for a in kept] == ["acme/keep_promise/p2"]


def test_an_invitation_typed_before_the_thank_you_still_counts_for_that_person():
    early = interview(
        events=[
            sent("2026-11-19T10:00:00", "connect", contact="jane"),
            sent("2026-11-20T16:00:00", "thank_you", round="r1", contact="jane"),
        ]
    )
    assert of_kind(actions(early, "2026-11-23 10:00"), "connect") == []
    # Without it, the invitation is suggested: the test above is about the event.
    plain = interview(events=[sent("2026-11-20T16:00:00", "thank_you", round="r1", contact="jane")])
    assert only(actions(plain, "2026-11-23 10:00"), "connect").contact == "jane"


def test_a_thank_you_typed_with_its_round_and_person_counts_whatever_its_time():
    typed = interview(events=[sent("2026-11-20T13:30:00", "thank_you", round="r1", contact="jane")])
    assert of_kind(actions(typed, "2026-11-20 16:00"), "thank_you") == []


def test_a_thank_you_typed_without_its_round_never_closes_a_later_round_s():
    second = {"id": "r2", "starts": "2026-11-25T14:00:00", "minutes": 60, "interviewers": ["jane"]}
    first = {"id": "r1", "starts": "2026-11-20T14:00:00", "minutes": 60, "interviewers": ["jane"]}
    typed = interview(
        rounds=[first, second],
        events=[sent("2026-11-20T16:00:00", "thank_you", contact="jane")],
    )
    assert only(actions(typed, "2026-11-25 16:00"), "thank_you").id == "acme/thank_you/r2/jane"

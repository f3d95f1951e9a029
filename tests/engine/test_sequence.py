"""check_in, value_add and move_on: the follow-up sequence (001, 002 #3-4, 003)."""

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


def test_check_in_opens_the_business_day_after_the_stated_decision_date():
    action = only(actions(waiting(), "2026-11-27 16:00"), "check_in")
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-30 09:00", "2026-12-01 17:00")
    assert action.state == "upcoming" and action.contact == "sam"
    assert (
        action.reason
        == "Acme Ltd said they would decide by Fri 27 Nov; no reply since; first check-in"
    )


def test_without_a_stated_date_the_answer_is_expected_within_a_week():
    action = only(actions(waiting(decision_by=None), "2026-11-21 10:00"), "check_in")
    # 20 Nov + 7 days = Fri 27 Nov; the next business day is Mon 30 Nov.
    assert at(action.due_from) == "2026-11-30 09:00"
    assert "employers usually answer within 7 days" in action.reason


def test_a_decision_date_before_the_sequence_started_is_not_the_anchor():
    action = only(actions(waiting(decision_by="2026-11-18"), "2026-11-21 10:00"), "check_in")
    assert at(action.due_from) == "2026-11-30 09:00"


def test_a_longer_grace_counts_business_days():
    action = only(
        actions(waiting(), "2026-11-27 16:00", check_in_grace_business_days=2), "check_in"
    )
    assert at(action.due_from) == "2026-12-01 09:00"


def test_public_holidays_are_not_business_days():
    christmas = waiting(decision_by="2026-12-24")
    action = only(actions(christmas, "2026-12-24 12:00", holidays="GB"), "check_in")
    # Fri 25 Dec and Mon 28 Dec (Boxing Day observed) are bank holidays in England.
    assert (at(action.due_from), at(action.due_by)) == ("2026-12-29 09:00", "2026-12-30 17:00")
    without = only(actions(christmas, "2026-12-24 12:00"), "check_in")
    assert at(without.due_from) == "2026-12-25 09:00"


def test_no_sequence_while_a_round_is_booked():
    booked = waiting(
        rounds=[
            {"id": "r1", "starts": "2026-11-20T14:00:00", "interviewers": ["jane"]},
            {"id": "r2", "starts": "2026-12-02T10:00:00", "interviewers": ["jane"]},
        ]
    )
    assert of_kind(actions(booked, "2026-11-30 10:00"), "check_in") == []
    after = only(actions(booked, "2026-12-02 12:00"), "check_in")
    assert after.id == "acme/check_in/r2"


def test_value_add_a_week_after_the_check_in_then_move_on():
    checked = waiting(events=[THANKED, sent("2026-11-30T10:00:00", "check_in", contact="sam")])
    found = actions(checked, "2026-12-01 10:00")
    assert of_kind(found, "check_in") == [] and of_kind(found, "move_on") == []
    value = only(found, "value_add")
    assert (at(value.due_from), at(value.due_by)) == ("2026-12-07 10:00", "2026-12-08 17:00")
    assert value.id == "acme/value_add/r1/0"
    assert value.reason.startswith("Your check-in to Acme Ltd, sent on Mon 30 Nov, is unanswered")

    twice = waiting(
        events=[
            THANKED,
            sent("2026-11-30T10:00:00", "check_in"),
            sent("2026-12-07T11:00:00", "value_add"),
        ]
    )
    found = actions(twice, "2026-12-14 12:00")
    assert of_kind(found, "value_add") == []
    move = only(found, "move_on")
    assert move.state == "due" and move.contact is None and move.channel is None
    assert at(move.due_from) == "2026-12-14 11:00"
    assert move.reason.startswith("2 follow-ups to Acme Ltd sent since Fri 20 Nov are unanswered")


def test_max_unanswered_sets_how_many_follow_ups_before_moving_on():
    one = waiting(events=[THANKED, sent("2026-11-30T10:00:00", "check_in")])
    assert of_kind(actions(one, "2026-12-08 12:00", max_unanswered=1), "move_on")
    two = waiting(
        events=[
            THANKED,
            sent("2026-11-30T10:00:00", "check_in"),
            sent("2026-12-07T11:00:00", "value_add"),
        ]
    )
    value = only(actions(two, "2026-12-14 12:00", max_unanswered=3), "value_add")
    assert value.id == "acme/value_add/r1/1"


def test_max_unanswered_zero_counts_as_one():
    one = waiting(events=[THANKED, sent("2026-11-30T10:00:00", "check_in")])
    zero = actions(one, "2026-12-08 12:00", max_unanswered=0)
    assert of_kind(zero, "value_add") == []
    assert at(only(zero, "move_on").due_from) == "2026-12-07 10:00"


def test_a_snooze_typed_without_an_id_belongs_to_the_running_sequence_whatever_it_names():
    def snooze(at: str, action: str, until: str, **fields: str) -> dict[str, str]:
        return {"at": at, "kind": "snooze", "action": action, "until": until, **fields}

    # The check-in goes to the recruiter; the snooze names the round and the interviewer.
    named = waiting(
        events=[
            THANKED,
            snooze(
                "2026-11-29T10:00:00", "check_in", "2026-12-05T10:00:00", round="r1", contact="jane"
            ),
        ]
    )
    check_in = only(actions(named, "2026-12-01 10:00"), "check_in")
    assert at(check_in.due_from) == "2026-12-07 09:00"  # Sat 5 Dec 10:00, moved to work hours

    value = waiting(
        events=[
            THANKED,
            sent("2026-11-30T10:00:00", "check_in", round="r1"),
            snooze("2026-12-01T10:00:00", "value_add", "2026-12-10T10:00:00", round="r1"),
        ]
    )
    assert at(only(actions(value, "2026-12-02 10:00"), "value_add").due_from) == (
        "2026-12-10 10:00"
    )

    moving = waiting(
        events=[
            THANKED,
            sent("2026-11-30T10:00:00", "check_in"),
            sent("2026-12-07T11:00:00", "value_add"),
            snooze("2026-12-08T10:00:00", "move_on", "2026-12-21T10:00:00", round="r1"),
        ]
    )
    assert at(only(actions(moving, "2026-12-09 10:00"), "move_on").due_from) == ("2026-12-21 10:00")


def test_a_skipped_check_in_advances_the_sequence_and_says_so():
    skipped = waiting(
        events=[THANKED, {"at": "2026-11-30T10:00:00", "kind": "skip", "action": "check_in"}]
    )
    value = only(actions(skipped, "2026-12-01 10:00"), "value_add")
    assert "sent or skipped on Mon 30 Nov" in value.reason


def test_a_reply_restarts_the_clock():
    replied = waiting(
        events=[
            THANKED,
            sent("2026-11-30T10:00:00", "check_in"),
            {"at": "2026-12-02T09:00:00", "kind": "reply", "contact": "sam"},
        ]
    )
    found = actions(replied, "2026-12-03 09:00")
    assert of_kind(found, "value_add") == [] and of_kind(found, "move_on") == []
    check = only(found, "check_in")
    assert at(check.due_from) == "2026-12-10 09:00"
    assert check.id.startswith("acme/check_in/reply-20261202T090000Z")
    assert check.reason.startswith("Sam Lee replied on Wed 2 Dec")


def test_a_skipped_move_on_stops_the_nudges_in_that_sequence():
    done = waiting(
        events=[
            THANKED,
            sent("2026-11-30T10:00:00", "check_in"),
            sent("2026-12-07T11:00:00", "value_add"),
            {"at": "2026-12-14T12:00:00", "kind": "skip", "action": "move_on"},
        ]
    )
    found = actions(done, "2026-12-20 12:00")
    assert [a.kind for a in found if a.kind in ("check_in", "value_add", "move_on")] == []


def test_no_sequence_at_offer():
    assert of_kind(actions(waiting(stage="offer"), "2026-11-30 10:00"), "check_in") == []

"""thank_you: one per interviewer, due within 24 hours of the round's end (000 #3, 004)."""

from tests.engine.helpers import actions, at, interview, jane, of_kind, only, recruiter, sent


def test_due_within_24_hours_of_the_rounds_end_with_its_reason():
    action = only(actions(interview(), "2026-11-20 16:00"), "thank_you")
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-20 15:00", "2026-11-21 15:00")
    assert action.state == "due"
    assert action.contact == "jane" and action.round == "r1" and action.channel == "email"
    assert action.reason == (
        "Jane Doe interviewed you on Fri 20 Nov at 14:00; a thank-you is due within 24 hours"
    )


def test_listed_from_midnight_on_the_rounds_day_as_upcoming():
    assert of_kind(actions(interview(), "2026-11-19 23:59"), "thank_you") == []
    assert only(actions(interview(), "2026-11-20 00:00"), "thank_you").state == "upcoming"


def test_one_per_interviewer_of_a_panel():
    panel = interview(
        rounds=[
            {
                "id": "r1",
                "starts": "2026-11-20T14:00:00",
                "kind": "panel",
                "interviewers": ["jane", "raj"],
            }
        ],
        contacts=[
            {"id": "jane", "name": "Jane Doe", "role": "interviewer"},
            {"id": "raj", "name": "Raj Patel", "role": "interviewer"},
        ],
    )
    found = of_kind(actions(panel, "2026-11-20 16:00"), "thank_you")
    assert sorted(a.contact for a in found) == ["jane", "raj"]
    assert len({a.id for a in found}) == 2


def test_a_round_with_no_interviewers_thanks_the_recipient():
    solo = interview(
        rounds=[{"id": "r1", "starts": "2026-11-20T14:00:00", "kind": "onsite"}],
        contacts=[{"id": "jane", "name": "Jane Doe", "role": "interviewer"}, recruiter()],
    )
    action = only(actions(solo, "2026-11-20 16:00"), "thank_you")
    assert action.contact == "sam"
    assert action.reason == (
        "Your onsite interview with Acme Ltd was on Fri 20 Nov at 14:00; a thank-you to Sam Lee "
        "is due within 24 hours"
    )


def test_a_round_with_no_interviewers_keeps_its_recipient_and_id_as_it_ends():
    # Before r2 ends, the latest ended round is r1 (Jane's); after, r2 itself, which names no
    # one. The recipient is worked out as r2 ends, so a snooze made before still applies.
    contacts = [{"id": "carol", "name": "Carol Roe", "role": "other"}, jane()]
    rounds = [
        {"id": "r1", "starts": "2026-11-13T14:00:00", "interviewers": ["jane"]},
        {"id": "r2", "starts": "2026-11-20T14:00:00"},
    ]
    plain = interview(rounds=rounds, contacts=contacts)
    before = _thanks_for_r2(actions(plain, "2026-11-20 10:00"))
    after = _thanks_for_r2(actions(plain, "2026-11-20 16:00"))
    assert [(a.id, a.contact) for a in before] == [("acme/thank_you/r2/carol", "carol")]
    assert [(a.id, a.contact) for a in after] == [("acme/thank_you/r2/carol", "carol")]

    snoozed = {
        "at": "2026-11-20T10:00:00",
        "kind": "snooze",
        "action": "thank_you",
        "id": before[0].id,
        "until": "2026-11-21T12:00:00",
    }
    later = interview(rounds=rounds, contacts=contacts, events=[snoozed])
    thanks = _thanks_for_r2(actions(later, "2026-11-20 16:00"))
    assert [at(a.due_from) for a in thanks] == ["2026-11-21 12:00"]


def _thanks_for_r2(found):
    return [a for a in of_kind(found, "thank_you") if a.round == "r2"]


def test_overdue_after_the_window_then_dropped_a_week_after_it_closed():
    assert only(actions(interview(), "2026-11-21 15:01"), "thank_you").state == "overdue"
    assert only(actions(interview(), "2026-11-28 14:59"), "thank_you").state == "overdue"
    assert of_kind(actions(interview(), "2026-11-28 15:01"), "thank_you") == []


def test_a_sent_event_ends_it_by_id_or_by_its_fields():
    by_id = interview(
        events=[sent("2026-11-20T16:30:00", "thank_you", id="acme/thank_you/r1/jane")]
    )
    by_fields = interview(
        events=[sent("2026-11-20T16:30:00", "thank_you", round="r1", contact="jane")]
    )
    assert of_kind(actions(by_id, "2026-11-20 17:00"), "thank_you") == []
    assert of_kind(actions(by_fields, "2026-11-20 17:00"), "thank_you") == []


def test_an_event_after_now_is_not_seen():
    later = interview(events=[sent("2026-11-20T18:00:00", "thank_you", round="r1", contact="jane")])
    assert only(actions(later, "2026-11-20 17:00"), "thank_you").state == "due"


def test_a_delay_and_a_longer_window_from_the_policy():
    action = only(
        actions(
            interview(), "2026-11-20 16:00", thank_you_delay_hours=24, thank_you_within_hours=48
        ),
        "thank_you",
    )
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-21 15:00", "2026-11-22 15:00")
    assert action.state == "upcoming"
    assert "between 24 and 48 hours after it" in action.reason


def test_none_to_an_employer_that_asked_for_no_follow_ups():
    quiet = interview(preferences={"no_follow_ups": True})
    assert of_kind(actions(quiet, "2026-11-20 16:00"), "thank_you") == []


def test_no_contact_before_moves_it_to_the_start_of_work_hours_that_day():
    wait = interview(preferences={"no_contact_before": "2026-11-23"})
    action = only(actions(wait, "2026-11-20 16:00"), "thank_you")
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-23 09:00", "2026-11-24 09:00")
    assert action.reason.endswith("they asked not to be contacted before Mon 23 Nov")


def test_not_moved_for_work_hours_it_is_a_deadline():
    late = interview(
        rounds=[
            {"id": "r1", "starts": "2026-11-20T18:00:00", "minutes": 90, "interviewers": ["jane"]}
        ]
    )
    action = only(actions(late, "2026-11-20 20:00"), "thank_you")
    assert at(action.due_from) == "2026-11-20 19:30"


def test_a_snooze_moves_the_window_and_keeps_its_length():
    snoozed = interview(
        events=[
            {
                "at": "2026-11-20T16:00:00",
                "kind": "snooze",
                "action": "thank_you",
                "round": "r1",
                "contact": "jane",
                "until": "2026-11-21T08:00:00",
            }
        ]
    )
    action = only(actions(snoozed, "2026-11-20 17:00"), "thank_you")
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-21 08:00", "2026-11-22 08:00")
    assert action.state == "upcoming"
    assert "snoozed until Sat 21 Nov at 08:00" in action.reason


def test_24_elapsed_hours_across_the_end_of_summer_time_in_london():
    # Clocks go back at 02:00 on Sun 25 Oct 2026: 24 hours after 15:00 BST is 14:00 GMT.
    autumn = interview(
        rounds=[{"id": "r1", "starts": "2026-10-24T14:00:00", "interviewers": ["jane"]}]
    )
    action = only(actions(autumn, "2026-10-24 16:00"), "thank_you")
    assert action.due_from.isoformat() == "2026-10-24T15:00:00+01:00"
    assert action.due_by.isoformat() == "2026-10-25T14:00:00+00:00"


def test_24_elapsed_hours_across_the_start_of_summer_time_in_new_york():
    # Clocks go forward at 02:00 on Sun 8 Mar 2026: 24 hours after 10:00 EST is 11:00 EDT.
    spring = interview(
        timezone="America/New_York",
        rounds=[{"id": "r1", "starts": "2026-03-07T09:00:00", "interviewers": ["jane"]}],
    )
    action = only(actions(spring, "2026-03-07 16:00"), "thank_you")
    assert action.due_from.isoformat() == "2026-03-07T10:00:00-05:00"
    assert action.due_by.isoformat() == "2026-03-08T11:00:00-04:00"


def test_a_naive_time_is_read_in_the_interviews_zone():
    tokyo = interview(
        timezone="Asia/Tokyo",
        rounds=[{"id": "r1", "starts": "2026-11-20T14:00:00", "interviewers": ["jane"]}],
    )
    action = only(actions(tokyo, "2026-11-20 12:00"), "thank_you")
    assert action.due_from.isoformat() == "2026-11-20T15:00:00+09:00"


def test_a_window_fixed_to_close_later_is_dropped_a_week_after_its_real_close():
    # A delay longer than the window: it would close before it opens, so it closes at the end
    # of work hours on the day it opens, and is dropped a week after that.
    late = {"thank_you_delay_hours": 72}
    action = only(actions(interview(), "2026-11-23 16:00", **late), "thank_you")
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-23 15:00", "2026-11-23 17:00")
    assert only(actions(interview(), "2026-11-30 16:59", **late), "thank_you").state == "overdue"
    assert of_kind(actions(interview(), "2026-11-30 17:01", **late), "thank_you") == []


def test_a_window_moved_by_no_contact_before_is_dropped_a_week_after_its_moved_close():
    wait = interview(preferences={"no_contact_before": "2026-11-21"})
    longer = {"thank_you_within_hours": 48}
    action = only(actions(wait, "2026-11-21 10:00", **longer), "thank_you")
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-21 09:00", "2026-11-23 09:00")
    assert only(actions(wait, "2026-11-30 08:00", **longer), "thank_you").state == "overdue"
    assert of_kind(actions(wait, "2026-11-30 09:01", **longer), "thank_you") == []

"""prepare, keep_promise, connect, nurture and update_others."""

import pytest

from tests.engine.helpers import actions, at, interview, jane, of_kind, only, recruiter, sent

THANKED = sent("2026-11-20T16:30:00", "thank_you", round="r1", contact="jane", channel="email")


# -- prepare


def test_prepare_opens_days_before_a_booked_round_and_goes_when_it_starts():
    action = only(actions(interview(), "2026-11-17 12:00"), "prepare")
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-18 14:00", "2026-11-20 14:00")
    assert action.state == "upcoming" and action.contact is None and action.channel is None
    assert action.reason.startswith("Your onsite interview with Acme Ltd is on Fri 20 Nov at 14:00")
    assert only(actions(interview(), "2026-11-20 13:59"), "prepare").state == "due"
    assert of_kind(actions(interview(), "2026-11-20 14:00"), "prepare") == []


def test_prepare_is_not_contact_and_survives_no_follow_ups():
    quiet = interview(preferences={"no_follow_ups": True})
    assert only(actions(quiet, "2026-11-19 12:00"), "prepare").state == "due"


# -- keep_promise


def promised(**fields):
    promise = {
        "id": "p1",
        "what": "Send my list of references",
        "to": "jane",
        "due": "2026-11-21T09:00:00",
    }
    promise.update(fields)
    return interview(promises=[promise])


def test_a_promise_opens_24_hours_before_it_is_due():
    action = only(actions(promised(), "2026-11-20 16:00"), "keep_promise")
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-20 09:00", "2026-11-21 09:00")
    assert action.contact == "jane" and action.state == "due"
    assert (
        action.reason == 'You promised Jane Doe "Send my list of references" by Sat 21 Nov at 09:00'
    )
    assert only(actions(promised(), "2026-11-21 09:01"), "keep_promise").state == "overdue"


def test_a_promise_made_later_opens_when_it_was_made():
    action = only(
        actions(promised(created="2026-11-20T15:00:00"), "2026-11-20 16:00"), "keep_promise"
    )
    assert at(action.due_from) == "2026-11-20 15:00"


def test_a_done_promise_is_gone_unless_done_after_now():
    done = promised(done_at="2026-11-20T18:00:00")
    assert of_kind(actions(done, "2026-11-20 19:00"), "keep_promise") == []
    assert only(actions(done, "2026-11-20 17:00"), "keep_promise").state == "due"


def test_promises_are_kept_despite_no_follow_ups_and_no_contact_before():
    quiet = interview(
        preferences={"no_follow_ups": True, "no_contact_before": "2026-12-01"},
        promises=[
            {"id": "p1", "what": "Send the design doc", "to": "jane", "due": "2026-11-21T09:00:00"}
        ],
    )
    action = only(actions(quiet, "2026-11-20 16:00"), "keep_promise")
    assert at(action.due_from) == "2026-11-20 09:00"


def test_their_promises_are_not_mine_to_keep():
    theirs = promised(by="them")
    assert of_kind(actions(theirs, "2026-11-20 16:00"), "keep_promise") == []


# -- connect


def test_connect_a_day_after_the_first_thank_you_on_linkedin_in_work_hours():
    thanked = interview(events=[THANKED])
    action = only(actions(thanked, "2026-11-21 16:00"), "connect")
    # Sat 21 Nov 16:30 is a day off: the window opens on Monday and keeps its six days.
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-23 09:00", "2026-11-29 09:00")
    assert action.channel == "linkedin" and action.contact == "jane"
    assert action.reason.startswith("You thanked Jane Doe on Fri 20 Nov")
    assert of_kind(actions(thanked, "2026-11-29 09:01"), "connect") == []


def test_connect_only_if_the_policy_suggests_it():
    thanked = interview(events=[THANKED])
    assert of_kind(actions(thanked, "2026-11-23 10:00", suggest_connect=False), "connect") == []


def test_connect_once_per_contact():
    thanked = interview(
        events=[
            THANKED,
            {"at": "2026-11-23T10:00:00", "kind": "sent", "action": "connect", "contact": "jane"},
        ]
    )
    assert of_kind(actions(thanked, "2026-11-24 10:00"), "connect") == []


# -- nurture


def warm(**fields):
    base = {
        "stage": "closed",
        "outcome": "rejected",
        "keep_warm": True,
        "contacts": [jane(), recruiter()],
        "events": [THANKED],
    }
    base.update(fields)
    return interview(**base)


def test_nurture_a_month_after_the_last_contact_of_a_closed_interview_kept_warm():
    action = only(actions(warm(), "2026-12-21 10:00"), "nurture")
    assert (at(action.due_from), at(action.due_by)) == ("2026-12-21 09:00", "2026-12-28 09:00")
    assert action.contact == "sam" and action.id == "acme/nurture/0"
    assert "is closed and kept warm; you were last in touch on Fri 20 Nov, and" in action.reason
    # spacing after the thank-you moved nothing here; work hours moved 16:30 on a Sunday
    assert action.state == "due"


def test_nurture_after_a_round_never_held_says_it_was_to_be():
    # Closed on 18 Nov, before the round booked for 20 Nov: nothing sent, no round held.
    early = warm(events=[])
    before = only(actions(early, "2026-11-18 10:00"), "nurture")
    assert "your last interview was to be on Fri 20 Nov" in before.reason
    after = only(actions(early, "2026-12-21 10:00"), "nurture")
    assert "your last interview was on Fri 20 Nov" in after.reason
    assert (before.due_from, before.due_by) == (after.due_from, after.due_by)


def test_nurture_after_closing_before_the_round_says_it_was_booked():
    stage = {"at": "2026-11-18T10:00:00", "kind": "stage", "from": "interviewed", "to": "closed"}
    early = warm(events=[stage])
    for now in ("2026-11-18 11:00", "2026-12-21 10:00"):
        action = only(actions(early, now), "nurture")
        assert "your last interview was booked for Fri 20 Nov" in action.reason


def test_a_closed_interview_not_kept_warm_asks_for_nothing():
    assert actions(warm(keep_warm=False), "2026-12-21 10:00") == []


def test_a_closed_interview_asks_for_nothing_but_nurture():
    busy = warm(promises=[{"id": "p1", "what": "x", "to": "jane", "due": "2026-12-21T09:00:00"}])
    assert {a.kind for a in actions(busy, "2026-12-21 10:00")} == {"nurture"}


def test_the_next_nurture_counts_from_the_last_one():
    again = warm(events=[THANKED, sent("2026-12-21T10:00:00", "nurture", contact="sam")])
    action = only(actions(again, "2026-12-22 10:00"), "nurture")
    assert action.id == "acme/nurture/1" and at(action.due_from) == "2027-01-20 10:00"


# -- update_others


def offer(**fields):
    base = {
        "id": "globex",
        "company": "Globex",
        "stage": "offer",
        "offer_deadline": "2026-12-04",
        "events": [
            {"at": "2026-11-25T11:00:00", "kind": "stage", "from": "references", "to": "offer"}
        ],
    }
    base.update(fields)
    return interview(**base)


def test_update_the_others_when_an_offer_with_a_deadline_arrives():
    others = interview(contacts=[jane(), recruiter()], stage="waiting")
    found = actions([others, offer()], "2026-11-25 12:00")
    action = only(found, "update_others")
    assert action.interview == "acme" and action.contact == "sam"
    assert action.id == "acme/update_others/globex"
    # opens when the offer arrived; closes end of work hours 2 business days before Fri 4 Dec
    assert (at(action.due_from), at(action.due_by)) == ("2026-11-25 11:00", "2026-12-02 17:00")
    assert action.reason.startswith("Globex made you an offer on Wed 25 Nov")


def test_no_update_before_the_offer_event_or_after_the_deadline_day():
    others = interview(stage="waiting")
    assert of_kind(actions([others, offer()], "2026-11-25 10:00"), "update_others") == []
    assert of_kind(actions([others, offer()], "2026-12-05 00:00"), "update_others") == []
    assert of_kind(actions([others, offer()], "2026-12-04 23:59"), "update_others")


def test_no_update_for_an_interview_that_has_not_had_a_round_yet():
    future = interview(rounds=[{"id": "r1", "starts": "2026-12-10T10:00:00"}])
    assert of_kind(actions([future, offer()], "2026-11-26 10:00"), "update_others") == []


@pytest.mark.parametrize(
    ("kind", "named"),
    [("video", "video interview"), ("Onsite", "Onsite interview"), ("phone screen", "phone screen"),
     ("trade test", "trade test"), ("", "interview")],
)  # fmt: skip
def test_a_reason_names_the_round_as_a_person_would(kind: str, named: str) -> None:
    from app.engine.describe import meeting_named

    assert meeting_named(kind) == named

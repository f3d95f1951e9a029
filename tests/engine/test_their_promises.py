"""A promise of theirs that passes undone: the check-in opens from it, as from a decision date.

The interview: an onsite at Acme on Fri 20 Nov 2026, 14:00-15:00 London, with Jane; Sam is the
recruiter; Acme said it would decide by Fri 27 Nov, so the usual check-in opens on Mon 30 Nov at
09:00. Jane was thanked on Fri 20 Nov at 16:00, so spacing holds nudges until Tue 24 Nov 16:00.
"""

from typing import Any

import pytest

from app.engine.describe import deed, to_you
from tests.engine.helpers import actions, at, interview, jane, of_kind, only, recruiter, sent

THANKED = sent("2026-11-20T16:00:00", "thank_you", round="r1", contact="jane", channel="email")
USUAL = ("2026-11-30 09:00", "2026-12-01 17:00")
USUAL_REASON = "Acme Ltd said they would decide by Fri 27 Nov; no reply since; first check-in"


def theirs(due: str, what: str = "Send the take-home", **fields: Any) -> dict[str, Any]:
    promise = {"id": "p1", "what": what, "to": "sam", "due": due, "by": "them"}
    promise.update(fields)
    return promise


def waiting(*promises: dict[str, Any], **fields: Any):
    base: dict[str, Any] = {
        "stage": "waiting",
        "decision_by": "2026-11-27",
        "contacts": [jane(), recruiter()],
        "events": [THANKED],
        "promises": list(promises),
    }
    base.update(fields)
    return interview(**base)


def check_in(item, now: str, **policy: Any):
    return only(actions(item, now, **policy), "check_in")


def window(action) -> tuple[str, str]:
    return at(action.due_from), at(action.due_by)


def test_a_passed_promise_of_theirs_opens_the_check_in_the_next_business_day():
    action = check_in(waiting(theirs("2026-11-24T12:00:00")), "2026-11-25 10:00")
    # Due Tue 24 Nov; 1 business day after it is Wed 25 Nov; a 2-business-day window.
    assert window(action) == ("2026-11-25 09:00", "2026-11-26 17:00")
    assert action.state == "due" and action.contact == "sam" and action.promise == "p1"
    assert action.reason == (
        "Sam Lee said they would send the take-home by Tue 24 Nov and that has passed; "
        "first check-in"
    )


def test_a_promise_due_on_a_friday_opens_the_check_in_on_monday():
    item = waiting(theirs("2026-11-27T17:00:00"), decision_by="2026-12-04")
    assert window(check_in(item, "2026-11-27 16:00")) == ("2026-12-07 09:00", "2026-12-08 17:00")
    action = check_in(item, "2026-11-28 10:00")
    assert window(action) == ("2026-11-30 09:00", "2026-12-01 17:00")
    assert action.state == "upcoming" and action.promise == "p1"


def test_a_promise_due_before_a_bank_holiday_skips_it():
    item = waiting(theirs("2026-12-24T12:00:00"), decision_by="2027-01-08")
    # Fri 25 Dec and Mon 28 Dec (Boxing Day observed) are bank holidays in England.
    action = check_in(item, "2026-12-24 13:00", holidays="GB")
    assert window(action) == ("2026-12-29 09:00", "2026-12-30 17:00")
    assert action.promise == "p1"
    without = check_in(item, "2026-12-24 13:00")
    assert window(without) == ("2026-12-25 09:00", "2026-12-28 17:00")


def test_a_longer_grace_counts_business_days_from_the_promise():
    item = waiting(theirs("2026-11-24T12:00:00"))
    action = check_in(item, "2026-11-25 10:00", check_in_grace_business_days=2)
    assert window(action) == ("2026-11-26 09:00", "2026-11-27 17:00")


def test_the_earliest_of_two_passed_promises_wins():
    later = theirs("2026-11-25T12:00:00", "Share the salary band", id="p1")
    earlier = theirs("2026-11-24T12:00:00", "Confirm the next steps", id="p2")
    action = check_in(waiting(later, earlier), "2026-11-26 10:00")
    assert window(action) == ("2026-11-25 09:00", "2026-11-26 17:00")
    assert action.promise == "p2"
    assert action.reason.startswith("Sam Lee said they would confirm the next steps by Tue 24 Nov")


def test_a_promise_kept_before_now_does_not_anchor():
    kept = theirs("2026-11-24T12:00:00", done_at="2026-11-25T09:30:00")
    action = check_in(waiting(kept), "2026-11-26 10:00")
    assert window(action) == USUAL
    assert action.promise is None and action.reason == USUAL_REASON


def test_a_promise_kept_after_now_still_anchors_on_replay():
    kept_later = waiting(theirs("2026-11-24T12:00:00", done_at="2026-11-27T09:30:00"))
    replayed = check_in(kept_later, "2026-11-26 10:00")
    assert window(replayed) == ("2026-11-25 09:00", "2026-11-26 17:00")
    assert replayed.promise == "p1"
    afterwards = check_in(kept_later, "2026-11-27 10:00")
    assert window(afterwards) == USUAL and afterwards.promise is None


def test_a_promise_not_yet_passed_moves_nothing():
    item = waiting(theirs("2026-11-24T12:00:00"))
    for now in ("2026-11-23 10:00", "2026-11-24 12:00"):
        action = check_in(item, now)
        assert window(action) == USUAL, now
        assert action.promise is None and action.reason == USUAL_REASON
    assert check_in(item, "2026-11-24 12:01").promise == "p1"


def test_a_promise_due_on_the_anchor_day_or_after_it_moves_nothing():
    for due in ("2026-11-27T10:00:00", "2026-11-28T10:00:00"):
        action = check_in(waiting(theirs(due)), "2026-11-29 10:00")
        assert window(action) == USUAL and action.promise is None, due


def test_a_promise_of_mine_is_not_an_anchor():
    mine = theirs("2026-11-24T12:00:00", by="me")
    action = check_in(waiting(mine), "2026-11-25 10:00")
    assert window(action) == USUAL and action.promise is None


def test_a_promise_due_before_a_reply_no_longer_anchors():
    reply = {"at": "2026-11-25T10:00:00", "kind": "reply", "contact": "sam"}
    item = waiting(theirs("2026-11-24T12:00:00"), events=[THANKED, reply])
    action = check_in(item, "2026-11-26 10:00")
    assert action.id == "acme/check_in/reply-20261125T100000Z"
    assert window(action) == USUAL and action.promise is None


def test_a_promise_due_before_the_round_ended_does_not_anchor():
    action = check_in(waiting(theirs("2026-11-20T12:00:00")), "2026-11-24 10:00")
    assert window(action) == USUAL and action.promise is None


def test_a_promise_due_after_a_reply_anchors_the_new_sequence():
    reply = {"at": "2026-11-23T10:00:00", "kind": "reply", "contact": "sam"}
    item = waiting(theirs("2026-11-25T12:00:00"), events=[THANKED, reply])
    action = check_in(item, "2026-11-26 10:00")
    assert action.id == "acme/check_in/reply-20261123T100000Z"
    assert window(action) == ("2026-11-26 09:00", "2026-11-27 17:00")
    assert action.reason == (
        "Sam Lee replied on Mon 23 Nov and said they would send the take-home by "
        "Wed 25 Nov and that has passed; check in"
    )


def test_the_reason_tells_the_user_their_own_note_back():
    item = waiting(theirs("2026-11-24T12:00:00", "Send me the brief.", to=None))
    assert check_in(item, "2026-11-25 10:00").reason == (
        "Acme Ltd said they would send you the brief by Tue 24 Nov and that has passed; "
        "first check-in"
    )
    acronym = waiting(theirs("2026-11-24T12:00:00", "OK the budget for the role"))
    assert "Sam Lee said they would OK the budget" in check_in(acronym, "2026-11-25 10:00").reason


# A promise of theirs, as people type it, and how it reads after "they would".
AS_TYPED = [
    ("Send the take-home.", "send the take-home"),
    ("Sam will send the take-home by Tuesday", "send the take-home"),
    ("They will call on Friday", "call"),
    ("Will send the offer letter", "send the offer letter"),
    ("Sam to send the contract", "send the contract"),
    ("Feedback on the take-home", "get back to me about feedback on the take-home"),
    ("The offer letter", "get back to me about the offer letter"),
    ("Acme will confirm the start date by the end of the week", "confirm the start date"),
    ("Acme Ltd is going to share the salary band before Fri 27 Nov", "share the salary band"),
    ("They'll let me know next week", "let me know"),
    ("Sam Lee is going to introduce me to the CTO by 27 November", "introduce me to the CTO"),
    ("Jane's team to share the brief tomorrow", "share the brief"),
    ("We are going to book the final round on 2026-11-24", "book the final round"),
    ("To confirm the references", "confirm the references"),
    ("Call Jane", "call Jane"),
    ("Send the notes from tomorrow", "send the notes from tomorrow"),
    ("By Friday", "get back to me"),
    ("Decision", "get back to me about the decision"),
    # The user's aside is theirs: not said back, and never put in a message.
    (
        "Get back to me with a decision (she sounded unsure, probably a no)",
        "get back to me with a decision",
    ),
    ("Send the brief [chase Sam if not]", "send the brief"),
]


@pytest.mark.parametrize(("what", "said"), AS_TYPED)
def test_a_promise_of_theirs_reads_after_would_however_it_was_typed(what: str, said: str):
    names = ["Jane Doe", "Sam Lee", "Acme Ltd"]
    assert deed(what, names) == said
    action = check_in(waiting(theirs("2026-11-24T12:00:00", what)), "2026-11-25 10:00")
    assert action.reason == (
        f"Sam Lee said they would {to_you(said)} by Tue 24 Nov and that has passed; first check-in"
    )


def test_a_promise_reads_after_would():
    assert deed("  Send   the take-home. ") == "send the take-home"
    assert deed("E-mail the contract") == "e-mail the contract"
    assert deed("OK the budget") == "OK the budget"
    # A thing rather than a deed, its capitals kept.
    assert deed("CV feedback to Alex") == "get back to me about CV feedback to Alex"
    assert deed("iOS build link") == "get back to me about iOS build link"
    assert deed("Update on the role") == "get back to me about the update on the role"
    assert deed("Offer details") == "get back to me about offer details"
    # Whoever leads it, named or not, and however it was noted from my side.
    assert deed("Hiring manager to call me Friday") == "call me"
    assert deed("The panel will share feedback") == "share feedback"
    assert deed("Offer letter to follow") == "send the offer letter"
    assert deed("Offer letter to follow next week") == "send the offer letter"
    # Not a person: left as noted, as a thing to get back about.
    assert deed("Offer to be confirmed") == "get back to me about the offer to be confirmed"
    assert deed("Case study to review") == "get back to me about case study to review"
    assert deed("Decision Friday") == "get back to me about the decision"
    assert deed("Sam will send the contract Monday", ["Sam Lee"]) == "send the contract"
    assert deed("Legal to send the contract") == "send the contract"
    assert deed("I'll hear back by Thursday") == "get back to me"
    assert deed("Check with legal about the visa") == "check with legal about the visa"
    assert deed("Send the deck to the CTO") == "send the deck to the CTO"
    assert deed("Update me on the role") == "update me on the role"
    # "I" is never their subject.
    assert deed("I will call", ["Isla Brown"]) == "I will call"
    assert deed("Acme to confirm", ["Acme Ltd"]) == "confirm"
    assert deed("Will to confirm", ["Will Hart"]) == "confirm"
    assert to_you("let me know about my start date") == "let you know about your start date"
    assert to_you("Send meeting notes") == "Send meeting notes"


def test_no_contact_before_still_applies():
    item = waiting(theirs("2026-11-24T12:00:00"), preferences={"no_contact_before": "2026-11-27"})
    action = check_in(item, "2026-11-25 10:00")
    # Moved to the start of work hours on Fri 27 Nov; two business days: Fri and Mon.
    assert window(action) == ("2026-11-27 09:00", "2026-11-30 17:00")
    assert action.promise == "p1"
    assert action.reason.startswith("Sam Lee said they would send the take-home")
    assert action.reason.endswith("; they asked not to be contacted before Fri 27 Nov")


def test_spacing_still_applies():
    thanked_late = sent("2026-11-24T11:00:00", "thank_you", round="r1", contact="jane")
    item = waiting(theirs("2026-11-23T12:00:00"), events=[thanked_late])
    action = check_in(item, "2026-11-24 12:00")
    # The promise opens it on Tue 24 Nov 09:00; 2 business days after the thank-you: Thu 11:00.
    assert window(action) == ("2026-11-26 11:00", "2026-11-27 17:00")
    assert action.promise == "p1"


def test_no_follow_ups_means_no_check_in_even_so():
    item = waiting(theirs("2026-11-24T12:00:00"), preferences={"no_follow_ups": True})
    assert of_kind(actions(item, "2026-11-25 10:00"), "check_in") == []


def test_the_id_does_not_change_when_the_promise_passes():
    item = waiting(theirs("2026-11-24T12:00:00"))
    before = check_in(item, "2026-11-24 11:00")
    after = check_in(item, "2026-11-24 13:00")
    assert before.id == after.id == "acme/check_in/r1"
    assert (before.promise, after.promise) == (None, "p1")


def test_a_snooze_recorded_before_the_promise_passed_still_applies():
    snoozed = {
        "at": "2026-11-23T10:00:00",
        "kind": "snooze",
        "action": "check_in",
        "id": "acme/check_in/r1",
        "until": "2026-11-26T14:00:00",
    }
    item = waiting(theirs("2026-11-24T12:00:00"), events=[THANKED, snoozed])
    action = check_in(item, "2026-11-25 10:00")
    assert window(action) == ("2026-11-26 14:00", "2026-11-27 17:00")
    assert action.state == "upcoming" and action.promise == "p1"
    assert action.reason.endswith("; snoozed until Thu 26 Nov at 14:00")


def test_a_snooze_typed_without_an_id_applies_too():
    snoozed = {
        "at": "2026-11-23T10:00:00",
        "kind": "snooze",
        "action": "check_in",
        "until": "2026-11-26T14:00:00",
    }
    item = waiting(theirs("2026-11-24T12:00:00"), events=[THANKED, snoozed])
    assert window(check_in(item, "2026-11-25 10:00")) == ("2026-11-26 14:00", "2026-11-27 17:00")


def test_a_snooze_typed_without_an_id_applies_whatever_promise_it_names():
    # A sequence has one check-in: an event typed by hand belongs to it by its time alone.
    snoozed = {
        "at": "2026-11-25T09:30:00",
        "kind": "snooze",
        "action": "check_in",
        "promise": "p1",
        "contact": "sam",
        "until": "2026-11-26T14:00:00",
    }
    item = waiting(theirs("2026-11-24T12:00:00"), events=[THANKED, snoozed])
    assert window(check_in(item, "2026-11-25 10:00")) == ("2026-11-26 14:00", "2026-11-27 17:00")
    other = {**snoozed, "promise": "p2"}
    two = waiting(
        theirs("2026-11-24T12:00:00"),
        theirs("2026-11-25T12:00:00", id="p2"),
        events=[THANKED, other],
    )
    assert window(check_in(two, "2026-11-25 10:00")) == ("2026-11-26 14:00", "2026-11-27 17:00")


def test_a_check_in_skipped_before_the_promise_passed_stays_skipped():
    skipped = {"at": "2026-11-23T10:00:00", "kind": "skip", "action": "check_in"}
    skipped["id"] = "acme/check_in/r1"
    item = waiting(theirs("2026-11-24T12:00:00"), events=[THANKED, skipped])
    found = actions(item, "2026-11-25 10:00")
    assert of_kind(found, "check_in") == []
    assert only(found, "value_add").id == "acme/value_add/r1/0"

"""Waiting on them: every date an employer gave, how late it is, and in which order they read."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.domain.records import Interview
from app.insights import Promised, how_late, waiting_on_them
from app.insights.wait import wait_began
from tests.insights import helpers
from tests.insights.helpers import at, reply, round_

# A video call on Mon 2 Nov 2026, 10:00-11:00 London: the employer owes an answer from 11:00.
HELD = round_("r1", "2026-11-02T10:00")


def interview(ident: str = "acme", **fields: Any) -> Interview:
    """Waiting after the call of 2 Nov, unless the test gives its own rounds."""
    return helpers.interview(ident, **{"rounds": [HELD], **fields})


def test_a_decision_date_five_days_past_reads_five_days_late():
    # They said they would decide by Fri 27 Nov; it is Wed 2 Dec.
    acme = interview(decision_by="2026-11-27")
    [item] = waiting_on_them([acme], at("2026-12-02T10:00"))
    assert item.kind is Promised.DECISION
    assert item.company == "Acme"
    assert item.days == 5
    assert item.overdue
    assert how_late(item) == "5 days late"


def test_a_date_is_kept_until_the_end_of_its_day():
    acme = interview(decision_by="2026-11-27")
    [evening] = waiting_on_them([acme], at("2026-11-27T23:30"))
    assert not evening.overdue
    assert how_late(evening) == "due today"
    [after] = waiting_on_them([acme], at("2026-11-28T00:30"))
    assert after.overdue
    assert after.late == timedelta(minutes=30)
    assert how_late(after) == "1 day late"


def test_dates_still_to_come_say_how_far_off_they_are():
    acme = interview(decision_by="2026-11-21")
    beta = interview("beta", decision_by="2026-11-26")
    now = at("2026-11-20T10:00")
    tomorrow, later = waiting_on_them([beta, acme], now)
    assert (tomorrow.company, how_late(tomorrow)) == ("Acme", "due tomorrow")
    assert (later.company, how_late(later)) == ("Beta", "due in 6 days")
    assert later.days == -6


def test_their_promise_with_a_time_is_late_by_the_hour_on_its_day():
    acme = interview(
        promises=[
            {
                "id": "p1",
                "what": "Send the written offer",
                "to": "sam",
                "due": "2026-11-20T09:00",
                "by": "them",
            }
        ]
    )
    [item] = waiting_on_them([acme], at("2026-11-20T11:30"))
    assert item.kind is Promised.PROMISE
    assert item.what == "Send the written offer"
    assert item.contact == "Sam Lee"
    assert item.days == 0
    assert how_late(item) == "2 hours late"
    [next_day] = waiting_on_them([acme], at("2026-11-21T08:00"))
    assert how_late(next_day) == "1 day late"


def test_only_their_open_promises_count():
    promises = [
        {"id": "mine", "what": "Send references", "due": "2026-11-19T09:00"},
        {
            "id": "kept",
            "what": "Send the contract",
            "due": "2026-11-19T09:00",
            "done_at": "2026-11-18T12:00",
            "by": "them",
        },
        {
            "id": "kept-later",
            "what": "Send the benefits summary",
            "due": "2026-11-19T09:00",
            "done_at": "2026-11-25T12:00",
            "by": "them",
        },
    ]
    acme = interview(promises=promises)
    # Read as it was on the 20th: the summary was sent only on the 25th.
    [item] = waiting_on_them([acme], at("2026-11-20T10:00"))
    assert item.what == "Send the benefits summary"
    assert how_late(item) == "1 day late"
    assert waiting_on_them([acme], at("2026-11-26T10:00")) == []


def test_closed_interviews_owe_nothing_and_an_offer_replaces_the_decision_date():
    closed = interview("gone", stage="closed", outcome="rejected", decision_by="2026-11-10")
    offered = interview(
        "offered", stage="offer", decision_by="2026-11-10", offer_deadline="2026-11-28"
    )
    waiting = interview("waiting", offer_deadline="2026-11-28")
    [item] = waiting_on_them([closed, offered, waiting], at("2026-11-20T10:00"))
    assert (item.interview_id, item.kind) == ("offered", Promised.OFFER_DEADLINE)
    assert item.what == "Offer deadline"
    assert how_late(item) == "due in 8 days"


def test_the_longest_overdue_come_first_then_the_soonest_to_come():
    interviews = [
        interview("later", decision_by="2026-11-26"),
        interview("hour", promises=[_theirs("2026-11-20T09:00")]),
        interview("soon", decision_by="2026-11-21"),
        interview("week", decision_by="2026-11-13"),
        interview("two", decision_by="2026-11-18"),
    ]
    items = waiting_on_them(interviews, at("2026-11-20T10:00"))
    assert [(i.interview_id, how_late(i)) for i in items] == [
        ("week", "7 days late"),
        ("two", "2 days late"),
        ("hour", "1 hour late"),
        ("soon", "due tomorrow"),
        ("later", "due in 6 days"),
    ]


def test_dates_are_read_on_the_interview_clock():
    # 03:00 in London on the 20th is still 22:00 on the 19th in Toronto.
    toronto = interview("far", timezone="America/Toronto", decision_by="2026-11-19")
    london = interview("near", decision_by="2026-11-19")
    items = waiting_on_them([toronto, london], at("2026-11-20T03:00"))
    assert [(i.interview_id, how_late(i)) for i in items] == [
        ("near", "1 day late"),
        ("far", "due today"),
    ]
    assert items[1].due == at("2026-11-20T00:00", "America/Toronto")


def test_nothing_owed_is_an_empty_list():
    assert waiting_on_them([interview()], at("2026-11-20T10:00")) == []


def _theirs(due: str) -> dict[str, str]:
    return {"id": "p1", "what": "Send times", "to": "sam", "due": due, "by": "them"}


# ---------------------------------------------------------------- the present wait, as the engine
# Wed 25 Nov 2026, 10:00 London; the call was on Mon 2 Nov.
WED = at("2026-11-25T10:00")


def test_a_decision_date_they_answered_after_is_not_late():
    # Acme said they would decide by Wed 18 Nov and replied on Thu 19 Nov: the wait that date
    # belonged to is over. Without the reply it is 7 days late (18 Nov to 25 Nov).
    silent = interview(decision_by="2026-11-18")
    [item] = waiting_on_them([silent], WED)
    assert (item.kind, how_late(item)) == (Promised.DECISION, "7 days late")
    answered = interview(decision_by="2026-11-18", events=[reply("2026-11-19T09:00")])
    assert waiting_on_them([answered], WED) == []


def test_a_date_they_give_when_they_answer_is_owed_again():
    # In their reply of 19 Nov they said they would now decide by Fri 27 Nov.
    answered = interview(decision_by="2026-11-27", events=[reply("2026-11-19T09:00")])
    [item] = waiting_on_them([answered], WED)
    assert (item.day.isoformat(), how_late(item)) == ("2026-11-27", "due in 2 days")


def test_a_reply_on_the_decision_day_itself_leaves_the_date_standing():
    # The engine compares the date with the day the wait began: 18 Nov is on or after 18 Nov.
    acme = interview(decision_by="2026-11-18", events=[reply("2026-11-18T09:00")])
    [item] = waiting_on_them([acme], WED)
    assert how_late(item) == "7 days late"


def test_a_reply_before_the_last_round_ended_answers_nothing():
    # They replied on 30 Oct, before the call of 2 Nov: the wait began at the call's end.
    acme = interview(decision_by="2026-11-18", events=[reply("2026-10-30T09:00")])
    [item] = waiting_on_them([acme], WED)
    assert how_late(item) == "7 days late"


def test_a_reply_still_to_come_has_not_answered_yet():
    acme = interview(decision_by="2026-11-18", events=[reply("2026-11-26T09:00")])
    [item] = waiting_on_them([acme], WED)
    assert how_late(item) == "7 days late"
    assert waiting_on_them([acme], at("2026-11-26T10:00")) == []


def test_the_day_the_wait_began_is_read_on_the_interview_clock():
    # 02:00 on the 19th in London is 21:00 on the 18th in Toronto: there the reply came on the
    # decision day itself, so the date stands; in London it came the day after.
    replied = [reply("2026-11-19T02:00:00+00:00")]
    toronto = interview("far", timezone="America/Toronto", decision_by="2026-11-18", events=replied)
    london = interview("near", decision_by="2026-11-18", events=replied)
    items = waiting_on_them([toronto, london], WED)
    assert [(i.interview_id, how_late(i)) for i in items] == [("far", "7 days late")]


def test_nothing_is_owed_while_the_next_round_is_booked():
    # At next_round, they said they would decide by Thu 5 Nov, then booked a second round for
    # Tue 24 Nov 14:00-15:00. On Fri 20 Nov the old date would read 15 days late.
    booked = interview(
        stage="next_round",
        decision_by="2026-11-05",
        rounds=[HELD, round_("r2", "2026-11-24T14:00")],
    )
    assert waiting_on_them([booked], at("2026-11-20T10:00")) == []
    # The round held, the wait began at 15:00 on the 24th: the 5 Nov date belonged to the last.
    assert waiting_on_them([booked], WED) == []
    dated = interview(
        stage="next_round",
        decision_by="2026-11-27",
        rounds=[HELD, round_("r2", "2026-11-24T14:00")],
    )
    assert waiting_on_them([dated], at("2026-11-20T10:00")) == []
    [item] = waiting_on_them([dated], WED)
    assert how_late(item) == "due in 2 days"


def test_no_decision_is_owed_before_any_round_is_held():
    # As in the engine, the employer owes an answer only once a round has ended.
    unmet = interview(stage="scheduled", decision_by="2026-11-18", rounds=[])
    assert waiting_on_them([unmet], WED) == []


def test_their_promise_passed_before_their_reply_is_not_late():
    # Sam said Acme would send the take-home by Wed 18 Nov, 17:00; it is not marked done.
    take_home = _theirs("2026-11-18T17:00") | {"what": "Send the take-home"}
    silent = interview(promises=[take_home])
    [item] = waiting_on_them([silent], WED)
    assert (item.kind, how_late(item)) == (Promised.PROMISE, "7 days late")
    # Sam replied on the 19th: the engine follows up only what passed since.
    answered = interview(promises=[take_home], events=[reply("2026-11-19T09:00")])
    assert waiting_on_them([answered], WED) == []


def test_their_promise_passed_since_their_reply_is_late():
    after = _theirs("2026-11-20T12:00") | {"what": "Send the panel's times"}
    acme = interview(promises=[after], events=[reply("2026-11-19T09:00")])
    [item] = waiting_on_them([acme], WED)
    assert (item.what, how_late(item)) == ("Send the panel's times", "5 days late")


def test_their_promise_still_to_come_is_listed_whatever_the_wait():
    # A second round is booked on Tue 24 Nov. On Fri 20 Nov: one promise passed on the 18th
    # while that round was booked (the engine ignores it), one is due on Mon 23 Nov.
    passed = _theirs("2026-11-18T17:00") | {"id": "p1", "what": "Send the agenda"}
    coming = _theirs("2026-11-23T17:00") | {"id": "p2", "what": "Send the panel's names"}
    booked = interview(
        stage="next_round",
        rounds=[HELD, round_("r2", "2026-11-24T14:00")],
        promises=[passed, coming],
    )
    [item] = waiting_on_them([booked], at("2026-11-20T10:00"))
    assert (item.what, how_late(item)) == ("Send the panel's names", "due in 3 days")
    # Once due, the 23rd is before the round of the 24th ended: a wait that round has ended.
    assert waiting_on_them([booked], WED) == []
    unmet = interview(stage="scheduled", rounds=[], promises=[coming])
    [item] = waiting_on_them([unmet], at("2026-11-20T10:00"))
    assert how_late(item) == "due in 3 days"
    assert waiting_on_them([unmet], WED) == []


def test_an_offer_deadline_keeps_its_own_rule():
    # At offer, with a round booked and a reply after the deadline's day, it is still owed.
    offered = interview(
        stage="offer",
        offer_deadline="2026-11-18",
        rounds=[HELD, round_("r2", "2026-11-30T14:00")],
        events=[reply("2026-11-19T09:00")],
    )
    [item] = waiting_on_them([offered], WED)
    assert (item.kind, how_late(item)) == (Promised.OFFER_DEADLINE, "7 days late")


# ---------------------------------------------------------------- when the wait began


def test_the_wait_begins_when_the_last_round_ends():
    acme = interview(rounds=[round_("r2", "2026-11-10T15:00", 45), HELD])
    assert wait_began(acme, WED) == at("2026-11-10T15:45")
    assert wait_began(acme, at("2026-11-10T15:45")) == at("2026-11-10T15:45")


def test_the_wait_begins_again_at_the_latest_reply_seen():
    replies = [reply("2026-11-19T09:00"), reply("2026-11-23T16:30"), reply("2026-11-26T08:00")]
    acme = interview(events=[*replies, reply("2026-11-01T12:00")])
    assert wait_began(acme, WED) == at("2026-11-23T16:30")
    assert wait_began(acme, at("2026-11-19T08:59")) == at("2026-11-02T11:00")


def test_there_is_no_wait_before_a_round_or_while_one_is_booked():
    assert wait_began(interview(rounds=[]), WED) is None
    booked = interview(rounds=[HELD, round_("r2", "2026-11-25T09:30")])
    assert wait_began(booked, WED) is None  # under way: it ends at 10:30
    assert wait_began(booked, at("2026-11-25T10:30")) == at("2026-11-25T10:30")

"""Waiting on them: every date an employer gave, how late it is, and in which order they read."""

from __future__ import annotations

from datetime import timedelta

from app.insights import Promised, how_late, waiting_on_them
from tests.insights.helpers import at, interview


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

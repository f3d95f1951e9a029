"""How long each employer took to answer after a round, against the date they gave."""

from __future__ import annotations

from typing import Any

import pytest

from app.insights.answers import answer_times, interview_waits
from tests.insights.helpers import at, interview, reply, round_

FRIDAY_ROUND = round_("r1", "2026-11-20T14:00")  # ends Fri 20 Nov at 15:00


def test_said_the_27th_answered_on_2_december_is_five_days_late():
    acme = interview(
        rounds=[FRIDAY_ROUND], decision_by="2026-11-27", events=[reply("2026-12-02T11:00")]
    )
    [company] = answer_times([acme], at("2026-12-03T10:00"))
    [wait] = company.waits
    assert company.company == "Acme"
    assert wait.started == at("2026-11-20T15:00")
    assert wait.answered == at("2026-12-02T11:00")
    assert not wait.waiting
    assert (wait.days, wait.said_days, wait.late_days) == (12, 7, 5)
    assert company.typical_days == 12


def test_a_wait_with_no_reply_runs_until_today():
    acme = interview(rounds=[FRIDAY_ROUND], decision_by="2026-11-27")
    [wait] = interview_waits(acme, at("2026-11-25T09:00"))
    assert wait.waiting
    assert (wait.days, wait.said_days, wait.late_days) == (5, 7, -2)
    [late] = interview_waits(acme, at("2026-11-30T09:00"))
    assert (late.days, late.late_days) == (10, 3)


def test_a_reply_before_the_round_ended_or_after_now_is_not_the_answer():
    acme = interview(
        rounds=[FRIDAY_ROUND],
        events=[reply("2026-11-20T14:30"), reply("2026-11-24T10:00")],
    )
    [wait] = interview_waits(acme, at("2026-11-23T10:00"))
    assert wait.waiting and wait.days == 3
    [answered] = interview_waits(acme, at("2026-11-24T10:00"))
    assert answered.answered == at("2026-11-24T10:00") and answered.days == 4


def test_a_round_followed_by_another_before_any_reply_is_left_out():
    acme = interview(
        rounds=[round_("r1", "2026-11-10T10:00"), round_("r2", "2026-11-13T10:00")],
        events=[reply("2026-11-17T09:00")],
    )
    [wait] = interview_waits(acme, at("2026-11-20T10:00"))
    assert wait.started == at("2026-11-13T11:00")
    assert wait.days == 4


def test_a_round_not_held_yet_starts_no_wait():
    acme = interview(rounds=[round_("r1", "2026-11-10T10:00"), round_("r2", "2026-11-23T10:00")])
    [wait] = interview_waits(acme, at("2026-11-20T10:00"))
    assert wait.started == at("2026-11-10T11:00") and wait.waiting and wait.days == 10


def test_a_closed_interview_keeps_its_answers_but_nobody_waits_on_it():
    never = interview("never", stage="closed", outcome="moved_on", rounds=[FRIDAY_ROUND])
    answered = interview(
        "answered",
        stage="closed",
        outcome="rejected",
        rounds=[FRIDAY_ROUND],
        events=[reply("2026-11-23T09:00")],
    )
    [company] = answer_times([never, answered], at("2026-12-01T10:00"))
    assert company.company == "Answered"
    assert [w.days for w in company.waits] == [3]


def test_their_date_belongs_to_the_latest_wait_that_began_by_then():
    acme = interview(
        rounds=[round_("r1", "2026-11-03T10:00"), round_("r2", "2026-11-10T10:00")],
        events=[reply("2026-11-05T10:00")],
        decision_by="2026-11-13",
    )
    first, second = interview_waits(acme, at("2026-11-20T10:00"))
    assert (first.days, first.said) == (2, None)
    assert second.said is not None and second.said.isoformat() == "2026-11-13"
    assert (second.days, second.said_days, second.late_days) == (10, 3, 7)


def test_a_date_before_every_wait_belongs_to_none():
    acme = interview(rounds=[FRIDAY_ROUND], decision_by="2026-11-19")
    [wait] = interview_waits(acme, at("2026-11-25T10:00"))
    assert wait.said is None and wait.late_days is None


def test_days_are_counted_on_the_interview_clock():
    # The round ends at 23:30 in Toronto on the 19th (04:30 on the 20th in London); the reply
    # comes at 09:00 in Toronto on the 20th: one day later there.
    toronto = interview(
        timezone="America/Toronto",
        rounds=[round_("r1", "2026-11-19T22:30")],
        events=[reply("2026-11-20T09:00")],
    )
    [wait] = interview_waits(toronto, at("2026-11-21T10:00"))
    assert wait.days == 1
    assert wait.started == at("2026-11-19T23:30", "America/Toronto")
    assert wait.started.date().isoformat() == "2026-11-19"


def test_interviews_of_one_company_are_read_together_the_late_ones_first():
    first = interview(
        "acme-pm",
        company="Acme",
        rounds=[round_("r1", "2026-11-02T10:00")],
        events=[reply("2026-11-04T10:00")],
    )
    second = interview(
        "acme-tpm",
        company="ACME ",
        rounds=[round_("r1", "2026-11-09T10:00")],
        events=[reply("2026-11-15T10:00")],
    )
    slow = interview("slow", rounds=[round_("r1", "2026-11-01T10:00")])
    late = interview("late", rounds=[FRIDAY_ROUND], decision_by="2026-11-23")
    companies = answer_times([first, slow, second, late], at("2026-11-25T10:00"))
    assert [c.company for c in companies] == ["Late", "Slow", "Acme"]
    acme = companies[2]
    assert [w.interview_id for w in acme.waits] == ["acme-pm", "acme-tpm"]
    assert acme.typical_days == 4  # 2 days and 6 days
    assert acme.latest.days == 6
    assert companies[0].latest.late_days == 2
    assert companies[1].latest.days == 24


def theirs(due: str, done_at: str | None, **fields: Any) -> dict[str, Any]:
    promise = {"id": "p1", "what": "Send the take-home", "to": "sam", "due": due, "by": "them"}
    return {**promise, "done_at": done_at, **fields}


def test_a_kept_promise_of_theirs_is_an_answer_against_its_due_day():
    # Made on Mon 23 Nov for Wed 25 Nov; kept on Fri 27 Nov: 4 days, 2 said, 2 late.
    acme = interview(
        rounds=[FRIDAY_ROUND],
        events=[reply("2026-11-23T10:00")],
        promises=[
            theirs("2026-11-25T17:00", "2026-11-27T09:30", created="2026-11-23T10:00"),
        ],
    )
    round_wait, kept = interview_waits(acme, at("2026-11-30T10:00"))
    assert (round_wait.promise, round_wait.days) == ("", 3)
    assert kept.promise == "Send the take-home"
    assert (kept.started, kept.answered) == (at("2026-11-23T10:00"), at("2026-11-27T09:30"))
    assert not kept.waiting
    assert (kept.days, kept.said_days, kept.late_days) == (4, 2, 2)
    [company] = answer_times([acme], at("2026-11-30T10:00"))
    assert company.latest == kept
    assert company.typical_days == 3.5


def test_a_kept_promise_made_at_no_stated_time_starts_at_the_round_before_it():
    acme = interview(
        rounds=[FRIDAY_ROUND, round_("r2", "2026-12-07T10:00")],
        promises=[theirs("2026-11-24T17:00", "2026-11-24T12:00")],
    )
    waits = interview_waits(acme, at("2026-11-30T10:00"))
    [kept] = [w for w in waits if w.promise]
    assert kept.started == at("2026-11-20T15:00")
    assert (kept.days, kept.said_days, kept.late_days) == (4, 4, 0)


@pytest.mark.parametrize(
    "promise",
    [
        theirs("2026-11-24T17:00", None),  # not kept: the waiting view's
        theirs("2026-11-24T17:00", "2026-12-01T09:00"),  # kept after now
        theirs("2026-11-24T17:00", "2026-11-24T12:00", by="me"),  # mine
        theirs("2026-11-18T17:00", "2026-11-18T12:00"),  # before any round, made at no time
        theirs("2026-11-24T17:00", "2026-11-23T12:00", created="2026-11-23T15:00"),
    ],
    ids=["open", "kept-later", "mine", "no-start", "kept-before-made"],
)
def test_only_a_promise_of_theirs_kept_by_now_is_an_answer(promise: dict[str, Any]):
    acme = interview(rounds=[FRIDAY_ROUND], promises=[promise])
    assert [w.promise for w in interview_waits(acme, at("2026-11-30T10:00"))] == [""]

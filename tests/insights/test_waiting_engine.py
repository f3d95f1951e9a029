"""The waiting view and the engine agree on what the employer owes: a decision date is listed
exactly when the engine anchors the running sequence on it, and a promise of theirs is listed as
late exactly when the engine counts it as lapsed in that sequence."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.policy import Policy
from app.domain.records import Interview
from app.engine.facts import Facts
from app.insights import Promised, waiting_on_them
from tests.insights.helpers import at, interview

NOW = at("2026-11-20T10:00")
ZONES = ("Europe/London", "America/Toronto", "Asia/Kolkata")
# Whole hours and days around NOW, so that edges (a reply at a round's very end, a date on the
# day the wait began) come up often.
hours = st.integers(-30 * 24, 10 * 24)


def _stamp(moment: datetime) -> str:
    return moment.isoformat()


@st.composite
def histories(draw: st.DrawFn) -> Interview:
    starts = draw(st.lists(hours, max_size=3))
    rounds = [
        {
            "id": f"r{n}",
            "starts": _stamp(NOW + timedelta(hours=h)),
            "minutes": draw(st.sampled_from([30, 60, 24 * 60])),
            "kind": "video",
        }
        for n, h in enumerate(starts)
    ]
    replies = [
        {"at": _stamp(NOW + timedelta(hours=h)), "kind": "reply", "contact": "sam"}
        for h in draw(st.lists(hours, max_size=3))
    ]
    promises: list[dict[str, Any]] = []
    for n, h in enumerate(draw(st.lists(hours, max_size=3))):
        promise = {"id": f"p{n}", "what": f"p{n}", "due": _stamp(NOW + timedelta(hours=h))}
        promise["by"] = "them"
        done = draw(st.one_of(st.none(), hours))
        if done is not None:
            promise["done_at"] = _stamp(NOW + timedelta(hours=done))
        promises.append(promise)
    decision = draw(st.one_of(st.none(), st.integers(-30, 15)))
    decision_by = None if decision is None else (NOW.date() + timedelta(days=decision)).isoformat()
    return interview(
        stage=draw(st.sampled_from(["interviewed", "waiting", "next_round", "references"])),
        timezone=draw(st.sampled_from(ZONES)),
        rounds=rounds,
        events=replies,
        promises=promises,
        decision_by=decision_by,
    )


@settings(max_examples=300, deadline=None)
@given(histories())
def test_the_view_owes_what_the_engine_follows_up(acme: Interview) -> None:
    items = waiting_on_them([acme], NOW)
    facts = Facts(acme, Policy(), NOW)
    sequence = facts.sequence()

    listed = any(i.kind is Promised.DECISION for i in items)
    stated = sequence is not None and facts.anchor_day(sequence)[1]
    assert listed == (acme.decision_by is not None and stated)

    late = {i.what for i in items if i.kind is Promised.PROMISE and i.overdue}
    lapsed = {p.what for p in facts.lapsed_promises(sequence)} if sequence else set()
    assert late == lapsed

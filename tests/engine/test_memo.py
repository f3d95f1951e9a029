"""The engine's memory: what it gives again is what the engine would work out afresh, and it
works out again only what changed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.demo.pipeline import demo_pipeline
from app.domain.copies import replace
from app.domain.policy import Policy
from app.domain.records import Event, EventKind
from app.engine import compute_actions
from app.engine.memo import ActionMemo, watched_actions
from app.engine.watch import WatchedNow
from tests.engine.strategies import moments, pipelines, policies

settings.register_profile("memo", deadline=None, max_examples=120)

_MONTH = timedelta(days=30)
# Steps from one moment to the next: within a span and across many of them.
steps = st.lists(
    st.timedeltas(min_value=timedelta(hours=-30), max_value=timedelta(days=12)),
    min_size=1,
    max_size=6,
)


def shown(actions: list[Any]) -> list[tuple[Any, ...]]:
    # Equal date-times in other zones would compare equal: the zone is part of the answer.
    return [
        (
            *(a.id, a.kind, a.contact, a.round, a.promise, a.channel, a.state, a.reason),
            *(a.sequence, a.due_from.isoformat(), a.due_by.isoformat(), str(a.due_from.tzinfo)),
        )
        for a in actions
    ]


@settings(settings.get_profile("memo"))
@given(pipelines(), policies, moments, steps)
def test_remembered_answers_are_the_engines_at_every_moment(items, overrides, start, moves):
    policy = Policy.from_overrides(overrides)
    memo = ActionMemo()
    now = start
    for move in [timedelta(0), *moves]:
        now = now + move
        _, remembered = memo.actions(items, policy, pendulum.instance(now))
        fresh = compute_actions(items, policy, pendulum.instance(now))
        assert shown(remembered) == shown(fresh)


@settings(settings.get_profile("memo"))
@given(pipelines(), policies, moments, st.timedeltas(min_value=timedelta(0), max_value=_MONTH))
def test_an_answer_holds_over_its_whole_span(items, overrides, now, later):
    """Inside the span the answer is the engine's; the span is never empty at its own now."""
    policy = Policy.from_overrides(overrides)
    for interview in items:
        actions, span = watched_actions(interview, policy, now, [])
        assert span.holds_at(now.timestamp())
        moment = now + later
        if span.holds_at(moment.timestamp()):
            again, _ = watched_actions(interview, policy, moment, [])
            assert shown(again) == shown(actions)


def test_the_next_moment_reuses_every_interview():
    now = pendulum.datetime(2026, 12, 4, 9, tz="Europe/London")
    pipeline = demo_pipeline(now, "Europe/London")
    memo = ActionMemo()
    memo.actions(pipeline.interviews, pipeline.policy, now)
    first = memo.worked_out
    assert first == len(pipeline.interviews)
    memo.actions(pipeline.interviews, pipeline.policy, now.add(seconds=1))
    assert memo.worked_out == first


def test_a_change_to_one_interview_works_out_that_interview_alone():
    now = pendulum.datetime(2026, 12, 4, 9, tz="Europe/London")
    pipeline = demo_pipeline(now, "Europe/London")
    memo = ActionMemo()
    _, before = memo.actions(pipeline.interviews, pipeline.policy, now)
    action = next(a for a in before if a.contacting)
    changed = [
        i.with_events(Event(at=now, kind=EventKind.SENT, action=action.kind, action_id=action.id))
        if i.id == action.interview
        else i
        for i in pipeline.interviews
    ]
    counted = memo.worked_out
    _, after = memo.actions(changed, pipeline.policy, now)
    assert memo.worked_out == counted + 1
    assert action.id not in {a.id for a in after}
    assert shown(after) == shown(compute_actions(changed, pipeline.policy, now))


def test_another_policy_works_everything_out_again():
    now = pendulum.datetime(2026, 12, 4, 9, tz="Europe/London")
    pipeline = demo_pipeline(now, "Europe/London")
    memo = ActionMemo()
    memo.actions(pipeline.interviews, pipeline.policy, now)
    counted = memo.worked_out
    stricter = replace(pipeline.policy, max_unanswered=1)
    _, after = memo.actions(pipeline.interviews, stricter, now)
    assert memo.worked_out == counted + len(pipeline.interviews)
    assert shown(after) == shown(compute_actions(pipeline.interviews, stricter, now))


def test_now_takes_part_only_by_being_compared():
    watched = WatchedNow.of(datetime(2026, 12, 4, 9, tzinfo=UTC))
    with pytest.raises(TypeError):
        watched + timedelta(hours=1)
    with pytest.raises(TypeError):
        watched.date()
    later = datetime(2026, 12, 5, tzinfo=UTC)
    earlier = datetime(2026, 12, 3, tzinfo=UTC)
    assert watched < later and earlier <= watched
    span = watched.span()
    assert (span.after, span.before) == (earlier.timestamp(), later.timestamp())
    assert not span.holds_at(later.timestamp())


def test_a_reason_that_changes_when_a_round_ends_is_worked_out_again():
    from tests.engine.helpers import interview, jane, recruiter, when

    closed = interview(
        stage="closed", outcome="withdrawn", keep_warm=True, contacts=[jane(), recruiter()]
    )
    memo = ActionMemo()
    policy = Policy.from_overrides({})
    _, before = memo.actions([closed], policy, when("2026-11-18 10:00"))
    _, after = memo.actions([closed], policy, when("2026-11-21 10:00"))
    assert "interview was to be on Fri 20 Nov" in before[0].reason
    assert "interview was on Fri 20 Nov" in after[0].reason

"""Invariants of the engine over generated interviews, policies and times."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.copies import replace
from app.domain.interchange import read_interview, write_interview
from app.domain.policy import Policy
from app.domain.records import (
    ActionKind,
    Event,
    EventKind,
    Interview,
    Promise,
    PromiseBy,
    Stage,
)
from app.engine import State, compute_actions
from app.engine.action import CONTACTING
from tests.engine.strategies import days, interviews, moments, pipelines, policies

settings.register_profile("engine", deadline=None, max_examples=150)
settings.load_profile("engine")


def run(items: list[Interview], overrides: dict[str, Any], now: datetime):
    return compute_actions(items, Policy.from_overrides(overrides), pendulum.instance(now))


@given(pipelines(), policies, moments)
def test_windows_are_ordered_and_states_agree_with_now(items, overrides, now):
    for action in run(items, overrides, now):
        assert action.due_from <= action.due_by
        expected = (
            State.UPCOMING
            if now < action.due_from
            else State.DUE
            if now <= action.due_by
            else State.OVERDUE
        )
        assert action.state is expected


@given(pipelines(), policies, moments)
def test_nothing_but_a_promise_opens_before_no_contact_before(items, overrides, now):
    by_id = {i.id: i for i in items}
    for action in run(items, overrides, now):
        interview = by_id[action.interview]
        quiet = interview.preferences.no_contact_before
        if quiet is None or action.kind not in CONTACTING or action.kind is ActionKind.KEEP_PROMISE:
            continue
        assert action.due_from.astimezone(ZoneInfo(interview.timezone)).date() >= quiet


@given(pipelines(), policies, moments)
def test_no_call_to_a_no_calls_employer(items, overrides, now):
    by_id = {i.id: i for i in items}
    for action in run(items, overrides, now):
        if by_id[action.interview].preferences.no_calls:
            assert action.channel != "phone"


@given(pipelines(), policies, moments)
def test_no_follow_ups_leaves_only_promises_among_contacts(items, overrides, now):
    by_id = {i.id: i for i in items}
    for action in run(items, overrides, now):
        if by_id[action.interview].preferences.no_follow_ups and action.kind in CONTACTING:
            assert action.kind is ActionKind.KEEP_PROMISE


@given(pipelines(), policies, moments)
def test_a_closed_interview_yields_only_nurture_and_only_when_kept_warm(items, overrides, now):
    by_id = {i.id: i for i in items}
    for action in run(items, overrides, now):
        interview = by_id[action.interview]
        if interview.stage is Stage.CLOSED:
            assert interview.keep_warm and action.kind is ActionKind.NURTURE


@given(pipelines(), policies, moments)
def test_ids_are_unique_stable_and_survive_export_and_import(items, overrides, now):
    first = run(items, overrides, now)
    assert len({a.id for a in first}) == len(first)
    again = [read_interview(write_interview(i), "UTC") for i in items]
    second = run(again, overrides, now)
    assert [(a.id, a.due_from, a.due_by, a.reason) for a in first] == [
        (a.id, a.due_from, a.due_by, a.reason) for a in second
    ]


@given(interviews(), policies, moments)
def test_following_every_nudge_never_leaves_more_than_max_unanswered(interview, overrides, now):
    policy = Policy.from_overrides(overrides)
    moment = now
    # The loop plays the future, so the facts hold nothing dated after the start.
    past = tuple(e for e in interview.events if e.at <= moment)
    current = replace(interview, stage=Stage.WAITING, events=past)
    for _ in range(12):
        actions = compute_actions([current], policy, moment)
        nudge = next(
            (a for a in actions if a.kind in (ActionKind.CHECK_IN, ActionKind.VALUE_ADD)), None
        )
        if nudge is None:
            break
        moment = max(moment, nudge.due_from)
        event = Event(at=moment, kind=EventKind.SENT, action=nudge.kind, action_id=nudge.id)
        current = replace(
            current, events=tuple(sorted((*current.events, event), key=lambda e: e.at))
        )
        moment = moment + timedelta(minutes=1)
    from app.engine.facts import Facts

    sequence = Facts(current, policy, moment + timedelta(days=365)).sequence()
    if sequence is not None:
        ours = [e for e in sequence.follow_ups if e.event.action_id is not None]
        assert not ours or len(sequence.follow_ups) <= policy.max_unanswered


@st.composite
def awaiting_theirs(draw: st.DrawFn, *, quiet: bool) -> tuple[Interview, datetime]:
    """An interview waiting on the employer with promises of theirs, some kept, and a moment to
    look at it; with ``quiet``, a date before which they asked not to be contacted."""
    base = draw(interviews())
    ends = [r.starts + timedelta(minutes=r.minutes) for r in base.rounds]
    # Most promises fall due, and most moments fall, in the weeks after the last round, where
    # check-ins are.
    soon = st.integers(-24, 21 * 24).map(lambda hours: max(ends) + timedelta(hours=hours))
    near = soon | moments if ends else moments
    promises = tuple(
        Promise(
            id=f"t{index}",
            what="Send the take-home",
            due=draw(near),
            to=draw(st.sampled_from([None, *(c.id for c in base.contacts)])),
            done_at=draw(st.none() | near),
            by=PromiseBy.THEM,
        )
        for index in range(draw(st.integers(1, 3)))
    )
    quiet_until = draw(days) if quiet else base.preferences.no_contact_before
    preferences = replace(base.preferences, no_follow_ups=False, no_contact_before=quiet_until)
    interview = replace(
        base,
        stage=Stage.WAITING,
        promises=(*base.promises, *promises),
        preferences=preferences,
    )
    return interview, draw(near)


def _check_ins(interview: Interview, overrides: dict[str, Any], now: datetime):
    return [a for a in run([interview], overrides, now) if a.kind is ActionKind.CHECK_IN]


@given(awaiting_theirs(quiet=True), policies)
def test_no_check_in_opens_before_no_contact_before_whatever_they_promised(case, overrides):
    interview, now = case
    quiet = interview.preferences.no_contact_before
    assert quiet is not None
    for action in _check_ins(interview, overrides, now):
        assert action.due_from.astimezone(ZoneInfo(interview.timezone)).date() >= quiet


@given(awaiting_theirs(quiet=False), policies)
def test_their_promises_only_ever_bring_a_check_in_forward_and_keep_its_id(case, overrides):
    interview, now = case
    with_theirs = _check_ins(interview, overrides, now)
    mine_only = replace(
        interview, promises=tuple(p for p in interview.promises if p.by is PromiseBy.ME)
    )
    without = _check_ins(mine_only, overrides, now)
    assert [a.id for a in with_theirs] == [a.id for a in without]
    promises = {p.id: p for p in interview.promises}
    for action, usual in zip(with_theirs, without, strict=True):
        assert action.due_from <= usual.due_from
        if action.promise is None:
            assert (action.due_from, action.due_by, action.reason) == (
                usual.due_from,
                usual.due_by,
                usual.reason,
            )
            continue
        promise = promises[action.promise]
        assert promise.by is PromiseBy.THEM and promise.due < now
        assert promise.done_at is None or promise.done_at > now

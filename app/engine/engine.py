"""The scheduling engine: ``(interviews, policy, now) -> actions``, a pure function.

Actions are derived from the facts every time and never stored; what the user did to them
is in the events. Nothing here reads the clock, the disk or the screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from app.domain.policy import Policy
from app.domain.records import Interview, Stage
from app.domain.times import plain
from app.engine import constraints
from app.engine.action import Action, state_at
from app.engine.candidate import Candidate, Expiry
from app.engine.facts import Facts
from app.engine.rules.meetings import connect, prepare, thank_you
from app.engine.rules.nurture import nurture
from app.engine.rules.offers import Offer, open_offers, update_others
from app.engine.rules.promises import keep_promise
from app.engine.rules.sequence import follow_ups
from app.engine.timekeeping import add_days
from app.memory import collector_paused


def compute_actions(interviews: Iterable[Interview], policy: Policy, now: datetime) -> list[Action]:
    """Every open action at ``now``, sorted by ``due_by``."""
    # Hundreds of thousands of short-lived objects and no cycles: see collector_paused.
    with collector_paused():
        return _compute(interviews, policy, now)


def _compute(interviews: Iterable[Interview], policy: Policy, now: datetime) -> list[Action]:
    moment = plain(now)
    relevant = [
        Facts(i, policy, moment) for i in interviews if i.stage is not Stage.CLOSED or i.keep_warm
    ]
    offers = open_offers([f for f in relevant if f.interview.stage is Stage.OFFER])
    found: list[Action] = []
    for facts in relevant:
        found.extend(actions_for(facts, offers))
    found.sort(key=sort_key)
    return found


def offers_at(interviews: Iterable[Interview], policy: Policy, now: datetime) -> list[Offer]:
    """The open offers with a deadline, which every other interview is told about."""
    moment = plain(now)
    return open_offers([Facts(i, policy, moment) for i in interviews if i.stage is Stage.OFFER])


def interview_actions(
    interview: Interview, policy: Policy, now: datetime, offers: list[Offer]
) -> list[Action]:
    """The actions of one interview, given the offers of all: what a change to one interview
    needs recomputed, unless it changes an offer."""
    if interview.stage is Stage.CLOSED and not interview.keep_warm:
        return []
    return actions_for(Facts(interview, policy, plain(now)), offers)


def actions_for(facts: Facts, offers: list[Offer]) -> list[Action]:
    if facts.interview.stage is Stage.CLOSED:
        candidates = nurture(facts)
    else:
        candidates = [
            *prepare(facts),
            *thank_you(facts),
            *keep_promise(facts),
            *follow_ups(facts),
            *connect(facts),
            *update_others(facts, offers),
        ]
    actions = []
    for candidate in candidates:
        action = _finish(facts, candidate)
        if action is not None:
            actions.append(action)
    return actions


def _finish(facts: Facts, candidate: Candidate) -> Action | None:
    if not constraints.allowed(facts, candidate):
        return None
    events = constraints.events_about(facts, candidate)
    if constraints.is_done(events):
        return None
    candidate = constraints.shaped(facts, candidate, events)
    window = candidate.window
    if _expired(candidate, facts.now):
        return None
    reason = "; ".join((candidate.reason, *candidate.notes))
    return Action(
        id=candidate.id,
        interview=facts.interview.id,
        company=facts.interview.company,
        kind=candidate.kind,
        contact=candidate.contact,
        round=candidate.round,
        promise=candidate.promise or candidate.anchor,
        channel=constraints.channel(facts, candidate),
        due_from=window.due_from,
        due_by=window.due_by,
        state=state_at(window.due_from, window.due_by, facts.now),
        reason=reason,
        sequence=candidate.sequence,
    )


def _expired(candidate: Candidate, now: datetime) -> bool:
    due_by = candidate.window.due_by
    if candidate.expiry is Expiry.AT_CLOSE:
        return now > due_by
    if candidate.expiry is Expiry.WEEK_AFTER_CLOSE:
        return now > add_days(due_by, 7)
    return False


def sort_key(action: Action) -> tuple[float, float, str]:
    """By ``due_by``, then ``due_from``, then id; as timestamps, because comparing date-times
    in different zones is slow."""
    return (action.due_by.timestamp(), action.due_from.timestamp(), action.id)

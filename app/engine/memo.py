"""The engine's answers kept per interview, so that a key press or a change to one interview
works out that interview alone.

An interview's actions depend on the interview, the policy, the open offers of the other
interviews and ``now``; ``now`` only through the instants it is compared with (``watch``). They
are kept with the span of time over which they hold and given again while the same interview
(the same record: records are immutable and unchanged ones are kept as they were), the same
policy and the same offers are asked about at a moment inside that span.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from app.domain.policy import Policy
from app.domain.records import Interview, Stage
from app.domain.times import plain
from app.engine.action import Action
from app.engine.engine import actions_for, sort_key
from app.engine.facts import Facts
from app.engine.rules.offers import Offer, open_offers
from app.engine.watch import Span, WatchedNow
from app.memory import collector_paused

OffersKey = tuple[tuple[str, str, float, str], ...]


def offers_key(offers: Iterable[Offer]) -> OffersKey:
    """What of the open offers the actions of other interviews depend on."""
    return tuple(
        (o.interview.id, o.interview.company, o.arrived.timestamp(), o.deadline.isoformat())
        for o in offers
    )


def watched_actions(
    interview: Interview, policy: Policy, now: datetime, offers: list[Offer]
) -> tuple[list[Action], Span]:
    """``interview_actions``, with the span over which they hold."""
    watched = WatchedNow.of(plain(now))
    if interview.stage is Stage.CLOSED and not interview.keep_warm:
        return [], Span(watched.instant(), -math.inf, math.inf)
    actions = actions_for(Facts(interview, policy, watched), offers)
    span = watched.span()
    if any(isinstance(a.due_from, WatchedNow) or isinstance(a.due_by, WatchedNow) for a in actions):
        # A window that starts or ends at now moves with it: it holds at this instant alone.
        span = Span(span.at, span.at, span.at)
    return actions, span


def watched_offers(
    interviews: Iterable[Interview], policy: Policy, now: datetime
) -> tuple[list[Offer], Span]:
    """``offers_at``, with the span over which they hold."""
    watched = WatchedNow.of(plain(now))
    offers = open_offers([Facts(i, policy, watched) for i in interviews if i.stage is Stage.OFFER])
    return offers, watched.span()


@dataclass(frozen=True, slots=True)
class _Kept:
    interview: Interview
    policy: Policy
    offers: OffersKey
    span: Span
    actions: list[Action]


class ActionMemo:
    """Every open action of a pipeline, worked out again only for the interviews whose record,
    policy or offers changed, or whose span ``now`` has left. Safe to share between threads
    (the dashboard reads the file again in a worker)."""

    def __init__(self) -> None:
        self._kept: dict[str, _Kept] = {}
        self._busy = threading.Lock()
        self.worked_out = 0
        """How many interviews have been worked out (not given from memory): for tests."""

    def actions(
        self, interviews: Iterable[Interview], policy: Policy, now: datetime
    ) -> tuple[list[Offer], list[Action]]:
        """The open offers and every open action at ``now``, sorted by ``due_by``."""
        interviews = tuple(interviews)
        with collector_paused(), self._busy:
            offers, _ = watched_offers(interviews, policy, now)
            key = offers_key(offers)
            kept: dict[str, _Kept] = {}
            found: list[Action] = []
            for interview in interviews:
                entry = self._entry(interview, policy, now, offers, key)
                kept[interview.id] = entry
                found.extend(entry.actions)
            self._kept = kept
        found.sort(key=sort_key)
        return offers, found

    def interview_actions(
        self, interview: Interview, policy: Policy, now: datetime, offers: list[Offer]
    ) -> list[Action]:
        """The actions of one interview, given the offers of all (``engine.interview_actions``),
        kept for the next call."""
        with self._busy:
            entry = self._entry(interview, policy, now, offers, offers_key(offers))
            self._kept[interview.id] = entry
        return entry.actions

    def _entry(
        self,
        interview: Interview,
        policy: Policy,
        now: datetime,
        offers: list[Offer],
        key: OffersKey,
    ) -> _Kept:
        entry = self._kept.get(interview.id)
        if (
            entry is not None
            and entry.interview is interview
            and (entry.policy is policy or entry.policy == policy)
            and entry.offers == key
            and entry.span.holds_at(now.timestamp())
        ):
            return entry
        actions, span = watched_actions(interview, policy, now, offers)
        self.worked_out += 1
        return _Kept(interview, policy, key, span, actions)

    def seed(
        self,
        interview: Interview,
        policy: Policy,
        key: OffersKey,
        span: Span,
        actions: list[Action],
    ) -> None:
        """Remember ``actions`` as the answer for ``interview``, given the offers ``key``,
        over ``span``: worked out earlier, by another followup (``services.open_actions``)."""
        with self._busy:
            self._kept[interview.id] = _Kept(interview, policy, key, span, actions)

    def kept(
        self, interview: Interview, policy: Policy, offers: OffersKey
    ) -> tuple[Span, list[Action]] | None:
        """The answer remembered for this very record, policy and offers (``offers_key``),
        and the span over which it holds."""
        with self._busy:
            entry = self._kept.get(interview.id)
        if (
            entry is None
            or entry.interview is not interview
            or not (entry.policy is policy or entry.policy == policy)
            or entry.offers != offers
        ):
            return None
        return entry.span, entry.actions

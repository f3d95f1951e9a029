"""How far the interviews got: how many reached each stage, and how many of those went on.

Stages are counted in board order as a funnel: an interview that got to a stage counts at every
stage before it too, since processes skip stages (an invitation to a next round with no wait for
a decision between). How far one got is the furthest stage it has been at: its stage now and
every stage its ``stage`` events name, on either side, but one it was moved away from within
minutes of being moved there (a card moved on by mistake and back; moved back from a next
round weeks later is the process going on, to a decision); an interview counts as
interviewed once a round has ended, whatever its stage says. ``closed`` is not a step
of the funnel: how the closed ones ended is counted apart, by outcome.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.records import STAGES, EventKind, Interview, Outcome, Stage

STEPS: tuple[Stage, ...] = tuple(s for s in STAGES if s is not Stage.CLOSED)
# Moved on and back within this: a slip of the key, not a stage reached.
_A_SLIP = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class StageCount:
    stage: Stage
    reached: int
    of_previous: float | None  # the share of the previous stage's that got here; None first


@dataclass(frozen=True, slots=True)
class OutcomeCount:
    outcome: Outcome | None  # None: closed with no outcome recorded
    count: int


def funnel(interviews: Iterable[Interview], now: datetime) -> list[StageCount]:
    furthest = [furthest_step(i, now) for i in interviews]
    counts = [sum(1 for f in furthest if f >= n) for n in range(len(STEPS))]
    return [
        StageCount(
            stage,
            counts[n],
            None if n == 0 else (counts[n] / counts[n - 1] if counts[n - 1] else None),
        )
        for n, stage in enumerate(STEPS)
    ]


def outcomes(interviews: Iterable[Interview]) -> list[OutcomeCount]:
    """How the closed interviews ended, the most common first."""
    tally: dict[Outcome | None, int] = {}
    for interview in interviews:
        if interview.stage is Stage.CLOSED:
            tally[interview.outcome] = tally.get(interview.outcome, 0) + 1
    order = [*Outcome, None]
    return [
        OutcomeCount(outcome, tally[outcome])
        for outcome in sorted(tally, key=lambda o: (-tally[o], order.index(o)))
    ]


def furthest_step(interview: Interview, now: datetime) -> int:
    """The index in ``STEPS`` of the furthest stage the interview has been at, and did not
    leave within minutes of being moved there."""
    stayed: list[int] = []
    arrived: tuple[Stage, datetime] | None = None  # the last stage moved to, and when
    for event in interview.events:
        if event.kind is not EventKind.STAGE or event.at > now:
            continue
        came, went = event.from_stage, event.to_stage
        # Left within minutes of being moved there: passed through (the stages before the
        # furthest count anyway) or moved there by mistake.
        slipped = arrived is not None and arrived[0] is came and event.at - arrived[1] < _A_SLIP
        if came in STEPS and not slipped:
            stayed.append(STEPS.index(came))
        arrived = (went, event.at) if went is not None else None
    if interview.stage in STEPS:
        stayed.append(STEPS.index(interview.stage))
    if any(r.starts + timedelta(minutes=r.minutes) <= now for r in interview.rounds):
        stayed.append(STEPS.index(Stage.INTERVIEWED))
    return max(stayed, default=0)

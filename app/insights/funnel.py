"""How far the interviews got: how many reached each stage, and how many of those went on.

Stages are counted in board order as a funnel: an interview that got to a stage counts at every
stage before it too, since processes skip stages (an invitation to a next round with no wait for
a decision between). How far one got is the furthest stage it has been at and not been moved
back from: its stage now and every stage its ``stage`` events name, on either side, but one it
was moved below afterwards (a card moved on by mistake and back) does not count; an interview
counts as interviewed once a round has ended, whatever its stage says. ``closed`` is not a step
of the funnel: how the closed ones ended is counted apart, by outcome.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.records import STAGES, EventKind, Interview, Outcome, Stage

STEPS: tuple[Stage, ...] = tuple(s for s in STAGES if s is not Stage.CLOSED)


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
    """The index in ``STEPS`` of the furthest stage the interview has been at and was not
    moved back below afterwards."""
    held: list[int] = []  # the stages it was at, in order, as indexes of STEPS
    for event in interview.events:
        if event.kind is EventKind.STAGE and event.at <= now:
            held += [STEPS.index(s) for s in (event.from_stage, event.to_stage) if s in STEPS]
    if interview.stage in STEPS:
        held.append(STEPS.index(interview.stage))
    stayed = [s for n, s in enumerate(held) if all(later >= s for later in held[n + 1 :])]
    if any(r.starts + timedelta(minutes=r.minutes) <= now for r in interview.rounds):
        stayed.append(STEPS.index(Stage.INTERVIEWED))
    return max(stayed, default=0)

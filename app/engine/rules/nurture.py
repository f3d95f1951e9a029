"""A closed process kept warm: a useful note every month or so (000 #6, 001)."""

from __future__ import annotations

from app.domain.records import ActionKind, EventKind, Stage
from app.engine.action import action_id
from app.engine.candidate import Candidate, Window
from app.engine.describe import day, plural
from app.engine.facts import CONTACT_KINDS, Facts
from app.engine.timekeeping import add_days


def nurture(facts: Facts) -> list[Candidate]:
    interview = facts.interview
    if interview.stage is not Stage.CLOSED or not interview.keep_warm:
        return []
    touches = [
        e
        for e in facts.events
        if (e.event.kind is EventKind.SENT and e.event.action in CONTACT_KINDS)
        or (e.event.kind is EventKind.SKIP and e.event.action is ActionKind.NURTURE)
    ]
    if touches:
        since = touches[-1].at
        what = f"you were last in touch on {day(since.date())}"
    elif facts.rounds:
        since = max(r.ends for r in facts.rounds)
        closed = [
            e.at
            for e in facts.events
            if e.event.kind is EventKind.STAGE and e.event.to_stage is Stage.CLOSED
        ]
        if closed and closed[-1] < since:
            # Closed before a round it had booked: that round was not held.
            what = f"your last interview was booked for {day(since.date())}"
        else:
            held = "was" if facts.now >= since else "was to be"
            what = f"your last interview {held} on {day(since.date())}"
    else:
        return []
    done = sum(
        1
        for e in facts.events
        if e.event.kind in (EventKind.SENT, EventKind.SKIP) and e.event.action is ActionKind.NURTURE
    )
    every = facts.policy.nurture_every_days
    opens = add_days(since, every)
    return [
        Candidate(
            id=action_id(interview.id, ActionKind.NURTURE, done),
            kind=ActionKind.NURTURE,
            window=Window(opens, add_days(opens, 7)),
            reason=(
                f"{interview.company} is closed and kept warm; {what}, and a useful note "
                f"every {plural(every, 'day')} keeps you in mind"
            ),
            contact=facts.recipient(),
            after=since,
        )
    ]

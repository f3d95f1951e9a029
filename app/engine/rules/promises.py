"""Keep the promises I made: "if you tell them you'll send references, do it" (000 #2)."""

from __future__ import annotations

from app.domain.records import ActionKind
from app.engine.action import action_id
from app.engine.candidate import Candidate, Window
from app.engine.describe import moment
from app.engine.facts import Facts
from app.engine.timekeeping import add_elapsed


def keep_promise(facts: Facts) -> list[Candidate]:
    found = []
    for promise in facts.open_promises():
        due = facts.local(promise.due)
        opens = add_elapsed(due, -24 * 3600)
        if promise.created is not None:
            opens = max(opens, facts.local(promise.created))
        found.append(
            Candidate(
                id=action_id(facts.interview.id, ActionKind.KEEP_PROMISE, promise.id),
                kind=ActionKind.KEEP_PROMISE,
                window=Window(opens, due).fixed(facts.calendar),
                reason=(
                    f'You promised {facts.name(promise.to)} "{promise.what.strip()}" '
                    f"by {moment(due)}"
                ),
                contact=promise.to,
                promise=promise.id,
            )
        )
    return found

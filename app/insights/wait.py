"""When the employer's present wait began: the start of the follow-up sequence running at ``now``.

This mirrors the engine's rule (SPEC section 4, "The follow-up sequence"; ``Facts.sequence`` in
app/engine/facts.py, which the engine does not export and which needs a policy this view has
no use for), so that the waiting view calls late exactly what the due list follows up. Keep the
two in step: a date they gave counts only from this start on, as the engine's anchor day and
its lapsed promises do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.records import EventKind, Interview, Round


def wait_began(interview: Interview, now: datetime) -> datetime | None:
    """The end of the last round, or the latest reply at or after it, seen at ``now``; None
    before any round has been held, and while one is booked and not yet over (the employer is
    engaged: the next wait starts when that round ends)."""
    if not interview.rounds:
        return None
    moment = now.astimezone(UTC)
    last_end = max(_end(held) for held in interview.rounds)
    if last_end > moment:
        return None
    replies = [
        at
        for event in interview.events
        if event.kind is EventKind.REPLY and last_end <= (at := event.at.astimezone(UTC)) <= moment
    ]
    return max(replies, default=last_end)


def _end(held: Round) -> datetime:
    # Elapsed time: a round across a clock change still lasts its minutes.
    return held.starts.astimezone(UTC) + timedelta(minutes=held.minutes)

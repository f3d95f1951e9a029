"""Records hold standard ``datetime`` values, as a file read gives them.

A time typed into a form or taken from the clock is a pendulum ``DateTime``. Kept as it is in a
record, it misbehaves once moved into another zone: pendulum 3 drops a standard zone when a
``timedelta`` is added, and the naive result is then read on the machine's own clock, so that a
round just added could end a view with a TypeError, or put a window hours out on a machine far
from UTC. A record made or changed in memory passes through ``standard_times`` first.
"""

from __future__ import annotations

from datetime import UTC, datetime, timezone, tzinfo

from app.domain.copies import replace
from app.domain.records import Event, Interview, Promise, Round
from app.domain.times import zone_info


def standard_times(interview: Interview) -> Interview:
    """``interview`` with every date-time in it a standard one at the same instant, on the
    same zone's clock; the same object when they all are already."""
    rounds = tuple(_round(r) for r in interview.rounds)
    promises = tuple(_promise(p) for p in interview.promises)
    events = tuple(_event(e) for e in interview.events)
    if (
        all(a is b for a, b in zip(rounds, interview.rounds, strict=True))
        and all(a is b for a, b in zip(promises, interview.promises, strict=True))
        and all(a is b for a, b in zip(events, interview.events, strict=True))
    ):
        return interview
    return replace(interview, rounds=rounds, promises=promises, events=events)


def standard(moment: datetime) -> datetime:
    """``moment`` as a standard ``datetime``: the same instant on the same zone's clock."""
    if type(moment) is datetime or moment.tzinfo is None:
        return moment
    return datetime.fromtimestamp(moment.timestamp(), _zone_of(moment))


def _zone_of(moment: datetime) -> tzinfo:
    name = getattr(moment.tzinfo, "name", None)  # pendulum's zones are named
    if isinstance(name, str):
        try:
            return zone_info(name)
        except (ValueError, OSError, KeyError):  # a fixed offset such as "+02:00"
            pass
    offset = moment.utcoffset()
    return timezone(offset) if offset is not None else UTC


def _maybe(moment: datetime | None) -> datetime | None:
    return None if moment is None else standard(moment)


def _round(held: Round) -> Round:
    starts = standard(held.starts)
    return held if starts is held.starts else replace(held, starts=starts)


def _promise(promise: Promise) -> Promise:
    due, created, done = standard(promise.due), _maybe(promise.created), _maybe(promise.done_at)
    if due is promise.due and created is promise.created and done is promise.done_at:
        return promise
    return replace(promise, due=due, created=created, done_at=done)


def _event(event: Event) -> Event:
    at, until = standard(event.at), _maybe(event.until)
    if at is event.at and until is event.until:
        return event
    return replace(event, at=at, until=until)

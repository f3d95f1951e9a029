"""Waiting on them: every date an employer gave, and how late it is.

Three things count as a date they gave: the day they said they would decide by
(``decision_by``), the day their offer stays open until (``offer_deadline``), and the promises
they made (a ``Promise`` with ``by`` THEM) that are not done yet. A closed interview owes
nothing; a decision date no longer applies once the offer has come (at ``offer`` they have
decided), and an offer deadline applies only while the offer stands (at ``offer``).

A decision date and a promise of theirs are read as the engine reads them (``wait_began``):
they are owed only from the start of the present wait, the end of the last round or a later
reply. A decision date set before that start was about an earlier wait that their answer (or
the next round) has ended, and before the first round or while one is booked they owe no
decision at all. A promise of theirs not yet due is listed whatever the wait; once it passes it
counts as late only if it fell due within the present wait, as the engine's check-in counts it.

Like the engine, the history is read as it was at ``now``: a promise done after ``now`` is still
open, and a reply after ``now`` has not come.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.domain.records import Interview, PromiseBy, Stage
from app.insights.days import end_of, local, today
from app.insights.wait import wait_began

_ZERO = timedelta(0)


class Promised(StrEnum):
    DECISION = "decision"
    OFFER_DEADLINE = "offer_deadline"
    PROMISE = "promise"


@dataclass(frozen=True, slots=True)
class Awaited:
    """One thing an employer said they would do by a certain time."""

    interview_id: str
    company: str
    kind: Promised
    what: str
    due: datetime  # when it falls due, in the interview's zone; a date is due at its end
    day: date  # the day it is due, as they said it
    late: timedelta  # how long ago it fell due; negative while it is still to come
    days: int  # calendar days from its day to today: 3 is three days late, -6 is in six days
    contact: str | None = None  # who made the promise, for a promise

    @property
    def overdue(self) -> bool:
        return self.late > _ZERO


def waiting_on_them(interviews: Iterable[Interview], now: datetime) -> list[Awaited]:
    """Everything the employers owe at ``now``: the latest first (the longest overdue at the
    top), then what is still to come, the soonest first."""
    found = [item for interview in interviews for item in _owed(interview, now)]
    return sorted(found, key=_order)


def how_late(item: Awaited) -> str:
    """``3 days late``, ``2 hours late``, ``due today``, ``due tomorrow``, ``due in 6 days``."""
    if item.overdue:
        if item.days >= 1:
            return f"{_count(item.days, 'day')} late"
        hours = int(item.late.total_seconds() // 3600)
        return f"{_count(hours, 'hour')} late" if hours else "just late"
    if item.days == 0:
        return "due today"
    if item.days == -1:
        return "due tomorrow"
    return f"due in {_count(-item.days, 'day')}"


def _owed(interview: Interview, now: datetime) -> Iterator[Awaited]:
    if interview.stage is Stage.CLOSED:
        return
    began = wait_began(interview, now)
    decision = interview.decision_by
    if (
        decision is not None
        and interview.stage is not Stage.OFFER
        and began is not None
        and decision >= local(began, interview).date()
    ):
        yield _on_day(interview, now, Promised.DECISION, "Their decision", decision)
    if interview.offer_deadline is not None and interview.stage is Stage.OFFER:
        deadline = interview.offer_deadline
        yield _on_day(interview, now, Promised.OFFER_DEADLINE, "Offer deadline", deadline)
    for promise in interview.promises:
        if promise.by is not PromiseBy.THEM:
            continue
        if promise.done_at is not None and promise.done_at <= now:
            continue
        if promise.due < now and (began is None or promise.due < began):
            continue  # passed outside the present wait: the engine does not follow it up
        due = local(promise.due, interview)
        contact = interview.contact(promise.to)
        yield Awaited(
            interview_id=interview.id,
            company=interview.company,
            kind=Promised.PROMISE,
            what=promise.what,
            due=due,
            day=due.date(),
            late=now - due,
            days=(today(now, interview) - due.date()).days,
            contact=(contact.name or contact.id) if contact is not None else promise.to,
        )


def _on_day(interview: Interview, now: datetime, kind: Promised, what: str, day: date) -> Awaited:
    due = end_of(day, interview)
    return Awaited(
        interview_id=interview.id,
        company=interview.company,
        kind=kind,
        what=what,
        due=due,
        day=day,
        late=now - due,
        days=(today(now, interview) - day).days,
    )


def _order(item: Awaited) -> tuple[int, float, str, str]:
    if item.overdue:
        return 0, -item.late.total_seconds(), item.company.casefold(), item.what
    return 1, item.due.timestamp(), item.company.casefold(), item.what


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"

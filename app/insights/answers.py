"""How long each employer took to answer, against the date they gave.

A wait starts when a round ends: the employer owes an answer. It ends at their first ``reply``
after it. A wait that a later round interrupts before any reply is left out (they answered in a
way the history does not show: the next round was booked). While no reply has come the wait is
still running, unless the interview is closed (then nobody is waiting any more, and it is left
out too).

The date they gave (``decision_by``) belongs to the latest wait that began on or before it, the
same reading the engine gives it. Days are calendar days in the interview's zone: a round that
ended on Tue 3 Nov answered on Thu 5 Nov took 2 days; "decide by Fri 27 Nov" answered on
Wed 2 Dec is 5 days late.

A promise of theirs that they kept (its ``done_at``, by ``now``) is an answer too, against its
own due day: the wait runs from when they made it (``created``, else the end of the latest
round before its due) to when they kept it. One not kept yet is for the waiting view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.copies import replace
from app.domain.records import EventKind, Interview, Promise, PromiseBy, Stage
from app.insights.days import local, today


@dataclass(frozen=True, slots=True)
class Wait:
    interview_id: str
    started: datetime  # the end of the round, in the interview's zone
    answered: datetime | None  # their first reply after it; None while still waiting
    days: int  # calendar days from the start to the answer, or to today while waiting
    said: date | None = None  # the date they gave for this answer
    promise: str = ""  # what they promised, where the wait is for a promise of theirs

    @property
    def waiting(self) -> bool:
        return self.answered is None

    @property
    def said_days(self) -> int | None:
        """How many days they gave themselves, counted from the start of the wait."""
        return None if self.said is None else (self.said - self.started.date()).days

    @property
    def late_days(self) -> int | None:
        """Days past the date they gave, at the answer or today while waiting; zero or less is
        on time (or, while waiting, not due yet)."""
        said = self.said_days
        return None if said is None else self.days - said


@dataclass(frozen=True, slots=True)
class CompanyAnswers:
    company: str
    waits: tuple[Wait, ...]  # oldest first

    @property
    def latest(self) -> Wait:
        return self.waits[-1]

    @property
    def typical_days(self) -> float | None:
        """The mean time to answer, over the waits they answered."""
        answered = [w.days for w in self.waits if not w.waiting]
        return sum(answered) / len(answered) if answered else None


def answer_times(interviews: Iterable[Interview], now: datetime) -> list[CompanyAnswers]:
    """Every company with a wait, the ones most late against their word first, then the ones
    that have kept people waiting longest."""
    by_company: dict[str, tuple[str, list[Wait]]] = {}
    for interview in interviews:
        waits = interview_waits(interview, now)
        if waits:
            key = interview.company.strip().casefold()
            by_company.setdefault(key, (interview.company, []))[1].extend(waits)
    companies = [
        CompanyAnswers(name, tuple(sorted(found, key=lambda w: w.started)))
        for name, found in by_company.values()
    ]
    return sorted(companies, key=_order)


def interview_waits(interview: Interview, now: datetime) -> list[Wait]:
    rounds = sorted(
        (local(r.starts, interview), local(r.starts, interview) + timedelta(minutes=r.minutes))
        for r in interview.rounds
    )
    replies = sorted(
        local(e.at, interview)
        for e in interview.events
        if e.kind is EventKind.REPLY and e.at <= now
    )
    waits: list[Wait] = []
    for index, (_, ends) in enumerate(rounds):
        if ends > now:
            break
        answer = next((at for at in replies if at > ends), None)
        later = [starts for starts, _ in rounds[index + 1 :] if starts <= now]
        if later and (answer is None or later[0] < answer):
            continue  # the next round came first
        if answer is None and interview.stage is Stage.CLOSED:
            continue
        end_day = answer.date() if answer is not None else today(now, interview)
        waits.append(Wait(interview.id, ends, answer, (end_day - ends.date()).days))
    waits = _with_said(waits, interview.decision_by)
    round_ends = [end for _, end in rounds]
    kept = (_kept(interview, promise, round_ends, now) for promise in interview.promises)
    return sorted([*waits, *(wait for wait in kept if wait is not None)], key=lambda w: w.started)


def _kept(
    interview: Interview, promise: Promise, round_ends: list[datetime], now: datetime
) -> Wait | None:
    if promise.by is not PromiseBy.THEM or promise.done_at is None or promise.done_at > now:
        return None
    due, done = local(promise.due, interview), local(promise.done_at, interview)
    if promise.created is not None:
        made = local(promise.created, interview)
    else:
        before = [ends for ends in round_ends if ends <= min(due, done)]
        if not before:
            return None
        made = before[-1]
    if done < made or due < made:
        return None  # dates that cannot all be true: no answer time to tell
    days = (done.date() - made.date()).days
    return Wait(interview.id, made, done, days, said=due.date(), promise=promise.what)


def _with_said(waits: list[Wait], said: date | None) -> list[Wait]:
    if said is None:
        return waits
    began = [n for n, wait in enumerate(waits) if wait.started.date() <= said]
    if began:
        waits[began[-1]] = replace(waits[began[-1]], said=said)
    return waits


def _order(company: CompanyAnswers) -> tuple[int, int, str]:
    latest = company.latest
    late = latest.late_days
    if late is not None and late > 0:
        return 0, -late, company.company.casefold()
    return 1, -latest.days, company.company.casefold()

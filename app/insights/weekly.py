"""Follow-ups sent per week, over the recent weeks.

A week runs Monday to Sunday. Each message (a ``sent`` follow-up; preparing for a round and
moving on are not messages) counts in the week of the day it was sent on its interview's clock;
the current week is the one holding ``now``'s own date, and counts what was sent so far.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.records import Interview
from app.insights.days import local
from app.insights.replies import is_message


@dataclass(frozen=True, slots=True)
class WeekCount:
    starts: date  # its Monday
    sent: int


def sent_per_week(interviews: Iterable[Interview], now: datetime, weeks: int) -> list[WeekCount]:
    """The last ``weeks`` weeks, oldest first, ending with the current one."""
    this_week = monday(now.date())
    first = this_week - timedelta(weeks=weeks - 1)
    counts = dict.fromkeys((first + timedelta(weeks=n) for n in range(weeks)), 0)
    for interview in interviews:
        for event in interview.events:
            if not is_message(event) or event.at > now:
                continue
            week = monday(local(event.at, interview).date())
            if week in counts:
                counts[week] += 1
    return [WeekCount(starts, sent) for starts, sent in counts.items()]


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())

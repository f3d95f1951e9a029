"""Business days and work hours in one interview's zone (SPEC section 4, "Business days").

A business day is a work day that is not a public holiday. Work hours run from their start up
to, not including, their end. Every function here takes and returns aware date-times on the
calendar's clocks, so that "09:00" always means 09:00 on that day's local clock, DST or not.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from app.domain.policy import Policy
from app.domain.times import at, zone_info

# No policy has a year of consecutive days off; this bounds every search for a business day.
_MAX_DAYS_OFF = 370
_MIDNIGHT = time(0, 0)


class BusinessCalendar:
    __slots__ = ("_holidays", "tz", "work_days", "work_end", "work_start")

    def __init__(self, policy: Policy, zone: str) -> None:
        self.tz = zone_info(zone)
        self.work_start: time = policy.work_start
        self.work_end: time = policy.work_end
        self.work_days = policy.work_days or frozenset(range(5))
        self._holidays: Container[date] = _holidays(policy.holidays) if policy.holidays else ()

    # -- days

    def is_business_day(self, day: date) -> bool:
        return day.weekday() in self.work_days and day not in self._holidays

    def business_day_after(self, day: date, n: int) -> date:
        """The ``n``-th business day strictly after ``day``; ``day`` itself when ``n`` is 0."""
        for _ in range(n):
            day = self._next_business_day(day)
        return day

    def business_day_before(self, day: date, n: int) -> date:
        """The ``n``-th business day strictly before ``day``."""
        for _ in range(n):
            for _ in range(_MAX_DAYS_OFF):
                day -= timedelta(days=1)
                if self.is_business_day(day):
                    break
        return day

    def _next_business_day(self, day: date) -> date:
        for _ in range(_MAX_DAYS_OFF):
            day += timedelta(days=1)
            if self.is_business_day(day):
                return day
        return day

    # -- moments

    def at(self, day: date, clock: time) -> datetime:
        """``clock`` on ``day`` in this zone (a time skipped by DST moves forward)."""
        return at(day, clock, self.tz)

    def start_of_day(self, day: date) -> datetime:
        return at(day, _MIDNIGHT, self.tz)

    def end_of_day(self, day: date) -> datetime:
        """The first instant of the next day: "by the end of 27 Nov" means before this."""
        return self.start_of_day(day + timedelta(days=1))

    def next_work_start(self, moment: datetime) -> datetime:
        """``moment`` if it is within work hours, else the next start of work hours."""
        local = moment.astimezone(self.tz)
        day, clock = local.date(), local.time()
        if self.is_business_day(day):
            if self.work_start <= clock < self.work_end:
                return local
            if clock < self.work_start:
                return self.at(day, self.work_start)
        return self.at(self._next_business_day(day), self.work_start)

    def first_window_day(self, opening: datetime) -> date:
        """The business day that counts as a window's first: the opening's own day when it is
        a business day and the opening is before the end of work hours, else the next one."""
        local = opening.astimezone(self.tz)
        day = local.date()
        if self.is_business_day(day) and local.time() < self.work_end:
            return day
        return self._next_business_day(day)

    def window_close(self, opening: datetime, business_days: int) -> datetime:
        """Where a window of ``business_days`` business days opening at ``opening`` closes:
        the end of work hours on its last business day."""
        first = self.first_window_day(opening)
        return self.at(self.business_day_after(first, max(business_days, 1) - 1), self.work_end)

    def business_days_later(self, moment: datetime, n: int) -> datetime:
        """The same time of day on the ``n``-th business day after ``moment``'s day."""
        local = moment.astimezone(self.tz)
        return self.at(self.business_day_after(local.date(), n), local.time())


@lru_cache(maxsize=32)
def _holidays(country: str) -> Container[date]:
    import holidays

    # The holidays object fills in each year as it is asked about, so no range is needed here.
    found: Container[date] = holidays.country_holidays(country)
    return found

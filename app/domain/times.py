"""Wall-clock times in a zone, read the way pendulum reads them.

A wall time that a DST change skips moves forward by the gap (01:30 on the spring-forward
morning in London is 02:30 BST); one that happens twice is the later of the two (pendulum's
choice, so that typed and computed times agree). A test checks both against pendulum.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

FIRST_YEAR = 1900
LAST_YEAR = 2199
# Every date the program takes in (a file, a typed date, --at) lies in these years. The engine
# adds days, weeks and months to what it reads, and Python's calendar stops at 9999: a date near
# that end would overflow in the middle of a computation, long after it was accepted.
YEARS = f"between {FIRST_YEAR} and {LAST_YEAR}"


def in_years(day: date) -> bool:
    """Whether ``day`` (a date or a date-time, by the year on its own clock) lies in YEARS."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


@lru_cache(maxsize=256)
def zone_info(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def wall_time(naive: datetime, tz: tzinfo) -> datetime:
    """``naive`` read on the clocks of ``tz``."""
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    before, after = first.utcoffset(), second.utcoffset()
    if before == after:
        return first
    if before is not None and after is not None and before > after:
        return second  # repeated: the later one
    return first.astimezone(UTC).astimezone(tz)  # skipped: forward by the gap


def at(day: date, clock: time, tz: tzinfo) -> datetime:
    return wall_time(datetime.combine(day, clock.replace(tzinfo=None)), tz)


def plain(moment: datetime) -> datetime:
    """The same instant as a standard ``datetime`` in UTC (a pendulum value, say, in): a
    pendulum value moved into a standard zone loses that zone when a timedelta is added to it
    (pendulum 3), and the naive result would then be read on another clock."""
    if moment.tzinfo is None:
        raise ValueError("now must be an aware date-time")
    u = moment.astimezone(UTC)
    return datetime(u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond, UTC)

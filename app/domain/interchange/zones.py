"""Time zones by IANA name, and the date-times and dates of a file read on a zone's clocks."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.times import in_years, wall_time

_EPOCH = datetime(1970, 1, 1, tzinfo=ZoneInfo("UTC"))


def zone(name: str) -> tzinfo:
    """The zone of an IANA name; ``KeyError`` where there is no such zone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError) as err:
        raise KeyError(name) from err


def is_zone(name: object) -> bool:
    if not isinstance(name, str) or not name or len(name) > 100:
        return False
    try:
        zone(name)
    except KeyError:
        return False
    return True


def parse_moment(value: object, tz: tzinfo) -> datetime | None:
    """An ISO 8601 date-time in YEARS; one with no offset is read in ``tz``. The result is in
    ``tz``."""
    written = _written_moment(value)
    return None if written is None else _in_zone(written, tz)


def _written_moment(value: object) -> datetime | None:
    """An ISO 8601 date-time in any year, on the clock it was written for."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            return None


def _in_zone(written: datetime, tz: tzinfo) -> datetime | None:
    """``written`` on the clocks of ``tz``; None unless it lies in YEARS both as written (the
    move could overflow at the end of the calendar) and in ``tz`` (as it is exported)."""
    if not in_years(written):
        return None
    # A bare one by pendulum's rule, as a typed time is (SPEC section 3): a wall time skipped
    # by DST moves forward to one that exists, and a repeated one is the later of the two.
    moment = wall_time(written, tz) if written.tzinfo is None else written.astimezone(tz)
    return moment if in_years(moment) else None


def _any_day(value: object) -> date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None

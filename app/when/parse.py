"""``parse_when``: what a person typed, read against the caller's clock in the interview's zone."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from app.when.errors import (
    ACCEPTED_FORMS,
    MAX_LENGTH,
    WhenError,
    out_of_range,
    outside_years,
    unreadable,
)
from app.when.grammar import read_iso, read_phrase, refuse_ambiguous

if TYPE_CHECKING:
    from pendulum import DateTime
    from pendulum.tz.timezone import Timezone


def parse_when(text: str, now: datetime, zone: str, *, past: bool = False) -> DateTime:
    """The moment ``text`` names, as an aware DateTime in ``zone``; with ``past``, a bare
    weekday ("thursday 11:00") is the last one, as for something that has happened.

    ``now`` is the caller's clock (aware); nothing here reads the real one, the machine's zone
    or its locale. Raises WhenError, and nothing else, when the text is empty, unknown,
    ambiguous (03/04/2027) or outside the years the program keeps (YEARS); its message lists
    the accepted forms.
    """
    import pendulum

    # Here rather than at the top, with pendulum: app.domain.times loads zoneinfo.
    from app.domain.times import YEARS, in_years, plain

    tz = _timezone(zone)
    if now.tzinfo is None or now.utcoffset() is None:
        raise WhenError("the clock passed in has no time zone")
    cleaned = _clean(text)
    if not cleaned:
        raise WhenError(f"no date given; try: {ACCEPTED_FORMS}")
    if len(cleaned) > MAX_LENGTH:
        raise unreadable(text)
    try:
        local = pendulum.instance(now).in_timezone(tz)
        local_now = datetime(
            local.year, local.month, local.day, local.hour, local.minute, local.second,
            local.microsecond,
        )  # fmt: skip
        found = read_iso(cleaned, text)
        if found is None:
            cleaned = refuse_ambiguous(cleaned, text)
            # Plain: "later today" from pendulum's clock, in Toronto, was 8 hours on.
            found = read_phrase(cleaned, local_now, plain(now))
        if found is None:
            raise unreadable(text)
        if past and _BARE_WEEKDAY.match(cleaned):
            found = _last_one(found, now if found.tzinfo is not None else local_now)
        if past and _TODAY.match(cleaned) and found.tzinfo is None and found > local_now:
            # "this morning" typed at 08:30, of a mail read at 08:10: earlier today, by now.
            found = local_now.replace(second=0, microsecond=0)
        if not in_years(found):
            raise outside_years(text, YEARS)
        if found.tzinfo is not None:
            moment = pendulum.instance(found).in_timezone(tz)
        else:
            # A wall-clock time skipped by DST moves forward; one that happens twice is the later.
            moment = pendulum.datetime(
                found.year, found.month, found.day, found.hour, found.minute, found.second,
                found.microsecond, tz=tz,
            )  # fmt: skip
        # Checked again on the zone's clock, where it is kept: an offset can move it a day.
        if not in_years(moment):
            raise outside_years(text, YEARS)
        return moment
    except WhenError:
        raise
    except (ValueError, OverflowError) as error:
        raise out_of_range(text, "beyond the calendar") from error


# A weekday said alone, which a form for what has happened reads as the last one.
_BARE_WEEKDAY = re.compile(
    r"^(?:on\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b(?!\s+(?:week|next))"
)


# Today or its morning, which a form for what has happened reads as by now at the latest.
_TODAY = re.compile(r"^(?:today|this\s+morning)$")


def _last_one(found: datetime, now: datetime) -> datetime:
    """A weekday read as the next one, moved back to the last one when it is still to come."""
    while found > now:
        found -= timedelta(days=7)
    return found


def _clean(text: str) -> str:
    return " ".join(text.lower().replace(",", " ").split())


def _timezone(zone: str) -> Timezone:
    import pendulum

    try:
        tz = pendulum.timezone(zone)
    except (ValueError, OSError) as error:
        raise WhenError(f"unknown time zone {zone!r}") from error
    if not isinstance(tz, pendulum.Timezone):
        raise WhenError(f"unknown time zone {zone!r}")
    return tz

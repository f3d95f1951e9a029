"""``describe_when``: a moment said back the way the dashboard shows it, whatever the locale;
``to_the_minute``: a moment in a message of the command line."""

from __future__ import annotations

from datetime import datetime

from app.when.grammar import MONTH_ABBREVIATIONS, WEEKDAY_NAMES, nearest_date


def describe_when(moment: datetime, now: datetime) -> str:
    """``later today at 15:00``, ``tomorrow 09:00``, ``Mon 30 Nov 09:00`` (with the year when
    it is not this year's, or not the nearest such day), on the clock of ``moment``'s own zone.

    Each phrase reads back through ``parse_when`` to the same minute.
    """
    if moment.tzinfo is None or now.tzinfo is None:
        raise ValueError("describe_when needs aware datetimes")
    local_now = now.astimezone(moment.tzinfo)
    clock = f"{moment.hour:02}:{moment.minute:02}"
    days = (moment.date() - local_now.date()).days
    if days == 0:
        return f"later today at {clock}" if moment > now else f"today at {clock}"
    if days == 1:
        return f"tomorrow {clock}"
    if days == -1:
        return f"yesterday {clock}"
    month = MONTH_ABBREVIATIONS[moment.month - 1].title()
    # Without its year, a day reads back as the one nearest today (``parse_when``): this
    # year's day months away may not be it.
    nearest = nearest_date(moment.month, moment.day, local_now.date(), "")
    same = moment.year == local_now.year and nearest == moment.date()
    year = "" if same else f" {moment.year}"
    return f"{WEEKDAY_NAMES[moment.weekday()][:3]} {moment.day} {month}{year} {clock}"


def to_the_minute(moment: datetime) -> str:
    """``2026-12-04T15:20+00:00``: the minute, with the offset of ``moment``'s own zone.

    Seconds are noise in a sentence, and this form pasted into ``--at`` names the same minute.
    """
    return moment.replace(second=0, microsecond=0).isoformat(timespec="minutes")

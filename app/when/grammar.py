"""The forms people type for a date, read by a small grammar.

Every reader here takes the text already cleaned (lower case, single spaces, no commas) and
answers with a naive datetime for a wall-clock time in the interview's zone ("tomorrow 9am" is
09:00 on tomorrow's local clock, DST or not), an aware one for an exact instant ("in 4 hours"
is four elapsed hours), or None when the form is not one of its own. Only the standard library
is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, timezone

from app.when.errors import ACCEPTED_FORMS, WhenError, ambiguous, out_of_range, shown, unreadable

WORK_START = time(9, 0)
WORK_END = time(17, 0)
EVENING = time(19, 0)
PARTS_OF_DAY = {
    "morning": WORK_START,
    "afternoon": time(14, 0),
    "evening": EVENING,
    "night": EVENING,
}
LATER_TODAY = timedelta(hours=3)

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_ABBREVIATIONS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip

WEEKDAYS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)},
    **{name.lower()[:3]: number for number, name in enumerate(WEEKDAY_NAMES)},
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_ABBREVIATIONS, start=1)},
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
    "august": 8, "september": 9, "sept": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_COUNT_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _either(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first, so "mon" never cuts "monday" short."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# Patterns stay strings: re caches what it compiles, so none is compiled before it is needed.
_WEEKDAY = _either(WEEKDAYS)
_MONTH = _either(MONTHS)
_TIME = (
    r"(?:noon|midday|midnight"
    r"|[0-9]{1,2}(?:[:.][0-9]{2})? ?(?:am|pm|a\.m\.|p\.m\.)"
    r"|[0-9]{1,2}:[0-9]{2})"
)
_AT = r"(?:at |@ ?)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_NAMED_DATE = (
    rf"(?:({_WEEKDAY}) )?"
    rf"(?:([0-9]{{1,2}}){_ORDINAL} (?:of )?({_MONTH})\.?|({_MONTH})\.? ([0-9]{{1,2}}){_ORDINAL})"
    r"(?: ([0-9]{4}))?"
)
_ISO = (
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[t ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,6}))?)?"
    r" ?(z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)
# A space between count and unit may be left out only after digits ("3d", not "ahour").
_DURATION = (
    rf"(?:in ([0-9]{{1,6}}|{_either(_COUNT_WORDS)})(?: |(?<=[0-9]))([a-z]+)"
    rf"|([0-9]{{1,6}}|{_either(_COUNT_WORDS)})(?: |(?<=[0-9]))([a-z]+) (from now|later|ago))"
    rf"(?: {_AT}({_TIME}))?"
)
_UNITS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("min", "mins", "minute", "minutes"), ("minutes", 1)),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), ("minutes", 60)),
    **dict.fromkeys(("d", "day", "days"), ("days", 1)),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), ("days", 7)),
    **dict.fromkeys(("fortnight", "fortnights"), ("days", 14)),
    **dict.fromkeys(("mo", "mos", "month", "months"), ("months", 1)),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), ("months", 12)),
}
# An ISO week date: 2026-W48-5 is the Friday of week 48 (weeks start on Monday, and week 1 holds
# the year's first Thursday); 2026-W48 alone is its Monday, as "next week" is.
_WEEK_DATE = r"([0-9]{4})-?w([0-9]{2})(?:-?([1-7]))?"
# Day and month written as numbers, in either order; a four-digit year first with dashes is ISO
# and is let through, and so is a week date's week and day ("w48-5"). Times ("9.30am") and
# decimals before a unit ("1.5 hours") are no dates.
_NUMERIC_DATE = (
    r"(?<![0-9:w])([0-9]{1,4})([/.-])([0-9]{1,2})(?:\2([0-9]{1,4}))?(?![0-9])"
    r"(?! ?(?:am|pm|a\.m|p\.m|h|hrs?|hours?|mins?|minutes?|days?|weeks?)\b)"
)


def refuse_ambiguous(text: str, original: str) -> str:
    """``text`` with each numeric date that can be read one way only spelled out ("31/12/2026"
    is "31 dec 2026"); a numeric date such as 03/04/2027 is refused: we never guess day-first
    or month-first."""

    def spelled(match: re.Match[str]) -> str:
        first, separator, second, third = match.groups()
        if separator == "-" and len(first) == 4:
            return match.group(0)
        if len(first) == 4:
            year, pair = first, (second, third)
        else:
            year, pair = third, (first, second)
        readings = list(dict.fromkeys(_readings(pair, year)))
        if len(readings) != 1:
            raise ambiguous(original, readings)
        return readings[0].lower()

    return re.sub(_NUMERIC_DATE, spelled, text)


def _readings(pair: tuple[str | None, str | None], year: str | None) -> list[str]:
    """The dates the digits could mean, spelled with the month's name so that each is a form we
    accept; none when a two-digit year would itself be a guess."""
    if pair[0] is None or pair[1] is None or (year is not None and len(year) != 4):
        return []
    found = []
    for day, month in ((int(pair[0]), int(pair[1])), (int(pair[1]), int(pair[0]))):
        try:
            # 2000 was a leap year, so a yearless 29/02 reads as a real date.
            date(int(year) if year else 2000, month, day)
        except ValueError:
            continue
        suffix = f" {year}" if year else ""
        found.append(f"{day} {MONTH_ABBREVIATIONS[month - 1]}{suffix}")
    return found


def read_iso(text: str, original: str) -> datetime | None:
    """ISO 8601: a date alone is the start of work hours; no offset means the zone's clock."""
    match = re.fullmatch(_ISO, text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        if hour is None:
            return datetime.combine(date(int(year), int(month), int(day)), WORK_START)
        moment = datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
            int((fraction or "0").ljust(6, "0")),
        )  # fmt: skip
        if offset is None:
            return moment
        return moment.replace(tzinfo=_fixed_offset(offset))
    except ValueError as error:
        raise out_of_range(original, str(error)) from error


def _fixed_offset(offset: str) -> timezone:
    if offset == "z":
        return UTC
    digits = offset[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return timezone(-delta if offset.startswith("-") else delta)


def read_phrase(text: str, local_now: datetime, instant_now: datetime) -> datetime | None:
    """The phrases of ACCEPTED_FORMS and their close relatives.

    ``local_now`` is the caller's clock on the zone's wall (naive); ``instant_now`` the same
    moment in UTC, for the phrases that count elapsed time.
    """
    today = local_now.date()
    if text in ("later today", "later"):
        return instant_now + LATER_TODAY
    if match := re.fullmatch(rf"later today {_AT}({_TIME})", text):
        return datetime.combine(today, read_time(match[1], text))
    if match := re.fullmatch(r"end of (?:the |this )?(next )?(week|month)", text):
        return _end_of(match[2], bool(match[1]), local_now)
    if match := re.fullmatch(_DURATION, text):
        return _after(match, local_now, instant_now)
    if (match := re.fullmatch(rf"(.+) ({_either(PARTS_OF_DAY)})", text)) and (
        day := (today, WORK_START) if match[1] == "this" else read_day(match[1], today, text)
    ):
        return datetime.combine(day[0], PARTS_OF_DAY[match[2]])
    if match := re.fullmatch(rf"{_AT}({_TIME})", text):
        # A time alone is the next time the clock shows it.
        moment = datetime.combine(today, read_time(match[1], text))
        return moment if moment > local_now else moment + timedelta(days=1)
    if (match := re.fullmatch(rf"(.+?) {_AT}({_TIME})", text)) and (
        day := read_day(match[1], today, text)
    ):
        return datetime.combine(day[0], read_time(match[2], text))
    if (match := re.fullmatch(rf"{_AT}({_TIME}) (.+)", text)) and (
        day := read_day(match[2], today, text)
    ):
        return datetime.combine(day[0], read_time(match[1], text))
    if day := read_day(text, today, text):
        return datetime.combine(*day)
    return None


def read_time(text: str, original: str) -> time:
    """A time of day matched by _TIME: 9am, 9:30 pm, 7.30pm, 14:30, noon, midnight."""
    try:
        moment = clock_time(text)
    except ValueError:
        raise out_of_range(original, "no such time of day") from None
    if moment is None:
        raise unreadable(original)
    return moment


def clock_time(text: str) -> time | None:
    """``text`` as a time of day (9am, 9:30 pm, 7.30pm, 14:30, noon, midnight), None when it
    is not written as one; ValueError for one that does not exist (25:00, 13pm)."""
    if text in ("noon", "midday"):
        return time(12, 0)
    if text == "midnight":
        return time(0, 0)
    match = re.fullmatch(r"([0-9]{1,2})(?:[:.]([0-9]{2}))?\s?(?:([ap])\.?m\.?)?", text)
    if match is None:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if minute > 59 or hour > 23 or (half and not 1 <= hour <= 12):
        raise ValueError(text)
    moment = time(hour, minute)
    return with_half(moment, half) if half else moment


def with_half(moment: time, half: str) -> time:
    """A time on the 12-hour clock put on the 24-hour one: ``half`` is "a" or "p"."""
    return moment.replace(hour=moment.hour % 12 + (12 if half == "p" else 0))


def read_day(text: str, today: date, original: str) -> tuple[date, time] | None:
    """A day and the time it means when none is given: the start of work hours, mostly."""
    text = text.removeprefix("on ")
    one_day = timedelta(days=1)
    if text == "today":
        return today, WORK_START
    if text == "tonight":
        return today, EVENING
    if text in ("tomorrow", "tmrw", "tmr"):
        return today + one_day, WORK_START
    if text == "yesterday":
        return today - one_day, WORK_START
    if text in ("day after tomorrow", "the day after tomorrow"):
        return today + 2 * one_day, WORK_START
    if text == "next week":
        return _monday_after(today), WORK_START
    if text == "next month":
        year, month = _month_after(today.year, today.month)
        return _first_work_day(year, month), WORK_START
    if match := re.fullmatch(rf"(?:(this|next|last) )?({_WEEKDAY})", text):
        return _weekday(match[1], WEEKDAYS[match[2]], today), WORK_START
    if match := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", text):
        return _real_date(int(match[1]), int(match[2]), int(match[3]), original), WORK_START
    if match := re.fullmatch(_NAMED_DATE, text):
        return _named_date(match, today, original), WORK_START
    if match := re.fullmatch(_WEEK_DATE, text):
        return _week_date(int(match[1]), int(match[2]), int(match[3] or 1), original), WORK_START
    return None


def _weekday(which: str | None, weekday: int, today: date) -> date:
    """Plain "friday" is the next Friday strictly after today; "this friday" may be today;
    "next friday" is the Friday of next week (Monday to Sunday); "last friday" the latest one
    before today."""
    if which == "last":
        return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    if which == "next":
        return _monday_after(today) + timedelta(days=weekday)
    if which == "this":
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _named_date(match: re.Match[str], today: date, original: str) -> date:
    weekday, day_first, month_second, month_first, day_second, year = match.groups()
    day = int(day_first or day_second)
    month = MONTHS[month_second or month_first]
    if year is not None:
        found = _real_date(int(year), month, day, original)
    else:
        found = nearest_date(month, day, today, original)
        if weekday is not None and WEEKDAYS[weekday] != found.weekday():
            # "Tue 1 Jun" typed in November: the nearest is months away either way, and the
            # weekday says which. Further off, a weekday that does not fit is a slip, refused.
            named = [
                date(found.year + step, month, day)
                for step in (-1, 1)
                if _is_date(found.year + step, month, day)
                and date(found.year + step, month, day).weekday() == WEEKDAYS[weekday]
                and abs((date(found.year + step, month, day) - today).days) <= _WEEKDAY_SAYS
            ]
            found = min(named, key=lambda d: abs((d - today).days), default=found)
    if weekday is not None and WEEKDAYS[weekday] != found.weekday():
        spelled = f"{found.day} {MONTH_ABBREVIATIONS[found.month - 1]} {found.year}"
        raise WhenError(
            f"{shown(original)} does not add up: {spelled} is a "
            f"{WEEKDAY_NAMES[found.weekday()]}; try: {ACCEPTED_FORMS}"
        )
    return found


# How far off a day named with its weekday may be, in the year the weekday names.
_WEEKDAY_SAYS = 200


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def nearest_date(month: int, day: int, today: date, original: str) -> date:
    """A day and month without a year: the one nearest today, the later of two as near. A
    person means a day within months of now, either way: "4 dec" typed on 5 Dec is yesterday's
    interview, not one a year away; "3 jan" typed in December is next month."""
    found = []
    # A 29 February is never more than eight years away.
    for year in range(today.year - 8, today.year + 9):
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    if not found:
        raise out_of_range(original, "no such day in that month")
    return min(found, key=lambda d: (abs((d - today).days), d < today))


def _week_date(year: int, week: int, weekday: int, original: str) -> date:
    try:
        return date.fromisocalendar(year, week, weekday)
    except ValueError as error:
        raise out_of_range(original, f"{year} has no week {week}") from error


def _real_date(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise out_of_range(original, str(error)) from error


def _after(match: re.Match[str], local_now: datetime, instant_now: datetime) -> datetime | None:
    """Durations ("in 3 days", "2 weeks from now", "4 hours ago"): hours and minutes are
    elapsed time, longer units are calendar steps that keep the time of day (SPEC section 3)."""
    count_text, unit_text, direction = (
        (match[1], match[2], "in") if match[1] else (match[3], match[4], match[5])
    )
    if unit_text not in _UNITS:
        return None
    kind, size = _UNITS[unit_text]
    count = _COUNT_WORDS.get(count_text) or int(count_text)
    steps = -count * size if direction == "ago" else count * size
    clock = match[6]
    if kind == "minutes":
        return None if clock else instant_now + timedelta(minutes=steps)
    moment = local_now + timedelta(days=steps) if kind == "days" else _add_months(local_now, steps)
    if clock:
        return datetime.combine(moment.date(), read_time(clock, match[0]))
    return moment


def _end_of(unit: str, next_one: bool, local_now: datetime) -> datetime:
    """The end of work hours on the last work day of the week or month; "end of week" once
    that has passed means the coming week's."""
    today = local_now.date()
    if unit == "week":
        friday = today - timedelta(days=today.weekday() - 4)
        week = timedelta(days=7)
        moment = datetime.combine(friday, WORK_END)
        return moment + week if next_one or moment <= local_now else moment
    year, month = today.year, today.month
    if next_one:
        year, month = _month_after(year, month)
    moment = datetime.combine(_last_work_day(year, month), WORK_END)
    if moment <= local_now:
        moment = datetime.combine(_last_work_day(*_month_after(year, month)), WORK_END)
    return moment


def _monday_after(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())


def _month_after(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _first_work_day(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


def _last_work_day(year: int, month: int) -> date:
    day = date(year, month, _days_in(year, month))
    return day - timedelta(days=max(0, day.weekday() - 4))


def _add_months(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` later, on the month's last day when it is shorter."""
    year, month_index = divmod(moment.month - 1 + months, 12)
    year += moment.year
    day = min(moment.day, _days_in(year, month_index + 1))
    return moment.replace(year=year, month=month_index + 1, day=day)


def _days_in(year: int, month: int) -> int:
    # The calendar module would do, but it loads the locale machinery at import.
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day

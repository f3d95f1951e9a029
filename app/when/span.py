"""``parse_span``: when a meeting starts and how long it lasts, read from a line of a calendar
or from the text of an invitation pasted whole.

Read, in any case, with or without commas:

* one line: ``Tue 8 Dec 14:00–15:00``, ``8 Dec 2026 14:00-15:30``, ``2026-12-08 14:00 to
  15:00``, ``Tuesday, December 8, 2026 2:00pm - 3:00pm (GMT)``, ``Tue Dec 8, 2026 2pm – 3pm
  Eastern Time - New York``, ``tomorrow 10:00-10:45``;
* the ends joined by a hyphen, an en or em dash, "to", "until" or "till"; the end may carry its
  own day (``Tue 8 Dec 23:00 – Wed 9 Dec 00:30``); without one, an end at or before the start is
  the next day's;
* 24-hour times or am/pm ("2pm", "2:30 p.m."), "noon" and "midnight"; an end in the afternoon
  lends its half of the day to a start that has none ("2:00 – 3:00pm" is 14:00 to 15:00, but
  "11 – 12pm" is 11:00 to 12:00);
* the day as ``parse_when`` reads it (a day and month named in either order, an optional
  weekday and year, year-month-day, "today", "tomorrow"); a year-less day is its next
  occurrence; a weekday that does not fall on the date is refused, not guessed;
* a zone after the times: GMT or UTC with an offset, a zone database name ("Europe/Paris"), a
  city of the zone database ("New York", as Google and Zoom add it; Outlook's "(UTC+01:00)
  Amsterdam, Berlin" is read by its cities, because its offset is the winter one), a few
  abbreviations that name one offset only (EST, PDT, CET, BST…); or a "Time zone:" line of its
  own. Without one the interview's zone is meant; a zone that cannot be told is refused;
  other words after the times are the meeting's title ("14:00–15:00 Video call") and ignored;
* several lines (an invitation): the first line with a time range wins, its day may be on a
  line above it ("Tuesday 8 December 2026" then "14:00 – 15:00"); e-mail header lines
  ("Sent:", "Received:") are passed over. Failing a range, a line with one start time ("Time:
  Dec 8, 2026 02:00 PM London", as Zoom writes) gives the start and no length.

Refused: no day ("14:00–15:00" alone), numeric dates that could be either way round
(08/12/2026), an end that comes before its start on a named day, an unknown zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from app.when.errors import WhenError, shown
from app.when.grammar import MONTHS, WEEKDAYS, clock_time, with_half
from app.when.parse import parse_when

if TYPE_CHECKING:
    from pendulum import DateTime

__all__ = ["SPAN_EXAMPLES", "Span", "parse_span"]

SPAN_EXAMPLES = "Tue 8 Dec 14:00–15:00, 8 Dec 2026 2pm to 3:30pm, 2026-12-08 14:00-15:00"
# An invitation is a screenful; far more is a paste gone wrong, refused before any pattern runs.
MAX_TEXT = 20_000
_LINES_UP = 3

_CLOCK = r"(?:[0-9]{1,2}[:.][0-9]{2}|[0-9]{1,2})"
_HALF = r"(?:\s?(?:[ap]\.?m\.?)(?![a-z]))"
# A start may be a bare hour ("2 – 3pm"); an end must say it is a time.
_START = rf"(?:noon|midday|midnight|{_CLOCK}{_HALF}?)"
_END = rf"(?:noon|midday|midnight|[0-9]{{1,2}}[:.][0-9]{{2}}{_HALF}?|[0-9]{{1,2}}{_HALF})"
_JOIN = r"(?:\s*-\s*|\s+(?:to|until|till)\s+)"
# Times with seconds ("10:12:45", in mail headers) are no meeting's.
_RANGE = re.compile(
    rf"(?<![0-9:./+-])({_START}){_JOIN}(?:([a-z0-9, ]{{3,40}}?)\s+)?({_END})(?![0-9:])"
)
_ONE = re.compile(rf"(?<![0-9:./+-])({_END})(?![0-9:])")
_LABEL = re.compile(
    r"^(?:when|date|time|date and time|date & time|starts?|start time|meeting time)"
    r"\s*:?\s+(?!zone\b)"
)
_MONTH_BEFORE = re.compile("(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s$")
_SKIPPED = re.compile(r"^(?:sent|received|created|modified|date sent)\s*:")
_ZONE_LINE = re.compile(r"^time\s?zone\s*:?\s*(.+)$")
_NUMBER_BEFORE = r"[0-9]{1,2}(?:st|nd|rd|th)?\s(?:of\s)?$"
# Past midnight ("23:00 – 00:30") is the next day; "14:00 – 13:00" is a slip, not 23 hours.
_LONGEST_OVERNIGHT = timedelta(hours=12)
_DAY_WORDS = re.compile(
    r"\b(?:"
    + "|".join(sorted((*MONTHS, *WEEKDAYS, "today", "tomorrow"), key=len, reverse=True))
    + r")\b|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
)
_OFFSET = re.compile(r"^(?:gmt|utc|z)\s*(?:([+-])\s*([0-9]{1,2})(?::?([0-9]{2}))?)?\b")
# Only abbreviations that name one offset; CST, IST and the like name several and are refused.
_ABBREVIATIONS = {
    "est": -5, "edt": -4, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8,
    "hst": -10, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "jst": 9,
}  # fmt: skip
# Words after the times that say they name a zone, refused when it cannot be told which
# ("Pacific Time", "IST", "UTC+5:30"); any other words are the meeting's title ("Video call").
_ZONE_CLAIM = re.compile(
    r"\b(?:time|gmt|utc|zone|standard|daylight|summer|winter|eastern|central|pacific|mountain"
    r"|atlantic|alaska|hawaii|ct|et|pt|mt|ht|cst|cdt|ist|idt|ast|adt|gst|sst|aest|aedt|acst"
    r"|acdt|awst|nzst|nzdt|wet|west|msk|sgt|hkt|kst|pht|wib|brt|art|clt|cot|pet|sast|cat"
    r"|eat|wat|ict)\b|[+-]\s*[0-9]{1,2}(?::?[0-9]{2})?\b"
)


@dataclass(frozen=True, slots=True)
class Span:
    """``starts`` in the zone asked for; ``minutes`` is None when the text gave no end."""

    starts: DateTime
    minutes: int | None


def parse_span(text: str, now: datetime, zone: str) -> Span:
    """The meeting ``text`` describes, read against ``now`` (aware), in ``zone`` unless the
    text names its own. Raises WhenError, and nothing else, when no meeting can be read."""
    if len(text) > MAX_TEXT:
        raise WhenError("too much text to read as one meeting; paste the line with its time")
    lines = [_clean(line) for line in text.splitlines()]
    zone_text = next((m[1] for line in lines if (m := _ZONE_LINE.match(line))), "")
    for index, line in enumerate(lines):
        if _SKIPPED.match(line) or _ZONE_LINE.match(line):
            continue
        found = _range(line)
        if found is not None:
            head, tail = line[: found.start()], line[found.end() :]
            if not _DAY_WORDS.search(head) and _DAY_WORDS.search(tail):
                # The day after the times ("2-3pm, Tuesday 8 December (GMT)").
                named = re.fullmatch(r"(.*?)\s*(?:\(([^)]*)\))?", tail)
                head, tail = (named[1], named[2] or "") if named else (tail, "")
            where = _zone(tail or zone_text) or zone
            return _read_range(found, head, lines[:index], _Reading(text, now, zone, where))
    for index, line in enumerate(lines):
        if _SKIPPED.match(line) or _ZONE_LINE.match(line):
            continue
        one = _ONE.search(line)
        if one is not None and _DAY_WORDS.search(line[: one.start()]):
            day = _day_before(line[: one.start()], lines[:index])
            reading = _Reading(text, now, zone, _zone(line[one.end() :] or zone_text) or zone)
            return Span(reading.moment(day, _read_time(one[1], text)), None)
    if not text.strip():
        raise WhenError(f"nothing to read; paste a line like {SPAN_EXAMPLES}")
    raise WhenError(f"cannot find a meeting's time in {shown(text.strip())}; like {SPAN_EXAMPLES}")


def _clean(line: str) -> str:
    """Lower case, one space between words, dashes as hyphens, and no bullets or the dots
    Google puts between a day and its times. Commas stay: they part Outlook's cities."""
    line = re.sub(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]", "-", line.lower())
    line = re.sub(r"[\u00b7\u22c5\u2022|*\t]", " ", line)
    return _LABEL.sub("", " ".join(line.split()))


def _range(line: str) -> re.Match[str] | None:
    """The first pair of times on the line that reads as a range: a bare hour starts one only
    when the end says am or pm ("2 – 3pm"); "8 - 9 dec" is a range of days, not of times."""
    # Searched from each place in turn, not match after match: in "december 8 - 2pm to 3pm"
    # the "2pm" that "8 - 2pm" would take is the start of the range.
    place = 0
    while (match := _RANGE.search(line, place)) is not None:
        bare = re.fullmatch(r"[0-9]{1,2}", match[1]) is not None
        if not bare or (_half(match[3]) and not _day_of_month(line[: match.start()])):
            return match
        place = match.start() + 1
    return None


def _day_of_month(head: str) -> bool:
    """Whether a number after ``head`` would be the day of a month named just before it
    ("december 8", but not "8 december 11")."""
    month = _MONTH_BEFORE.search(head)
    return month is not None and not re.search(_NUMBER_BEFORE, head[: month.start()])


def _read_range(match: re.Match[str], head: str, above: list[str], reading: _Reading) -> Span:
    start, end = _times(match[1], match[3], reading.text)
    starts = reading.moment(_day_before(head, above), start)
    if match[2]:
        ends = reading.moment(match[2], end)
        if ends <= starts:
            raise WhenError(f"{shown(reading.text.strip())} ends before it starts")
    else:
        day = reading.local_day(starts)
        ends = reading.moment(day.isoformat(), end)
        if ends <= starts:
            ends = reading.moment((day + timedelta(days=1)).isoformat(), end)
            if ends - starts > _LONGEST_OVERNIGHT:
                raise WhenError(f"{shown(reading.text.strip())} ends before it starts")
    return Span(starts, int((ends - starts).total_seconds() // 60))


def _day_before(head: str, above: list[str]) -> str:
    """The day named before the times (from its first word of a date on: a subject may come
    first), else on one of the few lines above."""
    day = _from_first_day_word(head)
    if day:
        return day
    for line in reversed([line for line in above if line][-_LINES_UP:]):
        if _DAY_WORDS.search(line) and not _SKIPPED.match(line):
            return _from_first_day_word(line)
    raise WhenError("no day given with the times; paste the line with the date too")


def _from_first_day_word(text: str) -> str:
    text = re.sub(r"(?:\s|^)(?:from|at|@|on|-)$", "", text.strip(" ,-:")).strip(" ,-:")
    first = _DAY_WORDS.search(text)
    if first is None:
        return text
    # A day's number may come before its month ("8 dec", "8th of december").
    number = re.search(_NUMBER_BEFORE, text[: first.start()])
    start = number.start() if number else first.start()
    return re.sub(r"\bthe\s", "", text[start:])


def _times(start_text: str, end_text: str, text: str) -> tuple[time, time]:
    """Both ends; one without am or pm takes the other's half of the day, unless that puts the
    start after the end ("11 – 12pm" starts in the morning)."""
    start, end = _read_time(start_text, text), _read_time(end_text, text)
    start_half, end_half = _half(start_text), _half(end_text)
    if start_half is None and end_half is not None and 1 <= start.hour <= 12:
        start = with_half(start, end_half)
        if start >= end:
            start = with_half(start, "a" if end_half == "p" else "p")
    elif end_half is None and start_half is not None and 1 <= end.hour <= 12:
        end = with_half(end, start_half)
        if end <= start:
            end = with_half(end, "a" if start_half == "p" else "p")
    return start, end


def _half(text: str) -> str | None:
    found = re.search(r"([ap])\.?m", text)
    return found[1] if found else None


def _read_time(text: str, original: str) -> time:
    try:
        moment = clock_time(text)
    except ValueError:
        raise WhenError(
            f"{shown(original.strip())} has a time that does not exist ({text})"
        ) from None
    if moment is None:
        raise WhenError(f"cannot read {shown(text)} as a time of day")
    return moment


@dataclass(frozen=True, slots=True)
class _Reading:
    """The text being read, the caller's clock and zone, and the zone the times are on
    (a zone database name, or a fixed offset)."""

    text: str
    now: datetime
    zone: str
    where: str | tzinfo

    def moment(self, day: str, clock: time) -> DateTime:
        """``day`` at ``clock`` on the clocks of ``where``, said in ``zone``."""
        import pendulum

        if re.search(r"[0-9]{1,2}[:.][0-9]{2}|[0-9] ?[ap]\.?m", day):
            raise WhenError(f"cannot read {shown(self.text.strip())}: more than two times")
        # A fixed offset has no name to read in: the wall clock is read in UTC, then placed.
        reading_zone = self.where if isinstance(self.where, str) else "UTC"
        try:
            found = parse_when(f"{day} {clock:%H:%M}", self.now, reading_zone)
        except WhenError as error:
            if str(error).startswith("cannot read"):
                raise WhenError(
                    f"cannot read {shown(day)} as a day; like {SPAN_EXAMPLES}"
                ) from None
            raise
        if not isinstance(self.where, str):
            wall = datetime(
                found.year, found.month, found.day, found.hour, found.minute, tzinfo=self.where
            )
            return pendulum.instance(wall).in_timezone(self.zone)
        return found.in_timezone(self.zone)

    def local_day(self, moment: DateTime) -> date:
        """The day ``moment`` falls on, on the clocks of ``where``."""
        if isinstance(self.where, str):
            return moment.in_timezone(self.where).date()
        return moment.astimezone(self.where).date()


def _zone(text: str) -> str | tzinfo:
    """The zone named after the times: a name of the zone database, a city, an offset from
    GMT or UTC, or an abbreviation with one meaning; "" when none is named."""
    words = text.strip(" ()[].-:")
    if not words:
        return ""
    known = _zone_names()
    for name in re.findall(r"[a-z]+(?:/[a-z_+-]+)+", words):
        if name in known:
            return known[name]
    for piece in re.split(r"[(),;]|\s-\s|\band\b", words):
        city = piece.strip(" .").replace(" ", "_")
        if city and f"/{city}" in known:
            return known[f"/{city}"]
    if offset := _OFFSET.match(words):
        sign, hours, minutes = offset.groups()
        if hours is None:
            return UTC
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        return timezone(-delta if sign == "-" else delta)
    if words in _ABBREVIATIONS:
        return timezone(timedelta(hours=_ABBREVIATIONS[words]))
    if not _ZONE_CLAIM.search(words):
        # Not a zone but the meeting's title, as a calendar line has it ("Video call").
        return ""
    raise WhenError(
        f"cannot tell which time zone {shown(words)} is; add it as GMT+1, UTC-5 or a city"
    )


_KNOWN: dict[str, str] = {}


def _zone_names() -> dict[str, str]:
    """Every zone database name in lower case, and each city under ``/city``."""
    if not _KNOWN:
        from zoneinfo import available_timezones

        for name in sorted(available_timezones()):
            if name.count("/") == 0 or name.startswith(("Etc/", "SystemV/", "US/")):
                continue
            _KNOWN[name.lower()] = name
            _KNOWN.setdefault("/" + name.rsplit("/", 1)[1].lower(), name)
    return _KNOWN

"""Dates typed by people: every accepted form against fixed clocks, refusals, fuzzing, and
independence from the machine's zone, locale and clock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.when import ACCEPTED_FORMS, WhenError, describe_when, parse_when

ROOT = Path(__file__).resolve().parents[1]
LONDON = "Europe/London"
NEW_YORK = "America/New_York"
TOKYO = "Asia/Tokyo"


def at(zone: str, wall: str) -> datetime:
    """``wall`` on the clocks of ``zone``."""
    return datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(zone))


FRIDAY_EVENING = at(LONDON, "2026-11-27 18:30")
MONDAY_MORNING = at(LONDON, "2026-11-23 08:00")
SUNDAY = at(LONDON, "2026-11-29 11:00")
# Years away from the real clock, so that reading it anywhere would show.
WEDNESDAY_2031 = at(NEW_YORK, "2031-06-11 10:15")
# The Saturdays before clocks change: London forward on 29 Mar and back on 25 Oct 2026,
# New York forward on 8 Mar and back on 1 Nov 2026.
LONDON_SPRING = at(LONDON, "2026-03-28 12:00")
LONDON_AUTUMN = at(LONDON, "2026-10-24 12:00")
NEW_YORK_SPRING = at(NEW_YORK, "2026-03-07 20:00")
NEW_YORK_AUTUMN = at(NEW_YORK, "2026-10-31 20:00")
# The caller's clock in UTC while the interview is in Tokyo, where it is already Saturday 05:00.
UTC_FRIDAY_NIGHT = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)

CASES: list[tuple[str, datetime, str, str]] = [
    # ISO 8601
    ("2026-11-30", FRIDAY_EVENING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("2026-11-30T09:00", FRIDAY_EVENING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("2026-11-30 09:00", FRIDAY_EVENING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("2026-11-30T09:00+01:00", FRIDAY_EVENING, LONDON, "2026-11-30T08:00:00+00:00"),
    ("2026-11-30T09:00Z", FRIDAY_EVENING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("2026-11-30T09:00:30.5-05:00", FRIDAY_EVENING, LONDON, "2026-11-30T14:00:30.500000+00:00"),
    ("2026-11-30 9am", FRIDAY_EVENING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("2026-06-30T09:00", FRIDAY_EVENING, LONDON, "2026-06-30T09:00:00+01:00"),
    ("2026-11-30T09:00Z", UTC_FRIDAY_NIGHT, TOKYO, "2026-11-30T18:00:00+09:00"),
    # today, tonight, tomorrow
    ("today", FRIDAY_EVENING, LONDON, "2026-11-27T09:00:00+00:00"),
    ("today", MONDAY_MORNING, LONDON, "2026-11-23T09:00:00+00:00"),
    ("tonight", FRIDAY_EVENING, LONDON, "2026-11-27T19:00:00+00:00"),
    ("tonight", SUNDAY, LONDON, "2026-11-29T19:00:00+00:00"),
    ("tonight 9pm", SUNDAY, LONDON, "2026-11-29T21:00:00+00:00"),
    ("tomorrow", FRIDAY_EVENING, LONDON, "2026-11-28T09:00:00+00:00"),
    ("tomorrow 9am", FRIDAY_EVENING, LONDON, "2026-11-28T09:00:00+00:00"),
    ("tomorrow at 14:30", FRIDAY_EVENING, LONDON, "2026-11-28T14:30:00+00:00"),
    ("  Tomorrow   AT 2:30 PM ", FRIDAY_EVENING, LONDON, "2026-11-28T14:30:00+00:00"),
    ("9am tomorrow", FRIDAY_EVENING, LONDON, "2026-11-28T09:00:00+00:00"),
    ("TOMORROW", UTC_FRIDAY_NIGHT, TOKYO, "2026-11-29T09:00:00+09:00"),
    ("today", UTC_FRIDAY_NIGHT, TOKYO, "2026-11-28T09:00:00+09:00"),
    ("day after tomorrow", FRIDAY_EVENING, LONDON, "2026-11-29T09:00:00+00:00"),
    ("tomorrow", WEDNESDAY_2031, NEW_YORK, "2031-06-12T09:00:00-04:00"),
    # weekdays: plain is strictly after today, "this" may be today, "next" is next week's
    ("monday", FRIDAY_EVENING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("mon", FRIDAY_EVENING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("Monday", MONDAY_MORNING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("monday", SUNDAY, LONDON, "2026-11-30T09:00:00+00:00"),
    ("friday", FRIDAY_EVENING, LONDON, "2026-12-04T09:00:00+00:00"),
    ("friday", MONDAY_MORNING, LONDON, "2026-11-27T09:00:00+00:00"),
    ("this friday", FRIDAY_EVENING, LONDON, "2026-11-27T09:00:00+00:00"),
    ("this friday", MONDAY_MORNING, LONDON, "2026-11-27T09:00:00+00:00"),
    ("this monday", MONDAY_MORNING, LONDON, "2026-11-23T09:00:00+00:00"),
    ("this sunday", SUNDAY, LONDON, "2026-11-29T09:00:00+00:00"),
    ("sunday", SUNDAY, LONDON, "2026-12-06T09:00:00+00:00"),
    ("next friday", FRIDAY_EVENING, LONDON, "2026-12-04T09:00:00+00:00"),
    ("next friday", MONDAY_MORNING, LONDON, "2026-12-04T09:00:00+00:00"),
    ("next monday", SUNDAY, LONDON, "2026-11-30T09:00:00+00:00"),
    ("friday 3pm", FRIDAY_EVENING, LONDON, "2026-12-04T15:00:00+00:00"),
    ("friday 3pm", MONDAY_MORNING, LONDON, "2026-11-27T15:00:00+00:00"),
    ("3pm friday", FRIDAY_EVENING, LONDON, "2026-12-04T15:00:00+00:00"),
    ("on fri at noon", MONDAY_MORNING, LONDON, "2026-11-27T12:00:00+00:00"),
    ("friday 3pm", WEDNESDAY_2031, NEW_YORK, "2031-06-13T15:00:00-04:00"),
    # durations: hours and minutes elapse, days and weeks keep the wall-clock time
    ("in 3 days", FRIDAY_EVENING, LONDON, "2026-11-30T18:30:00+00:00"),
    ("in 2 weeks", FRIDAY_EVENING, LONDON, "2026-12-11T18:30:00+00:00"),
    ("in two weeks", SUNDAY, LONDON, "2026-12-13T11:00:00+00:00"),
    ("in 4 hours", FRIDAY_EVENING, LONDON, "2026-11-27T22:30:00+00:00"),
    ("in 30 minutes", FRIDAY_EVENING, LONDON, "2026-11-27T19:00:00+00:00"),
    ("in an hour", FRIDAY_EVENING, LONDON, "2026-11-27T19:30:00+00:00"),
    ("in 3d", FRIDAY_EVENING, LONDON, "2026-11-30T18:30:00+00:00"),
    ("3 days from now", FRIDAY_EVENING, LONDON, "2026-11-30T18:30:00+00:00"),
    ("in 2 days at 9am", FRIDAY_EVENING, LONDON, "2026-11-29T09:00:00+00:00"),
    ("in a fortnight", FRIDAY_EVENING, LONDON, "2026-12-11T18:30:00+00:00"),
    ("in 1 month", at(LONDON, "2027-01-31 10:00"), LONDON, "2027-02-28T10:00:00+00:00"),
    ("2 days ago", FRIDAY_EVENING, LONDON, "2026-11-25T18:30:00+00:00"),
    ("in 3 days", WEDNESDAY_2031, NEW_YORK, "2031-06-14T10:15:00-04:00"),
    # ends of weeks and months: 17:00 on the last work day, the next one once passed
    ("end of week", FRIDAY_EVENING, LONDON, "2026-12-04T17:00:00+00:00"),
    ("end of week", MONDAY_MORNING, LONDON, "2026-11-27T17:00:00+00:00"),
    ("end of the week", SUNDAY, LONDON, "2026-12-04T17:00:00+00:00"),
    ("end of next week", FRIDAY_EVENING, LONDON, "2026-12-04T17:00:00+00:00"),
    ("end of next week", MONDAY_MORNING, LONDON, "2026-12-04T17:00:00+00:00"),
    ("end of the month", FRIDAY_EVENING, LONDON, "2026-11-30T17:00:00+00:00"),
    ("end of month", LONDON_AUTUMN, LONDON, "2026-10-30T17:00:00+00:00"),
    ("end of next month", SUNDAY, LONDON, "2026-12-31T17:00:00+00:00"),
    ("end of the month", at(LONDON, "2026-10-30 17:30"), LONDON, "2026-11-30T17:00:00+00:00"),
    # next week, next month: their first work day
    ("next week", FRIDAY_EVENING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("next week", SUNDAY, LONDON, "2026-11-30T09:00:00+00:00"),
    ("next week", MONDAY_MORNING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("next month", FRIDAY_EVENING, LONDON, "2026-12-01T09:00:00+00:00"),
    ("next month", LONDON_AUTUMN, LONDON, "2026-11-02T09:00:00+00:00"),
    # later today, and times alone: today if still ahead, else tomorrow
    ("later today", FRIDAY_EVENING, LONDON, "2026-11-27T21:30:00+00:00"),
    ("later today", MONDAY_MORNING, LONDON, "2026-11-23T11:00:00+00:00"),
    ("later today at 20:00", FRIDAY_EVENING, LONDON, "2026-11-27T20:00:00+00:00"),
    ("noon", FRIDAY_EVENING, LONDON, "2026-11-28T12:00:00+00:00"),
    ("noon", MONDAY_MORNING, LONDON, "2026-11-23T12:00:00+00:00"),
    ("9am", FRIDAY_EVENING, LONDON, "2026-11-28T09:00:00+00:00"),
    ("9am", MONDAY_MORNING, LONDON, "2026-11-23T09:00:00+00:00"),
    ("9am", UTC_FRIDAY_NIGHT, TOKYO, "2026-11-28T09:00:00+09:00"),
    ("17:00", FRIDAY_EVENING, LONDON, "2026-11-28T17:00:00+00:00"),
    ("17:00", MONDAY_MORNING, LONDON, "2026-11-23T17:00:00+00:00"),
    ("at 18:30", FRIDAY_EVENING, LONDON, "2026-11-28T18:30:00+00:00"),
    ("midnight", FRIDAY_EVENING, LONDON, "2026-11-28T00:00:00+00:00"),
    ("12pm", MONDAY_MORNING, LONDON, "2026-11-23T12:00:00+00:00"),
    ("12am", MONDAY_MORNING, LONDON, "2026-11-24T00:00:00+00:00"),
    ("7.30 p.m.", MONDAY_MORNING, LONDON, "2026-11-23T19:30:00+00:00"),
    ("12:00", WEDNESDAY_2031, NEW_YORK, "2031-06-11T12:00:00-04:00"),
    ("10am", WEDNESDAY_2031, NEW_YORK, "2031-06-12T10:00:00-04:00"),
    # named days: without a year the one nearest today, either way
    ("27 nov", FRIDAY_EVENING, LONDON, "2026-11-27T09:00:00+00:00"),
    ("nov 27", FRIDAY_EVENING, LONDON, "2026-11-27T09:00:00+00:00"),
    ("27 november 2026", FRIDAY_EVENING, LONDON, "2026-11-27T09:00:00+00:00"),
    ("26 nov", FRIDAY_EVENING, LONDON, "2026-11-26T09:00:00+00:00"),
    ("27th of November", SUNDAY, LONDON, "2026-11-27T09:00:00+00:00"),
    ("3 jan", FRIDAY_EVENING, LONDON, "2027-01-03T09:00:00+00:00"),
    ("fri 20 nov 10:00", FRIDAY_EVENING, LONDON, "2026-11-20T10:00:00+00:00"),
    # a weekday that names the other year, when both are months away: that year's day
    ("Tue 1 Jun", FRIDAY_EVENING, LONDON, "2027-06-01T09:00:00+01:00"),
    ("1 jun", FRIDAY_EVENING, LONDON, "2026-06-01T09:00:00+01:00"),
    ("1 may", FRIDAY_EVENING, LONDON, "2027-05-01T09:00:00+01:00"),
    ("Dec 3rd, 2026 4pm", FRIDAY_EVENING, LONDON, "2026-12-03T16:00:00+00:00"),
    ("Mon 30 Nov 09:00", FRIDAY_EVENING, LONDON, "2026-11-30T09:00:00+00:00"),
    ("29 feb", FRIDAY_EVENING, LONDON, "2028-02-29T09:00:00+00:00"),
    ("27 nov", WEDNESDAY_2031, NEW_YORK, "2031-11-27T09:00:00-05:00"),
    # parts of the day, and the latest weekday before today
    ("tomorrow morning", FRIDAY_EVENING, LONDON, "2026-11-28T09:00:00+00:00"),
    ("tomorrow afternoon", WEDNESDAY_2031, NEW_YORK, "2031-06-12T14:00:00-04:00"),
    ("this evening", WEDNESDAY_2031, NEW_YORK, "2031-06-11T19:00:00-04:00"),
    ("friday night", MONDAY_MORNING, LONDON, "2026-11-27T19:00:00+00:00"),
    ("last friday", WEDNESDAY_2031, NEW_YORK, "2031-06-06T09:00:00-04:00"),
    ("last friday", FRIDAY_EVENING, LONDON, "2026-11-20T09:00:00+00:00"),
    ("last sunday", SUNDAY, LONDON, "2026-11-22T09:00:00+00:00"),
    # DST: a day's time is on the local clock, hours are elapsed time
    ("tomorrow 9am", LONDON_SPRING, LONDON, "2026-03-29T09:00:00+01:00"),
    ("in 24 hours", LONDON_SPRING, LONDON, "2026-03-29T13:00:00+01:00"),
    ("in 1 day", LONDON_SPRING, LONDON, "2026-03-29T12:00:00+01:00"),
    ("tomorrow 1:30am", LONDON_SPRING, LONDON, "2026-03-29T02:30:00+01:00"),
    ("end of week", LONDON_SPRING, LONDON, "2026-04-03T17:00:00+01:00"),
    ("tomorrow 9am", LONDON_AUTUMN, LONDON, "2026-10-25T09:00:00+00:00"),
    ("in 24 hours", LONDON_AUTUMN, LONDON, "2026-10-25T11:00:00+00:00"),
    ("in 1 day", LONDON_AUTUMN, LONDON, "2026-10-25T12:00:00+00:00"),
    ("tomorrow 1:30am", LONDON_AUTUMN, LONDON, "2026-10-25T01:30:00+00:00"),
    ("tomorrow 9am", NEW_YORK_SPRING, NEW_YORK, "2026-03-08T09:00:00-04:00"),
    ("in 24 hours", NEW_YORK_SPRING, NEW_YORK, "2026-03-08T21:00:00-04:00"),
    ("in 8 hours", NEW_YORK_SPRING, NEW_YORK, "2026-03-08T05:00:00-04:00"),
    ("later today", NEW_YORK_SPRING, NEW_YORK, "2026-03-07T23:00:00-05:00"),
    ("tomorrow 9am", NEW_YORK_AUTUMN, NEW_YORK, "2026-11-01T09:00:00-05:00"),
    ("in 24 hours", NEW_YORK_AUTUMN, NEW_YORK, "2026-11-01T19:00:00-05:00"),
    ("in 1 day", NEW_YORK_AUTUMN, NEW_YORK, "2026-11-01T20:00:00-05:00"),
]


@pytest.mark.parametrize(("text", "now", "zone", "expected"), CASES)
def test_reads_each_form(text: str, now: datetime, zone: str, expected: str) -> None:
    found = parse_when(text, now, zone)
    assert isinstance(found, pendulum.DateTime)
    assert found.timezone_name == zone
    assert found.isoformat() == expected


AMBIGUOUS = ["03/04/2027", "3.4.2027", "03-04-2027", "10/11", "2027/03/04",
             "friday 03/04", " 1/2/27 ", "31/12/27"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "elapsed"), [("later today", 3 * 3600), ("in 2 hours", 7200), ("in 90 minutes", 5400)]
)
@pytest.mark.parametrize("zone", [NEW_YORK, "America/Toronto", "Asia/Tokyo", LONDON])
def test_time_from_now_is_counted_from_now_whatever_the_clock_and_zone(
    text: str, elapsed: int, zone: str
) -> None:
    # The dashboard's clock is pendulum's, in UTC; the interview is in another zone.
    now = pendulum.datetime(2026, 12, 5, 19, 31, tz="UTC")
    moment = parse_when(text, now, zone)
    assert moment.timestamp() - now.timestamp() == elapsed
    assert moment.utcoffset() == pendulum.instance(moment).in_timezone(zone).utcoffset()


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_refuses_numeric_dates_that_could_be_either_way_round(text: str) -> None:
    with pytest.raises(WhenError, match="ambiguous") as caught:
        parse_when(text, FRIDAY_EVENING, LONDON)
    assert ACCEPTED_FORMS in str(caught.value)


def test_ambiguity_names_the_readings_without_choosing() -> None:
    with pytest.raises(WhenError, match="3 apr 2027 or 4 mar 2027"):
        parse_when("03/04/2027", FRIDAY_EVENING, LONDON)


@pytest.mark.parametrize(
    ("text", "day"),
    [("31/12/2026", (2026, 12, 31)), ("12/31/2026", (2026, 12, 31)), ("13.04.2027", (2027, 4, 13)),
     ("30/11", (2026, 11, 30)), ("05/05/2027", (2027, 5, 5))],
)  # fmt: skip
def test_a_numeric_date_that_reads_one_way_only_is_read_that_way(
    text: str, day: tuple[int, int, int]
) -> None:
    moment = parse_when(f"{text} 14:30", FRIDAY_EVENING, LONDON)
    assert (moment.year, moment.month, moment.day, moment.hour, moment.minute) == (*day, 14, 30)
    assert (
        parse_when(text, FRIDAY_EVENING, LONDON).date()
        == parse_when(f"{day[0]}-{day[1]:02}-{day[2]:02}", FRIDAY_EVENING, LONDON).date()
    )


REFUSED = [
    "", "   ", "\n", "banana", "tomorrow banana", "2026-13-01", "2026-02-30", "31 feb", "25:00",
    "13pm", "0am", "24:00", "in 99999999999 days", "in 999999 years", "9999-12-31T23:00-05:00",
    "0001-01-01T00:00+01:00", "mon 27 nov 2026", "the 3rd", "a", "ten", "dec 35", "9", "3 4 2027",
    "fri 9", "tomorrow noon utc", "in 3 hours at 9am", "mon december", "dec 2030", "today today",
    "\x00", "x" * 200, "tomorrow " * 20, "1700000000", "20261130",
]  # fmt: skip


@pytest.mark.parametrize("text", REFUSED)
def test_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_when(text, FRIDAY_EVENING, LONDON)
    message = str(caught.value)
    assert ACCEPTED_FORMS in message
    assert "\n" not in message


def test_refuses_an_unknown_zone_or_a_naive_clock() -> None:
    with pytest.raises(WhenError, match="time zone"):
        parse_when("tomorrow", FRIDAY_EVENING, "Mars/Olympus_Mons")
    with pytest.raises(WhenError, match="time zone"):
        parse_when("tomorrow", FRIDAY_EVENING, "Europe")
    with pytest.raises(WhenError, match="time zone"):
        parse_when("tomorrow", datetime(2026, 11, 27, 18, 30), LONDON)


def test_stays_within_the_calendar_at_its_edges() -> None:
    with pytest.raises(WhenError):
        parse_when("in 3 days", datetime(9999, 12, 31, 12, tzinfo=UTC), "UTC")
    with pytest.raises(WhenError):
        parse_when("later today", datetime(9999, 12, 31, 23, tzinfo=UTC), "UTC")


@pytest.mark.parametrize(
    "text",
    ["9999-12-31 23:59", "9999-12-31", "9999-12-31T23:59-05:00", "1899-12-31 23:59", "2200-01-01",
     "0001-01-01", "in 300 years", "200 years ago", "1 jan 2200", "dec 31 1899",
     "2199-12-31T23:30-01:00"],
)  # fmt: skip
def test_refuses_dates_outside_the_years_kept(text: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_when(text, FRIDAY_EVENING, LONDON)
    assert str(caught.value) == (
        f"{text!r} is not a date between 1900 and 2199; try: {ACCEPTED_FORMS}"
    )


def test_reads_the_first_and_last_days_of_the_years_kept() -> None:
    first = parse_when("1900-01-01 00:00", FRIDAY_EVENING, LONDON)
    last = parse_when("2199-12-31 23:59", FRIDAY_EVENING, LONDON)
    assert (first.isoformat(), last.isoformat()) == (
        "1900-01-01T00:00:00+00:00",
        "2199-12-31T23:59:00+00:00",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-W48-5", "2026-11-27T09:00:00+00:00"),
        ("2026w485", "2026-11-27T09:00:00+00:00"),
        ("2026-W48-5 14:30", "2026-11-27T14:30:00+00:00"),
        ("2026-W48", "2026-11-23T09:00:00+00:00"),
        ("2026-W01-1", "2025-12-29T09:00:00+00:00"),
        ("2026-W53-7", "2027-01-03T09:00:00+00:00"),
    ],
)
def test_reads_iso_week_dates(text: str, expected: str) -> None:
    assert parse_when(text, FRIDAY_EVENING, LONDON).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2027-W53-1", "'2027-w53-1' is not a real date (2027 has no week 53)"),
        ("2026-W00-1", "'2026-w00-1' is not a real date (2026 has no week 0)"),
        ("2026-W48-8", "cannot read '2026-W48-8' as a date"),
    ],
)
def test_a_week_date_that_does_not_exist_says_so(text: str, why: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_when(text, FRIDAY_EVENING, LONDON)
    assert str(caught.value).startswith(why)
    assert "ambiguous" not in str(caught.value)


# -- describe_when


@pytest.mark.parametrize(
    ("moment", "now", "expected"),
    [
        (at(LONDON, "2026-11-27 20:00"), FRIDAY_EVENING, "later today at 20:00"),
        (at(LONDON, "2026-11-27 09:00"), FRIDAY_EVENING, "today at 09:00"),
        (at(LONDON, "2026-11-28 09:00"), FRIDAY_EVENING, "tomorrow 09:00"),
        (at(LONDON, "2026-11-30 09:00"), FRIDAY_EVENING, "Mon 30 Nov 09:00"),
        (at(LONDON, "2027-01-04 09:05"), FRIDAY_EVENING, "Mon 4 Jan 2027 09:05"),
        (at(LONDON, "2026-11-26 09:00"), FRIDAY_EVENING, "yesterday 09:00"),
        # The day is the moment's own: 05:00 Saturday in Tokyo while Friday evening in UTC.
        (at(TOKYO, "2026-11-28 15:00"), UTC_FRIDAY_NIGHT, "later today at 15:00"),
    ],
)
def test_describes_a_moment(moment: datetime, now: datetime, expected: str) -> None:
    assert describe_when(moment, now) == expected


ZONES = [LONDON, NEW_YORK, TOKYO, "Australia/Lord_Howe", "Pacific/Chatham", "UTC"]
NOWS = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(minutes=st.integers(0, 60 * 24 * 500), now=NOWS, zone=st.sampled_from(ZONES))
def test_described_moments_read_back(minutes: int, now: datetime, zone: str) -> None:
    moment = pendulum.instance(now).in_timezone(zone).add(minutes=minutes)
    moment = moment.replace(second=0, microsecond=0)
    found = parse_when(describe_when(moment, now), now, zone)
    assert found.naive() == moment.naive()


# -- fuzzing: nothing but WhenError, whatever the text

VALID = [case[0] for case in CASES] + AMBIGUOUS


@st.composite
def mutations(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(VALID))
    pieces = st.characters() | st.sampled_from([*"0123456789/.-:, apmtz+", " 9", "99999"])
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        change = draw(st.sampled_from(["insert", "delete", "replace", "upper", "join"]))
        if change == "insert":
            text = text[:where] + draw(pieces) + text[where:]
        elif change == "delete":
            text = text[:where] + text[where + 1 :]
        elif change == "replace":
            text = text[:where] + draw(pieces) + text[where + 1 :]
        elif change == "upper":
            text = text.upper()
        else:
            text = f"{text} {draw(st.sampled_from(VALID))}"
    return text


def check_only_when_error(text: str, now: datetime, zone: str) -> None:
    try:
        found = parse_when(text, now, zone)
    except WhenError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(found, pendulum.DateTime)
        assert found.timezone_name == zone


ANY_NOW = st.datetimes(timezones=st.sampled_from([UTC, *map(ZoneInfo, ZONES)])) | NOWS


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=80), now=ANY_NOW, zone=st.sampled_from(ZONES))
def test_any_text_reads_or_raises_when_error(text: str, now: datetime, zone: str) -> None:
    check_only_when_error(text, now, zone)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutations(), now=ANY_NOW, zone=st.sampled_from(ZONES))
def test_mangled_phrases_read_or_raise_when_error(text: str, now: datetime, zone: str) -> None:
    check_only_when_error(text, now, zone)


@settings(max_examples=300, deadline=None)
@given(
    count=st.integers(0, 10**6),
    unit=st.sampled_from(["minutes", "hours", "days", "weeks", "months", "years"]),
    now=ANY_NOW,
)
def test_any_count_reads_or_raises_when_error(count: int, unit: str, now: datetime) -> None:
    check_only_when_error(f"in {count} {unit}", now, LONDON)
    check_only_when_error(f"{count} {unit} ago", now, LONDON)


# -- independence from the machine, and a cheap import

PROBE = """
import json, locale, sys
from datetime import datetime
from zoneinfo import ZoneInfo
try:
    locale.setlocale(locale.LC_ALL, "")
except locale.Error:
    pass
from app.when import WhenError, describe_when, parse_when
now = datetime(2031, 6, 11, 23, 45, tzinfo=ZoneInfo("America/New_York"))
out = {}
for text in json.loads(sys.argv[1]):
    try:
        found = parse_when(text, now, "Asia/Tokyo")
        out[text] = [found.isoformat(), describe_when(found, now)]
    except WhenError as error:
        out[text] = str(error)
print(json.dumps(out))
"""
PROBED = [
    "today", "tomorrow 9am", "friday", "next friday", "in 3 days", "in 4 hours", "noon",
    "17:00", "27 nov", "end of week", "end of the month", "next month", "later today",
    "tomorrow afternoon", "last friday", "27 nov 2031", "03/04/2027", "2031-06-12T09:00",
    "banana",
]  # fmt: skip


def probe(**env: str) -> dict[str, object]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(PROBED)],
        capture_output=True, text=True, env=environment, check=True, cwd=ROOT,
    )  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_results_ignore_the_machine_zone_and_locale() -> None:
    plain = probe(TZ="UTC", LC_ALL="C", LANG="C")
    odd = probe(TZ="Pacific/Chatham", LC_ALL="tr_TR.UTF-8", LANG="de_DE.UTF-8")
    other = probe(TZ="America/St_Johns", LC_ALL="ar_EG.UTF-8", LANG="ja_JP.UTF-8")
    assert plain == odd == other
    # Tokyo is already Thursday 12 June 2031 at 12:45 on that clock.
    assert plain["tomorrow 9am"] == ["2031-06-13T09:00:00+09:00", "tomorrow 09:00"]
    assert plain["last friday"] == ["2031-06-06T09:00:00+09:00", "Fri 6 Jun 09:00"]


def test_importing_is_cheap() -> None:
    script = (
        "import sys, app.when\n"
        "print(sorted(m for m in ('pendulum', 'textual', 'zoneinfo') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thursday 11:00", "2026-12-03T11:00:00+00:00"),  # on a Sunday: the last Thursday
        ("sunday 9am", "2026-12-06T09:00:00+00:00"),  # this morning, already past
        ("sunday 11am", "2026-11-29T11:00:00+00:00"),  # still to come today: a week ago
        ("on fri", "2026-12-04T09:00:00+00:00"),
        ("next friday", "2026-12-11T09:00:00+00:00"),  # said so: not a weekday alone
        ("yesterday 5pm", "2026-12-05T17:00:00+00:00"),
    ],
)
def test_a_weekday_alone_for_something_that_happened_is_the_last_one(
    text: str, expected: str
) -> None:
    now = pendulum.datetime(2026, 12, 6, 10, tz="Europe/London")
    assert parse_when(text, now, "Europe/London", past=True).isoformat() == expected
    # For what is to come, the same words are the next one.
    if not text.startswith(("next", "yesterday")):
        assert parse_when(text, now, "Europe/London") > now


@pytest.mark.parametrize("text", ["this morning", "today"])
def test_this_morning_before_nine_for_something_that_happened_is_by_now(text: str) -> None:
    now = pendulum.datetime(2026, 12, 6, 8, 30, tz="Europe/London")
    assert parse_when(text, now, "Europe/London", past=True) == now
    # After nine it is nine, as before; for what is to come, nine all the same.
    later = pendulum.datetime(2026, 12, 6, 11, tz="Europe/London")
    nine = pendulum.datetime(2026, 12, 6, 9, tz="Europe/London")
    assert parse_when(text, later, "Europe/London", past=True) == nine
    assert parse_when(text, now, "Europe/London") == nine


def test_this_afternoon_in_the_morning_is_still_to_come() -> None:
    now = pendulum.datetime(2026, 12, 6, 8, 30, tz="Europe/London")
    assert parse_when("this afternoon", now, "Europe/London", past=True) > now

"""A meeting pasted from a calendar: lines as Google, Outlook, Zoom and people write them, each
read to its start (on the interview's clock) and length, and the lines that must be refused."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pendulum
import pytest

from app.when import WhenError, parse_span

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
# A Thursday afternoon, three weeks before Tuesday 8 December 2026.
NOW = pendulum.datetime(2026, 11, 19, 14, 30, tz=LONDON)


def at(zone: str, wall: str) -> datetime:
    return datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(zone))


READ: list[tuple[str, str, int | None]] = [
    # One line, as typed or copied from a calendar's event.
    ("Tue 8 Dec 14:00–15:00", "2026-12-08 14:00", 60),
    # A calendar line with the meeting's title after the times: the title is not a zone.
    ("Tue 8 Dec 14:00–15:00 Video call", "2026-12-08 14:00", 60),
    ("Tue 8 Dec 14:00–15:00 (Zoom)", "2026-12-08 14:00", 60),
    ("Tue 8 Dec 2pm-3pm with Jane Doe", "2026-12-08 14:00", 60),
    ("Tue 8 Dec 14:00—15:00", "2026-12-08 14:00", 60),
    ("Tue 8 Dec 14:00 - 15:00", "2026-12-08 14:00", 60),
    ("tue 8 dec 14:00 to 15:00", "2026-12-08 14:00", 60),
    ("8 Dec 2026 14:00-15:30", "2026-12-08 14:00", 90),
    ("2026-12-08 14:00 until 14:45", "2026-12-08 14:00", 45),
    ("Tuesday, December 8, 2026 2:00pm - 3:00pm (GMT)", "2026-12-08 14:00", 60),
    ("Tuesday, December 8, 2026 2:00 p.m. – 3:30 p.m.", "2026-12-08 14:00", 90),
    ("Tuesday the 8th of December 2pm-3pm", "2026-12-08 14:00", 60),
    ("Tue 8 Dec at 9.30am – 10.15am", "2026-12-08 09:30", 45),
    ("Tue 8 Dec from noon to 1pm", "2026-12-08 12:00", 60),
    # Google leaves the first am/pm out, and puts a dot between the day and the times.
    ("Tuesday 8 December · 2:00 – 3:00pm", "2026-12-08 14:00", 60),
    ("Tuesday, 8 December 2026⋅14:00 – 15:00", "2026-12-08 14:00", 60),
    ("Tue 8 Dec 2 – 3pm", "2026-12-08 14:00", 60),
    # An end at noon does not put an eleven o'clock start at night.
    ("Tue 8 Dec 11 – 12pm", "2026-12-08 11:00", 60),
    ("Tue 8 Dec 11:30am – 1:00", "2026-12-08 11:30", 90),
    # The number after a month is its day, not the start ("December 8 - 2pm").
    ("December 8 - 2pm to 3pm", "2026-12-08 14:00", 60),
    # The day after the times, and a subject before the day.
    ("2-3pm, Tuesday 8 December (GMT)", "2026-12-08 14:00", 60),
    ("Interview: Acme - Tue 8 Dec 14:00–15:00", "2026-12-08 14:00", 60),
    # Across midnight, with and without the second day.
    ("Tue 8 Dec 23:00 – Wed 9 Dec 00:30", "2026-12-08 23:00", 90),
    ("Tue 8 Dec 23:30 – 00:15", "2026-12-08 23:30", 45),
    # Days as parse_when reads them.
    ("tomorrow 10:00-10:45", "2026-11-20 10:00", 45),
    # A year-less day is the one nearest today: last week's meeting, not next year's.
    ("13 Nov 14:00–15:00", "2026-11-13 14:00", 60),
    ("13 Jan 14:00–15:00", "2027-01-13 14:00", 60),
    ("19 Nov 14:00–15:00", "2026-11-19 14:00", 60),
]

ZONED: list[tuple[str, datetime, int]] = [
    ("Tue Dec 8, 2026 2pm – 3pm Eastern Time - New York", at(NEW_YORK, "2026-12-08 14:00"), 60),
    ("8 Dec 2026 14:00-15:30 GMT+1", at("UTC", "2026-12-08 13:00"), 90),
    ("8 Dec 2026 14:00-15:00 (UTC-05:00)", at("UTC", "2026-12-08 19:00"), 60),
    ("8 Dec 2026 2pm-3pm EST", at("UTC", "2026-12-08 19:00"), 60),
    ("8 Dec 2026 14:00-15:00 CET", at("UTC", "2026-12-08 13:00"), 60),
    ("8 Jun 2027 14:00-15:30 Europe/Paris", at("Europe/Paris", "2027-06-08 14:00"), 90),
    # Outlook's offset is the winter one whatever the season: its cities say the zone.
    (
        "When: Tuesday, June 8, 2027 2:00 PM-3:00 PM (UTC+01:00) Amsterdam, Berlin, Bern, Rome",
        at("Europe/Amsterdam", "2027-06-08 14:00"),
        60,
    ),
]

GOOGLE = """\
Invitation: Acme Ltd / Product Manager - final round
Tuesday 8 December 2026 ⋅ 14:00 – 15:00
Time zone: Europe/Paris
Google Meet joining info
Video call link: https://meet.google.com/abc-defg-hij
Guests
Jane Doe - organiser
jane@acme.example
sam@acme.example
"""

OUTLOOK = """\
From: Sam Lee <sam@acme.example>
Sent: Monday, November 30, 2026 10:12 AM
To: Ada Quade <ada@quade.example>
Subject: Interview - Product Manager
When: Tuesday, December 8, 2026 2:00 PM-3:00 PM (UTC+00:00) Dublin, Edinburgh, Lisbon, London.
Where: Microsoft Teams Meeting
"""

CLASSIC_GOOGLE = """\
Interview with Acme
When\tTue Dec 8, 2026 2pm – 3:30pm Eastern Time - New York
Calendar\tada@quade.example
Who
\t•\tJane Doe - organizer
\t•\tsam@acme.example
"""

# Zoom gives a start and no end.
ZOOM = """\
Acme Ltd is inviting you to a scheduled Zoom meeting.
Topic: Interview
Time: Dec 8, 2026 02:00 PM London
Join Zoom Meeting
"""

DAY_ABOVE = """\
Tuesday 8 December 2026
14:00 – 14:45
"""

REFUSED: list[tuple[str, str]] = [
    # The weekday does not fall on the date: refused, not guessed either way.
    ("Mon 8 Dec 14:00–15:00", "does not add up"),
    ("Wednesday, December 8, 2026 2:00pm - 3:00pm", "does not add up"),
    # Day and month could be either way round.
    ("08/12/2026 14:00-15:00", "ambiguous"),
    ("12/8 2pm-3pm", "ambiguous"),
    # No day at all.
    ("14:00–15:00", "no day given"),
    ("2pm to 3pm", "no day given"),
    # An end before its start.
    ("Tue 8 Dec 2026 14:00 – 13:00", "ends before it starts"),
    ("Tue 8 Dec 14:00 – Mon 7 Dec 15:00", "ends before it starts"),
    # Times that do not exist.
    ("Tue 8 Dec 25:00-26:00", "does not exist"),
    ("Tue 8 Dec 14:75-15:00", "does not exist"),
    ("Tue 8 Dec 13pm-14pm", "does not exist"),
    ("31 Nov 2026 14:00-15:00", "not a real date"),
    # A zone that names several (China's or the US's CST) or none we know.
    ("Tue 8 Dec 14:00–15:00 CST", "which time zone"),
    ("Tue 8 Dec 14:00–15:00 Pacific Time (US & Canada)", "which time zone"),
    # Words that say they are a zone are never taken for a title.
    ("Tue 8 Dec 14:00–15:00 IST", "which time zone"),
    ("Tue 8 Dec 14:00–15:00 AEST", "which time zone"),
    ("Tue 8 Dec 14:00–15:00 Mars Standard Time", "which time zone"),
    # Not a meeting at all.
    ("", "nothing to read"),
    ("hello", "cannot find a meeting's time"),
    ("Tue 8 Dec", "cannot find a meeting's time"),
    ("Thanks for your time today!", "cannot find a meeting's time"),
    ("Interview with Acme\nTue 8th\n14:00-15:00", "cannot read 'tue 8th' as a day"),
    # Neither the nearest 13 Nov (2026, a Friday) nor those either side is a Wednesday.
    ("Wed 13 Nov 14:00–15:00", "13 nov 2026 is a Friday"),
    ("x" * 20_001, "too much text"),
]


@pytest.mark.parametrize(("text", "starts", "minutes"), READ)
def test_a_line_in_the_interview_zone(text: str, starts: str, minutes: int | None) -> None:
    span = parse_span(text, NOW, LONDON)
    assert span.starts == at(LONDON, starts)
    assert span.starts.timezone_name == LONDON
    assert span.minutes == minutes


@pytest.mark.parametrize(("text", "starts", "minutes"), ZONED)
def test_a_zone_named_on_the_line_wins(text: str, starts: datetime, minutes: int) -> None:
    span = parse_span(text, NOW, LONDON)
    assert (span.starts, span.minutes) == (starts, minutes)
    # Said on the interview's clock, whichever zone the line was in.
    assert span.starts.timezone_name == LONDON


@pytest.mark.parametrize(
    ("text", "starts", "minutes"),
    [
        (GOOGLE, at("Europe/Paris", "2026-12-08 14:00"), 60),
        # The "Sent:" line above has a time too, but it is when the mail was written.
        (OUTLOOK, at(LONDON, "2026-12-08 14:00"), 60),
        (CLASSIC_GOOGLE, at(NEW_YORK, "2026-12-08 14:00"), 90),
        (ZOOM, at(LONDON, "2026-12-08 14:00"), None),
        (DAY_ABOVE, at(LONDON, "2026-12-08 14:00"), 45),
    ],
    ids=["google", "outlook", "classic-google", "zoom", "day-above"],
)
def test_an_invitation_pasted_whole(text: str, starts: datetime, minutes: int | None) -> None:
    span = parse_span(text, NOW, LONDON)
    assert (span.starts, span.minutes) == (starts, minutes)


@pytest.mark.parametrize(("text", "problem"), REFUSED)
def test_refused(text: str, problem: str) -> None:
    with pytest.raises(WhenError, match=problem):
        parse_span(text, NOW, LONDON)


def test_the_clocks_changing_inside_a_meeting_is_counted() -> None:
    # London's clocks go back at 02:00 on 25 Oct 2026: 00:30 to 03:00 lasts three and a half hours.
    span = parse_span("Sun 25 Oct 2026 00:30 – 03:00", NOW, LONDON)
    assert span.minutes == 210


def test_a_day_is_read_in_the_interview_zone() -> None:
    # 23:30 on Thursday in London is already Friday in Tokyo: "tomorrow" there is Saturday.
    late = pendulum.datetime(2026, 11, 19, 23, 30, tz=LONDON)
    span = parse_span("tomorrow 10:00-11:00", late, "Asia/Tokyo")
    assert span.starts == at("Asia/Tokyo", "2026-11-21 10:00")


def test_the_machine_clock_is_never_read() -> None:
    # Years from the real clock: a read of it would put the year-less day elsewhere.
    far = pendulum.datetime(2031, 6, 11, 10, 15, tz=NEW_YORK)
    span = parse_span("Wed 10 Dec 9am-10am", far, NEW_YORK)
    assert span.starts == at(NEW_YORK, "2031-12-10 09:00")

"""The engine's date arithmetic gives pendulum's answers (SPEC section 3), DST included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.times import at, zone_info
from app.engine.timekeeping import add_days, add_elapsed

ZONES = [
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/Sao_Paulo",
    "Pacific/Chatham",
]

# Quarter hours over three years, so that every DST change of these zones is crossed.
instants = st.integers(0, 3 * 366 * 96).map(
    lambda q: datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=15 * q)
)


def same(mine: datetime, theirs: datetime) -> bool:
    """The same instant with the same offset. Not ``==``: Python holds a time in a DST overlap
    unequal to every time on another tzinfo, the same instant included (PEP 495)."""
    return mine.astimezone(UTC) == theirs.astimezone(UTC) and mine.utcoffset() == theirs.utcoffset()


@settings(max_examples=400, deadline=None)
@given(instants, st.sampled_from(ZONES), st.integers(-400, 400))
def test_calendar_days_keep_the_wall_clock_like_pendulum(instant, zone, days):
    local = instant.astimezone(zone_info(zone))
    expected = pendulum.instance(instant).in_timezone(zone).add(days=days)
    assert same(add_days(local, days), expected)


@settings(max_examples=400, deadline=None)
@given(instants, st.sampled_from(ZONES), st.integers(-100 * 3600, 100 * 3600))
def test_elapsed_time_is_real_time_like_pendulum(instant, zone, seconds):
    local = instant.astimezone(zone_info(zone))
    expected = pendulum.instance(instant).in_timezone(zone).add(seconds=seconds)
    assert same(add_elapsed(local, seconds), expected)


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=datetime(2025, 1, 1).date(), max_value=datetime(2027, 12, 31).date()),
    st.integers(0, 95),
    st.sampled_from(ZONES),
)
def test_wall_times_are_read_like_pendulum_in_gaps_and_overlaps(day, quarter, zone):
    clock = (datetime.min + timedelta(minutes=15 * quarter)).time()
    mine = at(day, clock, zone_info(zone))
    theirs = pendulum.datetime(day.year, day.month, day.day, clock.hour, clock.minute, tz=zone)
    assert same(mine, theirs)


def test_24_hours_across_the_autumn_change_is_not_a_day():
    evening = at(
        datetime(2026, 10, 24).date(), datetime(2000, 1, 1, 15).time(), zone_info("Europe/London")
    )
    assert add_elapsed(evening, 24 * 3600).isoformat() == "2026-10-25T14:00:00+00:00"
    assert add_days(evening, 1).isoformat() == "2026-10-25T15:00:00+00:00"

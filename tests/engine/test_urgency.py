"""One urgency for every list: overdue, open now, or coming up (later today, this week, later),
with "today" the day in the action's own zone."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.records import ActionKind
from app.domain.times import plain
from app.engine import Action, State, Urgency, counts, pressing_first
from app.engine.urgency import (
    day_in,
    levels,
    most_pressing,
    ranks,
    urgency,
    window_rank,
)

NY = "America/New_York"
LONDON = "Europe/London"


def action(due_from: datetime, due_by: datetime, ident: str = "acme/check_in/r1") -> Action:
    return Action(
        id=ident,
        interview="acme",
        company="Acme",
        kind=ActionKind.CHECK_IN,
        contact=None,
        round=None,
        promise=None,
        channel=None,
        due_from=due_from,
        due_by=due_by,
        # Deliberately stale: urgency is worked out at the time it is asked about.
        state=State.UPCOMING,
        reason="",
    )


def ny(day: int, hour: int, minute: int = 0) -> datetime:
    return pendulum.datetime(2026, 12, day, hour, minute, tz=NY)


# Each row: when the window opens and closes (New York), the moment asked about, the answer.
TABLE = [
    ("closed an hour ago", ny(3, 9), ny(4, 17), ny(4, 18), Urgency.OVERDUE),
    ("closed a second ago", ny(3, 9), ny(4, 17), ny(4, 17).add(seconds=1), Urgency.OVERDUE),
    ("at its closing time", ny(3, 9), ny(4, 17), ny(4, 17), Urgency.OPEN_NOW),
    ("at its opening time", ny(4, 9), ny(4, 17), ny(4, 9), Urgency.OPEN_NOW),
    ("open since yesterday", ny(3, 9), ny(5, 17), ny(4, 12), Urgency.OPEN_NOW),
    ("opens this afternoon", ny(4, 14), ny(5, 17), ny(4, 9), Urgency.LATER_TODAY),
    ("opens just before midnight", ny(4, 23, 59), ny(5, 17), ny(4, 0), Urgency.LATER_TODAY),
    ("opens just after midnight", ny(5, 0), ny(5, 17), ny(4, 23, 59), Urgency.THIS_WEEK),
    ("opens in seven days", ny(11, 9), ny(11, 17), ny(4, 10), Urgency.THIS_WEEK),
    ("opens in eight days", ny(12, 9), ny(12, 17), ny(4, 10), Urgency.LATER),
    # 21:00 in New York is 02:00 tomorrow in London and UTC: by their calendar the window
    # opens "today", by the interview's it opens tomorrow.
    (
        "opens tomorrow in its zone, today in the asker's",
        ny(5, 8),
        ny(5, 17),
        ny(4, 21).in_timezone(LONDON),
        Urgency.THIS_WEEK,
    ),
    (
        "opens later today in its zone, tomorrow in the asker's",
        ny(4, 22),
        ny(5, 17),
        ny(4, 18).in_timezone("Asia/Tokyo"),
        Urgency.LATER_TODAY,
    ),
]


@pytest.mark.parametrize(
    ("opens", "closes", "at", "expected"),
    [row[1:] for row in TABLE],
    ids=[row[0] for row in TABLE],
)
def test_urgency_table(opens: datetime, closes: datetime, at: datetime, expected: Urgency) -> None:
    assert urgency(action(opens, closes), at) is expected


@pytest.mark.parametrize(
    ("level", "heading", "tone", "today"),
    [
        (Urgency.OVERDUE, "Overdue", "overdue", True),
        (Urgency.OPEN_NOW, "Open now", "today", True),
        (Urgency.LATER_TODAY, "Coming up", "today", True),
        (Urgency.THIS_WEEK, "Coming up", "week", False),
        (Urgency.LATER, "Coming up", "later", False),
    ],
)
def test_each_urgency_has_one_heading_tone_and_day(
    level: Urgency, heading: str, tone: str, today: bool
) -> None:
    assert (level.heading, level.tone, level.for_today) == (heading, tone, today)


def test_pressing_first_orders_overdue_then_open_by_closing_then_coming_by_opening() -> None:
    at = ny(4, 12)
    late = action(ny(2, 9), ny(3, 17), "a/late")
    open_long = action(ny(4, 9), ny(8, 17), "a/open-long")
    open_short = action(ny(4, 10), ny(4, 17), "a/open-short")
    soon = action(ny(4, 15), ny(20, 17), "a/soon")  # opens first, closes last
    next_week = action(ny(9, 9), ny(10, 17), "a/next-week")
    ordered = sorted(
        [next_week, soon, open_long, open_short, late], key=lambda a: pressing_first(a, at)
    )
    assert [a.id for a in ordered] == [
        "a/late",
        "a/open-short",
        "a/open-long",
        "a/soon",
        "a/next-week",
    ]


def test_counts_give_every_urgency_and_add_up() -> None:
    at = ny(4, 12)
    actions = [
        action(ny(2, 9), ny(3, 17)),
        action(ny(4, 9), ny(4, 17)),
        action(ny(4, 9), ny(4, 18)),
        action(ny(20, 9), ny(21, 17)),
    ]
    found = counts(actions, at)
    assert set(found) == set(Urgency)
    assert found[Urgency.OVERDUE] == 1 and found[Urgency.OPEN_NOW] == 2
    assert found[Urgency.LATER] == 1 and sum(found.values()) == len(actions)


@given(
    opens=st.integers(0, 20 * 24 * 60),
    length=st.integers(0, 10 * 24 * 60),
    at=st.integers(-24 * 60, 40 * 24 * 60),
)
def test_the_rank_of_a_window_is_the_rank_of_its_action(opens: int, length: int, at: int) -> None:
    """``window_rank`` ranks from the instants alone as ``pressing_first`` ranks an action."""
    start = ny(1, 0)
    kept = action(start.add(minutes=opens), start.add(minutes=opens + length))
    now = start.add(minutes=at)
    assert (
        window_rank(kept.due_from.timestamp(), kept.due_by.timestamp(), now.timestamp())
        == pressing_first(kept, now)[:3]
    )


ZONES = [NY, LONDON, "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "UTC"]


@given(
    minutes=st.integers(0, 3 * 366 * 24 * 60),
    seen_in=st.sampled_from(ZONES),
    zone=st.sampled_from(ZONES),
)
def test_the_day_of_a_moment_in_a_zone_is_its_day_there_however_the_moment_is_written(
    minutes: int, seen_in: str, zone: str
) -> None:
    """``day_in`` keeps its answers; the same instant written in another zone, or as pendulum
    or a standard datetime, asks the same question and gets the same day."""
    instant = pendulum.datetime(2025, 1, 1, tz="UTC").add(minutes=minutes)
    where = pendulum.timezone(zone)
    expected = instant.in_timezone(zone).date()
    for written in (instant, instant.in_timezone(seen_in), plain(instant)):
        assert day_in(written, where) == expected


def test_levels_are_the_urgencies_of_each_action_at_a_pendulum_now() -> None:
    """``levels`` compares in plain UTC: the answers are those of ``urgency`` itself."""
    now = ny(3, 23, 30)
    actions = [
        action(ny(1, 9), ny(2, 9), "a/late"),
        action(ny(3, 8), ny(3, 18), "b/closed-today"),
        action(ny(3, 9), ny(4, 9), "c/open"),
        action(ny(4, 0, 10), ny(5, 9), "d/tomorrow"),
        action(pendulum.datetime(2026, 12, 4, 4, 0, tz=LONDON), ny(6, 9), "e/london"),
        action(ny(20, 9), ny(21, 9), "f/later"),
    ]
    assert levels(actions, now) == {a.id: urgency(a, now) for a in actions}
    assert set(levels(actions, now).values()) >= {Urgency.OVERDUE, Urgency.OPEN_NOW}


def test_the_two_times_of_a_repeated_hour_are_on_their_own_days_elsewhere() -> None:
    """01:30 in New York on the night the clocks go back is two instants an hour apart, equal
    as datetimes; in Regina (UTC-6, no DST) the first is the day before, the second the day."""
    regina = pendulum.timezone("America/Regina")
    second = pendulum.datetime(2025, 11, 2, 1, 30, tz=NY)
    first = second.replace(fold=0)
    assert second.fold == 1 and second.timestamp() - first.timestamp() == 3600
    assert day_in(first, regina) == pendulum.date(2025, 11, 1)
    assert day_in(second, regina) == pendulum.date(2025, 11, 2)
    assert day_in(first, regina) == pendulum.date(2025, 11, 1)


def test_the_most_pressing_action_of_each_interview_is_the_least_ranked() -> None:
    now = ny(3, 9)
    acme = [
        action(ny(5, 9), ny(6, 9), "acme/later"),
        action(ny(1, 9), ny(2, 9), "acme/late"),
        action(ny(3, 8), ny(3, 18), "acme/open"),
    ]
    beta = [action(ny(20, 9), ny(21, 9), "beta/coming")]
    beta = [replace(one, interview="beta", company="Beta") for one in beta]
    every = acme + beta
    found = levels(every, now)
    rank = ranks(every, found)
    assert rank == {a.id: pressing_first(a, now) for a in every}
    chosen = most_pressing(every, rank)
    assert chosen == {
        "acme": min(acme, key=lambda a: pressing_first(a, now)),
        "beta": beta[0],
    }
    assert chosen["acme"].id == "acme/late"

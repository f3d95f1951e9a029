"""How pressing an action is at a moment: the one answer that the board, the due panel, the
review, the status line and ``followup due`` all give.

"Today" is the day in the action's own zone (the engine writes ``due_from`` and ``due_by`` in
its interview's zone): an action for a process in New York opens "today" by New York's calendar,
whatever zone the user's terminal is in. The state is worked out at ``at`` rather than read from
the action, so that an action computed a while ago still reads true when shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from enum import IntEnum
from functools import lru_cache

from app.domain.times import plain
from app.engine.action import Action, State, state_at

# How far ahead "this week" reaches, in days after today.
WEEK_DAYS = 7


class Urgency(IntEnum):
    """Most pressing first: the order is the order of the lists."""

    OVERDUE = 0  # its window has closed
    OPEN_NOW = 1  # its window is open: it can be done now
    LATER_TODAY = 2  # opens later today
    THIS_WEEK = 3  # opens within the coming week
    LATER = 4  # opens after that

    @property
    def heading(self) -> str:
        """The group it is listed under: Overdue, Open now or Coming up."""
        if self is Urgency.OVERDUE:
            return "Overdue"
        if self is Urgency.OPEN_NOW:
            return "Open now"
        return "Coming up"

    @property
    def group(self) -> int:
        """0 overdue, 1 open now, 2 coming up: what the lists are grouped and ranked by."""
        # The member as a plain int: ``.value`` and enum members as dictionary keys go through
        # Python code, and a board of 10,000 asks this some 100,000 times.
        return min(int(self), COMING_UP)

    @property
    def tone(self) -> str:
        """The colour it is shown in: an open window and one opening later today both ask
        for today's attention."""
        return _TONES[self]  # by position: see ``group``

    @property
    def for_today(self) -> bool:
        """Part of today's work: overdue, open, or opening before the day is out."""
        return self <= Urgency.LATER_TODAY


# Each urgency's tone, in the urgencies' order.
_TONES = ("overdue", "today", "today", "week", "later")
TONES = ("overdue", "today", "week", "later")
# The group of "Coming up": of every urgency from later today on.
COMING_UP = int(Urgency.LATER_TODAY)


def urgency(action: Action, at: datetime) -> Urgency:
    state = state_at(action.due_from, action.due_by, at)
    if state is State.OVERDUE:
        return Urgency.OVERDUE
    if state is State.DUE:
        return Urgency.OPEN_NOW
    zone = action.due_by.tzinfo
    today = day_in(at, zone)
    opens = action.due_from.astimezone(zone).date()
    if opens <= today:
        return Urgency.LATER_TODAY
    if opens <= today + timedelta(days=WEEK_DAYS):
        return Urgency.THIS_WEEK
    return Urgency.LATER


def day_in(at: datetime, zone: tzinfo | None) -> date:
    """The calendar day ``at`` falls on in ``zone``: asked for every action of a board at one
    moment, in the few zones its interviews are in (a conversion costs some microseconds)."""
    # Kept by the instant, not by ``at``: two times an hour apart in a clock change's
    # repeated hour are equal as datetimes (``fold`` is not compared), and would share a day.
    return _day_at(at.timestamp(), zone)


@lru_cache(maxsize=64)
def _day_at(instant: float, zone: tzinfo | None) -> date:
    return datetime.fromtimestamp(instant, zone).date()


Rank = tuple[int, float, float, str]


def pressing_first(action: Action, at: datetime) -> Rank:
    """A sort key: overdue, then open, then coming up; within the first two what closes
    first, within the last what opens first."""
    return ranked(action, urgency(action, at))


def ranked(action: Action, level: Urgency) -> Rank:
    """``pressing_first`` for an action whose urgency is known already."""
    opens, closes = action.due_from.timestamp(), action.due_by.timestamp()
    return (*_order(level.group, opens, closes), action.id)


def window_rank(opens: float, closes: float, at: float) -> tuple[int, float, float]:
    """``pressing_first`` but the id, from the window's instants alone (seconds since the
    epoch): for actions known only by their times, as kept beside the file."""
    if at > closes:
        return _order(int(Urgency.OVERDUE), opens, closes)
    if at >= opens:
        return _order(int(Urgency.OPEN_NOW), opens, closes)
    return _order(COMING_UP, opens, closes)


def _order(group: int, opens: float, closes: float) -> tuple[int, float, float]:
    # Overdue and open: what closes first; coming up: what opens first.
    if group < COMING_UP:
        return group, closes, opens
    return group, opens, closes


def levels(actions: Iterable[Action], at: datetime) -> dict[str, Urgency]:
    """Each action's urgency at ``at``, by action id: worked out once for a screen that shows
    every action several ways (its rank, its badge, its colour, its group, the counts)."""
    # As a standard datetime in UTC: compared with each action's times, a pendulum value
    # goes through Python code for every comparison (three times slower in all).
    instant = plain(at)
    return {action.id: urgency(action, instant) for action in actions}


def ranks(actions: Iterable[Action], found: Mapping[str, Urgency]) -> dict[str, Rank]:
    """Each action's ``ranked`` key by action id (``found``: their urgencies, as ``levels``
    gives them): worked out once for a screen that sorts its cards and its rows by it."""
    return {action.id: ranked(action, found[action.id]) for action in actions}


def most_pressing(actions: Iterable[Action], rank: Mapping[str, Rank]) -> dict[str, Action]:
    """Each interview's most pressing action (the least of ``rank``, as ``ranks`` gives it),
    by interview id."""
    found: dict[str, Action] = {}
    for action in actions:
        known = found.get(action.interview)
        if known is None or rank[action.id] < rank[known.id]:
            found[action.interview] = action
    return found


def counts(actions: Iterable[Action], at: datetime) -> dict[Urgency, int]:
    """How many actions of each urgency, every urgency present."""
    found = dict.fromkeys(Urgency, 0)
    for action in actions:
        found[urgency(action, at)] += 1
    return found

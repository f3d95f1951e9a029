"""An action before the user's events and the employer's constraints have shaped it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from app.domain.copies import replace
from app.domain.records import ActionKind
from app.engine.calendar import BusinessCalendar
from app.engine.timekeeping import add_elapsed


class Expiry(Enum):
    NEVER = "never"
    AT_CLOSE = "at_close"  # a suggestion, not a duty: gone once its window closes
    WEEK_AFTER_CLOSE = "week_after_close"  # a thank-you that late no longer helps


@dataclass(frozen=True, slots=True)
class Window:
    due_from: datetime
    due_by: datetime
    # A window of this many business days is counted again from a new opening.
    business_days: int | None = None
    # An update_others keeps its closing when its opening moves.
    fixed_close: bool = False

    def fixed(self, calendar: BusinessCalendar) -> Window:
        """A window that would close before it opens closes at the end of work hours on the
        business day it opens."""
        if self.due_by >= self.due_from:
            return self
        return replace(self, due_by=calendar.window_close(self.due_from, 1))

    def moved_to(self, opening: datetime, calendar: BusinessCalendar) -> Window:
        """The window opening no earlier than ``opening``, its length kept (SPEC: moves)."""
        if opening <= self.due_from:
            return self
        if self.business_days is not None:
            due_by = calendar.window_close(opening, self.business_days)
        elif self.fixed_close:
            due_by = self.due_by
        else:
            elapsed = self.due_by.timestamp() - self.due_from.timestamp()
            due_by = add_elapsed(opening, elapsed)
        return replace(self, due_from=opening, due_by=due_by).fixed(calendar)


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    kind: ActionKind
    window: Window
    reason: str
    contact: str | None = None
    round: str | None = None
    promise: str | None = None
    sequence: str | None = None
    # A check_in opened early by a promise of theirs that passed: that promise, which its
    # reason and draft quote. No part of what the action is about (its id), so the check_in is
    # the same whether or not the promise has passed yet.
    anchor: str | None = None
    expiry: Expiry = Expiry.NEVER
    # An event typed without an action id applies to this candidate only if dated after
    # this moment: the start of its sequence, the round it follows, the note before it.
    after: datetime | None = None
    notes: tuple[str, ...] = field(default=())

    def with_window(self, window: Window, note: str | None = None) -> Candidate:
        if window == self.window:
            return self
        notes = (*self.notes, note) if note else self.notes
        return replace(self, window=window, notes=notes)

"""Mark an action sent, and when: now unless I say otherwise ("yesterday 17:00"), since a
follow-up is often recorded after it went out. ``s`` then ``enter`` is the quick path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual.app import ComposeResult
from textual.widgets import Static

from app.ui.forms.base import Form
from app.ui.forms.checks import Checker
from app.ui.forms.when_field import WhenField
from app.when import describe_when


@dataclass(frozen=True, slots=True)
class SentInput:
    """``at`` is when it was sent: never after the ``now`` the form was opened with."""

    at: datetime


class SentForm(Form[SentInput]):
    """``what`` says which action is being marked (shown above the field, as given)."""

    ASKS_BEFORE_DISCARDING = False  # one or two fields, quickly typed again

    def __init__(
        self,
        *,
        now: datetime,
        zone: str,
        what: str = "",
        earliest: tuple[datetime, str] | None = None,
        message: bool = True,
    ) -> None:
        """``earliest``: the moment before which it cannot have been sent, and what it is
        ("the interview it thanks for began"); ``message``: it is a message (not something
        done, as preparing is), which is sent rather than done."""
        super().__init__("Mark sent" if message else "Mark done")
        self.now = now
        self.zone = zone
        self.what = what
        self.earliest = earliest

    def compose_fields(self) -> ComposeResult:
        if self.what:
            yield Static(self.what, classes="dialog-hint", markup=False)
        self.when = WhenField.happened(
            "When", now=self.now, zone=self.zone, example="yesterday 17:00"
        )
        yield self.when
        yield Static(f"Times are in {self.zone}.", classes="dialog-hint", markup=False)

    def read(self, check: Checker) -> SentInput | None:
        at = self.when.check_past(check)
        if at is not None and self.earliest is not None and at < self.earliest[0]:
            moment, what = self.earliest
            when, then = describe_when(at, self.now), describe_when(moment, self.now)
            check.fail(self.when.key, f"{when} is before {what} ({then})")
        return SentInput(at) if at is not None and check.ok else None

"""Put an action off until a chosen moment: three presets a key away, or a typed date."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from app.ui.forms.base import Form
from app.ui.forms.checks import Checker
from app.ui.forms.when_field import WhenField
from app.when import describe_when, parse_when

if TYPE_CHECKING:
    from pendulum import DateTime

# Each preset is a phrase the date field understands, so a preset and the same words typed
# always agree: "later today" is three hours from now, a named day is at 09:00.
PRESETS: tuple[tuple[str, str, str], ...] = (
    ("later", "Later today", "later today"),
    ("morning", "Tomorrow morning", "tomorrow 9am"),
    ("monday", "Next Monday", "next monday 9am"),
)
TYPED = "typed"


class SnoozeForm(Form["DateTime"]):
    """Returns the moment to snooze until, always after ``now``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "preset('later')", "Later", tooltip="Snooze for three hours", id="snooze-1"),
        Binding(
            "2",
            "preset('morning')",
            "Tomorrow",
            tooltip="Snooze until 09:00 tomorrow",
            id="snooze-2",
        ),
        Binding(
            "3",
            "preset('monday')",
            "Monday",
            tooltip="Snooze until 09:00 next Monday",
            id="snooze-3",
        ),
        Binding(
            "4", "preset('typed')", "Date", tooltip="Type a date to snooze until", id="snooze-4"
        ),
    ]

    def __init__(self, *, now: datetime, zone: str) -> None:
        super().__init__("Snooze until")
        self.now = now
        self.zone = zone
        self.moments: dict[str, DateTime] = {
            key: parse_when(phrase, now, zone) for key, _, phrase in PRESETS
        }

    def compose_fields(self) -> ComposeResult:
        choices = [
            Option(f"{number}  {label:<18}{describe_when(self.moments[key], self.now)}", id=key)
            for number, (key, label, _) in enumerate(PRESETS, start=1)
        ]
        choices.append(Option(f"{len(PRESETS) + 1}  A date I type below", id=TYPED))
        self.typed = WhenField(
            "Until",
            key="until",
            now=self.now,
            zone=self.zone,
            placeholder="e.g. friday 10am or 2026-11-30 09:00",
        )
        yield OptionList(*choices, id="presets", compact=True)
        yield Static(f"Times are in {self.zone}.", classes="dialog-hint", markup=False)
        yield self.typed

    def action_preset(self, key: str) -> None:
        moment = self.moments.get(key)
        if moment is None:
            self.typed.input.focus()
        else:
            self.close(moment)

    @on(OptionList.OptionSelected, "#presets")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_preset(event.option_id or TYPED)

    def read(self, check: Checker) -> DateTime | None:
        moment = self.typed.check(check, required=True)
        if moment is not None and moment <= self.now:
            check.fail("until", f"{describe_when(moment, self.now)} has passed; pick a later time")
        return moment if check.ok else None

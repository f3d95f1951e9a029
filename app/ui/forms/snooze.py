"""Put an action off until a chosen moment: three presets a key away, or a typed date; and
when that was decided (now, unless I say otherwise)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
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


@dataclass(frozen=True, slots=True)
class SnoozeInput:
    """``until`` is always after the form's ``now``; ``at``, when it was decided, never is."""

    until: datetime
    at: datetime


class SnoozeForm(Form[SnoozeInput]):
    """Returns the moment to snooze until and when that was decided. A preset's key closes the
    form at once; a letter typed on the list of presets starts the typed date, so that "in 3
    days" typed straight away is a date, not the third preset."""

    ASKS_BEFORE_DISCARDING = False  # one or two fields, quickly typed again

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

    def __init__(
        self, *, now: datetime, zone: str, what: str = "", deadline: datetime | None = None
    ) -> None:
        """``what`` says which action is put off (shown above the choices, as given);
        ``deadline``, when it goes late (a thank-you, a promise): a time past it is marked."""
        super().__init__("Snooze until")
        self.now = now
        self.zone = zone
        self.what = what
        self.deadline = deadline
        self.moments: dict[str, DateTime] = {
            key: parse_when(phrase, now, zone) for key, _, phrase in PRESETS
        }
        if self.moments["monday"] == self.moments["morning"]:
            # On a Sunday, "next Monday" is the one after tomorrow's: a choice of its own.
            self.moments["monday"] = self.moments["monday"].add(days=7)

    def compose_fields(self) -> ComposeResult:
        if self.what:
            yield Static(self.what, classes="dialog-hint", markup=False)
        if self.deadline is not None:
            yield Static(self._deadline_hint(self.deadline), classes="dialog-hint", markup=False)
        choices = [
            Option(
                f"{number}  {self._label(key, label):<18}{self._choice(self.moments[key])}", id=key
            )
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
        self.decided = WhenField.happened(
            "Decided", now=self.now, zone=self.zone, example="yesterday 17:00"
        )
        self.presets = OptionList(*choices, id="presets", compact=True)
        yield self.presets
        yield Static(f"Times are in {self.zone}.", classes="dialog-hint", markup=False)
        yield self.decided
        # Last, so that enter in it saves.
        yield self.typed

    def _label(self, key: str, label: str) -> str:
        # Three hours on from late evening is tomorrow: "Later today" would say otherwise.
        moment = self.moments[key]
        if key == "later" and moment.date() != self.now.astimezone(moment.tzinfo).date():
            return "In three hours"
        if key == "monday" and moment != parse_when("next monday 9am", self.now, self.zone):
            return "Monday week"  # on a Sunday: not "next Monday", which is tomorrow
        return label

    def _deadline_hint(self, deadline: datetime) -> str:
        if deadline <= self.now:
            return f"Overdue since {describe_when(deadline, self.now)}: the sooner, the better."
        return f"Due by {describe_when(deadline, self.now)}: any time after that is late."

    def late_note(self, until: datetime) -> str | None:
        """What to say once a snooze past the deadline is saved (a time typed is not marked
        as the presets are): None when it is not late."""
        if self.deadline is None or until <= self.deadline:
            return None
        return (
            f"Snoozed until {describe_when(until, self.now)}, past its due time "
            f"({describe_when(self.deadline, self.now)}): it will be late."
        )

    def _choice(self, moment: datetime) -> str:
        late = self.deadline is not None and moment > self.deadline
        return describe_when(moment, self.now) + ("  · late" if late else "")

    def on_key(self, event: events.Key) -> None:
        # The digits are the presets' keys; any other character typed on the list is the start
        # of a date, and goes into the date field rather than being lost (or read as a key).
        character = event.character
        if (
            self.focused is self.presets
            and event.is_printable
            and character is not None
            and not character.isdigit()
        ):
            event.stop()
            event.prevent_default()
            field = self.typed.input
            field.focus()
            field.insert_text_at_cursor(character)

    def action_preset(self, key: str) -> None:
        moment = self.moments.get(key)
        if moment is None:
            self.typed.input.focus()
            return
        check = Checker()
        at = self.decided.check_past(check)
        if at is None or not check.ok:
            # Only the decision's moment is wrong: its error is shown, not the empty date's.
            self.decided.visited = True
            self.recheck()
            self.decided.input.focus()
            return
        self.close(SnoozeInput(until=moment, at=at))

    @on(OptionList.OptionSelected, "#presets")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_preset(event.option_id or TYPED)

    def read(self, check: Checker) -> SnoozeInput | None:
        moment = self.typed.check(check, required=True)
        if moment is not None and moment <= self.now:
            check.fail("until", f"{describe_when(moment, self.now)} has passed; pick a later time")
        at = self.decided.check_past(check)
        if moment is None or at is None or not check.ok:
            return None
        return SnoozeInput(until=moment, at=at)

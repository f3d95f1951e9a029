"""A date field: what people type ("tomorrow 2pm", "next friday", 2026-11-30), said back as it
was understood while they type, so a misreading is caught before it is saved."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from textual import on
from textual.widgets import Input

from app.ui.forms.checks import Checker
from app.ui.forms.field import Field
from app.ui.keys_in_order import TextInput
from app.when import ACCEPTED_FORMS, WhenError, describe_when, parse_when

if TYPE_CHECKING:
    from pendulum import DateTime

# The full list of forms is on the tooltip; the line under the field stays short.
_EXAMPLES = "try: tomorrow 9am, friday 3pm, in 3 days, 2026-11-30"
# What a field that defaults to the present moment shows, and also reads.
NOW = "now"


def short_message(error: WhenError) -> str:
    message = str(error).split("; try: ")[0]
    if message.startswith("cannot read") or message.startswith("no date"):
        return f"{message}; {_EXAMPLES}"
    return message


def describe_day(day: date, today: date) -> str:
    import pendulum

    if day == today:
        return "today"
    spelled = pendulum.date(day.year, day.month, day.day).format("ddd D MMM", locale="en")
    if (day - today).days == 1:
        return f"tomorrow, {spelled}"
    return spelled if day.year == today.year else f"{spelled} {day.year}"


def moment_text(moment: datetime, zone_name: str) -> str:
    """How a stored moment is put back in the field: ISO on the zone's clock."""
    from app.domain.interchange import zone

    return moment.astimezone(zone(zone_name)).strftime("%Y-%m-%d %H:%M")


class WhenField(Field):
    """``now`` and ``zone`` are the clock and the zone the text is read against; a date-only
    field keeps the day of what was typed ("friday 3pm" is that Friday)."""

    def __init__(
        self,
        label: str,
        *,
        key: str,
        now: datetime,
        zone: str,
        value: str = "",
        placeholder: str = "",
        date_only: bool = False,
        empty_is_now: bool = False,
        past: bool = False,
    ) -> None:
        """``past``: the moment has happened, so a weekday typed alone is the last one."""
        self.empty_is_now = empty_is_now
        self.past = past
        self.input = TextInput(
            value,
            placeholder=NOW if empty_is_now and not placeholder else placeholder,
            id=key,
            compact=True,
            # Textual selects the whole text when an input is focused, so the first key typed
            # (a space to add a time, a digit) would replace a date being edited: keep it, with
            # the cursor at its end.
            select_on_focus=False,
            tooltip=f"A date as you would say it, or year-month-day. Accepts: {ACCEPTED_FORMS}"
            + (f"; empty or {NOW!r}: {NOW}" if empty_is_now else ""),
        )
        super().__init__(label, self.input, key=key)
        self.add_class("when-field")
        self.now = now
        self._zone = zone
        self.date_only = date_only

    @classmethod
    def happened(cls, label: str, *, now: datetime, zone: str, example: str) -> WhenField:
        """When something the user did happened: empty is now; read with ``check_past``."""
        placeholder = f"now (or e.g. {example})"
        return cls(
            label,
            key="at",
            now=now,
            zone=zone,
            placeholder=placeholder,
            empty_is_now=True,
            past=True,
        )

    @property
    def zone(self) -> str:
        return self._zone

    @zone.setter
    def zone(self, name: str) -> None:
        if name != self._zone:
            self._zone = name
            self.interpret()

    def on_mount(self) -> None:
        self.interpret()

    @on(Input.Changed)
    def _typed(self) -> None:
        self.interpret()

    def read(self) -> DateTime | None:
        """The moment typed, None when the field is empty (``now`` when empty means now);
        raises WhenError."""
        text = self.input.value.strip()
        if self.empty_is_now and text.lower() in ("", NOW):
            import pendulum

            return pendulum.instance(self.now).in_timezone(self._zone)
        if not text:
            return None
        return parse_when(text, self.now, self._zone, past=self.past)

    def check(self, checker: Checker, *, required: bool = False) -> DateTime | None:
        try:
            moment = self.read()
        except WhenError as error:
            checker.fail(self.key, short_message(error))
            return None
        if moment is None and required:
            checker.fail(self.key, f"required; {_EXAMPLES}")
        return moment

    def check_past(self, checker: Checker) -> DateTime | None:
        """A moment that has happened: ``now`` or before it, never later."""
        moment = self.check(checker, required=True)
        if moment is not None and moment > self.now:
            when = describe_when(moment, self.now)
            checker.fail(self.key, f"{when} is in the future; it must be now or earlier")
        return moment

    def interpret(self) -> None:
        try:
            moment = self.read()
        except WhenError:
            self.show_note("not a date yet", doubtful=True)
            return
        if moment is None:
            self.show_note("")
        elif self.empty_is_now and moment == self.now:
            self.show_note(f"→ {NOW}")
        elif self.date_only:
            today = self.now.astimezone(moment.tzinfo).date()
            self.show_note(f"→ {describe_day(moment.date(), today)}")
        else:
            self.show_note(f"→ {describe_when(moment, self.now)}")

"""A date field: what people type ("tomorrow 2pm", "next friday", 2026-11-30), said back as it
was understood while they type, so a misreading is caught before it is saved."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from textual import on
from textual.widgets import Input

from app.ui.forms.checks import Checker
from app.ui.forms.field import Field
from app.when import ACCEPTED_FORMS, WhenError, describe_when, parse_when

if TYPE_CHECKING:
    from pendulum import DateTime

# The full list of forms is on the tooltip; the line under the field stays short.
_EXAMPLES = "try: tomorrow 9am, friday 3pm, in 3 days, 2026-11-30"


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
    ) -> None:
        self.input = Input(
            value,
            placeholder=placeholder,
            id=key,
            compact=True,
            tooltip=f"A date as you would say it, or year-month-day. Accepts: {ACCEPTED_FORMS}",
        )
        super().__init__(label, self.input, key=key)
        self.add_class("when-field")
        self.now = now
        self._zone = zone
        self.date_only = date_only

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
        """The moment typed, None when the field is empty; raises WhenError."""
        text = self.input.value.strip()
        if not text:
            return None
        return parse_when(text, self.now, self._zone)

    def check(self, checker: Checker, *, required: bool = False) -> DateTime | None:
        try:
            moment = self.read()
        except WhenError as error:
            checker.fail(self.key, short_message(error))
            return None
        if moment is None and required:
            checker.fail(self.key, f"required; {_EXAMPLES}")
        return moment

    def interpret(self) -> None:
        try:
            moment = self.read()
        except WhenError:
            self.show_note("not a date yet", doubtful=True)
            return
        if moment is None:
            self.show_note("")
        elif self.date_only:
            today = self.now.astimezone(moment.tzinfo).date()
            self.show_note(f"→ {describe_day(moment.date(), today)}")
        else:
            self.show_note(f"→ {describe_when(moment, self.now)}")

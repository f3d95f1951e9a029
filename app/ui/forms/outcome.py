"""How a process ended, asked when its card is moved to closed."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import RadioButton, RadioSet

from app.domain.records import Outcome
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker
from app.ui.forms.choices import spoken
from app.ui.forms.field import Field, Tick

OUTCOMES: tuple[Outcome, ...] = tuple(Outcome)


@dataclass(frozen=True, slots=True)
class OutcomeInput:
    outcome: Outcome
    keep_warm: bool


class OutcomeForm(Form[OutcomeInput]):
    ASKS_BEFORE_DISCARDING = False  # one or two fields, quickly typed again

    def __init__(self, *, outcome: Outcome | None = None, keep_warm: bool = False) -> None:
        super().__init__("Close the interview")
        self.chosen = outcome
        self.warm = keep_warm

    def compose_fields(self) -> ComposeResult:
        self.outcome = RadioSet(
            *(RadioButton(spoken(value), value=value == self.chosen) for value in OUTCOMES),
            id="outcome",
            compact=True,
        )
        self.keep_warm = Tick(
            "stay in touch (a friendly note now and then)",
            value=self.warm,
            id="keep_warm",
            compact=True,
        )
        yield Field("How did it end?", self.outcome, key="outcome", stacked=True)
        yield Field("Keep warm", self.keep_warm, key="keep_warm")

    def read(self, check: Checker) -> OutcomeInput | None:
        index = self.outcome.pressed_index
        if not 0 <= index < len(OUTCOMES):
            check.fail("outcome", "choose one (arrows, then space)")
            return None
        return OutcomeInput(outcome=OUTCOMES[index], keep_warm=self.keep_warm.value)

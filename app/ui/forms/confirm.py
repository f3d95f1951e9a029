"""A yes-or-no question."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Static

from app.ui.forms.base import Dialog


class ConfirmDialog(Dialog[bool | None]):
    """True for yes, False for no, None when closed with escape (which callers read as no)."""

    # Each button names its key: the footer's one label per key could not say "Keep warm".
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", show=False, tooltip="Answer yes", id="confirm-yes"),
        Binding("n", "answer(False)", "No", show=False, tooltip="Answer no", id="confirm-no"),
    ]

    def __init__(
        self,
        question: str,
        *,
        yes: str = "Yes",
        no: str = "No",
        title: str = "Are you sure?",
        cancel: str = "",
    ) -> None:
        """``cancel``: a third button, for a question both of whose answers do something (it
        answers None, as escape does)."""
        super().__init__(title)
        self.question = question
        self.yes = yes
        self.no = no
        self.cancel = cancel

    def compose_dialog(self) -> ComposeResult:
        yield Static(self.question, classes="dialog-question", markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(f"{self.yes} (y)", variant="primary", id="yes", compact=True)
            yield Button(f"{self.no} (n)", id="no", compact=True)
            if self.cancel:
                yield Button(f"{self.cancel} (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        # The safe answer is the one enter gives.
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.close(answer)

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.close(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.close(False)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.close(None)


def moving_on(company: str) -> ConfirmDialog:
    """Marking a move-on sent closes the interview: kept warm or not, or not yet (escape and
    Cancel). Enter gives what ``followup sent`` does without ``--keep-warm``."""
    return ConfirmDialog(
        f"Close {company} as moved on. Keep in touch now and then?",
        yes="Keep warm",
        no="Just close",
        title="Move on",
        cancel="Cancel",
    )

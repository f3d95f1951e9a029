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

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", tooltip="Answer yes", id="confirm-yes"),
        Binding("n", "answer(False)", "No", tooltip="Answer no", id="confirm-no"),
    ]

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__("Are you sure?")
        self.question = question
        self.yes = yes
        self.no = no

    def compose_dialog(self) -> ComposeResult:
        yield Static(self.question, classes="dialog-question", markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(self.yes, variant="primary", id="yes", compact=True)
            yield Button(self.no, id="no", compact=True)

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

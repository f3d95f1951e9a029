"""The first run: an empty database gets a welcome that offers a first interview or the demo."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

WELCOME = (
    "[b]Welcome to followup[/b]\n\n"
    "It keeps every interview process in one place and tells you, each morning, whom to "
    "thank, which promise to keep, when to check in, and when to move on.\n\n"
    "Start with your first interview, or look around with sample data first."
)


class WelcomeScreen(ModalScreen[str | None]):
    """Dismisses with "add", "demo", or None."""

    CSS_PATH: ClassVar[str | Path] = Path(__file__).with_name("welcome.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "choose('add')",
            "Add an interview",
            id="welcome-add",
            tooltip="Add your first interview",
        ),
        Binding(
            "d",
            "choose('demo')",
            "Load the demo",
            id="welcome-demo",
            tooltip="Fill the database with sample interviews to look around",
        ),
        Binding(
            "escape",
            "choose('')",
            "Later",
            id="welcome-later",
            tooltip="Close this and start with an empty board",
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box"):
            yield Static(WELCOME, id="welcome-text")
            yield Button("Add my first interview (a)", id="add", variant="primary")
            yield Button("Load the demo data (d)", id="demo")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)

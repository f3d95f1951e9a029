"""Every key, made from the bindings themselves so that the help can never drift from them."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from app.ui.bindings import NAVIGATION


class HelpScreen(ModalScreen[None]):
    CSS_PATH: ClassVar[str | Path] = Path(__file__).with_name("help.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,question_mark,q",
            "dismiss",
            "Close",
            id="help-close",
            tooltip="Back to where you were",
        ),
    ]

    def __init__(self, bindings: list[BindingType], title: str = "Keys") -> None:
        super().__init__()
        self.bindings = [b for b in bindings if isinstance(b, Binding)]
        self.title_text = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(key_table(self.bindings, self.title_text), id="help-keys")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


def key_table(bindings: list[Binding], title: str) -> Table:
    table = Table(title=title, title_style="bold", box=None, padding=(0, 2), expand=True)
    table.add_column("Key", style="bold", no_wrap=True)
    table.add_column("Does")
    for binding in bindings:
        keys = binding.key_display or binding.key
        table.add_row(keys, binding.tooltip or binding.description)
    for keys, does in NAVIGATION:
        table.add_row(keys, does)
    return table

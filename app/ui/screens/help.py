"""Every key, made from the bindings themselves so that the help can never drift from them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.table import Table
from textual.app import ComposeResult, RenderResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget

from app.ui.bindings import NAVIGATION
from app.ui.widgets.footer import OverFooter


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

    def __init__(
        self,
        bindings: list[BindingType],
        title: str = "Keys",
        navigation: Sequence[tuple[str, str]] = NAVIGATION,
    ) -> None:
        """``navigation``: the keys that move about the screen asking for help, said after its
        bindings (the dashboard's by default)."""
        super().__init__()
        self.bindings = [b for b in bindings if isinstance(b, Binding)]
        self.title_text = title
        self.navigation = navigation

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield KeyTable(self.bindings, self.title_text, self.navigation, id="help-keys")
        yield OverFooter()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


class KeyTable(Widget):
    """The keys, as a table in the theme's styles. The table is made on every render, from the
    component styles as they are then: a new theme restyles the components, which refreshes the
    widget, so it is drawn in the new colours with nothing kept to throw away."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"help--title", "help--key"}

    def __init__(
        self,
        bindings: list[Binding],
        title: str,
        navigation: Sequence[tuple[str, str]] = NAVIGATION,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.keys = bindings
        self.title_text = title
        self.navigation = navigation

    def render(self) -> RenderResult:
        return key_table(
            self.keys,
            self.title_text,
            title_style=self.get_component_rich_style("help--title", partial=True),
            key_style=self.get_component_rich_style("help--key", partial=True),
            navigation=self.navigation,
        )


def key_table(
    bindings: list[Binding],
    title: str,
    *,
    title_style: Style,
    key_style: Style,
    navigation: Sequence[tuple[str, str]] = NAVIGATION,
) -> Table:
    table = Table(title=title, title_style=title_style, box=None, padding=(0, 2), expand=True)
    table.add_column("Key", style=key_style, no_wrap=True)
    table.add_column("Does")
    # A key the navigation rows explain (escape) is said there once, not again per screen.
    explained = {keys for keys, _ in navigation}
    for binding in bindings:
        keys = binding.key_display or binding.key
        if keys not in explained:
            table.add_row(keys, binding.tooltip or binding.description)
    for keys, does in navigation:
        table.add_row(keys, does)
    return table

"""The due-actions panel: overdue, today and upcoming, each action with its reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip

from app.ui.widgets.rows import RowList


@dataclass(frozen=True, slots=True, eq=False)
class DueRow:
    """A heading (``action_id`` None) or an action, as the panel shows it.

    Its headline may come as a function, called the first time the row is drawn or read: the
    panel of a large pipeline holds ten thousand rows and shows a dozen, and writing every
    headline was a third of the work of showing a change. Rows are compared by identity: one
    whose headline is not written yet would otherwise differ from the same row drawn."""

    headline: str | Callable[[], str]
    detail: str = ""
    action_id: str | None = None
    urgency: str = "none"

    @property
    def title(self) -> str:
        headline = self.headline
        if not isinstance(headline, str):
            headline = headline()
            # Frozen for everything else: the headline is worked out once, the same each time.
            object.__setattr__(self, "headline", headline)
        return headline


class DuePanel(RowList, can_focus=True):
    """Two lines a row: what and when, then why. Headings are rows the cursor skips."""

    ROW_HEIGHT = 2
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "due--heading",
        "due--reason",
        "due--selected",
        "due--overdue",
        "due--today",
        "due--week",
        "due--later",
        "due--none",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "step(-1)", "Up", show=False, id="due-up", tooltip="The action above"),
        Binding("down,j", "step(1)", "Down", show=False, id="due-down", tooltip="The action below"),
        Binding(
            "enter",
            "open",
            "Draft",
            show=False,
            id="due-open",
            tooltip="Show the selected action's whole draft",
        ),
    ]

    class Highlighted(Message):
        def __init__(self, action_id: str | None) -> None:
            super().__init__()
            self.action_id = action_id

    class Opened(Message):
        """Enter on an action: its whole draft is wanted."""

        def __init__(self, action_id: str) -> None:
            super().__init__()
            self.action_id = action_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(self._paint_row, id=id)
        self.rows: list[DueRow] = []
        self.active = True

    def show(self, rows: list[DueRow], keep: str | None = None) -> None:
        self.rows = rows
        self.set_count(len(rows))
        if not self.has_focus:
            # Not in use: the most pressing first, so that what just became overdue is seen
            # rather than left above a highlight no one is looking at.
            target: int | None = self._nearest_action(0) if rows else 0
        else:
            target = next((n for n, r in enumerate(rows) if keep and r.action_id == keep), None)
        if target is None:
            target = self._nearest_action(min(self.cursor, max(len(rows) - 1, 0)))
        self.cursor = target
        self._announce()

    @property
    def selected(self) -> str | None:
        if not self.rows or self.cursor >= len(self.rows):
            return None
        return self.rows[self.cursor].action_id

    def selectable(self, row: int) -> bool:
        return self.rows[row].action_id is not None

    def on_cursor_moved(self) -> None:
        self._announce()

    def action_open(self) -> None:
        if self.selected is not None:
            self.post_message(self.Opened(self.selected))

    def _nearest_action(self, start: int) -> int:
        """The first action at or after ``start``, else the last one before it."""
        for index in chain(range(start, len(self.rows)), range(start, -1, -1)):
            if self.rows[index].action_id is not None:
                return int(index)
        return 0

    def _announce(self) -> None:
        self.post_message(self.Highlighted(self.selected))

    def _paint_row(self, row: int, offset: int, width: int, selected: bool) -> Strip:
        item = self.rows[row]
        base = self.base_style
        if item.action_id is None:
            if offset == 0:
                return self.text_strip(
                    f" {item.title}", width, base + self.component("due--heading")
                )
            return Strip.blank(width, base)
        if selected and self.has_focus:
            # The whole style, not the partial one: only it blends a see-through background.
            base = self.whole_component("due--selected")
        if offset == 0:
            style = base + self.component(f"due--{item.urgency}")
            return self.text_strip(f" {item.title}", width, style)
        return self.text_strip(f"   {item.detail}", width, base + self.component("due--reason"))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

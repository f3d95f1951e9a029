"""A list that draws only the rows on screen, so that ten thousand of them cost no more to
show than ten. Every row has the same height; a painter draws one line of a row."""

from __future__ import annotations

from typing import ClassVar, Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowPainter(Protocol):
    def __call__(self, row: int, offset: int, width: int, selected: bool) -> Strip:
        """Line ``offset`` of row ``row``, ``width`` cells wide."""
        ...


class RowList(ScrollView, can_focus=False):
    ROW_HEIGHT: ClassVar[int] = 1

    cursor: reactive[int] = reactive(0, always_update=True)
    # Whether the cursor is drawn: only in the list the user is moving through.
    active: reactive[bool] = reactive(False)

    def __init__(
        self, painter: RowPainter, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._paint = painter
        self._count = 0

    @property
    def count(self) -> int:
        return self._count

    def set_count(self, count: int) -> None:
        self._count = count
        self.virtual_size = Size(self.size.width, count * self.ROW_HEIGHT)
        if count == 0:
            self.cursor = 0
        elif self.cursor >= count:
            self.cursor = count - 1
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self._count * self.ROW_HEIGHT)

    def watch_cursor(self, cursor: int) -> None:
        if self._count:
            top = cursor * self.ROW_HEIGHT
            self.scroll_to_region(
                Region(0, top, max(self.size.width, 1), self.ROW_HEIGHT),
                animate=False,
                immediate=True,
            )
        self.refresh()

    def watch_active(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        row, offset = divmod(line, self.ROW_HEIGHT)
        if row >= self._count or width <= 0:
            return Strip.blank(max(width, 0), self.rich_style)
        selected = self.active and row == self.cursor
        return self._paint(row, offset, width, selected)

    def text_strip(self, text: str, width: int, style: Style) -> Strip:
        """One line of text, padded to ``width`` cells, or cut with an ellipsis."""
        if cell_len(text) > width:
            text = set_cell_size(text, max(width - 1, 0)) + "…" if width > 1 else text[:width]
        return Strip([Segment(set_cell_size(text, width), style)], width)

    def component(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

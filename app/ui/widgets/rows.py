"""A list that draws only the rows on screen, so that ten thousand of them cost no more to
show than ten. Every row has the same height; a painter draws one line of a row."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget


class RowPainter(Protocol):
    def __call__(self, row: int, offset: int, width: int, selected: bool) -> Strip:
        """Line ``offset`` of row ``row``, ``width`` cells wide."""
        ...


# A mixin, not a Widget subclass: Textual takes a widget's default styles from its first
# widget base only, and a ScrollView must keep its own.
if TYPE_CHECKING:
    _Widget = Widget
else:
    _Widget = object


class PassStyles(_Widget):
    """For a widget: styles worked out once a render pass. A painter asks for the same few on
    every line, and each costs a walk up the DOM (most of a keypress's repaint, done once a
    line)."""

    _styles: dict[str, Style] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._styles = {}
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None

    @property
    def base_style(self) -> Style:
        """The widget's own style (``rich_style``)."""
        return self._style_of("", lambda: self.rich_style)

    def component(self, name: str) -> Style:
        """A component's partial style."""
        return self._style_of(name, lambda: self.get_component_rich_style(name, partial=True))

    def whole_component(self, name: str) -> Style:
        """A component's whole style (it blends a see-through background)."""
        return self._style_of("+" + name, lambda: self.get_component_rich_style(name))

    def _style_of(self, key: str, make: Callable[[], Style]) -> Style:
        styles = self._styles
        if styles is None:
            return make()
        style = styles.get(key)
        if style is None:
            style = styles[key] = make()
        return style


def text_segment(text: str, width: int, style: Style) -> Segment:
    """One line of text, padded to ``width`` cells, or cut with an ellipsis."""
    if cell_len(text) > width:
        text = set_cell_size(text, max(width - 1, 0)) + "…" if width > 1 else text[:width]
    return Segment(set_cell_size(text, width), style)


class RowList(PassStyles, ScrollView, can_focus=False):
    """The cursor is the list's position: every key that moves through the list moves it, so
    that what is highlighted is always what is on screen and what the next key acts on."""

    ROW_HEIGHT: ClassVar[int] = 1
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "jump(-1)", "First", show=False, tooltip="The first row"),
        Binding("end", "jump(1)", "Last", show=False, tooltip="The last row"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="A screenful up"),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="A screenful down"),
    ]

    # Repainted by its watcher: a move within the screenful repaints only the two rows.
    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)
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
        # No width of its own: rows are cut to the widget's width, never scrolled sideways, so
        # a resize leaves the virtual size alone and does not lay the screen out again (and no
        # horizontal scrollbar appears beside the vertical one).
        self.virtual_size = Size(0, count * self.ROW_HEIGHT)
        if count == 0:
            self.cursor = 0
        elif self.cursor >= count:
            self.cursor = count - 1
        self.refresh()

    def selectable(self, row: int) -> bool:
        """Whether the cursor may rest on ``row`` (a heading is passed over)."""
        return True

    def move_to(self, row: int, direction: int) -> None:
        """Put the cursor on ``row``, or the nearest row the cursor may rest on, looking in
        ``direction`` first and then back the other way."""
        if not self._count:
            return
        row = max(0, min(row, self._count - 1))
        for step in (direction or 1, -(direction or 1)):
            index = row
            while 0 <= index < self._count:
                if self.selectable(index):
                    if index != self.cursor:
                        self.cursor = index
                        self.on_cursor_moved()
                    return
                index += step

    def on_cursor_moved(self) -> None:
        """A key moved the cursor (a subclass tells the screen)."""

    def action_step(self, step: int) -> None:
        self.move_to(self.cursor + step, step)

    def action_jump(self, direction: int) -> None:
        self.move_to(0 if direction < 0 else self._count - 1, -direction)

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // self.ROW_HEIGHT)
        self.move_to(self.cursor + direction * rows, direction)

    def watch_cursor(self, previous: int, cursor: int) -> None:
        offset = self.scroll_offset
        if self._count:
            first = cursor
            while first > 0 and not self.selectable(first - 1):
                first -= 1
            # Rows above the cursor that it cannot rest on (a heading) come into sight with it.
            top = first * self.ROW_HEIGHT
            if first < cursor:
                self.scroll_to(0, top, animate=False, immediate=True)
            top = cursor * self.ROW_HEIGHT
            self.scroll_to_region(
                Region(0, top, max(self.size.width, 1), self.ROW_HEIGHT),
                animate=False,
                immediate=True,
            )
        if cursor != previous and self.scroll_offset == offset:
            # Only the two rows look different: the rest of the list, and its scrollbar, are
            # left as drawn (redrawing them was most of a keypress's paint in this list).
            for row in (previous, cursor):
                self.refresh_lines(row * self.ROW_HEIGHT, self.ROW_HEIGHT)
        else:
            self.refresh()

    def watch_active(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        row, offset = divmod(line, self.ROW_HEIGHT)
        if row >= self._count or width <= 0:
            return Strip.blank(max(width, 0), self.base_style)
        selected = self.active and row == self.cursor
        return self._paint(row, offset, width, selected)

    def text_strip(self, text: str, width: int, style: Style) -> Strip:
        """One line of text, padded to ``width`` cells, or cut with an ellipsis."""
        return Strip([text_segment(text, width, style)], width)

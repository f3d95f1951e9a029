"""The list of what the employers owe: how late, the day, the company, and what they said, a
line each. Enter tells the screen which interview the user wants to see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip

from app.ui.widgets.rows import RowList

# The fixed columns come first so that the header lines up at any width.
COLUMNS = (("How late", 15), ("Due", 11), ("Company", 24))


@dataclass(frozen=True, slots=True)
class WaitingRow:
    interview_id: str
    lateness: str
    due: str
    company: str
    what: str
    tone: str  # late, today, soon or later


def header() -> str:
    """The column titles, to be shown one cell in, as the rows are."""
    return "".join(_fit(title, width) for title, width in COLUMNS) + "What"


class WaitingList(RowList, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "waiting--late",
        "waiting--today",
        "waiting--soon",
        "waiting--later",
        "waiting--company",
        "waiting--selected",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "step(-1)", "Up", show=False, id="waiting-up", tooltip="The line above"),
        Binding(
            "down,j", "step(1)", "Down", show=False, id="waiting-down", tooltip="The line below"
        ),
        Binding(
            "enter",
            "choose",
            "Show on the board",
            id="waiting-open",
            tooltip="Back to the board, on this interview",
        ),
    ]

    class Chosen(Message):
        def __init__(self, interview_id: str) -> None:
            super().__init__()
            self.interview_id = interview_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(self._paint_row, id=id)
        self.rows: list[WaitingRow] = []
        self.active = True

    def show(self, rows: list[WaitingRow]) -> None:
        self.rows = rows
        self.set_count(len(rows))

    @property
    def selected(self) -> WaitingRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def action_choose(self) -> None:
        if self.selected is not None:
            self.post_message(self.Chosen(self.selected.interview_id))

    def _paint_row(self, row: int, offset: int, width: int, selected: bool) -> Strip:
        item = self.rows[row]
        base = self.base_style
        if selected and self.has_focus:
            # The whole style, not the partial one: only it blends a see-through background.
            base = self.whole_component("waiting--selected")
        tone = base + self.component(f"waiting--{item.tone}")
        company = base + self.component("waiting--company")
        (_, late_width), (_, due_width), (_, company_width) = COLUMNS
        strip = Strip(
            [
                Segment(" ", base),
                Segment(_fit(item.lateness, late_width), tone),
                Segment(_fit(item.due, due_width), base),
                Segment(_fit(item.company, company_width), company),
                Segment(item.what, base),
            ]
        )
        if strip.cell_length > width > 1:
            return Strip.join([strip.crop(0, width - 1), Strip([Segment("…", base)])])
        return strip.adjust_cell_length(width, base)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _fit(text: str, width: int) -> str:
    """``text`` in ``width`` cells with a space after it; cut with an ellipsis if longer."""
    room = width - 1
    if cell_len(text) > room:
        text = set_cell_size(text, room - 1) + "…"
    return set_cell_size(text, room) + " "

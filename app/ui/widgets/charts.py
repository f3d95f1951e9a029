"""Charts drawn with block characters: horizontal bars, and the messages sent each week as a
sparkline. They draw what they are given; the screen works out the numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Label, Sparkline

from app.ui.widgets.rows import PassStyles

# A bar's last cell in eighths, so that lengths read finer than a whole cell.
EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
LIMIT = "┊"
LABEL_MAX = 24
GAP = 1


@dataclass(frozen=True, slots=True)
class Bar:
    """One line of a bar chart. ``limit`` marks a point on the scale (the date they gave): the
    part of the bar beyond it is drawn as ``over``. ``tone`` names how the bar is drawn."""

    label: str
    value: float
    text: str
    limit: float | None = None
    tone: str = "done"


class BarChart(PassStyles, Widget):
    """Bars on one scale, a line each: a label, the bar, and its value in words."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "bars--label",
        "bars--done",
        "bars--open",
        "bars--over",
        "bars--limit",
        "bars--text",
    }

    bars: reactive[tuple[Bar, ...]] = reactive((), layout=True)
    # The value a full-width bar stands for; 0: the largest value or limit shown.
    scale: reactive[float] = reactive(0.0)
    # What each way of drawing means, (tone, words), on a line under the bars: "over" and
    # "limit" are tones too.
    legend: reactive[tuple[tuple[str, str], ...]] = reactive((), layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.bars) + (2 if self.legend and self.bars else 0)

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        base = self.base_style
        if y == len(self.bars) + 1 and self.legend:
            return self._legend().adjust_cell_length(max(width, 0), base)
        if y >= len(self.bars) or width <= 0:
            return Strip.blank(max(width, 0), base)
        bar = self.bars[y]
        label_width = min(max(cell_len(b.label) for b in self.bars), LABEL_MAX)
        text_width = max(cell_len(b.text) for b in self.bars)
        bar_width = max(width - label_width - text_width - 2 * GAP, 1)
        segments = [
            Segment(_fit(bar.label, label_width), base + self.component("bars--label")),
            Segment(" " * GAP, base),
            *self._bar(bar, bar_width),
            Segment(" " * GAP, base),
            Segment(_fit(bar.text, text_width), base + self.component("bars--text")),
        ]
        return Strip(segments).adjust_cell_length(width, base)

    def _bar(self, bar: Bar, width: int) -> list[Segment]:
        scale = self.scale or max((max(b.value, b.limit or 0.0) for b in self.bars), default=0.0)
        base = self.base_style
        fill = base + self.component(f"bars--{bar.tone}")
        over = base + self.component("bars--over")
        eighths = round(bar.value / scale * width * 8) if scale > 0 else 0
        if bar.value > 0:
            eighths = max(eighths, 1)  # a little is not nothing
        whole, part = divmod(min(eighths, width * 8), 8)
        chars = [FULL] * whole + ([EIGHTHS[part]] if part else [])
        over_from = len(chars)  # where the part past the limit begins: nowhere
        mark = None
        if bar.limit is not None and scale > 0:
            at = round(bar.limit / scale * width)
            over_from = at if bar.value <= bar.limit else min(at, len(chars) - 1)
            # At the very end of the scale the mark still needs a cell to be seen.
            mark = min(at, width - 1)
        cells = [(c, over if n >= over_from else fill) for n, c in enumerate(chars)]
        if mark is not None and mark >= len(cells):
            cells.extend((" ", base) for _ in range(mark - len(cells)))
            cells.append((LIMIT, base + self.component("bars--limit")))
        cells.extend((" ", base) for _ in range(width - len(cells)))
        return [Segment(char, style) for char, style in cells[:width]]

    def _legend(self) -> Strip:
        base = self.base_style
        segments: list[Segment] = []
        for tone, words in self.legend:
            mark = LIMIT if tone == "limit" else FULL
            segments.append(Segment(mark, base + self.component(f"bars--{tone}")))
            segments.append(Segment(f" {words}   ", base + self.component("bars--text")))
        return Strip(segments)


class WeekChart(Vertical):
    """The messages sent each week as a sparkline, the oldest week on the left."""

    def compose(self) -> ComposeResult:
        yield Sparkline([], id="weeks-line")
        with Horizontal(id="weeks-axis"):
            yield Label("", id="weeks-first")
            yield Label("", id="weeks-last")
        yield Label("", id="weeks-summary")

    def show(self, counts: Sequence[int], first: str, last: str, summary: str) -> None:
        self.query_one(Sparkline).data = [float(c) for c in counts]
        self.query_one("#weeks-first", Label).update(first)
        self.query_one("#weeks-last", Label).update(last)
        self.query_one("#weeks-summary", Label).update(summary)


def _fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells, cut with an ellipsis when it is longer."""
    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + "…" if width > 0 else ""
    return set_cell_size(text, width)

"""The pipeline board: a column per stage, a card per interview.

One widget draws every column, and only the lines on screen: a widget per column (or per card)
would give the compositor dozens of regions to cut every line into on each key, and widening
the current column would lay the screen out again.

Data comes down as ``Card`` values (``Board.show``); what the user does goes up as messages.
The board never reads the database or the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from app.domain.records import STAGES, Stage
from app.engine.urgency import TONES
from app.ui.format import narrow_badge, stage_title
from app.ui.widgets.rows import PassStyles, text_segment

URGENCIES = (*TONES, "none")
CARD_HEIGHT = 4  # company, role, next action, a gap
RULE = "▕"  # between columns


@dataclass(frozen=True, slots=True)
class Card:
    interview_id: str
    company: str
    role: str
    badge: str
    urgency: str  # one of URGENCIES


def column_widths(total: int, current: int, empty: list[bool]) -> list[int]:
    """Each column's width, its rule included: the current one twice the others, so that its
    cards can be read in full (at least 20), an empty one at most 16, every one at least 8
    (or what is left), the whole ``total``."""
    count = len(empty)
    weights = [2 if i == current else 1 for i in range(count)]
    lowest = [20 if i == current else 8 for i in range(count)]
    highest = [16 if empty[i] and i != current else total for i in range(count)]
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(count) if i not in fixed]
        room = total - sum(fixed.values())
        weight = sum(weights[i] for i in free)
        if not free or weight == 0:
            break
        share = {i: room * weights[i] / weight for i in free}
        over = [i for i in free if share[i] > highest[i]]
        under = [i for i in free if share[i] < lowest[i]]
        if not over and not under:
            break
        for i in over or under:
            fixed[i] = highest[i] if over else lowest[i]
    widths = [fixed.get(i, 0) for i in range(count)]
    free = [i for i in range(count) if i not in fixed]
    room = total - sum(widths)
    weight = sum(weights[i] for i in free)
    given = 0
    for n, i in enumerate(free):
        # The rounding goes to the last free column, so that the widths add up to the whole.
        widths[i] = room - given if n == len(free) - 1 else int(room * weights[i] / weight)
        given += widths[i]
    # A screen too narrow for every minimum takes from the right.
    excess = sum(widths) - total
    for i in reversed(range(count)):
        if excess <= 0:
            break
        cut = min(excess, max(widths[i] - 1, 0))
        widths[i] -= cut
        excess -= cut
    return widths


class Board(PassStyles, Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,h",
            "column(-1)",
            "Left",
            show=False,
            id="board-left",
            tooltip="The previous column",
        ),
        Binding(
            "right,l", "column(1)", "Right", show=False, id="board-right", tooltip="The next column"
        ),
        Binding("up,k", "row(-1)", "Up", show=False, id="board-up", tooltip="The card above"),
        Binding("down,j", "row(1)", "Down", show=False, id="board-down", tooltip="The card below"),
        Binding("home", "edge(-1)", "First", show=False, tooltip="The column's first card"),
        Binding("end", "edge(1)", "Last", show=False, tooltip="The column's last card"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="A screenful of cards up"),
        Binding(
            "pagedown", "page(1)", "Page down", show=False, tooltip="A screenful of cards down"
        ),
        Binding(
            "enter",
            "open",
            "Open",
            show=False,  # the footer is full; help and the palette list it
            id="board-open",
            tooltip="Show the selected card's detail",
        ),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "board--title",
        "board--title-current",
        "board--rule",
        "card--company",
        "card--role",
        "card--selected",
        *(f"card--{u}" for u in URGENCIES),
    }

    class Highlighted(Message):
        """The cursor is on another card (or on an empty column)."""

        def __init__(self, interview_id: str | None) -> None:
            super().__init__()
            self.interview_id = interview_id

    class Opened(Message):
        def __init__(self, interview_id: str) -> None:
            super().__init__()
            self.interview_id = interview_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.column = 0
        self._cards: dict[Stage, list[Card]] = {stage: [] for stage in STAGES}
        self._where: dict[str, tuple[int, int]] = {}
        self._cursor = dict.fromkeys(STAGES, 0)
        self._top = dict.fromkeys(STAGES, 0)  # the first card shown in each column
        # Card lines already drawn, by (stage, row, line, width, selected): moving the cursor
        # redraws a column, and all but two of its cards look as they did.
        self._painted: dict[tuple[Stage, int, int, int, bool], Segment] = {}

    # -- data down

    def show(self, cards: dict[Stage, list[Card]], keep: str | None = None) -> None:
        """New cards for every column; the cursor stays on ``keep`` if it is still there."""
        for stage in STAGES:
            self._cards[stage] = list(cards.get(stage, []))
            self._cursor[stage] = min(self._cursor[stage], max(len(self._cards[stage]) - 1, 0))
            self._keep_cursor_in_sight(stage)
        # Where each interview's card is: the due panel selects one on every key.
        self._where = {
            card.interview_id: (index, row)
            for index, stage in enumerate(STAGES)
            for row, card in enumerate(self._cards[stage])
        }
        self._painted.clear()
        self.refresh()
        if keep is not None and self.select(keep):
            return
        if not self._cards[self.stage]:
            # Nothing here (the first stage is often empty, or a filter emptied it): the
            # cursor goes where there are cards, rather than to "no interview selected".
            self.column = next(
                (i for i, stage in enumerate(STAGES) if self._cards[stage]), self.column
            )
        self._announce()

    def to_top(self) -> None:
        """Every column back at its first card, as when the board is first shown."""
        self._cursor = dict.fromkeys(STAGES, 0)
        self._top = dict.fromkeys(STAGES, 0)
        self._painted.clear()
        self.refresh()

    def select(self, interview_id: str) -> bool:
        found = self._where.get(interview_id)
        if found is None:
            return False
        index, row = found
        stage = STAGES[index]
        self.column = index
        self._cursor[stage] = row
        self._keep_cursor_in_sight(stage)
        self.refresh()
        self._announce()
        return True

    # -- what it shows, for the screen and for tests

    @property
    def selected(self) -> str | None:
        cards = self._cards[self.stage]
        if not cards:
            return None
        return cards[min(self._cursor[self.stage], len(cards) - 1)].interview_id

    @property
    def stage(self) -> Stage:
        """The stage of the column the cursor is in."""
        return STAGES[self.column]

    def cards(self, stage: Stage) -> list[Card]:
        return self._cards[stage]

    def cursor(self, stage: Stage) -> int:
        return self._cursor[stage]

    def first_shown(self, stage: Stage) -> int:
        """The card at the top of a column: it scrolls to keep the cursor in sight."""
        return self._top[stage]

    def title(self, stage: Stage) -> str:
        """A column's title: its stage and card count; in the current column, where the cursor
        is among them (the columns have no scrollbar)."""
        name, count = stage_title(stage.value), len(self._cards[stage])
        if stage is self.stage and count > 1:
            return f"{name} · {self._cursor[stage] + 1} of {count}"
        return f"{name} · {count}"

    def widths(self) -> list[int]:
        """Each column's width on screen, its rule included."""
        empty = [not self._cards[stage] for stage in STAGES]
        return column_widths(self.size.width, self.column, empty)

    # -- keys

    def action_column(self, step: int) -> None:
        # No wrapping round: from the first column, `h` then `<` would otherwise reach a closed
        # interview and reopen it.
        column = max(0, min(len(STAGES) - 1, self.column + step))
        if column == self.column:
            return
        self.column = column
        self.refresh()  # the widths change with the current column
        self._announce()

    def action_row(self, step: int) -> None:
        stage = self.stage
        count = len(self._cards[stage])
        if count:
            self._cursor[stage] = max(0, min(count - 1, self._cursor[stage] + step))
            self._keep_cursor_in_sight(stage)
            self._refresh_column(self.column)
        self._announce()

    def action_edge(self, direction: int) -> None:
        self.action_row(direction * len(self._cards[self.stage]))

    def action_page(self, direction: int) -> None:
        self.action_row(direction * max(1, (self.size.height - 1) // CARD_HEIGHT))

    def action_open(self) -> None:
        if self.selected is not None:
            self.post_message(self.Opened(self.selected))

    def on_click(self, event: events.Click) -> None:
        """A click selects the card under it."""
        x, y = event.x, event.y
        left = 0
        for index, width in enumerate(self.widths()):
            if left <= x < left + width:
                stage = STAGES[index]
                self.column = index
                if y >= 1:
                    row = self._top[stage] + (y - 1) // CARD_HEIGHT
                    if row < len(self._cards[stage]):
                        self._cursor[stage] = row
                self.refresh()
                self._announce()
                return
            left += width

    def on_focus(self) -> None:
        self.refresh()  # the current title is brighter while the board has the focus

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        for stage in STAGES:
            self._keep_cursor_in_sight(stage)

    def notify_style_update(self) -> None:
        self._painted.clear()
        super().notify_style_update()

    def _announce(self) -> None:
        self.post_message(self.Highlighted(self.selected))

    def _keep_cursor_in_sight(self, stage: Stage) -> None:
        shown = max(1, (self.size.height - 1) // CARD_HEIGHT)
        cursor, top = self._cursor[stage], self._top[stage]
        if cursor < top:
            top = cursor
        elif cursor >= top + shown:
            top = cursor - shown + 1
        self._top[stage] = max(0, min(top, max(len(self._cards[stage]) - shown, 0)))

    def _refresh_column(self, index: int) -> None:
        widths = self.widths()
        self.refresh(Region(sum(widths[:index]), 0, widths[index], self.size.height))

    # -- drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass_widths = self.widths()  # once a pass, not once a line
        try:
            return super().render_lines(crop)
        finally:
            self._pass_widths = None

    _pass_widths: list[int] | None = None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.base_style
        rule = Segment(RULE, base + self.component("board--rule"))
        segments: list[Segment] = []
        widths = self.widths() if self._pass_widths is None else self._pass_widths
        for index, column_width in enumerate(widths):
            inner = column_width - 1
            if inner > 0:
                stage = STAGES[index]
                if y == 0:
                    segments.append(self._title_segment(stage, index, inner))
                else:
                    segments.append(self._card_segment(stage, index, y - 1, inner))
            if column_width > 0:
                segments.append(rule)
        return Strip(segments, width)

    def fitted_title(self, stage: Stage, width: int) -> str:
        """``title`` as a column of ``width`` cells shows it: in a narrow column the count
        stays in sight, the stage's name giving way ("Interviewed 1", "References… 2")."""
        title = f" {self.title(stage)}"
        if cell_len(title) <= width:
            return title
        name, count = stage_title(stage.value), len(self._cards[stage])
        tally = (
            f"{self._cursor[stage] + 1}/{count}"
            if stage is self.stage and count > 1
            else f"{count}"
        )
        room = width - cell_len(tally) - 2  # a space before the name and one before the tally
        if cell_len(name) > room:
            name = set_cell_size(name, max(room - 1, 0)).rstrip() + "…" if room > 1 else ""
        return f" {name} {tally}"

    def _title_segment(self, stage: Stage, index: int, width: int) -> Segment:
        name = "board--title-current" if index == self.column else "board--title"
        return text_segment(self.fitted_title(stage, width), width, self.whole_component(name))

    def _card_segment(self, stage: Stage, index: int, line: int, width: int) -> Segment:
        row, offset = divmod(self._top[stage] * CARD_HEIGHT + line, CARD_HEIGHT)
        cards = self._cards[stage]
        if row >= len(cards) or offset == CARD_HEIGHT - 1:
            return Segment(" " * width, self.base_style)
        selected = index == self.column and row == self._cursor[stage]
        key = (stage, row, offset, width, selected)
        segment = self._painted.get(key)
        if segment is None:
            if len(self._painted) > 4096:
                self._painted.clear()
            segment = self._painted[key] = self._draw(cards[row], offset, width, selected)
        return segment

    def _draw(self, card: Card, offset: int, width: int, selected: bool) -> Segment:
        base = self.base_style
        if selected:
            base = base + self.component("card--selected")
        if offset == 0:
            text, style = f" {card.company}", base + self.component("card--company")
        elif offset == 1:
            text, style = f" {card.role}", base + self.component("card--role")
        else:
            shown = card.badge if len(card.badge) < width else narrow_badge(card.badge)
            text, style = f" {shown}", base + self.component(f"card--{card.urgency}")
        return text_segment(text, width, style)

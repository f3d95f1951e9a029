"""The pipeline board: a column per stage, a card per interview, drawn only where visible.

Data comes down as ``Card`` values (``Board.show``); what the user does goes up as messages.
The board never reads the database or the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Label

from app.domain.records import STAGES, Stage
from app.ui.format import stage_title
from app.ui.widgets.rows import RowList

URGENCIES = ("overdue", "today", "week", "later", "none")


@dataclass(frozen=True, slots=True)
class Card:
    interview_id: str
    company: str
    role: str
    badge: str
    urgency: str  # one of URGENCIES


class StageColumn(RowList):
    """The cards of one stage, four lines each: company, role, next action, a gap."""

    ROW_HEIGHT = 4
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "card--company",
        "card--role",
        "card--selected",
        *(f"card--{u}" for u in URGENCIES),
    }

    def __init__(self, stage: Stage) -> None:
        self._painted = {}
        super().__init__(self._paint_card, id=f"column-{stage.value}", classes="stage-column")
        self.stage = stage
        self.cards: list[Card] = []

    def show(self, cards: list[Card]) -> None:
        self.cards = cards
        self._painted.clear()
        self.set_count(len(cards))

    # Lines already drawn, by (row, line, width, selected): moving the cursor redraws the whole
    # column, and all but two of its cards look as they did.
    _painted: dict[tuple[int, int, int, bool], Strip]

    def notify_style_update(self) -> None:
        self._painted.clear()
        super().notify_style_update()

    def _paint_card(self, row: int, offset: int, width: int, selected: bool) -> Strip:
        key = (row, offset, width, selected)
        strip = self._painted.get(key)
        if strip is None:
            if len(self._painted) > 4096:
                self._painted.clear()
            strip = self._painted[key] = self._draw_card(row, offset, width, selected)
        return strip

    def _draw_card(self, row: int, offset: int, width: int, selected: bool) -> Strip:
        card = self.cards[row]
        base = self.base_style
        if selected:
            base = base + self.component("card--selected")
        if offset == 0:
            text, style = f" {card.company}", base + self.component("card--company")
        elif offset == 1:
            text, style = f" {card.role}", base + self.component("card--role")
        elif offset == 2:
            text, style = f" {card.badge}", base + self.component(f"card--{card.urgency}")
        else:
            return Strip.blank(width, self.base_style)
        return self.text_strip(text, width, style)


class Board(Widget, can_focus=True):
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
        Binding(
            "enter",
            "open",
            "Open",
            show=False,  # the footer is full; help and the palette list it
            id="board-open",
            tooltip="Show the selected card's detail",
        ),
    ]

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
        self._columns = {stage: StageColumn(stage) for stage in STAGES}
        self._titles = {
            stage: Label(stage_title(stage.value), classes="stage-title") for stage in STAGES
        }

    def compose(self) -> ComposeResult:
        with Horizontal(id="board-columns"):
            for stage in STAGES:
                with Vertical(classes="stage", id=f"stage-{stage.value}"):
                    yield self._titles[stage]
                    yield self._columns[stage]

    # -- data down

    def show(self, cards: dict[Stage, list[Card]], keep: str | None = None) -> None:
        """New cards for every column; the cursor stays on ``keep`` if it is still there."""
        for stage in STAGES:
            column_cards = cards.get(stage, [])
            self._columns[stage].show(column_cards)
            self.query_one(f"#stage-{stage.value}").set_class(not column_cards, "-empty")
        if (keep is not None and not self.select(keep)) or keep is None:
            self._announce()
        self._mark_active()

    def select(self, interview_id: str) -> bool:
        for index, stage in enumerate(STAGES):
            column = self._columns[stage]
            for row, card in enumerate(column.cards):
                if card.interview_id == interview_id:
                    self.column = index
                    column.cursor = row
                    self._mark_active()
                    self._announce()
                    return True
        return False

    @property
    def selected(self) -> str | None:
        column = self._current
        if not column.cards:
            return None
        return column.cards[min(column.cursor, len(column.cards) - 1)].interview_id

    @property
    def _current(self) -> StageColumn:
        return self._columns[STAGES[self.column]]

    # -- keys

    def action_column(self, step: int) -> None:
        self.column = (self.column + step) % len(STAGES)
        self._mark_active()
        self._announce()

    def action_row(self, step: int) -> None:
        column = self._current
        if column.count:
            column.cursor = max(0, min(column.count - 1, column.cursor + step))
            self._title(self.column)
        self._announce()

    def action_open(self) -> None:
        if self.selected is not None:
            self.post_message(self.Opened(self.selected))

    def _mark_active(self) -> None:
        for index, stage in enumerate(STAGES):
            column = self._columns[stage]
            column.active = index == self.column
            self._titles[stage].set_class(index == self.column, "-current")
            self._title(index)
            if self.is_mounted:
                self.query_one(f"#stage-{stage.value}").set_class(index == self.column, "-current")

    def _title(self, index: int) -> None:
        """A column's title: its stage and card count; in the current column, where the cursor
        is among them, as the columns have no scrollbar."""
        stage = STAGES[index]
        column = self._columns[stage]
        text = f"{stage_title(stage.value)} · {column.count}"
        if index == self.column and column.count > 1:
            text = f"{stage_title(stage.value)} · {column.cursor + 1} of {column.count}"
        # A title keeps its size whatever it says: no need to lay the screen out again.
        self._titles[stage].update(text, layout=False)

    def _announce(self) -> None:
        self.post_message(self.Highlighted(self.selected))

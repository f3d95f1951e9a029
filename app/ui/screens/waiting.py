"""Waiting on them: every date an employer gave, the latest first, and how late each is. Enter
goes back to the board on that interview; escape goes back as it was."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path, PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Label

from app.engine.describe import day, moment
from app.insights import Awaited, Promised, how_late
from app.ui.widgets.waiting_list import WaitingList, WaitingRow, header

HERE = Path(__file__).parent
SOON_DAYS = 7


class WaitingScreen(Screen[str | None]):
    """Dismisses with the interview to show on the board, or None."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        HERE / "waiting.tcss",
        HERE.parent / "widgets" / "insights.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,w", "back", "Board", id="waiting-close", tooltip="Back to the board"),
    ]

    def __init__(self, items: list[Awaited], now: datetime) -> None:
        super().__init__()
        self.items = items
        self.now = now

    def compose(self) -> ComposeResult:
        yield Label(self._title(), id="waiting-title")
        yield Label(header(), id="waiting-header")
        yield WaitingList(id="waiting-list")
        yield Label(
            "Nothing is owed by a date: no decision date, offer deadline or promise of theirs "
            "is open.",
            id="waiting-empty",
        )
        yield Label(
            "A date they gave is kept until the end of that day, on the interview's clock. "
            "Enter shows the interview on the board.",
            id="waiting-hint",
        )
        yield Footer()

    def on_mount(self) -> None:
        waiting = self.query_one(WaitingList)
        waiting.show([row(item) for item in self.items])
        self.set_class(not self.items, "-empty")
        waiting.focus()

    def _title(self) -> str:
        late = sum(1 for i in self.items if i.overdue)
        return (
            f"Waiting on them · {late} late · {len(self.items) - late} to come · {moment(self.now)}"
        )

    @on(WaitingList.Chosen)
    def _chosen(self, message: WaitingList.Chosen) -> None:
        self.dismiss(message.interview_id)

    def action_back(self) -> None:
        self.dismiss(None)


def row(item: Awaited) -> WaitingRow:
    what = item.what
    if item.kind is Promised.PROMISE and item.contact:
        what = f"{what} ({item.contact})"
    return WaitingRow(
        interview_id=item.interview_id,
        lateness=how_late(item),
        due=day(item.day),
        company=item.company,
        what=what,
        tone=_tone(item),
    )


def _tone(item: Awaited) -> str:
    if item.overdue:
        return "late"
    if item.days == 0:
        return "today"
    return "soon" if -item.days <= SOON_DAYS else "later"

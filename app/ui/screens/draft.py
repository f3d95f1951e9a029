"""An action's whole draft, opened from the due panel with enter: to read it through before it
is copied, handed to the mail program or marked sent. It returns the key chosen; the dashboard
does the rest, so that these keys do here exactly what they do there."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label

from app.drafts import Draft
from app.ui.widgets.draft_view import DraftView
from app.ui.widgets.footer import OverFooter

HERE = Path(__file__).parent


class DraftScreen(ModalScreen[str | None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        HERE / "draft.tcss",
        HERE.parent / "widgets" / "widgets.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "choose('')", "Close", id="draft-close", tooltip="Back"),
        Binding("c", "choose('copy')", "Copy", id="draft-copy", tooltip="Copy the body"),
        Binding(
            "C",
            "choose('copy_subject')",
            "Copy subject",
            id="draft-copy-subject",
            tooltip="Copy the subject line",
        ),
        Binding(
            "o",
            "choose('open_mail')",
            "Open in mail",
            id="draft-open-mail",
            tooltip="Open it in your mail program",
        ),
        Binding("s", "choose('sent')", "Sent", id="draft-sent", tooltip="Mark it sent"),
        Binding("j", "scroll(1)", "Down", show=False, tooltip="Scroll down a line"),
        Binding("k", "scroll(-1)", "Up", show=False, tooltip="Scroll up a line"),
    ]

    def __init__(self, title: str, draft: Draft | None, *, body: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.draft = draft
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="draft-box"):
            yield Label(self.title_text, id="draft-title", markup=False)
            yield DraftView(id="draft-view")
        yield OverFooter()

    def on_mount(self) -> None:
        self.query_one(DraftView).show(self.draft, body=self.body)
        # The body takes the keys, so that arrows and page keys scroll a long draft.
        self.query_one(".draft-view-scroll", VerticalScroll).focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one(".draft-view-scroll", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_choose(self, verb: str) -> None:
        self.dismiss(verb or None)

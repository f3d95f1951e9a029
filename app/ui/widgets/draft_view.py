"""A draft as its reader gets it: who it goes to, its subject, and its body, which scrolls.

The review, the due panel's preview and the whole-draft view show a draft the same way."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from app.domain.records import ActionKind
from app.drafts import Draft
from app.engine import Action

PLAIN_STYLE = Style()


def body_of(draft: Draft) -> str:
    """The draft without its subject line: what goes in the body of the message."""
    return draft.body if draft.subject is not None else draft.text


class DraftHeader(Widget):
    """Who the draft goes to and its subject, above its body; drawn in the theme's styles (its
    component classes), so a new theme draws it again in its own colours."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"review-header--label", "review-header--value"}

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, wrap: bool = True
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.fields: tuple[tuple[str, str], ...] = ()
        self.wrap = wrap

    def show(self, draft: Draft | None) -> None:
        self.fields = header_fields(draft)
        self.set_class(not self.fields, "-empty")
        self.refresh(layout=True)

    def render(self) -> Table:
        return render_header(
            self.fields,
            wrap=self.wrap,
            label=self.get_component_rich_style("review-header--label", partial=True),
            value=self.get_component_rich_style("review-header--value", partial=True),
        )


def header_fields(draft: Draft | None) -> tuple[tuple[str, str], ...]:
    """To (name and address) and, for an email, Subject."""
    if draft is None:
        return ()
    fields = [("To", draft.recipient)] if draft.recipient else []
    if draft.subject is not None:
        fields.append(("Subject", draft.subject))
    return tuple(fields)


def render_header(
    fields: tuple[tuple[str, str], ...],
    *,
    wrap: bool = True,
    label: Style = PLAIN_STYLE,
    value: Style = PLAIN_STYLE,
) -> Table:
    """The fields as two columns: a long subject or address wraps under itself, or (``wrap``
    False, where room is short) is cut to its line."""
    table = Table.grid(padding=(0, 1))
    # The labels' width held, or a value that may not wrap would squeeze them to "Sub…".
    widest = max((len(name) + 1 for name, _ in fields), default=0)
    table.add_column(style=label, no_wrap=True, min_width=widest)
    table.add_column(style=value, ratio=1, no_wrap=not wrap)
    for name, content in fields:
        text = Text(content, overflow="fold" if wrap else "ellipsis", no_wrap=not wrap)
        table.add_row(f"{name}:", text)
    return table


def no_message(action: Action) -> str:
    """What stands where a draft would, for an action that sends nothing."""
    if action.kind is ActionKind.MOVE_ON:
        return (
            "No message: s closes this process as moved on (you can keep it warm), "
            "x keeps it open without more nudges."
        )
    return (
        "No message: read your notes on this interview, look at their recent news, and "
        "write down the questions you will ask."
    )


class DraftView(Vertical):
    """The header, then the body in a pane that scrolls (by keys once it has the focus).

    ``show`` takes the draft, or a line saying why there is none."""

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, wrap_header: bool = True
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.body = ""
        self.wrap_header = wrap_header

    def compose(self) -> ComposeResult:
        yield DraftHeader(classes="draft-view-header", wrap=self.wrap_header)
        with VerticalScroll(classes="draft-view-scroll"):
            yield Static("", classes="draft-view-body", markup=False)
        yield Static("", classes="draft-view-notes", markup=False)

    def show(self, draft: Draft | None, *, body: str = "", notes: str = "") -> None:
        """``draft`` with its body (``body`` instead when given), or no header and ``body``."""
        self.body = body or (body_of(draft) if draft else "")
        self.query_one(DraftHeader).show(draft)
        self.query_one(".draft-view-body", Static).update(self.body)
        note = self.query_one(".draft-view-notes", Static)
        note.update(notes)
        note.display = bool(notes)
        self.query_one(".draft-view-scroll", VerticalScroll).scroll_home(animate=False)

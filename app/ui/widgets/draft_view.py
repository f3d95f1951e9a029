"""A draft as its reader gets it: who it goes to, its subject, and its body, which scrolls.

The review and the whole-draft view show a draft in a ``DraftView``; the due panel's preview,
redrawn on every key, in a ``DraftPreview`` that never lays the screen out again."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from app.domain.records import ActionKind
from app.drafts import Draft
from app.engine import Action
from app.ui.widgets.rows import PassStyles, text_segment

PLAIN_STYLE = Style()


def body_of(draft: Draft) -> str:
    """The draft without its subject line: what goes in the body of the message."""
    return draft.body if draft.subject is not None else draft.text


class DraftHeader(Widget):
    """Who the draft goes to and its subject, above its body; drawn in the theme's styles (its
    component classes), so a new theme draws it again in its own colours."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"review-header--label", "review-header--value"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.fields: tuple[tuple[str, str], ...] = ()

    def show(self, draft: Draft | None) -> None:
        self.fields = header_fields(draft)
        self.set_class(not self.fields, "-empty")
        self.refresh(layout=True)

    def render(self) -> Table:
        return render_header(
            self.fields,
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
    fields: tuple[tuple[str, str], ...], *, label: Style = PLAIN_STYLE, value: Style = PLAIN_STYLE
) -> Table:
    """The fields as two columns: a long subject or address wraps under itself."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style=label, no_wrap=True)
    table.add_column(style=value, ratio=1)
    for name, content in fields:
        table.add_row(f"{name}:", _Folded(content))
    return table


class _Folded:
    """A header's value in as many lines as its column needs, broken between words, and an
    address too long for a line after its "@" ("<sofia.marsh@" then "harborlane.example>"),
    never inside a name or a domain while a break between words would do."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(word) for word in self.text.split()), default=0)
        return Measurement(min(longest, 12), max(cell_len(self.text), 1))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(fold(self.text, options.max_width)), overflow="fold")


def fold(text: str, width: int) -> list[str]:
    """``text`` in lines at most ``width`` cells wide (see ``_Folded``)."""
    # (piece, whether a space goes before it): a word too long for a line is cut after its
    # "@" and, if need be, after its dots, into pieces joined without a space.
    pieces: list[tuple[str, bool]] = []
    for word in text.split():
        if cell_len(word) <= width:
            pieces.append((word, True))
            continue
        local, at, domain = word.partition("@")
        halves = [local + at, domain] if at and local and domain else [word]
        parts = [
            piece
            for half in halves
            for piece in (re.split(r"(?<=\.)", half) if cell_len(half) > width else [half])
            if piece
        ]
        pieces += [(part, n == 0) for n, part in enumerate(parts)]
    lines: list[str] = []
    line = ""
    for piece, spaced in pieces:
        joined = f"{line} {piece}" if line and spaced else line + piece
        if line and cell_len(joined) > width:
            lines.append(line)
            line = piece
        else:
            line = joined
    lines.append(line)
    return lines


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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.body = ""

    def compose(self) -> ComposeResult:
        yield DraftHeader(classes="draft-view-header")
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


class DraftPreview(PassStyles, ScrollView, can_focus=True):
    """A draft in a few lines beside the due list: To and Subject each cut to one line, then
    the body, wrapped, scrolling.

    It changes on every move through the due list, so it never asks for the screen to be laid
    out again (a Static would, as its height follows its text): it wraps its text itself and
    sets the size it scrolls over without the watchers that would."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"preview--label", "preview--rule"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, tooltip="Scroll down a line"),
        Binding("k", "scroll_up", "Up", show=False, tooltip="Scroll up a line"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fields: tuple[tuple[str, str], ...] = ()
        self.body = ""
        self._lines: list[Strip] = []
        self._wrapped_at = -1

    def show(self, draft: Draft | None, *, body: str = "") -> None:
        """``draft`` with its body (``body`` instead when given), or ``body`` alone."""
        self.fields = header_fields(draft)
        self.body = body or (body_of(draft) if draft else "")
        self._wrapped_at = -1
        self._wrap()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def on_resize(self) -> None:
        self._wrap()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or not self.is_mounted or width == self._wrapped_at:
            return
        self._wrapped_at = width
        base = self.rich_style
        label = base + self.component("preview--label")
        lines: list[Strip] = []
        widest = max((len(name) + 2 for name, _ in self.fields), default=0)
        for name, value in self.fields:
            head = Segment(f"{name}:".ljust(widest), label)
            lines.append(Strip([head, text_segment(value, max(width - widest, 0), base)], width))
        if self.fields:
            lines.append(Strip([Segment("─" * width, base + self.component("preview--rule"))]))
        console = self.app.console
        options = console.options.update_width(width)
        for line in console.render_lines(Text(self.body), options, style=base, pad=True):
            lines.append(Strip(line, width))
        self._lines = lines
        # Without its watchers: a new virtual size would lay the whole screen out again.
        self.set_reactive(DraftPreview.virtual_size, Size(width, len(lines)))
        bar = self.vertical_scrollbar
        bar.window_virtual_size = len(lines)
        bar.window_size = self.scrollable_content_region.height
        self.scroll_y = self.validate_scroll_y(self.scroll_y)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._wrapped_at:
            self.call_later(self._wrap)
        line = self.scroll_offset.y + y
        if 0 <= line < len(self._lines):
            return self._lines[line].crop_extend(0, width, self.base_style)
        return Strip.blank(max(width, 0), self.base_style)

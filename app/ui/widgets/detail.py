"""The detail pane of the selected interview: everything the user knows about the process."""

from __future__ import annotations

import sys
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.theme import Theme

from app.domain.records import ActionKind, Event, EventKind, Interview, PromiseBy
from app.engine import Action
from app.engine.describe import day, moment
from app.ui.format import badge, question_line, stage_title
from app.ui.widgets.rows import PassStyles


class DetailPane(PassStyles, ScrollView, can_focus=True):
    """Scrolls; its content is set with ``show``.

    Moving through the board changes it on every key, so it does as little as a key needs:
    it wraps its text paragraph by paragraph only as far as the lines on screen, draws those,
    and wraps the rest when it is scrolled to (a long history or a 100 KB note is wrapped once,
    never per frame). Its height never follows its content: that would lay the whole screen out
    again on every key.
    """

    RECENT = 32
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, tooltip="Scroll down a line"),
        Binding("k", "scroll_up", "Up", show=False, tooltip="Scroll up a line"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail--heading", "detail--muted", "detail--strong"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shows: tuple[Interview, list[Action], datetime, str | None] | None = None
        self._text = Text(NOTHING)
        self._paragraphs: list[Text] = []
        self._next = 0  # the first paragraph not wrapped yet
        self._lines: list[Strip] = []
        self._starts: list[int] = []  # the line each wrapped paragraph starts on
        self._wrapped_at = -1
        self._key: tuple[object, ...] = ()
        self._shown: str | None = None
        # Recently shown interviews, wrapped whole: moving up and down the board comes back.
        self._recent: OrderedDict[tuple[object, ...], tuple[Text, list[Strip], list[int]]] = (
            OrderedDict()
        )
        self._recent_width = -1

    @property
    def text(self) -> str:
        """What the pane says, as plain text."""
        return self._text.plain

    def on_mount(self) -> None:
        if self._shows is None:
            self._text = self._render_text()
        self.app.theme_changed_signal.subscribe(self, self._restyle)

    def on_unmount(self) -> None:
        self.app.theme_changed_signal.unsubscribe(self)

    def _part_styles(self) -> DetailStyles:
        return DetailStyles(
            heading=self.component("detail--heading"),
            muted=self.component("detail--muted"),
            strong=self.component("detail--strong"),
        )

    def _render_text(self) -> Text:
        if self._shows is None:
            return Text(NOTHING, style=self._part_styles().muted)
        return render_detail(*self._shows, styles=self._part_styles())

    def _restyle(self, _theme: Theme) -> None:
        """The text and every line kept wrapped carry the old theme's colours: draw them again."""
        self._recent.clear()
        self._text = self._render_text()
        self._wrapped_at = -1
        self._rewrap()
        self.refresh()

    def show(
        self,
        interview: Interview | None,
        actions: list[Action],
        now: datetime,
        *,
        focus: str | None = None,
    ) -> None:
        """Show ``interview``; with ``focus`` (an action id), that action is marked and scrolled
        to, so that what a key will act on is on screen with its reason in full."""
        changed_interview = interview is None or interview.id != self._shown
        self._shown = interview.id if interview else None
        # Records are immutable: the same objects at the same moment say the same thing.
        key = (id(interview), interview, tuple(actions), now, focus)
        focus_moved = focus is not None and key != self._key
        if key != self._key:
            self._key = key
            self._shows = (interview, actions, now, focus) if interview else None
            recent = self._recent.get(key)
            if recent is not None and self._recent_width == self._width:
                self._recent.move_to_end(key)
                self._text, self._lines, self._starts = recent
                self._paragraphs, self._next = [], 0
                self._wrapped_at = self._width
                self._size_to_lines()
            else:
                self._text = self._render_text()
                self._wrapped_at = -1
        self._rewrap()
        if focus_moved:
            self._scroll_to_focus()
        elif changed_interview:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def _scroll_to_focus(self) -> None:
        """The marked action's line at the top, with the lines above it when they fit (the
        interview's name and the "Next" heading are its context)."""
        plain = self._text.plain
        at = plain.find("\n" + FOCUS)
        if at < 0 or self._wrapped_at <= 0:
            return
        paragraph = plain.count("\n", 0, at) + 1
        line = self._line_of(paragraph)
        height = self.scrollable_content_region.height
        # Its heading and the interview's first lines too, if the action still fits below them.
        top = 0 if line + 3 <= height else max(0, line - 1)
        self.scroll_to(0, top, animate=False, immediate=True)

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def on_resize(self) -> None:
        self._rewrap()

    def _rewrap(self) -> None:
        """Start wrapping again if the text or the width changed, as far as the screen shows."""
        width = self._width
        if width <= 0 or not self.is_mounted:
            return
        if width != self._recent_width:
            self._recent.clear()
            self._recent_width = width
        if width != self._wrapped_at:
            self._paragraphs = list(self._text.split("\n", allow_blank=True))
            self._next = 0
            self._lines = []
            self._starts = []
            self._wrapped_at = width
            self._extend(self.scroll_offset.y + self.scrollable_content_region.height)
            self.refresh()

    def _line_of(self, paragraph: int) -> int:
        """The wrapped line a paragraph starts on (wrapping that far if need be)."""
        while len(self._starts) <= paragraph and self._next < len(self._paragraphs):
            self._extend(len(self._lines) + 1)
        return self._starts[paragraph] if paragraph < len(self._starts) else 0

    def _extend(self, upto: int) -> None:
        """Wrap paragraphs until there are ``upto`` lines, or all of them."""
        width = self._wrapped_at
        paragraphs = self._paragraphs
        if self._next < len(paragraphs) and len(self._lines) < upto:
            console = self.app.console
            options = console.options.update_width(width)
            style = self.rich_style
            while self._next < len(paragraphs) and len(self._lines) < upto:
                wrapped = console.render_lines(paragraphs[self._next], options, style=style)
                self._starts.append(len(self._lines))
                self._lines.extend(Strip(line, width) for line in wrapped)
                self._next += 1
            if self._next == len(paragraphs):
                self._recent[self._key] = (self._text, self._lines, self._starts)
                if len(self._recent) > self.RECENT:
                    self._recent.popitem(last=False)
        self._size_to_lines()

    def _size_to_lines(self) -> None:
        width, paragraphs = self._wrapped_at, self._paragraphs
        # What is not wrapped yet is counted by its length (words may wrap a line sooner: the
        # count is put right as scrolling reaches them).
        total = len(self._lines) + sum(
            max(1, -(-paragraph.cell_len // width)) for paragraph in paragraphs[self._next :]
        )
        # Set without its watchers: a new virtual size would lay the whole screen out again,
        # on every move through the board. The scrollbar is always shown (see the stylesheet),
        # so only its extent changes, and the scroll position is kept within the new text.
        self.set_reactive(DetailPane.virtual_size, Size(width, total))
        bar = self.vertical_scrollbar
        bar.window_virtual_size = total
        bar.window_size = self.scrollable_content_region.height
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def render_line(self, y: int) -> Strip:
        width = self._width
        if width != self._wrapped_at:
            self.call_later(self._rewrap)
        style = self.base_style
        line = self.scroll_offset.y + y
        if line >= len(self._lines) and self._next < len(self._paragraphs):
            # Scrolled past the first screen: the reader wants the rest, and the scrollbar its
            # true length.
            self._extend(sys.maxsize)
        if 0 <= line < len(self._lines):
            return self._lines[line].crop_extend(0, width, style)
        return Strip.blank(max(width, 0), style)


NOTHING = "No interview selected."


@dataclass(frozen=True, slots=True)
class DetailStyles:
    """What the parts of the text look like; a pane takes them from its component classes (the
    theme's), and without one the text is plain."""

    heading: Style
    muted: Style
    strong: Style


PLAIN = DetailStyles(heading=Style(), muted=Style(), strong=Style())


FOCUS = "▸ "  # marks the action the due panel has highlighted


def render_detail(
    interview: Interview,
    actions: list[Action],
    now: datetime,
    focus: str | None = None,
    styles: DetailStyles = PLAIN,
) -> Text:
    text = Text()
    text.append(interview.company, style=styles.strong)
    text.append(f" · {interview.role}\n")
    stage = stage_title(interview.stage.value)
    if interview.outcome:
        stage += f" ({interview.outcome.value.replace('_', ' ')})"
    text.append(f"{stage} · {interview.timezone}", style=styles.muted)
    if interview.keep_warm:
        text.append(" · kept warm", style=styles.muted)
    text.append("\n")
    if interview.decision_by:
        text.append(f"Decision by {day(interview.decision_by)}\n")
    if interview.offer_deadline:
        text.append(f"Offer deadline {day(interview.offer_deadline)}\n")

    _section(text, "Next", styles)
    if actions:
        shown = actions[:6]
        # The focused action is always listed, whatever its place among the others.
        shown += [a for a in actions[6:] if a.id == focus]
        for action in shown:
            mark = FOCUS if action.id == focus else "• "
            text.append(f"{mark}{badge(action, now)}", style=styles.strong)
            who = interview.contact(action.contact)
            if who:
                text.append(f" → {who.name or who.id}")
            text.append(f"\n  {action.reason}\n", style=styles.muted)
    else:
        text.append("Nothing to do.\n", style=styles.muted)

    _section(text, "Rounds", styles)
    for held in interview.rounds:
        local = held.starts.astimezone(held.starts.tzinfo)
        names = ", ".join(_name(interview, c) for c in held.interviewers) or "no interviewer"
        text.append(f"{held.id} · {moment(local)} · {held.minutes} min · {held.kind}\n")
        text.append(f"  with {names}\n", style=styles.muted)
    if not interview.rounds:
        text.append("No rounds yet.\n", style=styles.muted)

    _section(text, "Contacts", styles)
    for contact in interview.contacts:
        text.append(contact.name or contact.id, style=styles.strong)
        details = [d for d in (contact.title, contact.role.value) if d]
        text.append(f" · {' · '.join(details)}\n")
        for value in (contact.email, contact.phone, contact.linkedin):
            if value:
                text.append(f"  {value}\n", style=styles.muted)
        for note in contact.notes:
            text.append(f"  talked about: {note}\n")
    if not interview.contacts:
        text.append("No contacts yet.\n", style=styles.muted)

    prefs = interview.preferences
    _section(text, "Preferences", styles)
    channels = ", ".join(c.value for c in prefs.channels) or "not said"
    text.append(f"Channels: {channels}\n")
    flags = [
        label
        for on, label in ((prefs.no_calls, "no calls"), (prefs.no_follow_ups, "no follow-ups"))
        if on
    ]
    if prefs.no_contact_before:
        flags.append(f"no contact before {day(prefs.no_contact_before)}")
    if flags:
        text.append(" · ".join(flags) + "\n", style=styles.strong)

    notes = interview.notes
    _section(text, "Notes", styles)
    for label, value in (
        ("Discussed", notes.discussed),
        ("Impressions", notes.impressions),
        ("Company news", notes.company_news),
    ):
        if value:
            text.append(f"{label}: ", style=styles.strong)
            text.append(f"{value}\n")
    for label, items in (
        ("Recap", notes.recap),
        ("Challenges", notes.challenges),
        ("Open questions", [question_line(interview, q) for q in notes.open_questions]),
    ):
        if items:
            text.append(f"{label}\n", style=styles.strong)
            for item in items:
                text.append(f"  • {item}\n")

    _section(text, "Promises", styles)
    for promise in interview.promises:
        person = _name(interview, promise.to) if promise.to else interview.company
        # The contact of a promise of theirs is the one who made it, not the one it was made to.
        said = f"{person} promised" if promise.by is PromiseBy.THEM else f"I → {person}"
        done = f" · done {day(promise.done_at.date())}" if promise.done_at else ""
        if not done and _skipped(interview, promise.id):
            done = " · skipped"  # not to be kept: no longer asked for, and not shown as owed
        text.append(f"{said}: {promise.what}", style=styles.strong if not done else None)
        text.append(f" · by {moment(promise.due)}{done}\n", style=styles.muted)
    if not interview.promises:
        text.append("No promises.\n", style=styles.muted)

    _section(text, "History", styles)
    for event in reversed(interview.events):
        text.append(f"{moment(event.at)} · ", style=styles.muted)
        text.append(_event_line(interview, event) + "\n")
    if not interview.events:
        text.append("Nothing yet.\n", style=styles.muted)
    return text


def _section(text: Text, title: str, styles: DetailStyles) -> None:
    text.append(f"\n{title}\n", style=styles.heading)


def _name(interview: Interview, contact_id: str | None) -> str:
    contact = interview.contact(contact_id)
    return (contact.name or contact.id) if contact else (contact_id or "")


def _event_line(interview: Interview, event: Event) -> str:
    kind = event.action.value.replace("_", "-") if event.action else ""
    who = f" {_name(interview, event.contact)}" if event.contact else ""
    if event.kind is EventKind.SENT:
        # Done, not sent: these two contact no one.
        if event.action is ActionKind.MOVE_ON:
            return "moved on: closed"
        if event.action is ActionKind.PREPARE:
            return "prepared for the round"
        how = f" by {event.channel.value}" if event.channel else ""
        return f"sent {kind} to{who or ' them'}{how}"
    if event.kind is EventKind.REPLY:
        said = f": {event.summary}" if event.summary else ""
        return f"reply from{who or ' ' + interview.company}{said}"
    if event.kind is EventKind.STAGE:
        was = stage_title(event.from_stage.value) if event.from_stage else "?"
        now = stage_title(event.to_stage.value) if event.to_stage else "?"
        return f"moved from {was} to {now}"
    if event.kind is EventKind.SNOOZE:
        until = f" until {moment(event.until)}" if event.until else ""
        return f"snoozed {kind}{until}"
    return f"skipped {kind}"


def _skipped(interview: Interview, promise_id: str) -> bool:
    """Whether keeping the promise was skipped: the user chose not to keep it."""
    return any(
        e.kind is EventKind.SKIP and e.action is ActionKind.KEEP_PROMISE and e.promise == promise_id
        for e in interview.events
    )

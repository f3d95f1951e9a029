"""The daily review: each overdue and due action in turn, the context on one side and the draft
on the other; copy, send, snooze, skip, next. Escape leaves with a summary of the session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.theme import Theme
from textual.visual import VisualType
from textual.widgets import Footer, Label, Static, TextArea

from app.domain.records import ActionKind, EventKind, Interview
from app.drafts import Draft
from app.engine import Action, Urgency, counts, pressing_first, urgency
from app.engine.describe import day, moment
from app.errors import UserError
from app.services import Change, Workspace
from app.ui.format import kind_label, short_when
from app.ui.screens.base import WorkspaceScreen

HERE = Path(__file__).parent

REVIEW_BINDINGS: list[BindingType] = [
    Binding("c", "copy", "Copy", id="review-copy", tooltip="Copy the draft to the clipboard"),
    Binding("s", "sent", "Sent", id="review-sent", tooltip="Mark sent and go to the next"),
    Binding("z", "snooze", "Snooze", id="review-snooze", tooltip="Snooze and go to the next"),
    Binding("x", "skip", "Skip", id="review-skip", tooltip="Skip and go to the next"),
    Binding("e", "edit", "Edit draft", id="review-edit", tooltip="Edit the draft before copying"),
    Binding("n", "step(1)", "Next", id="review-next", tooltip="The next action"),
    Binding("p", "step(-1)", "Previous", id="review-previous", tooltip="The previous action"),
    Binding("u", "undo", "Undo", id="review-undo", tooltip="Undo the last change"),
    Binding(
        "question_mark", "help", "Help", key_display="?", id="review-help", tooltip="Show every key"
    ),
    Binding(
        "escape",
        "leave",
        "Done",
        id="review-leave",
        tooltip="Leave the review, with a summary (while editing: stop editing)",
    ),
]


@dataclass
class Tally:
    sent: int = 0
    snoozed: int = 0
    skipped: int = 0
    done: dict[str, str] = field(default_factory=dict)  # action id -> what was done


@dataclass(frozen=True, slots=True)
class Summary:
    sent: int
    snoozed: int
    skipped: int
    still_due: int
    next_opens: datetime | None

    def lines(self, now: datetime) -> list[str]:
        lines = [
            f"Sent {self.sent} · snoozed {self.snoozed} · skipped {self.skipped}",
            f"Still due: {self.still_due}",
        ]
        if self.next_opens is not None:
            lines.append(
                f"The next action opens {short_when(self.next_opens, now)} "
                f"({moment(self.next_opens)})"
            )
        else:
            lines.append("Nothing else is coming up.")
        return lines


class ReviewScreen(WorkspaceScreen):
    CSS_PATH: ClassVar[list[str | PurePath]] = [HERE / "review.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.items: list[Action] = todays_actions(workspace)
        self.index = 0
        self.tally = Tally()
        self.edited: dict[str, str] = {}
        self._drafts: dict[str, Draft] = {}
        self._undo_marks: list[str] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="progress", markup=False)
        with Horizontal(id="review-body"):
            with VerticalScroll(id="context"):
                yield ContextView(id="context-text")
            with Vertical(id="draft-box"):
                yield Static("", id="draft-text", markup=False)
                yield TextArea("", id="draft-editor", soft_wrap=True, tab_behavior="focus")
                yield Label("", id="draft-notes", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#draft-editor", TextArea).display = False
        self.show_current()

    # ----------------------------------------------------------------------- showing

    @property
    def current(self) -> Action | None:
        if 0 <= self.index < len(self.items):
            return self.items[self.index]
        return None

    def show_current(self) -> None:
        progress = self.query_one("#progress", Label)
        action = self.current
        if action is None:
            self._show_empty()
            return
        interview = self.workspace.interview(action.interview)
        done = self.tally.done.get(action.id)
        who = _who(interview, action)
        progress.update(
            f"{self.index + 1} of {len(self.items)} · {kind_label(action)}{who} · "
            f"{action.company}" + (f" · {done}" if done else "")
        )
        progress.set_class(done is not None, "-done")
        context = self.query_one("#context-text", ContextView)
        if interview:
            context.show(interview, action, self.workspace.now)
        else:
            context.update("")
        text, notes = self._draft(action)
        self.query_one("#draft-text", Static).update(text)
        self.query_one("#draft-notes", Label).update(notes)

    def _show_empty(self) -> None:
        summary = self.summary()
        self.query_one("#progress", Label).update("Nothing is due today.")
        lines = [
            "Nothing is overdue or due today: well done.",
            "",
            *summary.lines(self.workspace.now)[2:],
        ]
        self.query_one("#context-text", Static).update("\n".join(lines))
        self.query_one("#draft-text", Static).update("")
        self.query_one("#draft-notes", Label).update("")

    def _draft(self, action: Action) -> tuple[str, str]:
        if action.id in self.edited:
            return self.edited[action.id], "Edited."
        if not action.contacting:
            if action.kind is ActionKind.MOVE_ON:
                return (
                    "No message: s closes this process as moved on (you can keep it "
                    "warm), x keeps it open without more nudges."
                ), ""
            return (
                "No message: read your notes on the left, look at their recent news, "
                "and write down the questions you will ask."
            ), ""
        from app.drafts import DraftError

        try:
            draft = self.workspace.draft(action)
        except DraftError as problem:
            return str(problem), ""
        self._drafts[action.id] = draft
        notes = []
        if draft.placeholders:
            notes.append("Still to fill: " + ", ".join(draft.placeholders))
        notes.extend(draft.warnings)
        return draft.text, "\n".join(notes)

    def draft_text(self, action: Action) -> str:
        return self._draft(action)[0]

    # ----------------------------------------------------------------------- keys

    def action_step(self, step: int) -> None:
        if self._editing:
            return
        if 0 <= self.index + step < len(self.items):
            self.index += step
            self.show_current()

    def action_edit(self) -> None:
        action = self.current
        if action is None or not action.contacting:
            return
        editor = self.query_one("#draft-editor", TextArea)
        editor.text = self.draft_text(action)
        self.query_one("#draft-text", Static).display = False
        editor.display = True
        editor.focus()

    @property
    def _editing(self) -> bool:
        return bool(self.query_one("#draft-editor", TextArea).display)

    def _finish_editing(self) -> None:
        editor = self.query_one("#draft-editor", TextArea)
        action = self.current
        if action is not None:
            self.edited[action.id] = editor.text
        editor.display = False
        self.query_one("#draft-text", Static).display = True
        self.show_current()

    def action_leave(self) -> None:
        if self._editing:
            self._finish_editing()
            return
        self.app.push_screen(
            SummaryScreen(self.summary(), self.workspace.now), lambda _: self.dismiss(None)
        )

    def action_help(self) -> None:
        from app.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.BINDINGS, "Daily review"))

    def action_copy(self) -> None:
        action = self.current
        if action is None or not action.contacting:
            return
        if self._editing:
            self._finish_editing()
        text = self.draft_text(action)
        draft = self._drafts.get(action.id)
        unfilled = draft.unfilled(text) if draft else ()
        if unfilled:
            from app.ui.forms import ConfirmDialog

            def copy(yes: bool | None) -> None:
                if yes:
                    self.copy(text)

            question = f"The draft still has {', '.join(unfilled[:3])}. Copy it anyway?"
            self.app.push_screen(ConfirmDialog(question, yes="Copy", no="Not yet"), copy)
            return
        self.copy(text)

    def action_sent(self) -> None:
        action = self.current
        if action is None or action.id in self.tally.done:
            return
        if self._editing:
            self._finish_editing()
        text = self.edited.get(action.id, "")
        if action.kind is ActionKind.MOVE_ON:
            from app.ui.forms import ConfirmDialog

            self.app.push_screen(
                ConfirmDialog(
                    f"Close {action.company} as moved on. Keep in touch now and then?",
                    yes="Keep warm",
                    no="Just close",
                ),
                lambda warm: (
                    None
                    if warm is None
                    else self._record(
                        action, "sent", lambda: self.workspace.mark_sent(action.id, keep_warm=warm)
                    )
                ),
            )
            return
        self._record(action, "sent", lambda: self.workspace.mark_sent(action.id, text=text))

    def action_snooze(self) -> None:
        from app.ui.forms import SnoozeForm

        action = self.current
        if action is None or action.id in self.tally.done:
            return
        interview = self.workspace.interview(action.interview)
        zone = interview.timezone if interview else "UTC"
        self.app.push_screen(
            SnoozeForm(now=self.workspace.clock(), zone=zone),
            lambda until: (
                None
                if until is None
                else self._record(
                    action, "snoozed", lambda: self.workspace.snooze(action.id, until)
                )
            ),
        )

    def action_skip(self) -> None:
        action = self.current
        if action is None or action.id in self.tally.done:
            return
        self._record(action, "skipped", lambda: self.workspace.skip(action.id))

    def action_undo(self) -> None:
        if not self.workspace.can_undo:
            self.notify("Nothing to undo.")
            return
        try:
            change = self.workspace.undo()
        except UserError as problem:
            self.notify(str(problem), severity="error")
            return
        if self._undo_marks:
            action_id = self._undo_marks.pop()
            what = self.tally.done.pop(action_id, None)
            if what:
                setattr(self.tally, what, getattr(self.tally, what) - 1)
            self.index = next(
                (n for n, a in enumerate(self.items) if a.id == action_id), self.index
            )
        if change is not None:
            self.notify(change.label, timeout=3)
        self.save()
        self.show_current()

    # ----------------------------------------------------------------------- doing

    def _record(self, action: Action, what: str, make: Callable[[], Change]) -> None:
        try:
            change = make()
        except UserError as problem:
            self.notify(str(problem), severity="error")
            return
        self.tally.done[action.id] = what
        setattr(self.tally, what, getattr(self.tally, what) + 1)
        self._undo_marks.append(action.id)
        self.notify(change.label, timeout=2)
        self.save()
        self._advance()

    def _advance(self) -> None:
        for offset in range(1, len(self.items) + 1):
            index = (self.index + offset) % len(self.items)
            if self.items[index].id not in self.tally.done:
                self.index = index
                self.show_current()
                return
        self.show_current()
        self.notify("That was the last one. Escape shows the summary.", timeout=4)

    def summary(self) -> Summary:
        actions, now = self.workspace.actions, self.workspace.now
        found = counts(actions, now)
        still = found[Urgency.OVERDUE] + found[Urgency.OPEN_NOW]
        upcoming = [a.due_from for a in actions if urgency(a, now) > Urgency.OPEN_NOW]
        return Summary(
            self.tally.sent,
            self.tally.snoozed,
            self.tally.skipped,
            still,
            min(upcoming, key=lambda t: t.timestamp()) if upcoming else None,
        )

    @on(TextArea.Changed, "#draft-editor")
    def _keep_edit(self, message: TextArea.Changed) -> None:
        action = self.current
        if action is not None and self._editing:
            self.edited[action.id] = message.text_area.text


class SummaryScreen(ModalScreen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [HERE / "review.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,enter,q", "close", "Close", id="summary-close", tooltip="Back to the dashboard"
        ),
    ]

    def __init__(self, summary: Summary, now: datetime) -> None:
        super().__init__()
        self.summary = summary
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-box"):
            yield Label("Today's review", id="summary-title")
            yield Static("\n".join(self.summary.lines(self.now)), id="summary-text", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)


def todays_actions(workspace: Workspace) -> list[Action]:
    """Overdue and open actions, and those opening later today: most urgent first."""
    now = workspace.now
    found = [a for a in workspace.actions if urgency(a, now).for_today]
    return sorted(found, key=lambda a: pressing_first(a, now))


@dataclass(frozen=True, slots=True)
class ContextStyles:
    """What the parts of the context look like; a ContextView takes them from its component
    classes (the theme's), and without one the text is plain."""

    title: Style
    heading: Style
    muted: Style


PLAIN = ContextStyles(title=Style(), heading=Style(), muted=Style())


class ContextView(Static):
    """The context of the action under review, drawn again in a new theme's colours."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "review-context--title",
        "review-context--heading",
        "review-context--muted",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._shown_context: tuple[Interview, Action, datetime] | None = None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._restyle)

    def on_unmount(self) -> None:
        self.app.theme_changed_signal.unsubscribe(self)

    def show(self, interview: Interview, action: Action, now: datetime) -> None:
        self._shown_context = (interview, action, now)
        self._draw(self._shown_context)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        # Anything else shown replaces the context: a new theme must not bring it back.
        self._shown_context = None
        super().update(content, layout=layout)

    def _restyle(self, _theme: Theme) -> None:
        if self._shown_context is not None:
            self._draw(self._shown_context)

    def _draw(self, context: tuple[Interview, Action, datetime]) -> None:
        styles = ContextStyles(
            title=self.get_component_rich_style("review-context--title", partial=True),
            heading=self.get_component_rich_style("review-context--heading", partial=True),
            muted=self.get_component_rich_style("review-context--muted", partial=True),
        )
        super().update(render_context(*context, styles))


def render_context(
    interview: Interview, action: Action, now: datetime, styles: ContextStyles = PLAIN
) -> Text:
    text = Text()
    text.append(f"{interview.company}", style=styles.title)
    text.append(f" · {interview.role}\n\n")
    text.append("Why now\n", style=styles.heading)
    text.append(f"{action.reason}\n")
    text.append(
        f"Window: {moment(action.due_from)} to {moment(action.due_by)}\n", style=styles.muted
    )
    if interview.rounds:
        text.append("\nRounds\n", style=styles.heading)
        for held in interview.rounds:
            names = ", ".join(_contact_name(interview, c) for c in held.interviewers)
            text.append(f"{moment(held.starts)} · {held.kind}")
            text.append(f" · {names}\n" if names else "\n", style=styles.muted)
    notes = interview.notes
    if notes.discussed:
        text.append("\nDiscussed\n", style=styles.heading)
        text.append(f"{notes.discussed}\n")
    for title, items in (
        ("Recap points", notes.recap),
        ("Challenges", notes.challenges),
        ("Open questions", notes.open_questions),
    ):
        if items:
            text.append(f"\n{title}\n", style=styles.heading)
            for item in items:
                text.append(f"• {item}\n")
    if notes.company_news:
        text.append("\nCompany news\n", style=styles.heading)
        text.append(f"{notes.company_news}\n")
    open_promises = [p for p in interview.promises if p.done_at is None]
    if open_promises:
        text.append("\nOpen promises\n", style=styles.heading)
        for promise in open_promises:
            who = "You" if promise.by.value == "me" else "They"
            text.append(f"{who}: {promise.what} · by {day(promise.due.date())}\n")
    contacts = [e for e in interview.events if e.kind in (EventKind.SENT, EventKind.REPLY)][-4:]
    if contacts:
        text.append("\nLast contacts\n", style=styles.heading)
        for event in reversed(contacts):
            what = (
                f"you sent a {event.action.value.replace('_', '-')}"
                if event.kind is EventKind.SENT and event.action
                else f"reply from {_contact_name(interview, event.contact) or interview.company}"
            )
            text.append(f"{day(event.at.date())} · {what}\n", style=styles.muted)
    return text


def _who(interview: Interview | None, action: Action) -> str:
    if interview is None or action.contact is None:
        return ""
    return f" → {_contact_name(interview, action.contact)}"


def _contact_name(interview: Interview, contact_id: str | None) -> str:
    contact = interview.contact(contact_id)
    return (contact.name or contact.id) if contact else (contact_id or "")

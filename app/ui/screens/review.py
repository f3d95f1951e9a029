"""The daily review: each overdue and due action in turn, the context on one side and the draft
on the other (who it goes to, its subject, its body); copy, open in the mail program, edit here
or in the user's editor, combine with the next action to the same person, send, snooze, skip,
next. Escape leaves with a summary of the session."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.theme import Theme
from textual.visual import VisualType
from textual.widgets import Label, Static, TextArea

from app.domain.copies import replace
from app.domain.records import ActionKind, EventKind, Interview
from app.drafts import Draft, DraftError
from app.drafts.combine import CombineError
from app.drafts.handoff import HandOffError, as_mailto
from app.engine import Action, Urgency, counts, pressing_first
from app.engine.describe import day, moment
from app.engine.urgency import urgency
from app.errors import UserError
from app.services.workspace import Change, Workspace
from app.ui.format import kind_label, kinds_said, not_together, question_line
from app.ui.screens.base import WorkspaceScreen
from app.ui.text_box import TextBox
from app.ui.widgets.draft_view import DraftHeader, body_of, no_message
from app.ui.widgets.footer import KeysFooter, OverFooter

HERE = Path(__file__).parent

# Every fixed key of SPEC section 10 is in the footer; J and K, more ways to scroll, are on ?.
REVIEW_BINDINGS: list[BindingType] = [
    Binding("c", "copy", "Copy", id="review-copy", tooltip="Copy the draft's body"),
    Binding(
        "C",
        "copy_subject",
        "Subject",
        id="review-copy-subject",
        tooltip="Copy the draft's subject",
    ),
    Binding("s", "sent", "Sent", id="review-sent", tooltip="Mark sent and go to the next"),
    Binding("z", "snooze", "Snooze", id="review-snooze", tooltip="Snooze and go to the next"),
    Binding("x", "skip", "Skip", id="review-skip", tooltip="Skip and go to the next"),
    Binding("e", "edit", "Edit", id="review-edit", tooltip="Edit the draft here"),
    Binding(
        "E",
        "edit_in_editor",
        "Editor",
        id="review-edit-in-editor",
        tooltip="Edit the draft in your editor ($VISUAL, else $EDITOR)",
    ),
    Binding(
        "o",
        "open_mail",
        "Mail",
        id="review-open-mail",
        tooltip="Open the draft in your mail program",
    ),
    Binding(
        "m",
        "combine",
        "Combine",
        id="review-combine",
        tooltip="One message with the next action to the same person (again: separate them)",
    ),
    Binding(
        "J",
        "scroll_draft(1)",
        "Draft down",
        id="review-draft-down",
        tooltip="Scroll the draft down (arrows and page keys scroll it too)",
        show=False,
    ),
    Binding(
        "K",
        "scroll_draft(-1)",
        "Draft up",
        id="review-draft-up",
        tooltip="Scroll the draft up",
        show=False,
    ),
    Binding(
        "W",
        "write_draft",
        "To file",
        id="review-write-draft",
        tooltip="Write the draft to a file, where no clipboard works",
        show=False,
    ),
    Binding("n", "step(1)", "Next", id="review-next", tooltip="The next action"),
    Binding("p", "step(-1)", "Prev", id="review-previous", tooltip="The previous action"),
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
    # Marked done without a message: a prepare, a move-on.
    finished: int = 0
    done: dict[str, str] = field(default_factory=dict)  # action id -> what was done


# How the tally's counts read when said of one action: "Already sent".
_SAID = {"sent": "sent", "snoozed": "snoozed", "skipped": "skipped", "finished": "done"}


@dataclass(frozen=True, slots=True)
class Summary:
    sent: int
    snoozed: int
    skipped: int
    still_due: int
    next_opens: datetime | None
    finished: int = 0

    def lines(self, now: datetime) -> list[str]:
        finished = f" · done {self.finished}" if self.finished else ""
        lines = [
            f"Sent {self.sent}{finished} · snoozed {self.snoozed} · skipped {self.skipped}",
            f"Still due: {self.still_due}",
        ]
        if self.next_opens is not None:
            # "Sun 13 Dec at 14:00" says the day once ("opens Sun (Sun 13 Dec …)" said it twice).
            lines.append(f"The next action opens {moment(self.next_opens)}.")
        else:
            lines.append("Nothing else is coming up.")
        return lines


class ReviewScreen(WorkspaceScreen):
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        HERE / "review.tcss",
        HERE.parent / "widgets" / "widgets.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.items: list[Action] = todays_actions(workspace)
        self.index = 0
        self.tally = Tally()
        self.passed: dict[str, str] = {}
        """Actions of the list that a change made since took off today's list (a move-on that
        closed the process, a check-in the spacing now puts later), and why: passed over."""
        self.edited: dict[str, str] = {}
        # Edits of a message that m made into another (combined, or parted again), by the ids
        # of the message edited: back when it is that message again.
        self._aside: dict[tuple[str, ...], str] = {}
        self._editing_from = ""
        """The body of a draft as the user edited it (here or in their editor), by action id:
        what is shown, copied, handed to the mail program and recorded as sent."""
        self.combined: dict[str, Action] = {}
        """The other action a draft does as well (one message to one person), by action id."""
        self._undo_marks: list[tuple[str, ...]] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="progress", markup=False)
        with Horizontal(id="review-body"):
            with VerticalScroll(id="context"):
                yield ContextView(id="context-text")
            with Vertical(id="draft-box"):
                yield DraftHeader(id="draft-header")
                with VerticalScroll(id="draft-scroll"):
                    yield Static("", id="draft-text", markup=False)
                yield TextBox("", id="draft-editor", soft_wrap=True, tab_behavior="focus")
                yield Label("", id="draft-notes", markup=False)
        # As on the dashboard: compact, so that every key in it fits at 80 columns.
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#draft-editor", TextArea).display = False
        self.show_current()
        # The draft is what is read here: the arrows and page keys scroll it (tab: the context).
        self.query_one("#draft-scroll", VerticalScroll).focus()

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
        done = self.tally.done.get(action.id) or self.passed.get(action.id)
        who = _who(interview, action)
        other = self.combined.get(action.id)
        kinds = kinds_said(action, other)
        progress.update(
            f"{self.index + 1} of {len(self.items)} · {kinds}{who} · "
            f"{action.company}" + (f" · {done}" if done else "")
        )
        progress.set_class(done is not None, "-done")
        context = self.query_one("#context-text", ContextView)
        if interview:
            context.show(interview, action, self.workspace.now)
        else:
            context.update("")
        draft, body, notes = self._draft(action)
        self.query_one("#draft-header", DraftHeader).show(draft)
        self.query_one("#draft-text", Static).update(body)
        self.query_one("#draft-notes", Label).update(notes)
        self.query_one("#draft-scroll", VerticalScroll).scroll_home(animate=False)

    def _show_empty(self) -> None:
        summary = self.summary()
        self.query_one("#progress", Label).update("Nothing is due today.")
        lines = [
            "Nothing is overdue or due today: well done.",
            "",
            *summary.lines(self.workspace.now)[2:],
        ]
        self.query_one("#context-text", Static).update("\n".join(lines))
        self.query_one("#draft-header", DraftHeader).show(None)
        self.query_one("#draft-text", Static).update("")
        self.query_one("#draft-notes", Label).update("")

    def _draft(self, action: Action) -> tuple[Draft | None, str, str]:
        """The draft of ``action`` (None where there is no message), the body shown (as edited,
        if it was) and the notes under it."""
        if not action.contacting:
            return None, no_message(action), ""
        other = self.combined.get(action.id)
        try:
            draft = self.workspace.draft(action, *([other] if other else []))
        except (DraftError, CombineError) as problem:
            return None, str(problem), ""
        edited = self.edited.get(action.id)
        body = body_of(draft) if edited is None else edited
        notes = ["Edited."] if edited is not None else []
        instead = self.workspace.in_place_of(action) if other is None else None
        if instead is not None and not self._over(instead.id):
            # Two messages to one person, one of which does the other's job: said here, where
            # the first of them is read, not only when m is pressed.
            interview = self.workspace.interview(action.interview)
            who = _contact_name(interview, action.contact) if interview else action.company
            notes.append(
                f"The open update on your timeline asks {who} this too: send it instead, and "
                "skip this one (x)."
                if action.kind is ActionKind.CHECK_IN
                else not_together(action, instead, who)
            )
        unfilled = draft.unfilled(f"{draft.subject or ''}\n{body}")
        if unfilled:
            notes.append("Still to fill: " + ", ".join(unfilled))
        notes.extend(draft.warnings)
        return draft, body, "\n".join(notes)

    def draft_text(self, action: Action) -> str:
        """The body shown for ``action``: as edited, if it was; without the subject line."""
        return self._draft(action)[1]

    # ----------------------------------------------------------------------- keys

    def action_step(self, step: int) -> None:
        if self._editing:
            return
        if 0 <= self.index + step < len(self.items):
            self.index += step
            self.show_current()

    def action_scroll_draft(self, direction: int) -> None:
        scroll = self.query_one("#draft-scroll", VerticalScroll)
        if direction > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)

    def action_edit(self) -> None:
        action = self.current
        if action is None or not action.contacting:
            return
        editor = self.query_one("#draft-editor", TextArea)
        # What the editor starts from: left as it was, it is no edit.
        self._editing_from = self.draft_text(action)
        editor.text = self._editing_from
        self.query_one("#draft-scroll", VerticalScroll).display = False
        editor.display = True
        editor.focus()

    @property
    def _editing(self) -> bool:
        return bool(self.query_one("#draft-editor", TextArea).display)

    def _finish_editing(self) -> None:
        editor = self.query_one("#draft-editor", TextArea)
        action = self.current
        if action is not None and editor.text != self._editing_from:
            self.edited[action.id] = editor.text
        editor.display = False
        scroll = self.query_one("#draft-scroll", VerticalScroll)
        scroll.display = True
        self.show_current()
        scroll.focus()

    def action_leave(self) -> None:
        if self._editing:
            self._finish_editing()
            return
        unsent = [i for i in self.edited if i not in self.tally.done] + list(self._aside)
        if not unsent:
            self._leave()
            return
        from app.ui.forms.confirm import ConfirmDialog

        count = len(unsent)
        drafts, them = ("a draft", "it") if count == 1 else (f"{count} drafts", "them")
        question = f"You edited {drafts} and did not send {them}. Leave, and lose the edits?"

        def answered(leave: bool | None) -> None:
            if leave:
                self._leave()

        self.app.push_screen(ConfirmDialog(question, yes="Leave", no="Stay"), answered)

    def _leave(self) -> None:
        self.app.push_screen(
            SummaryScreen(self.summary(), self.workspace.now), lambda _: self.dismiss(None)
        )

    def action_help(self) -> None:
        from app.ui.screens.help import HelpScreen

        # The review's own keys only: the dashboard's moves (cards, panes) are not here.
        self.app.push_screen(HelpScreen(self.BINDINGS, "Daily review", navigation=()))

    def _message(self) -> tuple[Action, Draft, str] | None:
        """The current action, its draft and the body shown, for copying or handing over; None,
        having said why, where there is no message."""
        action = self.current
        if action is None:
            return None
        if not action.contacting:
            self.notify("This action sends no message.", severity="warning")
            return None
        if action.id in self.passed:
            # No longer open, or now for later: copied, it would be sent all the same.
            self._said_over(action.id)
            return None
        if self._editing:
            self._finish_editing()
        draft, body, _ = self._draft(action)
        if draft is None:
            self.notify(body, severity="error")
            return None
        return action, draft, body

    def action_copy(self) -> None:
        message = self._message()
        if message is None:
            return
        action, draft, body = message
        ids = self._ids(action)
        self.unless_unfilled(
            draft.unfilled(body), "Copy", lambda: self.copy(body, draft.attach_reminder, ids)
        )

    def action_write_draft(self) -> None:
        message = self._message()
        if message is None:
            return
        action, draft, body = message
        ids, text = self._ids(action), replace(draft, body=body).text
        self.unless_unfilled(
            draft.unfilled(body), "Write", lambda: self.write_draft_file(ids, text, body)
        )

    def _ids(self, action: Action) -> tuple[str, ...]:
        """The actions the draft shown does: ``action``, and the one combined with it."""
        other = self.combined.get(action.id)
        return (action.id,) if other is None else (action.id, other.id)

    def action_copy_subject(self) -> None:
        message = self._message()
        if message is None:
            return
        _, draft, _ = message
        subject = draft.subject
        if subject is None:
            self.notify(
                f"This draft is for {draft.channel.value}: it has no subject.", severity="warning"
            )
            return
        self.unless_unfilled(
            draft.unfilled(subject), "Copy", lambda: self.copy(subject, what="the subject")
        )

    def action_open_mail(self) -> None:
        message = self._message()
        if message is None:
            return
        action, draft, body = message
        try:
            url = as_mailto(draft, body=body)
        except HandOffError as problem:
            self.notify(f"Not for a mail program: {problem}.", severity="error")
            return
        ids = self._ids(action)
        self.unless_unfilled(
            draft.unfilled(body),
            "Open",
            lambda: self.open_in_mail(url, draft.attach_reminder, ids, body),
        )

    def action_edit_in_editor(self) -> None:
        """The body in the user's editor ($VISUAL, else $EDITOR), the terminal handed over to it
        meanwhile; what it saves becomes the draft, unless it fails."""
        message = self._message()
        if message is None:
            return
        action, _, body = message
        command = os.environ.get("VISUAL", "").strip() or os.environ.get("EDITOR", "").strip()
        if not command:
            self.notify(
                "Neither $VISUAL nor $EDITOR is set: set one to edit in your editor, "
                "or press e to edit the draft here.",
                severity="warning",
            )
            return
        try:
            argv = shlex.split(command)
        except ValueError as problem:
            self.notify(f"Cannot read the editor command {command!r}: {problem}.", severity="error")
            return
        name = Path(argv[0]).name if argv else command
        edited = self._run_editor(argv, name, body)
        if edited is None:
            return
        if edited == body:
            self.notify(f"{name} left the draft as it was.", timeout=3)
            return
        if not edited.strip():
            self.notify(f"{name} left the draft empty: kept it as it was.", severity="warning")
            return
        self.edited[action.id] = edited
        self.show_current()
        self.notify(f"Edited in {name}.", timeout=3)

    def _run_editor(self, argv: list[str], name: str, text: str) -> str | None:
        """``text`` as edited with ``argv`` in a temporary file; None, having said why, when the
        editor could not run or did not finish well."""
        path: Path | None = None
        try:
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", prefix="followup-draft-", suffix=".txt", delete=False
            ) as handle:
                handle.write(text)
                path = Path(handle.name)
            failed: OSError | None = None
            status = 0
            try:
                with self.app.suspend():
                    # Caught inside: an error escaping here would leave the terminal handed over.
                    try:
                        status = subprocess.call([*argv, str(path)])
                    except OSError as problem:
                        failed = problem
            except SuspendNotSupported:
                self.notify(
                    "This terminal cannot hand over to another program: press e to edit the "
                    "draft here.",
                    severity="error",
                )
                return None
            if failed is not None:
                self.notify(
                    f"Could not start {name} ({failed.strerror or failed}): "
                    "kept the draft as it was.",
                    severity="error",
                )
                return None
            if status != 0:
                self.notify(
                    f"{name} exited with status {status}: kept the draft as it was.",
                    severity="error",
                )
                return None
            edited = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as problem:
            self.notify(f"Could not edit the draft in {name}: {problem}.", severity="error")
            return None
        finally:
            if path is not None:
                path.unlink(missing_ok=True)
        # Most editors end the file with a line break the draft did not have.
        return edited if text.endswith("\n") else edited.removesuffix("\n")

    def action_combine(self) -> None:
        action = self.current
        if action is None or self._said_over(action.id):
            return
        if self._editing:
            self._finish_editing()
        interview = self.workspace.interview(action.interview)
        name = _contact_name(interview, action.contact) if interview else action.company
        if action.id in self.combined:
            parted = self.combined.pop(action.id)
            said = self._swap_edits(action.id, (action.id, parted.id), (action.id,))
            self.notify(f"Two messages again: the {kind_label(parted)} goes on its own.{said}")
            self.show_current()
            return
        if not action.contacting:
            self.notify("This action sends no message: nothing to combine.", severity="warning")
            return
        leads = {o.id: lead for lead, o in self.combined.items()}
        lead = next((a for a in self.items if a.id == leads.get(action.id)), None)
        if lead is not None:
            self.notify(
                f"This one is already in one message with the {kind_label(lead)}: "
                "press m there to separate them."
            )
            return
        other = self.workspace.combinable(action)
        taken = {*self.combined, *(o.id for o in self.combined.values()), *self.tally.done}
        taken |= self.passed.keys()
        instead = self.workspace.in_place_of(action) if other is None else None
        if instead is not None and instead.id not in taken:
            self.notify(not_together(action, instead, name), timeout=8)
            return
        if other is None or other.id in taken:
            self.notify(f"Nothing else is open for {name}.")
            return
        try:
            self.workspace.draft(action, other)
        except (DraftError, CombineError) as problem:
            self.notify(f"Cannot make these one message: {problem}.", severity="error")
            return
        self.combined[action.id] = other
        said = self._swap_edits(action.id, (action.id,), (action.id, other.id))
        self.notify(
            f"One message to {name}: {kinds_said(action, other, the=True)}; "
            f"s marks both sent.{said}"
        )
        self.show_current()

    def _swap_edits(self, action_id: str, was: tuple[str, ...], now: tuple[str, ...]) -> str:
        """Keep the edit of the message as it was (``was``: the ids it did) until it is that
        message again, and bring back the edit of the one it is ``now``; what to say of it."""
        said = ""
        kept = self.edited.pop(action_id, None)
        if kept is not None:
            self._aside[was] = kept
            said = " Your edit is kept: m again brings it back."
        back = self._aside.pop(now, None)
        if back is not None:
            self.edited[action_id] = back
            said = " Your edit of this message is back."
        return said

    def action_sent(self) -> None:
        action = self.current
        if action is None or self._said_over(action.id):
            return
        if self._editing:
            self._finish_editing()
        # What was taken (copied, handed to the mail program, written to a file); else the
        # draft as edited here (SPEC section 5); else nothing, the user having written their own.
        taken = self.handed_out.pop(self._ids(action), None)
        text = self.edited.get(action.id, "") if taken is None else taken
        other = self.combined.get(action.id)
        if other is not None:
            ids = [action.id, other.id]
            self._record(
                action,
                "sent",
                lambda: self.workspace.mark_sent_together(ids, text=text),
                also=(other.id,),
            )
            return
        if action.kind is ActionKind.MOVE_ON:
            from app.ui.forms.confirm import moving_on

            self.app.push_screen(
                moving_on(action.company),
                lambda warm: (
                    None
                    if warm is None
                    else self._record(
                        action,
                        "finished",
                        lambda: self.workspace.mark_sent(action.id, keep_warm=warm),
                    )
                ),
            )
            return
        what = "sent" if action.contacting else "finished"
        self._record(action, what, lambda: self.workspace.mark_sent(action.id, text=text))

    def action_snooze(self) -> None:
        from app.ui.forms import SnoozeForm, SnoozeInput

        action = self.current
        if action is None or self._said_over(action.id):
            return
        interview = self.workspace.interview(action.interview)
        zone = interview.timezone if interview else "UTC"
        form = SnoozeForm(
            now=self.workspace.clock(), zone=zone, deadline=self.workspace.deadline(action)
        )

        def snoozed(answer: SnoozeInput | None) -> None:
            if answer is None:
                return
            self._record(
                action,
                "snoozed",
                lambda: self.workspace.snooze(action.id, answer.until, at=answer.at),
            )
            late = form.late_note(answer.until)
            if late is not None:
                self.notify(late, severity="warning", timeout=6)

        self.app.push_screen(form, snoozed)

    def action_skip(self) -> None:
        action = self.current
        if action is None or self._said_over(action.id):
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
            marked = self._undo_marks.pop()
            for action_id in marked:
                what = self.tally.done.pop(action_id, None)
                if what:
                    setattr(self.tally, what, getattr(self.tally, what) - 1)
            self.index = next(
                (n for n, a in enumerate(self.items) if a.id == marked[0]), self.index
            )
        if change is not None:
            self.notify(change.label, timeout=3)
        self._follow_the_workspace()
        self.save()
        self.show_current()

    # ----------------------------------------------------------------------- doing

    def _record(
        self, action: Action, what: str, make: Callable[[], Change], also: tuple[str, ...] = ()
    ) -> None:
        """Make the change; ``action`` and the actions ``also`` done by it count as ``what`` in
        the tally, and are passed over from now on."""
        try:
            change = make()
        except UserError as problem:
            self.notify(str(problem), severity="error")
            return
        marked = (action.id, *also)
        for action_id in marked:
            self.tally.done[action_id] = what
            setattr(self.tally, what, getattr(self.tally, what) + 1)
        self._undo_marks.append(marked)
        self.notify(change.label, timeout=2)
        self._follow_the_workspace()
        self.save()
        self._advance()

    def _over(self, action_id: str) -> bool:
        return action_id in self.tally.done or action_id in self.passed

    def _said_over(self, action_id: str) -> bool:
        """Whether the action is dealt with; if so, says how (a key that does nothing and says
        nothing reads as a key that did not work)."""
        done = self.tally.done.get(action_id)
        if done is not None:
            self.notify(f"Already {_SAID[done]}: u undoes it.", timeout=3)
        elif action_id in self.passed:
            self.notify(f"Passed over: {self.passed[action_id]}.", timeout=3)
        return self._over(action_id)

    def _follow_the_workspace(self) -> None:
        """After a change, each action still to do as the workspace now has it: the draft and
        times it has now, or passed over where it is no longer for today."""
        now = self.workspace.now
        self.passed.clear()
        for index, item in enumerate(self.items):
            if item.id in self.tally.done:
                continue
            fresh = self.workspace.action(item.id)
            if fresh is None:
                self.passed[item.id] = "no longer open"
            elif not urgency(fresh, now).for_today:
                self.passed[item.id] = "later now: one message at a time"
            else:
                self.items[index] = fresh

    def _advance(self) -> None:
        for offset in range(1, len(self.items) + 1):
            index = (self.index + offset) % len(self.items)
            if not self._over(self.items[index].id):
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
            self.tally.finished,
        )

    @on(TextArea.Changed, "#draft-editor")
    def _keep_edit(self, message: TextArea.Changed) -> None:
        action = self.current
        if action is not None and self._editing and message.text_area.text != self._editing_from:
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
        yield OverFooter()

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
        ("Open questions", [question_line(interview, q) for q in notes.open_questions]),
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
    # A prepare or a move-on marked done reached nobody: it is no contact.
    contacts = [
        e
        for e in interview.events
        if e.kind is EventKind.REPLY or (e.kind is EventKind.SENT and e.action in _SENT_AS)
    ][-4:]
    if contacts:
        text.append("\nLast contacts\n", style=styles.heading)
        for event in reversed(contacts):
            what = (
                f"you sent {_SENT_AS[event.action]}"
                if event.kind is EventKind.SENT and event.action
                else f"reply from {_contact_name(interview, event.contact) or interview.company}"
            )
            text.append(f"{day(event.at.date())} · {what}\n", style=styles.muted)
    return text


# What each message that reaches them was, as the list of last contacts says it.
_SENT_AS = {
    ActionKind.THANK_YOU: "a thank-you",
    ActionKind.KEEP_PROMISE: "what you promised",
    ActionKind.CHECK_IN: "a check-in",
    ActionKind.VALUE_ADD: "a value-add note",
    ActionKind.NURTURE: "a keep-warm note",
    ActionKind.CONNECT: "a connection request",
    ActionKind.UPDATE_OTHERS: "an update on your offer",
}


def _who(interview: Interview | None, action: Action) -> str:
    if interview is None or action.contact is None:
        return ""
    return f" → {_contact_name(interview, action.contact)}"


def _contact_name(interview: Interview, contact_id: str | None) -> str:
    contact = interview.contact(contact_id)
    return (contact.name or contact.id) if contact else (contact_id or "")

"""The dashboard: the board across the top, the selected interview's detail and the due actions
below. The one screen that talks to the workspace; its widgets only show what it gives them and
tell it what the user did."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar, Protocol, TypeVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from app.domain import removal
from app.domain.copies import replace
from app.domain.interchange import Pipeline
from app.domain.records import (
    STAGES,
    Contact,
    Interview,
    Notes,
    OpenQuestion,
    Preferences,
    Profile,
    Promise,
    Round,
    Stage,
)
from app.engine import Action, Urgency, counts
from app.engine.action import CONTACTING
from app.engine.urgency import COMING_UP, Rank, levels, most_pressing, ranks, urgency
from app.errors import UserError
from app.services.operations import closed_from
from app.services.workspace import Change, Workspace, WorkspaceError
from app.ui.bindings import DASHBOARD, FOOTER_HINTS
from app.ui.detached import detached
from app.ui.format import badge, headline, kind_label, kinds_said, not_together, tone
from app.ui.format import shown as shown_text
from app.ui.keys_in_order import TextInput
from app.ui.release import release_closed
from app.ui.screens.base import WorkspaceScreen
from app.ui.widgets.board import Board, Card
from app.ui.widgets.detail import DetailPane
from app.ui.widgets.draft_view import DraftPreview, no_message
from app.ui.widgets.due import DuePanel, DueRow
from app.ui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from app.drafts import Draft
    from app.services.inbox import Scanned
    from app.ui.forms import EditPart

UPCOMING_DAYS = 14


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


P = TypeVar("P", bound=_Identified)
HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class BoardView:
    """What the dashboard shows of the workspace at one moment (``DashboardScreen.view``)."""

    cards: dict[Stage, list[Card]]
    rows: list[DueRow]
    tally: Counter[Urgency]
    """How many actions of each urgency."""
    filter_text: str
    """The filter the cards were chosen by."""
    nexts: Mapping[str, Action]
    """Each interview's most pressing action (its card's), by interview id."""
    pipeline: Pipeline
    now: datetime
    """The workspace's records and clock it was worked out from."""


class DashboardScreen(WorkspaceScreen):
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        HERE / "dashboard.tcss",
        HERE.parent / "widgets" / "widgets.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        *DASHBOARD,
        Binding(
            "ctrl+s",
            "save",
            "Save",
            show=False,
            id="save",
            tooltip="Save changes that could not be saved",
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            show=False,
            id="clear-filter",
            tooltip="Show every card again",
        ),
    ]

    # The board, not the first focusable widget (the filter): focus moved twice at the start
    # would draw the footer's keys twice.
    AUTO_FOCUS = "#board"

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.filter_text = ""
        self.selected_interview: str | None = None
        # Two actions to one person that the next c, C, o or s treat as one message (m).
        self.combined: tuple[str, str] | None = None
        self._previewed: tuple[object, tuple[object, ...]] | None = None
        self._shown_view: BoardView | None = None
        # What the mail proposes and the user has not yet accepted or dismissed (the inbox).
        self.mail_news = 0
        self._mail_checked = False
        # How many interviews the file being read holds (0: not known, or read).
        self._reading_total = 0

    def compose(self) -> ComposeResult:
        yield TextInput(placeholder="Filter by company, role or contact", id="filter")
        yield Board(id="board")
        with Horizontal(id="lower"):
            yield DetailPane(id="detail")
            with Vertical(id="due-box"):
                yield Label("Due", id="due-title")
                yield DuePanel(id="due")
                yield DraftPreview(id="preview")
        yield Label("", id="status", markup=False)
        # Without the palette's own entry, which is on the help screen: the fixed keys first.
        yield KeysFooter(FOOTER_HINTS)

    def on_mount(self) -> None:
        self.query_one(Board).focus()
        self.show_all()
        if not getattr(self.app, "loaded", True):
            self.show_loading()

    def to_top(self) -> None:
        """The board back at the top of each column, nothing selected in it yet."""
        self.selected_interview = None
        self.query_one(Board).to_top()

    def show_loading(self, total: int = 0) -> None:
        """Say that the database is being read; ``total``: how many interviews it holds, of
        which the board shows those read first."""
        self._reading_total = total
        line = f"Reading {self.workspace.location} …"
        if total:
            shown = len(self.workspace.interviews)
            line += f" {shown:,} of {total:,} interviews shown so far"
        self.query_one("#status", Label).update(line)

    # ----------------------------------------------------------------------- data down

    def show_all(self, *, keep_action: str | None = None) -> None:
        self.show_view(self.view(), keep_action=keep_action)

    def view(self) -> BoardView:
        """What the board, the due panel and the status line show of the workspace: worked
        out from it alone, so that a worker may do it while the workspace does not change (a
        large file's, once read, while the screen goes on taking keys)."""
        workspace = self.workspace
        # One reading of each: a large file's worker may replace them meanwhile.
        pipeline, actions, now = workspace.pipeline, list(workspace.actions), workspace.now
        filter_text = self.filter_text
        visible = [i for i in pipeline.interviews if self._matches(i, filter_text)]
        cards: dict[Stage, list[Card]] = {stage: [] for stage in STAGES}
        # Each action's urgency and rank once, for its card, its row and the counts.
        found = levels(actions, now)
        rank = ranks(actions, found)
        nexts = most_pressing(actions, rank)

        def card_order(interview: Interview) -> tuple[Rank, str, str]:
            action = nexts.get(interview.id)
            return (
                rank[action.id] if action else NOTHING_DUE,
                interview.company.lower(),
                interview.id,
            )

        for interview in sorted(visible, key=card_order):
            action = nexts.get(interview.id)
            level = found[action.id] if action else None
            cards[interview.stage].append(
                Card(
                    interview.id,
                    interview.company,
                    interview.role,
                    badge(action, now, level) if action else _quiet(interview),
                    tone(action, now, level),
                )
            )
        shown = {i.id for i in visible}
        rows = _due_rows(pipeline, actions, shown=shown, found=found, rank=rank, now=now)
        if filter_text and not any(row.action_id for row in rows):
            # The counts below are of every interview: say what hides the rest.
            rows = [DueRow(f"No match for “{shown_text(filter_text)}”: esc clears it.")]
        return BoardView(cards, rows, Counter(found.values()), filter_text, nexts, pipeline, now)

    def show_view(self, view: BoardView, *, keep_action: str | None = None) -> None:
        """Show ``view``; one worked out under another filter than now is worked out again."""
        if view.filter_text != self.filter_text:
            view = self.view()
        self._shown_view = view
        board = self.query_one(Board)
        board.show(view.cards, keep=self.selected_interview)
        self.selected_interview = board.selected
        rows = view.rows
        if not getattr(self.app, "loaded", True):
            rows = _read_so_far(rows)
        self.query_one(DuePanel).show(rows, keep=keep_action)
        self._show_detail()
        self._show_status(tally=view.tally)
        if not self._mail_checked and getattr(self.app, "loaded", True):
            # Once, when the file has been read: what the mail says is checked against it.
            self._mail_checked = True
            self.check_mail()

    def _headline(self, action: Action, level: Urgency) -> str:
        """What the due panel and a dialog's title call ``action`` now."""
        return _row_headline(action, level, self.workspace.now, self.workspace.pipeline)

    def _show_detail(self) -> None:
        """The selected card's interview; while the due panel is used, the highlighted
        action's interview, at that action, and its draft beside it."""
        action = self._due_action()
        interview_id = action.interview if action else self.selected_interview
        interview = self.workspace.interview(interview_id) if interview_id else None
        actions = self.workspace.actions_of(interview_id) if interview_id else []
        self.query_one(DetailPane).show(
            interview, actions, self.workspace.now, focus=action.id if action else None
        )
        self._show_preview()

    def _due_action(self) -> Action | None:
        """The due panel's highlighted action while the user is in the panel or its preview."""
        box = self.query_one("#due-box")
        if not box.has_focus_within:
            return None
        selected = self.query_one(DuePanel).selected
        return self.workspace.action(selected) if selected else None

    def _show_preview(self) -> None:
        """The draft of the action the keys act on (``target_action``): what `c` copies is
        what is on screen, from the board as from the due panel."""
        action = self.target_action()
        # Drafted again only when something it depends on changed: a move between two cards
        # whose next action is the same leaves it as it was.
        # The records by identity: each change makes new ones, and comparing them by value
        # would walk every interview.
        pipeline = self.workspace.pipeline
        shown = (action.id if action else None, self.combined, self.workspace.now)
        previous = self._previewed
        if previous is not None and previous[0] is pipeline and previous[1] == shown:
            return
        self._previewed = (pipeline, shown)
        preview = self.query_one("#preview", DraftPreview)
        if action is None:
            preview.show(None, body="")
            return
        draft, body = self._draft_or_why(action)
        preview.show(draft, body=body)

    def _draft_or_why(self, action: Action) -> tuple[Draft | None, str]:
        """The draft the keys would act on, or the line that stands for it."""
        from app.drafts import DraftError

        if not action.contacting:
            return None, no_message(action)
        other = self._combined_with(action)
        try:
            return self.workspace.draft(action, *([other] if other else [])), ""
        except (DraftError, ValueError) as problem:
            return None, str(problem)

    def _show_status(
        self, message: str = "", *, tally: Mapping[Urgency, int] | None = None
    ) -> None:
        if not getattr(self.app, "loaded", True):
            # The counts of a part would read as those of the whole.
            self.show_loading(self._reading_total)
            return
        status = self.query_one("#status", Label)
        unsaved = self.workspace.unsaved and self.workspace.pending
        status.set_class(bool(unsaved), "-unsaved")
        if unsaved:
            # The way out first: a long path in the reason must not push it off the line.
            status.update(f"Not saved (ctrl+s tries again): {message or 'saving…'}")
        else:
            if tally is None:
                tally = counts(self.workspace.actions, self.workspace.now)
            count = len(self.workspace.interviews)
            overdue = tally[Urgency.OVERDUE]
            # Overdue actions are open too: "2 overdue · 0 open now" read as a contradiction.
            more = " more" if overdue else ""
            summary = (
                f"{count} interview{'' if count == 1 else 's'} · "
                f"{overdue} overdue · {tally[Urgency.OPEN_NOW]}{more} open now"
            )
            if self.mail_news:
                summary += f" · {self.mail_news} new from your mail (i)"
            if self.filter_text:
                summary += f" · filter: {self.filter_text}"
            status.update(message or summary)

    def _matches(self, interview: Interview, filter_text: str | None = None) -> bool:
        """Whether the filter (``filter_text``, the one typed by default) shows ``interview``."""
        text = self.filter_text if filter_text is None else filter_text
        if not text:
            return True
        needle = _folded(text)
        haystack = [interview.company, interview.role, *(c.name for c in interview.contacts)]
        return any(needle in _folded(text) for text in haystack)

    # ----------------------------------------------------------------------- messages up

    @on(Board.Highlighted)
    def _card_highlighted(self, message: Board.Highlighted) -> None:
        self.selected_interview = message.interview_id
        # While the due panel is used the board only follows it, and the detail pane shows
        # that panel's action already.
        if self._due_action() is None:
            self._show_detail()

    @on(DuePanel.Highlighted)
    def _due_highlighted(self, message: DuePanel.Highlighted) -> None:
        self._follow_due()

    def _follow_due(self) -> None:
        """While the due panel is used, every pane shows the highlighted action's interview:
        the board's cursor goes to its card (when the filter shows it), the detail pane to it."""
        action = self._due_action()
        if action is not None and action.interview != self.selected_interview:
            self.query_one(Board).select(action.interview)
        self._show_detail()

    @on(DuePanel.Opened)
    def _due_opened(self, message: DuePanel.Opened) -> None:
        from app.ui.screens.draft import DraftScreen

        action = self.workspace.action(message.action_id)
        if action is None:
            return
        draft, body = self._draft_or_why(action)
        title = self._headline(action, urgency(action, self.workspace.now))

        async def chosen(verb: str | None) -> None:
            if verb:
                self.query_one(DuePanel).focus()
                await self.run_action(verb)

        self.app.push_screen(DraftScreen(title, draft, body=body), chosen)

    def on_screen_resume(self) -> None:
        # A screen over this one has closed: Textual still holds some of its widgets.
        release_closed(self.app)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        in_due = self.query_one("#due-box").has_focus_within
        # Working through the due list, the lower panes get the room.
        self.set_class(in_due, "-due")
        self._follow_due()

    @on(Board.Opened)
    def _card_opened(self, message: Board.Opened) -> None:
        self.selected_interview = message.interview_id
        self._show_detail()
        self.query_one(DetailPane).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, message: Input.Changed) -> None:
        self.filter_text = message.value.strip()
        self.show_all()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(Board).focus()

    # ----------------------------------------------------------------------- keys

    def target_action(self) -> Action | None:
        """The action a key applies to: the one highlighted in the due panel when it has the
        focus, else the selected card's most pressing one."""
        action = self._due_action()
        if action is not None:
            return action
        if not self.selected_interview:
            return None
        shown, now = self._shown_view, self.workspace.now
        # The records by identity: comparing them by value would walk every interview.
        if shown is not None and shown.pipeline is self.workspace.pipeline and shown.now == now:
            # As the card shows it: worked out with the board, each action ranked once.
            return shown.nexts.get(self.selected_interview)
        return self.workspace.next_action(self.selected_interview)

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.add_class("-shown")
        field.focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.value = ""
        field.remove_class("-shown")
        self.filter_text = ""
        self.show_all()
        self.query_one(Board).focus()

    def action_help(self) -> None:
        from app.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.BINDINGS))

    def action_add(self) -> None:
        from app.ui.forms import InterviewForm

        if self._still_reading():
            return
        form = InterviewForm(
            None,
            now=self.workspace.now,
            default_zone=self._default_zone(),
            existing_ids=frozenset(i.id for i in self.workspace.interviews),
            me=frozenset((self.workspace.profile.name, self.workspace.profile.email)),
            others=self.workspace.interviews,
        )
        self.app.push_screen(form, self._save_interview)

    def action_profile(self) -> None:
        from app.ui.forms import ProfileForm

        if self._still_reading():
            return  # the profile on file is not read yet: a form opened now would start blank

        def saved(profile: Profile | None) -> None:
            if profile is not None:
                self.notify(self.workspace.save_profile(profile), timeout=3)
                self._show_status()
                self.save()

        self.app.push_screen(ProfileForm(self.workspace.profile), saved)

    def action_edit(self) -> None:
        from app.ui.forms import EditMenu

        if self._still_reading():
            return
        interview = self._selected()
        if interview is None:
            self._say_none_selected()
            return
        self.app.push_screen(EditMenu(interview), lambda part: self._edit_part(interview, part))

    def action_sent(self) -> None:
        if self._still_reading():
            return
        action = self.target_action()
        if action is None:
            self.notify("Nothing to mark sent here.", severity="warning")
            return
        if action.kind.value == "move_on":
            from app.ui.forms.confirm import moving_on

            def close(warm: bool | None) -> None:
                if warm is not None:
                    self._apply(
                        lambda: self.workspace.mark_sent(action.id, keep_warm=warm), done=True
                    )

            self.app.push_screen(moving_on(action.company), close)
            return
        from app.ui.forms import SentForm, SentInput

        other = self._combined_with(action)
        interview = self._selected(action)
        zone = interview.timezone if interview else self._default_zone()

        def record(answer: SentInput | None) -> None:
            if answer is None:
                return
            if other is not None:
                ids = [action.id, other.id]
                text = self.handed_out.pop((action.id, other.id), "")
                self.combined = None
                self._apply(
                    lambda: self.workspace.mark_sent_together(ids, text=text, at=answer.at),
                    done=True,
                )
                return
            text = self.handed_out.pop((action.id,), "")
            self._apply(
                lambda: self.workspace.mark_sent(action.id, text=text, at=answer.at), done=True
            )

        what = self._headline(action, urgency(action, self.workspace.now))
        if other is not None:
            what = f"{what}, with {kind_label(other)}"
        earliest = self.workspace.done_no_earlier_than(action)
        form = SentForm(
            now=self.workspace.clock(),
            zone=zone,
            what=what,
            earliest=earliest,
            message=action.kind in CONTACTING,
        )
        self.app.push_screen(form, record)

    def action_snooze(self) -> None:
        from app.ui.forms import SnoozeForm, SnoozeInput
        from app.when import describe_when

        if self._still_reading():
            return
        action = self.target_action()
        interview = self._selected(action)
        if action is None or interview is None:
            self.notify("Nothing to snooze here.", severity="warning")
            return

        def snooze(answer: SnoozeInput | None) -> None:
            if answer is not None:
                self._apply(
                    lambda: self.workspace.snooze(action.id, answer.until, at=answer.at), done=True
                )
                late = form.late_note(answer.until)
                if late is not None:
                    self.notify(late, severity="warning", timeout=6)
                snoozed = self.workspace.action(action.id)
                if snoozed is not None and snoozed.due_from > answer.until:
                    # Snoozed to before it opens: recorded, and nothing on screen changes.
                    opens = describe_when(snoozed.due_from, self.workspace.clock())
                    self.notify(f"It does not open until {opens} anyway.", timeout=6)

        what = self._headline(action, urgency(action, self.workspace.now))
        form = SnoozeForm(
            now=self.workspace.clock(),
            zone=interview.timezone,
            what=what,
            deadline=self.workspace.deadline(action),
        )
        self.app.push_screen(form, snooze)

    def action_skip(self) -> None:
        action = self.target_action()
        if action is None:
            self.notify("Nothing to skip here.", severity="warning")
            return
        self._apply(lambda: self.workspace.skip(action.id), done=True)

    def action_reply(self) -> None:
        from app.ui.forms import ReplyForm, ReplyInput

        if self._still_reading():
            return
        action = self.target_action()
        interview = self._selected(action)
        if interview is None:
            self._say_none_selected()
            return

        def record(answer: ReplyInput | None) -> None:
            if answer is not None:
                self._apply(
                    lambda: self.workspace.reply(
                        interview.id,
                        contact=answer.contact,
                        summary=answer.summary,
                        at=answer.at,
                        decide_by=answer.decide_by,
                    )
                )

        # Most often the answer comes from the person the follow-up went to.
        form = ReplyForm(
            contacts=interview.contacts,
            now=self.workspace.clock(),
            zone=interview.timezone,
            default_contact=action.contact if action else None,
            company=interview.company,
        )
        self.app.push_screen(form, record)

    def action_undo(self) -> None:
        if not self.workspace.can_undo:
            self.notify("Nothing to undo.")
            return
        self._apply(self._undone)

    def _undone(self) -> Change:
        change = self.workspace.undo()
        if change is None:
            raise UserError("nothing to undo")
        return change

    def action_move(self, step: int) -> None:
        interview = self._selected()
        if interview is None:
            self._say_none_selected()
            return
        index = STAGES.index(interview.stage) + step
        if not 0 <= index < len(STAGES):
            return
        stage = STAGES[index]
        if step < 0:
            # Reopened, it goes back to where it was closed from: a process moved on is not
            # an offer, which would set every other one's update to go out.
            stage = closed_from(interview) or stage
        if stage is Stage.CLOSED:
            from app.ui.forms import OutcomeForm, OutcomeInput

            def close(answer: OutcomeInput | None) -> None:
                if answer is not None:
                    self._apply(
                        lambda: self.workspace.move_stage(
                            interview.id, stage, outcome=answer.outcome, keep_warm=answer.keep_warm
                        )
                    )

            self.app.push_screen(OutcomeForm(keep_warm=interview.keep_warm), close)
            return
        self._apply(lambda: self.workspace.move_stage(interview.id, stage))
        moved = self.workspace.interview(interview.id)
        if moved is not None and moved.stage is Stage.OFFER and moved.offer_deadline is None:
            # The updates to the other employers are timed by it (SPEC 4): without it, none is
            # listed, and nothing would say why.
            self.notify(
                "When must you answer the offer? Add its deadline (e, Interview details): "
                "your other interviews are then told of it in time.",
                timeout=8,
            )

    def action_copy(self) -> None:
        draft, ids = self._target_draft(), self._target_ids()
        if draft is not None:
            # The body alone: the subject goes in its own field of the mail program (C).
            self.unless_unfilled(
                draft.placeholders,
                "Copy",
                lambda: self.copy(draft.body, draft.attach_reminder, ids),
            )

    def action_write_draft(self) -> None:
        draft, ids = self._target_draft(), self._target_ids()
        if draft is not None:
            self.unless_unfilled(
                draft.placeholders,
                "Write",
                lambda: self.write_draft_file(ids, draft.text, draft.body),
            )

    def _target_ids(self) -> tuple[str, ...]:
        """The actions the draft the keys act on does: the selected one, and the one it was
        combined with."""
        action = self.target_action()
        if action is None:
            return ()
        other = self._combined_with(action)
        return (action.id,) if other is None else (action.id, other.id)

    def action_copy_subject(self) -> None:
        draft = self._target_draft()
        if draft is None:
            return
        if not draft.subject:
            self.notify("This draft has no subject line.", severity="warning")
            return
        self.copy(draft.subject, what="the subject")

    def action_open_mail(self) -> None:
        from app.drafts.handoff import HandOffError, as_mailto

        draft = self._target_draft()
        if draft is None:
            return
        try:
            url = as_mailto(draft)
        except HandOffError as problem:
            self.notify(str(problem), severity="error")
            return
        self.open_in_mail(url, draft.attach_reminder, self._target_ids(), draft.body)

    def action_combine(self) -> None:
        action = self.target_action()
        if action is None or not action.contacting:
            self.notify("This action has no message to combine.", severity="warning")
            return
        other = self.workspace.combinable(action)
        if other is None:
            who = self._person(action) or "this person"
            instead = self.workspace.in_place_of(action)
            if instead is not None:
                self.notify(not_together(action, instead, who), timeout=8)
            else:
                self.notify(f"Nothing else is open for {who}.", severity="warning")
            return
        self.combined = (action.id, other.id)
        self.notify(
            f"One message to {self._person(action)}: {kinds_said(action, other, the=True)}. "
            "c copies it, s marks both sent.",
            timeout=6,
        )

    def _target_draft(self) -> Draft | None:
        """The draft the keys act on: of the selected action, or of the actions combined."""
        action = self.target_action()
        if action is None:
            self.notify("No action is selected: nothing to copy.", severity="warning")
            return None
        if not action.contacting:
            self.notify("This action has no message to copy.", severity="warning")
            return None
        draft, why = self._draft_or_why(action)
        if draft is None:
            self.notify(why, severity="error")
        return draft

    def _combined_with(self, action: Action) -> Action | None:
        if self.combined is None or self.combined[0] != action.id:
            return None
        return self.workspace.action(self.combined[1])

    def _person(self, action: Action) -> str:
        interview = self.workspace.interview(action.interview)
        contact = interview.contact(action.contact) if interview else None
        return (contact.name or contact.id) if contact else ""

    @work(thread=True, exclusive=True, group="demo")
    def load_demo(self) -> None:
        try:
            self.workspace.load_samples()
        except WorkspaceError as problem:
            self.app.call_from_thread(self.notify, str(problem), severity="error")
            return
        self.app.call_from_thread(self.show_all)
        self.app.call_from_thread(self.notify, "Loaded the demo data.")

    def action_save(self) -> None:
        self.save()

    def action_review(self) -> None:
        from app.ui.screens.review import ReviewScreen

        if self._still_reading():
            return
        self.app.push_screen(ReviewScreen(self.workspace), lambda _: self.show_all())

    def action_waiting(self) -> None:
        from app.insights import waiting_on_them
        from app.ui.screens.waiting import WaitingScreen

        now = self.workspace.clock()
        items = waiting_on_them(self.workspace.interviews, now)
        self.app.push_screen(WaitingScreen(items, now), self._show_card)

    def action_stats(self) -> None:
        from app.insights import compute_stats
        from app.ui.screens.stats import StatsScreen

        if self._still_reading():
            return
        now = self.workspace.clock()
        self.app.push_screen(StatsScreen(compute_stats(self.workspace.interviews, now), now))

    def action_inbox(self) -> None:
        from app.ui.screens.inbox import InboxScreen

        if self._still_reading():
            return

        def back(left: int | None) -> None:
            if left is not None:
                self.mail_news = left
            # What was accepted there is in the file, which the workspace has read again.
            self.show_all(keep_action=self.query_one(DuePanel).selected)

        self.app.push_screen(InboxScreen(self.workspace), back)

    @work(exclusive=True, group="mail-check")
    async def check_mail(self) -> None:
        """What the mail account set up proposes, counted on the status line; nothing when
        none is set up. Detached: a mail server can take its time, and must not hold the way
        out once the user quits."""

        def scan() -> Scanned | None:
            return self.workspace.inbox_scan() if self.workspace.inbox_set_up() else None

        try:
            scanned = await detached(scan, name="mail-check")
        except WorkspaceError as problem:
            self.notify(f"Your mail was not read: {problem}", severity="warning", timeout=8)
            return
        if scanned is not None:
            self._mail_counted(len(scanned.proposals))

    def _mail_counted(self, count: int) -> None:
        self.mail_news = count
        self._show_status()

    def _show_card(self, interview_id: str | None) -> None:
        """Back from a view on one interview: select its card, clearing a filter that hid it."""
        interview = self.workspace.interview(interview_id) if interview_id else None
        if interview is None:
            return
        if not self._matches(interview):
            field = self.query_one("#filter", Input)
            # Quietly: a change event arriving later would redraw the board on the old card.
            with field.prevent(Input.Changed):
                field.value = ""
            field.remove_class("-shown")
            self.filter_text = ""
        self.selected_interview = interview.id
        self.show_all()
        self.query_one(Board).focus()

    # ----------------------------------------------------------------------- doing

    def _still_reading(self) -> bool:
        """Whether the database is still being read (said, if so): until it all is, the board
        shows part of it, and nothing is changed."""
        if getattr(self.app, "loaded", True):
            return False
        self.notify("Still reading the database; try again in a moment.")
        return True

    def _apply(self, make: Callable[[], Change], *, done: bool = False) -> None:
        """Make a change with the workspace, show it, and save it in the background. ``done``:
        the highlighted action was dealt with (sent, snoozed, skipped), so the highlight goes
        on to the next one in its place rather than follow it down the list."""
        if self._still_reading():
            return
        try:
            change = make()
        except UserError as problem:
            self.notify(str(problem), severity="error")
            return
        keep = None if done else self.query_one(DuePanel).selected
        if change.after is not None and change.after.id != self.selected_interview:
            self.selected_interview = change.after.id
        self.show_all(keep_action=keep)
        self.notify(change.label, timeout=3)
        self.save()

    @on(WorkspaceScreen.Saved)
    def _saved(self) -> None:
        self._show_status()

    @on(WorkspaceScreen.SaveFailed)
    def _not_saved(self, message: WorkspaceScreen.SaveFailed) -> None:
        self._show_status(message.problem)

    def _save_interview(self, interview: Interview | None) -> None:
        if interview is not None:
            self._apply(lambda: self.workspace.save_interview(interview))

    def _edit_part(self, interview: Interview, part: EditPart | None) -> None:
        from app.ui import forms
        from app.ui.forms.question import removes

        if part is None:
            return
        if part.remove and part.kind is forms.PartKind.INTERVIEW:
            self._delete(interview)
            return
        if part.remove:
            self._remove_part(interview, part)
            return
        now, zone = self.workspace.clock(), interview.timezone
        kind, ident = part.kind, part.ident
        # None for "Add a …": interview.round(None) and the like give None, so the form opens blank.
        if kind is forms.PartKind.INTERVIEW:
            ids = frozenset(i.id for i in self.workspace.interviews)
            form = forms.InterviewForm(
                interview,
                now=now,
                default_zone=zone,
                existing_ids=ids,
                others=self.workspace.interviews,
            )
            self.app.push_screen(form, lambda edited: self._details_saved(interview, edited))
        elif kind is forms.PartKind.ROUND:
            self.app.push_screen(
                forms.RoundForm(
                    interview.round(ident),
                    contacts=interview.contacts,
                    zone=zone,
                    now=now,
                    existing_ids=removal.round_ids_taken(interview),
                ),
                lambda value: self._put_part(interview, value),
            )
        elif kind is forms.PartKind.CONTACT:
            self.app.push_screen(
                forms.ContactForm(
                    interview.contact(ident),
                    existing_ids=removal.contact_ids_taken(interview),
                ),
                lambda value: self._put_part(interview, value),
            )
        elif kind is forms.PartKind.PROMISE:
            self.app.push_screen(
                forms.PromiseForm(
                    interview.promise(ident),
                    contacts=interview.contacts,
                    zone=zone,
                    now=now,
                    existing_ids=removal.promise_ids_taken(interview),
                ),
                lambda value: self._put_part(interview, value),
            )
        elif kind is forms.PartKind.PREFERENCES:

            def preferences(value: Preferences | None) -> None:
                if value is not None:
                    self._save_interview(replace(interview, preferences=value))

            form_p = forms.PreferencesForm(interview.preferences, zone=zone, now=now)
            self.app.push_screen(form_p, preferences)
        elif kind is forms.PartKind.NOTES:

            def notes(value: Notes | None) -> None:
                if value is not None:
                    self._save_interview(replace(interview, notes=value))

            self.app.push_screen(forms.NotesForm(interview.notes), notes)
        elif kind is forms.PartKind.QUESTION:
            index = int(ident) if ident is not None else None
            known = interview.notes.open_questions
            question = known[index] if index is not None and index < len(known) else None

            def put_question(value: OpenQuestion | None) -> None:
                # At its place, or added at the end (index None); a form that came back empty
                # removes the question. Applied to the interview as it is now.
                if value is None:
                    return
                current = self.workspace.interview(interview.id) or interview
                questions = list(current.notes.open_questions)
                at = index if index is not None and index < len(questions) else None
                if removes(value):
                    if at is None:
                        return
                    del questions[at]
                elif at is None:
                    questions.append(value)
                else:
                    questions[at] = value
                notes = replace(current.notes, open_questions=tuple(questions))
                self._save_interview(replace(current, notes=notes))

            form_q = forms.QuestionForm(question, contacts=interview.contacts)
            self.app.push_screen(form_q, put_question)

    def _details_saved(self, before: Interview, edited: Interview | None) -> None:
        """An interview's details saved; a new zone asks whether the times typed in the old
        one read as they did (the zone was wrong) or stay the moments they were."""
        from app.domain.rezone import as_typed_in, has_typed_times
        from app.ui.forms import ConfirmDialog

        if edited is None or edited.timezone == before.timezone or not has_typed_times(edited):
            self._save_interview(edited)
            return

        def answered(keep_as_typed: bool | None) -> None:
            if keep_as_typed is None:
                self._reopen_details(before, edited)  # neither: back to the form as edited
                return
            self._save_interview(as_typed_in(edited, before.timezone) if keep_as_typed else edited)

        from app.domain.interchange import zone as zone_of

        first = min((r.starts for r in before.rounds), default=None)
        typed = shown = ""
        if first is not None:
            typed = first.astimezone(zone_of(before.timezone)).strftime(" (%H:%M stays %H:%M)")
            moved = first.astimezone(zone_of(edited.timezone)).strftime("%H:%M")
            shown = f" ({first.astimezone(zone_of(before.timezone)):%H:%M} becomes {moved})"
        question = (
            f"The time zone is now {edited.timezone}. Keep the rounds and promises at the times "
            f"you typed{typed}, or at the same moments{shown}?"
        )
        self.app.push_screen(
            ConfirmDialog(
                question,
                yes="Keep as typed",
                no="Same moments",
                title="Time zone changed",
                cancel="Cancel",
            ),
            answered,
        )

    def _reopen_details(self, before: Interview, edited: Interview) -> None:
        from app.ui import forms

        form = forms.InterviewForm(
            edited,
            now=self.workspace.clock(),
            default_zone=edited.timezone,
            existing_ids=frozenset(i.id for i in self.workspace.interviews),
            others=self.workspace.interviews,
        )
        self.app.push_screen(form, lambda again: self._details_saved(before, again))

    def _delete(self, interview: Interview) -> None:
        """Ask, then delete the whole interview (``u`` puts it back)."""
        from app.ui.forms import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._apply(lambda: self.workspace.delete_interview(interview.id))

        from app.ui.forms.choices import spoken

        named = interview.company + (f" ({interview.role})" if interview.role else "")
        # Which one, where two read alike: its stage and how much is in it.
        held = f"{len(interview.rounds)} round" + ("" if len(interview.rounds) == 1 else "s")
        said = f"{len(interview.events)} event" + ("" if len(interview.events) == 1 else "s")
        question = (
            f"Delete {named}, in {spoken(interview.stage)} with {held} and {said} in its "
            "history, and all of its contacts, notes and promises? u puts it back until you quit."
        )
        self.app.push_screen(
            ConfirmDialog(question, yes="Delete", no="Keep", title="Delete"), answered
        )

    def _remove_part(self, interview: Interview, part: EditPart) -> None:
        """Ask, then remove a round, contact, question or promise (``u`` puts it back)."""
        from app.ui.forms import ConfirmDialog
        from app.ui.forms.edit_menu import part_named, without_part

        what = part_named(interview, part)
        if what is None:
            return  # gone since the menu was drawn

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            current = self.workspace.interview(interview.id) or interview
            if part_named(current, part) != what:
                # A question is known by its place in the list: another followup may have
                # changed the list meanwhile, and the place be another question's now.
                self.notify(f"Not removed: {what} changed meanwhile.", severity="warning")
                return
            changed = without_part(current, part)
            if changed is not None:
                label = f"Removed {what} from {current.company}"
                self._apply(lambda: self.workspace.save_interview(changed, label))

        question = (
            f"Remove {what} from {interview.company}? What has happened with it stays in the "
            "history, and u puts it back until you quit."
        )
        self.app.push_screen(
            ConfirmDialog(question, yes="Remove", no="Keep", title="Remove"), answered
        )

    def _put_part(self, interview: Interview, value: Round | Contact | Promise | None) -> None:
        if value is None:
            return
        current = self.workspace.interview(interview.id) or interview
        if isinstance(value, Round):
            changed = replace(current, rounds=_upsert(current.rounds, value))
        elif isinstance(value, Contact):
            changed = replace(current, contacts=_upsert(current.contacts, value))
        else:
            changed = replace(current, promises=_upsert(current.promises, value))
        self._save_interview(changed)

    def _say_none_selected(self) -> None:
        """A key that acts on an interview, with none selected, says so rather than nothing."""
        empty = not self.workspace.interviews
        self.notify(
            "No interviews yet: a adds one." if empty else "No interview is selected.",
            severity="warning",
        )

    def _selected(self, action: Action | None = None) -> Interview | None:
        interview_id = action.interview if action else self.selected_interview
        return self.workspace.interview(interview_id) if interview_id else None

    def _default_zone(self) -> str:
        return self.workspace.pipeline.profile.timezone or self.workspace.default_zone


@lru_cache(maxsize=1 << 16)
def _folded(text: str) -> str:
    """``text`` as a filter compares it: without case or accents, so that "zur" finds
    "Zürich" and "ines" "Inês" (and "zü" still does). Kept, and plain ASCII only casefolded:
    each key typed into the filter compares every company, role and contact."""
    if text.isascii():
        return text.casefold()
    import unicodedata

    split = unicodedata.normalize("NFKD", text)
    return "".join(c for c in split if not unicodedata.combining(c)).casefold()


def _upsert(items: tuple[P, ...], value: P) -> tuple[P, ...]:
    if any(item.id == value.id for item in items):
        return tuple(value if item.id == value.id else item for item in items)
    return (*items, value)


# Where a card with nothing to do sorts: after every card with an action.
NOTHING_DUE: Rank = (3, 0.0, 0.0, "")


def _due_rows(
    pipeline: Pipeline,
    actions: list[Action],
    *,
    shown: set[str],
    found: dict[str, Urgency],
    rank: dict[str, Rank],
    now: datetime,
) -> list[DueRow]:
    """Overdue, Open now, and Coming up within ``UPCOMING_DAYS``: the groups of ``followup
    due``, with the counts of the status line (``found`` and ``rank``: each of ``actions``'
    urgency and rank at ``now``)."""
    horizon = now.timestamp() + UPCOMING_DAYS * 86400
    groups: dict[str, list[tuple[Urgency, Action]]] = {
        Urgency.OVERDUE.heading: [],
        Urgency.OPEN_NOW.heading: [],
        Urgency.LATER_TODAY.heading: [],
    }
    for action in actions:
        if action.interview not in shown:
            continue
        level = found[action.id]
        if level.group < COMING_UP or action.due_from.timestamp() <= horizon:
            groups[level.heading].append((level, action))
    rows: list[DueRow] = []
    for title, members in groups.items():
        if not members:
            continue
        within = f" (within {UPCOMING_DAYS} days)" if title == Urgency.LATER_TODAY.heading else ""
        rows.append(DueRow(f"{title}{within} · {len(members)}"))
        members.sort(key=lambda pair: rank[pair[1].id])
        for level, action in members:
            # Written when the row is first drawn, of the records the view was worked out from.
            written = partial(_row_headline, action, level, now, pipeline)
            rows.append(DueRow(written, action.reason, action.id, level.tone))
    if not rows:
        rows.append(DueRow("Nothing due in the next two weeks."))
    return rows


def _row_headline(action: Action, level: Urgency, now: datetime, pipeline: Pipeline) -> str:
    return headline(action, level, now, pipeline.interview(action.interview))


def _quiet(interview: Interview) -> str:
    if interview.stage is Stage.CLOSED:
        outcome = interview.outcome.value.replace("_", " ") if interview.outcome else "closed"
        return outcome
    return "nothing due"


def _read_so_far(rows: list[DueRow]) -> list[DueRow]:
    """The due panel while the file is read: its counts are of the interviews read so far, and
    nothing due among them says nothing of the others."""
    if not any(row.action_id for row in rows):
        return [DueRow("Reading the database …")]
    return [row if row.action_id else DueRow(f"{row.title} so far") for row in rows]

"""The dashboard's one door to the data: the pipeline in memory, its actions, its drafts, and
every change the user makes, applied at once on screen and saved to the database when the
screen asks.

It knows nothing of Textual, and the interface knows nothing of what is behind it: no
repository, no file paths, no storage errors, only ``WorkspaceError`` with a line to show. The
screen calls it, and runs ``load``, ``save_pending`` and ``read_again`` in worker threads, so
that a slow disk never freezes the interface. A change is kept as the operation that made it,
so that saving re-applies it to the interview as it is in the file (another followup may have
written since) rather than writing back a stale copy.
"""

from __future__ import annotations

import threading
from bisect import insort
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.copies import field_names, replace
from app.domain.errors import InvalidData
from app.domain.interchange import Pipeline
from app.domain.kinds import ACTION_LABELS, ActionKind
from app.domain.merge import Conflict, Edit, carry_over
from app.domain.records import Channel, Interview, Outcome, Profile, Stage
from app.domain.standard import standard_times
from app.drafts import Draft
from app.drafts.combine import CombineError, check_one_person, one_message, takes_the_place
from app.drafts.library import Library
from app.engine import (
    Action,
    Offer,
    Urgency,
    interview_actions,
    pressing_first,
    sort_key,
)
from app.engine.memo import ActionMemo, offers_key
from app.engine.urgency import urgency
from app.errors import UserError
from app.memory import collector_paused
from app.services import open_actions, operations
from app.services.first_screen import first_screenful
from app.store.repository import FirstPart, InterviewExists, Repository, UnknownInterview
from app.store.texts import kept_texts
from app.when.describe import describe_when

if TYPE_CHECKING:
    from app.inbox.proposals import Proposal
    from app.services.inbox import Scanned
    from app.services.records import Records

Clock = Callable[[], datetime]
# The sample interviews at a time in a zone: the composition root hands them in, so that the
# workspace does not depend on the demo data.
Samples = Callable[[datetime, str], Pipeline]


class WorkspaceError(UserError):
    """The file could not be read or written: one line saying what, where, and what to do."""


class NoLongerApplies(Exception):
    """A change met a file on which it no longer applies (the action was done elsewhere, or
    what it changes was changed there): it is not written, and says why."""


@contextmanager
def _said_in_one_line() -> Iterator[None]:
    try:
        yield
    except WorkspaceError:
        raise
    except (InvalidData, OSError, UserError) as problem:  # a StoreError is a UserError
        line = problem.summary() if isinstance(problem, InvalidData) else str(problem)
        raise WorkspaceError(line) from None


@dataclass(frozen=True, slots=True)
class Change:
    label: str
    interview_id: str
    before: Interview | None  # None: the change added the interview
    after: Interview | None  # None: the change removed it (an undone addition)
    edit: Edit | None = None  # re-applied to the stored interview; None: write ``after`` as is


@dataclass(frozen=True, slots=True)
class Reread:
    """The file read again in the background, ready to be shown."""

    pipeline: Pipeline
    version: object
    now: datetime
    offers: list[Offer]
    actions: list[Action]
    changes_made: int


class Workspace:
    def __init__(
        self,
        repo: Repository,
        clock: Clock,
        *,
        default_zone: str = "UTC",
        samples: Samples | None = None,
        templates: Path | None = None,
    ) -> None:
        self._repo = repo
        self.clock = clock
        self.default_zone = default_zone
        self._samples = samples
        self._templates = Library(templates)
        self.pipeline = Pipeline()
        self.now = clock()
        self.actions: list[Action] = []
        self._by_interview: dict[str, list[Action]] = {}
        self._offers: list[Offer] = []
        # What the engine worked out, per interview: a change or a read of the file works out
        # again only the interviews it changed (and those whose time has come).
        self._memo = ActionMemo()
        self._to_keep = False
        self._undo: list[Change] = []
        self._pending: list[Change] = []
        # Profile fields changed here and not saved yet: written before the interviews' changes.
        self._profile_changes: dict[str, Any] = {}
        # Why changes were not recorded: the file no longer allowed them (see save_pending).
        self.refused: list[str] = []
        self._saving = threading.Lock()
        self.unsaved = False
        # The version of the file this workspace's records stand for, and whether a save has
        # met writes of another instance since (then they are to be read).
        self._version: object = None
        self._stale = False
        self._changes_made = 0
        # The file's version when it last could not be read: not worth reading again until
        # it changes once more.
        self._unreadable: object = None

    # ----------------------------------------------------------------------- reading

    @property
    def location(self) -> str:
        """Where the data is, for the user to read."""
        return str(self._repo.path)

    @property
    def db_option(self) -> str:
        """What a command typed in a shell needs to reach this data: ``--db PATH`` (quoted for
        the shell), or "" where the data is where a command looks by default."""
        import shlex

        from app.paths import resolve_db_path

        path = self._repo.path
        try:
            default = resolve_db_path(None)
        except UserError:
            default = None
        if default is not None and default.resolve() == path.resolve():
            return ""
        return f"--db {shlex.quote(str(path))}"

    def load(self, shown: Callable[[int], None] | None = None) -> None:
        """Read the database and the message templates (blocking) and work out every action.
        With ``shown``, the first screenful of the board is read and worked out first, and
        ``shown`` is called with how many interviews the file holds, before the rest is read:
        until this returns, the workspace holds those interviews only."""
        # Millions of objects come and go and none is in a cycle: see collector_paused.
        with _said_in_one_line(), collector_paused():
            # The answers kept first: what reading them leaves behind is small, and the file's
            # records are not yet in memory beside what reading them takes.
            found = open_actions.recalled(self._repo, self.default_zone)
            before = self._memo.worked_out
            self._templates.read_all()
            first = None
            if shown is not None:
                first = FirstPart(
                    choose=lambda stored: first_screenful(stored, found, self.clock()),
                    show=lambda part, total: self._show_first(part, found, shown, total),
                )
            self.pipeline = self._repo.load(first)
            self._version = self._repo.version
            self._stale = False
            open_actions.recall(self._memo, found, self._repo, self.pipeline, self.clock())
            found = None  # what the memory took of it is all that is needed now
            self.refresh()
            # Anything worked out here rather than recalled is worth keeping for the next start.
            self._to_keep = self._memo.worked_out > before

    def _show_first(
        self,
        part: Pipeline,
        found: open_actions.Recalled | None,
        shown: Callable[[int], None],
        total: int,
    ) -> None:
        self.pipeline = part
        open_actions.recall(self._memo, found, self._repo, part, self.clock())
        self.refresh()
        shown(total)

    def keep_answers(self) -> None:
        """Keep what the engine worked out beside the file for the next start and for ``due``
        (blocking: for a worker once the board is shown), unless it was all recalled."""
        if self._to_keep:
            open_actions.keep(self._memo, self._repo, self.pipeline, self.default_zone, self.now)
            self._to_keep = False

    @property
    def has_samples(self) -> bool:
        return self._samples is not None

    def load_samples(self) -> None:
        """Fill the database with the sample interviews and read it again (blocking)."""
        if self._samples is None:
            raise WorkspaceError("there are no sample interviews to load here")
        zone = self.pipeline.profile.timezone or self.default_zone
        # Under the save lock, so that the file's change is not taken for another's write, and
        # counted as a change, so that a read begun before it is not shown after it.
        with self._saving, _said_in_one_line():
            self._changes_made += 1
            self._repo.import_pipeline(self._samples(self.clock(), zone), replace=True)
            self.load()

    def refresh(self) -> None:
        """Every action at the clock's now: after a load, or when time has moved on."""
        now = self.clock()
        offers, actions = self._memo.actions(self.pipeline.interviews, self.pipeline.policy, now)
        self._set_actions(now, offers, actions)

    def _set_actions(self, now: datetime, offers: list[Offer], actions: list[Action]) -> None:
        self.now = now
        self._offers = offers
        self.actions = actions
        self._by_interview = {}
        for action in self.actions:
            self._by_interview.setdefault(action.interview, []).append(action)

    @property
    def interviews(self) -> tuple[Interview, ...]:
        return self.pipeline.interviews

    def interview(self, interview_id: str) -> Interview | None:
        return self.pipeline.interview(interview_id)

    def actions_of(self, interview_id: str) -> list[Action]:
        return self._by_interview.get(interview_id, [])

    def action(self, action_id: str) -> Action | None:
        interview_id = action_id.split("/", 1)[0]
        found = [a for a in self.actions_of(interview_id) if a.id == action_id]
        return found[0] if found else next((a for a in self.actions if a.id == action_id), None)

    def next_action(self, interview_id: str) -> Action | None:
        """The most pressing action: overdue first, then open, then the next to open."""
        actions = self.actions_of(interview_id)
        if not actions:
            return None
        return min(actions, key=lambda a: pressing_first(a, self.now))

    def draft(self, action: Action, *also: Action) -> Draft:
        """The message of ``action`` as it reads now, from the templates read at load; with
        ``also``, one message to the same person doing those too (raises ``DraftError`` for
        an action that contacts no one, ``CombineError`` for actions to different people)."""
        return one_message([action, *also], self.pipeline, self.clock(), templates=self._templates)

    def combinable(self, action: Action) -> Action | None:
        """The next open action to the same person, to do in the same message, or None."""
        if action.contact is None or not action.contacting:
            return None
        # Only what can be sent now: a message does not answer a window that has not opened.
        same = [
            a
            for a in self.actions_of(action.interview)
            if a.id != action.id
            and a.contact == action.contact
            and a.contacting
            and urgency(a, self.now) <= Urgency.OPEN_NOW
            and not takes_the_place(a.kind, action.kind)
        ]
        return min(same, key=lambda a: pressing_first(a, self.now), default=None)

    def deadline(self, action: Action) -> datetime | None:
        """When ``action`` goes late, however often it was snoozed (a thank-you, a promise);
        None for one that never does."""
        from app.engine.deadlines import deadline

        interview = self.interview(action.interview)
        if interview is None:
            return None
        return deadline(interview, action, self.pipeline.policy, self.now)

    def done_no_earlier_than(self, action: Action) -> tuple[datetime, str] | None:
        """The moment before which ``action`` cannot have been done, and what it is: a
        thank-you is for a round that had started, a promise was kept after it was made.
        None where the records set no such moment."""
        interview = self.interview(action.interview)
        if interview is None:
            return None
        if action.kind is ActionKind.THANK_YOU:
            held = interview.round(action.round)
            return None if held is None else (held.starts, "the interview it thanks for began")
        if action.kind is ActionKind.KEEP_PROMISE:
            promise = interview.promise(action.promise)
            if promise is not None and promise.created is not None:
                return promise.created, "the promise was made"
        began = [r.starts for r in interview.rounds if r.starts <= self.clock()]
        if action.contacting and action.kind is not ActionKind.KEEP_PROMISE and began:
            # Every other message follows the process's first meeting, once it has been.
            return min(began), "your first interview with them began"
        return None

    def write_draft(self, action_ids: list[str], text: str) -> Path:
        """Write a draft to its file beside the database, where no clipboard works; where it
        went (raises ``UserError``)."""
        from app.services.draft_files import write_draft

        return write_draft(self._repo.path, action_ids, text)

    def in_place_of(self, action: Action) -> Action | None:
        """The open action to the same person that one message does instead of ``action``, or
        ``action`` instead of it (an update on my timeline asks where they are, so it does a
        check-in's job): the reason the two are never offered as one message."""
        return next(
            (
                a
                for a in self.actions_of(action.interview)
                if a.contact == action.contact
                and takes_the_place(a.kind, action.kind)
                and urgency(a, self.now) <= Urgency.OPEN_NOW
            ),
            None,
        )

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # ----------------------------------------------------------------------- changes

    def mark_sent(
        self,
        action_id: str,
        *,
        channel: Channel | None = None,
        text: str = "",
        keep_warm: bool = False,
        at: datetime | None = None,
    ) -> Change:
        """``at``: when it was sent, if not now (never later than now)."""
        action = self._open_action(action_id)
        now = self._when(at)
        return self._apply(
            f"Closed {action.company} as moved on"
            if action.kind is ActionKind.MOVE_ON
            # Nothing is sent to prepare: it is done.
            else f"Marked {'sent' if action.contacting else 'done'}: {_kind(action)} · "
            f"{action.company}",
            action.interview,
            lambda i: operations.mark_sent(
                i, action, now, channel=channel, text=text, keep_warm=keep_warm
            ),
            still_open=[action],
        )

    def mark_sent_together(
        self, action_ids: list[str], *, text: str = "", at: datetime | None = None
    ) -> Change:
        """Several actions done by one message to one person: a ``sent`` event for each, at
        the same time and with the same text, as one change (undone together)."""
        actions = [self._open_action(action_id) for action_id in action_ids]
        try:
            check_one_person(actions)
        except CombineError as problem:
            raise UserError(str(problem)) from None
        now = self._when(at)

        def send_all(interview: Interview) -> Interview:
            for action in actions:
                interview = operations.mark_sent(interview, action, now, text=text)
            return interview

        kinds = " and ".join(_kind(a) for a in actions)
        return self._apply(
            f"Marked sent: {kinds} · {actions[0].company}",
            actions[0].interview,
            send_all,
            still_open=actions,
        )

    def snooze(self, action_id: str, until: datetime, *, at: datetime | None = None) -> Change:
        action = self._open_action(action_id)
        now = self._when(at)
        return self._apply(
            f"Snoozed until {describe_when(until, self.clock())}: {_kind(action)} · "
            f"{action.company}",
            action.interview,
            lambda i: operations.snooze(i, action, now, until),
            still_open=[action],
        )

    def skip(self, action_id: str, *, at: datetime | None = None) -> Change:
        action = self._open_action(action_id)
        now = self._when(at)
        return self._apply(
            f"Skipped: {_kind(action)} · {action.company}",
            action.interview,
            lambda i: operations.skip(i, action, now),
            still_open=[action],
        )

    def reply(
        self,
        interview_id: str,
        *,
        contact: str | None,
        summary: str,
        at: datetime | None = None,
        decide_by: date | None = None,
    ) -> Change:
        """Their reply; ``decide_by``, the day they now say they will decide by, replaces the
        interview's decision date."""
        now = self._when(at)
        interview = self._existing(interview_id)
        label = f"Reply recorded · {interview.company}"
        if decide_by is not None:
            import pendulum

            day = pendulum.date(decide_by.year, decide_by.month, decide_by.day)
            label += f"; they decide by {day.format('ddd D MMM', locale='en')}"

        def replied(i: Interview) -> Interview:
            answered = operations.record_reply(i, now, contact=contact, summary=summary)
            return answered if decide_by is None else replace(answered, decision_by=decide_by)

        return self._apply(label, interview_id, replied)

    def move_stage(
        self,
        interview_id: str,
        stage: Stage,
        *,
        outcome: Outcome | None = None,
        keep_warm: bool | None = None,
    ) -> Change:
        now = self.clock()
        interview = self._existing(interview_id)
        return self._apply(
            f"{interview.company} moved to {stage.value.replace('_', ' ')}",
            interview_id,
            lambda i: operations.move_stage(i, now, stage, outcome=outcome, keep_warm=keep_warm),
        )

    def save_interview(self, interview: Interview, label: str = "") -> Change:
        """An interview added or edited in a form; an edit is saved as what it changed.
        ``label`` says what the change did, for the user and for undo."""
        before = self.interview(interview.id)
        label = label or (f"Saved {interview.company}" if before else f"Added {interview.company}")
        edit = carry_over(before, interview) if before is not None else None
        change = Change(label, interview.id, before, interview, edit)
        self._put(change)
        return change

    def delete_interview(self, interview_id: str) -> Change:
        """An interview taken out, all of it; ``undo`` puts it back as it was, the texts of
        its sent messages too (read now: the records shown are without them)."""
        shown = self._existing(interview_id)
        if self._repo.disk_version() != self._version:
            # Read below, another followup's writes would pass for ones this one has shown.
            self._stale = True
        with _said_in_one_line():
            stored = self._repo.whole_interview(interview_id)
        whole = kept_texts(shown, stored) if stored is not None else shown
        label = f"Deleted {shown.company}" + (f" ({shown.role})" if shown.role else "")
        change = Change(label, interview_id, whole, None)
        self._put(change)
        return change

    @property
    def profile(self) -> Profile:
        return self.pipeline.profile

    def save_profile(self, profile: Profile) -> str:
        """My profile as edited in its form: shown at once, saved as the fields it changed
        (another instance may have set the others meanwhile). Returns what to say."""
        before = self.pipeline.profile
        changed = {
            name: getattr(profile, name)
            for name in field_names(Profile)
            if getattr(profile, name) != getattr(before, name)
        }
        if not changed:
            return "Your profile is unchanged."
        self.pipeline = replace(self.pipeline, profile=profile)
        self._profile_changes.update(changed)
        self._changes_made += 1
        self.unsaved = True
        return "Saved your profile."

    def undo(self) -> Change | None:
        """Take back the last change: what it changed, leaving what others wrote since."""
        if not self._undo:
            return None
        last = self._undo.pop()
        if last.before is None and last.after is not None:
            there = self.interview(last.interview_id)
            if there is not None and not _alike(there, last.after):
                # Taking the addition back would delete what came after it and is not on this
                # list (accepted from the mail, written by another followup): it stays.
                raise UserError(
                    f"not undone: {last.after.company} changed after it was added (from your "
                    "mail, or another followup), and undoing would delete that too"
                )
        edit = (
            carry_over(last.after, last.before)
            if last.after is not None and last.before is not None
            else None
        )
        change = Change(f"Undone: {last.label}", last.interview_id, last.after, last.before, edit)
        self._put(change, remember=False)
        return change

    # ----------------------------------------------------------------------- saving

    def save_pending(self) -> int:
        """Write every change not yet saved, oldest first (blocking), each checked against the
        file as it is then. One that no longer applies there is dropped (and from the undo
        list), its reason kept in ``refused`` and the records marked to be read again. Raises if
        the write fails; the changes stay pending and on screen, to be saved again."""
        with self._saving, _said_in_one_line():
            saved = 0
            if self._profile_changes:
                self._save_profile(dict(self._profile_changes))
                self._profile_changes.clear()
                saved += 1
                self._note_version()
            while self._pending:
                change = self._pending[0]
                try:
                    self._save(change)
                except NoLongerApplies as why:
                    self.refused.append(f"Not recorded: {change.label}: {why}")
                    if change in self._undo:
                        self._undo.remove(change)
                    # What is shown holds the change: the file, which does not, is to be shown.
                    self._stale = True
                else:
                    saved += 1
                self._pending.pop(0)
                self._note_version()
            self.unsaved = False
            return saved

    def take_refused(self) -> list[str]:
        """Why the changes refused by the last saves were not recorded (each said once)."""
        refused, self.refused = self.refused, []
        return refused

    def _note_version(self) -> None:
        if self._repo.saw_other_writes:
            self._stale = True
        else:
            self._version = self._repo.version

    def _save_profile(self, changes: dict[str, Any]) -> None:
        def change(current: Pipeline) -> Pipeline:
            return replace(current, profile=replace(current.profile, **changes))

        self._repo.update(change)

    def _save(self, change: Change) -> None:
        if change.after is None:
            shown = change.before

            def unchanged(stored: Interview) -> None:
                if shown is not None and not _alike(stored, shown):
                    # Another followup wrote to it since: what it wrote is not deleted unseen.
                    raise NoLongerApplies("it was changed elsewhere since it was shown")

            self._repo.remove_interview(change.interview_id, unchanged)
        elif change.before is None:
            # An addition, or a deletion undone: only where the file has no such interview
            # now (another followup may have written one since), never over it.
            try:
                self._repo.add_interview(change.after)
            except InterviewExists:
                raise NoLongerApplies("another followup has written it since") from None
        elif change.edit is None:
            self._repo.put_interview(change.after)
        else:
            edit = change.edit

            def standard_edit(stored: Interview) -> Interview:
                # What is written is kept by the repository for its next read of the file (a
                # document no one changed since is not read again): as a file read gives it.
                return standard_times(edit(stored))

            try:
                self._repo.change_interview(change.interview_id, standard_edit)
            except UnknownInterview:
                # Putting it back would undo the other followup's write, and without the texts
                # of its earlier messages, which were never read here.
                raise NoLongerApplies("its interview was removed elsewhere") from None
            except Conflict as conflict:
                raise NoLongerApplies(f"{conflict} changed elsewhere since it was shown") from None

    # ----------------------------------------------------------------------- others' writes

    def changed_elsewhere(self) -> bool:
        """Whether the file holds writes of another instance that this one has not read, and
        that were not found unreadable already. Never while this one is writing: the file is
        then between our own versions."""
        if self._saving.locked():
            return False
        version = self._repo.disk_version()
        if version == self._unreadable:
            return False
        return self._stale or version != self._version

    def read_again(self) -> Reread:
        """The file as it is now and its actions (blocking; safe in a worker thread: nothing
        of this workspace changes until ``adopt``). A file that cannot be read is not tried
        again until it changes."""
        # Counted before reading: a change made here while the file is read makes it stale.
        changes_made = self._changes_made
        try:
            with _said_in_one_line():
                pipeline = self._repo.load()
        except WorkspaceError:
            self._unreadable = self._repo.disk_version()
            raise
        version = self._repo.version
        now = self.clock()
        offers, actions = self._memo.actions(pipeline.interviews, pipeline.policy, now)
        return Reread(pipeline, version, now, offers, actions, changes_made)

    def adopt(self, reread: Reread) -> bool:
        """Show what ``read_again`` read, unless a change was made here meanwhile (then the
        next save brings the file's news, and it is read again after)."""
        if reread.changes_made != self._changes_made or self.pending:
            return False
        self.pipeline = reread.pipeline
        self._version = reread.version
        self._stale = False
        self._set_actions(reread.now, reread.offers, reread.actions)
        return True

    @property
    def pending(self) -> int:
        return len(self._pending) + bool(self._profile_changes)

    # ----------------------------------------------------------------------- the inbox

    # The inbox's modules are imported when first used: a dashboard whose user has no mail set
    # up never pays for the mail parser.

    def inbox_set_up(self) -> bool:
        """Whether a mail account is set up for this database (blocking: reads a small file)."""
        from app.inbox.settings_file import load_inbox_state

        with _said_in_one_line():
            return load_inbox_state(self._repo.path).settings is not None

    def inbox_pending(self) -> tuple[bool, list[Proposal]]:
        """Whether a mail account is set up, and what the last scan proposed and nobody
        accepted or dismissed yet (blocking: reads a small file, once)."""
        from app.inbox.matching import as_it_stands, settled
        from app.inbox.settings_file import load_inbox_state
        from app.services.inbox import kept_proposals

        with _said_in_one_line():
            state = load_inbox_state(self._repo.path)
        kept = [
            as_it_stands(p, self.interviews)
            for p in kept_proposals(state.proposals)
            if not settled(p, self.interviews)
        ]
        return state.settings is not None, kept

    def inbox_scan(self) -> Scanned:
        """Read the mail account set up and keep what it proposes (blocking, and as slow as the
        mail server: run it in a worker). The database is only read."""
        from app.services import inbox

        with _said_in_one_line():
            return inbox.scan(self._records(), now=self.clock())

    def inbox_apply(
        self, ids: list[str] | None, interviews: dict[str, str] | None = None
    ) -> list[str]:
        """Record the proposals ``ids`` name (all of them for None), a line each, and show the
        file as it is then (blocking). Changes made here and not saved yet are saved first, so
        that reading the file again keeps them."""
        from app.services import inbox

        self.save_pending()
        # Under the save lock and counted as a change, as ``load_samples``: the write is not
        # taken for another instance's, and a read begun before it is not shown after it.
        with self._saving, _said_in_one_line():
            self._changes_made += 1
            said = inbox.apply(self._records(), ids, self.clock(), interviews=interviews)
            self.load()
        return said

    def inbox_dismiss(self, ids: list[str]) -> int:
        """Never propose these again; how many were dismissed (blocking). The database is not
        touched."""
        from app.services import inbox

        with _said_in_one_line():
            return inbox.dismiss(self._records(), ids)

    def sync_calendar(self) -> tuple[bool, str] | None:
        """After a save, the events on the user's CalDAV calendar follow when one is set up
        (blocking: run it in a worker). None when none is; else whether it worked and a line."""
        from app.services.calendar_sync import sync_if_set_up

        return sync_if_set_up(self._records(), self.clock())

    def _records(self) -> Records:
        from app.services.records import Records

        return Records(self._repo.path, default_zone=self.default_zone)

    # ----------------------------------------------------------------------- inside

    def _apply(
        self, label: str, interview_id: str, edit: Edit, *, still_open: Sequence[Action] = ()
    ) -> Change:
        """``edit`` shown at once and saved later; with ``still_open``, saved only if those
        actions are still open on the file then (another followup may have done them)."""
        before = self._existing(interview_id)
        saved_as = self._on_open(still_open, edit, before) if still_open else edit
        change = Change(label, interview_id, before, edit(before), saved_as)
        self._put(change)
        return change

    def _on_open(self, actions: Sequence[Action], edit: Edit, shown: Interview) -> Edit:
        policy, offers, clock = self.pipeline.policy, self._offers, self.clock
        # What the engine said of the record on screen: the one on file, unless another
        # followup wrote it since, and then worked out again.
        known = self._memo.kept(shown, policy, offers_key(offers))

        def checked(stored: Interview) -> Interview:
            now = clock()
            if stored is shown and known is not None and known[0].holds_at(now.timestamp()):
                open_there = {a.id for a in known[1]}
            else:
                open_there = {a.id for a in interview_actions(stored, policy, now, offers)}
            for action in actions:
                if action.id not in open_there:
                    raise NoLongerApplies(_why_gone(action, stored, now))
            return edit(stored)

        return checked

    def _put(self, change: Change, *, remember: bool = True) -> None:
        if change.after is not None:
            # As a file read gives them: times typed or taken from the clock are pendulum's.
            shown = standard_times(change.after)
            if shown is not change.after:
                change = replace(change, after=shown)
        interviews = [i for i in self.pipeline.interviews if i.id != change.interview_id]
        if change.after is not None:
            position = next(
                (n for n, i in enumerate(self.pipeline.interviews) if i.id == change.interview_id),
                len(interviews),
            )
            interviews.insert(position, change.after)
        self.pipeline = replace(self.pipeline, interviews=tuple(interviews))
        if remember:
            self._undo.append(change)
        self._changes_made += 1
        self._pending.append(change)
        self.unsaved = True
        self._recompute(change)

    def _recompute(self, change: Change) -> None:
        touches_offers = any(
            i is not None and i.stage is Stage.OFFER for i in (change.before, change.after)
        )
        if touches_offers:
            self.refresh()
            return
        self.now = self.clock()
        self.actions = [a for a in self.actions if a.interview != change.interview_id]
        fresh: list[Action] = []
        if change.after is not None:
            fresh = self._memo.interview_actions(
                change.after, self.pipeline.policy, self.now, self._offers
            )
        self._by_interview[change.interview_id] = fresh
        # Into their places: sorting all of them again costs more than the engine's own work.
        for action in fresh:
            insort(self.actions, action, key=sort_key)

    def _when(self, at: datetime | None) -> datetime:
        """When something the user did happened: now, or the moment they said, which cannot
        be later than now (an event is recorded once it has happened)."""
        now = self.clock()
        if at is None:
            return now
        if at > now:
            said = describe_when(at, now)
            raise UserError(f"{said} is in the future; an event is dated when it happened")
        return at

    def _open_action(self, action_id: str) -> Action:
        action = self.action(action_id)
        if action is None:
            raise UserError(f"the action {action_id} is no longer open")
        return action

    def _existing(self, interview_id: str) -> Interview:
        interview = self.interview(interview_id)
        if interview is None:
            raise UserError(f"there is no interview {interview_id}")
        return interview


def _alike(one: Interview, other: Interview) -> bool:
    """The same record but for the texts of sent messages, which a file read leaves out."""
    return replace(one, events=()) == replace(other, events=()) and [
        (e.at, e.kind, e.action_id) for e in one.events
    ] == [(e.at, e.kind, e.action_id) for e in other.events]


def _kind(action: Action) -> str:
    return ACTION_LABELS[action.kind]


def _why_gone(action: Action, stored: Interview, now: datetime) -> str:
    from app.services.listing import Wanted, why_closed
    from app.when import describe_when

    def said_at(moment: datetime) -> str:
        # As the dashboard says times, on the user's clock: "today at 19:33", "on Thu 3 Dec
        # 09:00" (a snooze's end may be "tomorrow 09:00").
        said = describe_when(moment.astimezone(now.tzinfo), now)
        relative = ("today", "yesterday", "tomorrow", "later today")
        return said if said.startswith(relative) else f"on {said}"

    why = why_closed(Wanted(action.id), Pipeline(interviews=(stored,)), said_at)
    return f"{why} elsewhere" if why else "it is no longer open: the interview changed elsewhere"

"""The inbox (SPEC section 11): what the user's mail shows, a proposal at a time, to accept or
dismiss. Nothing is recorded until the user accepts it; reading the mail again runs in a
worker that escape stops, the next read going on from where the mail server's cursor is.

The screen dismisses with how many proposals are left, for the dashboard's status line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer, Label, Static
from textual.worker import Worker, get_current_worker

from app.engine.describe import moment
from app.services.workspace import Workspace, WorkspaceError
from app.ui.detached import detached
from app.ui.screens.base import follow_with_calendar
from app.ui.widgets.rows import RowList

if TYPE_CHECKING:
    from app.inbox.proposals import Proposal

HERE = Path(__file__).parent


def not_set_up(db_option: str) -> str:
    """How to set up the inbox, in commands that reach this data (``db_option``: "--db PATH",
    or "" for the default)."""
    db = f" {db_option}" if db_option else ""
    return (
        f"No mail account is set up. Set one up with `followup inbox setup{db} --host HOST "
        f"--user USER --password-command CMD`, or read a folder of mail with `followup inbox "
        f"scan{db} --maildir DIR` (or --mbox FILE); what your mail shows is then listed here, "
        "for you to accept or dismiss."
    )


NOTHING_NEW = "Nothing new from your mail."
READING = "Reading your mail… (escape stops)"


@dataclass(frozen=True, slots=True)
class InboxRow:
    proposal_id: str
    kind: str
    where: str
    when: str
    sender: str
    subject: str
    first_line: str
    reason: str


class InboxList(RowList, can_focus=True):
    """Four lines a proposal and a blank one: what and where and when, from whom and about
    what, how the message begins, and why it is proposed."""

    ROW_HEIGHT = 5
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "inbox--kind",
        "inbox--where",
        "inbox--detail",
        "inbox--quote",
        "inbox--reason",
        "inbox--selected",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "step(-1)", "Up", show=False, id="inbox-up", tooltip="The one above"),
        Binding("down,j", "step(1)", "Down", show=False, id="inbox-down", tooltip="The one below"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(self._paint_row, id=id)
        self.rows: list[InboxRow] = []
        self.active = True

    def show(self, rows: list[InboxRow]) -> None:
        self.rows = rows
        self.set_count(len(rows))

    @property
    def selected(self) -> InboxRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def _paint_row(self, row: int, offset: int, width: int, selected: bool) -> Strip:
        item = self.rows[row]
        base = self.base_style
        if selected and self.has_focus and offset < self.ROW_HEIGHT - 1:
            # The whole style, not the partial one: only it blends a see-through background.
            base = self.whole_component("inbox--selected")
        if offset == 0:
            kind = base + self.component("inbox--kind")
            where = base + self.component("inbox--where")
            line = Strip.join(
                [
                    self.text_strip(f" {item.kind}", cell_len(item.kind) + 1, kind),
                    self.text_strip(" · ", 3, base),
                    self.text_strip(item.where, cell_len(item.where), where),
                    self.text_strip(f" · {item.when}", cell_len(item.when) + 3, base),
                ]
            )
            if line.cell_length > width > 1:
                return Strip.join([line.crop(0, width - 1), self.text_strip("…", 1, base)])
            return line.adjust_cell_length(width, base)
        if offset == 1:
            detail = base + self.component("inbox--detail")
            return self.text_strip(f"   From {item.sender} · {item.subject}", width, detail)
        if offset == 2:
            quote = base + self.component("inbox--quote")
            return self.text_strip(f"   “{item.first_line}”", width, quote)
        if offset == 3:
            reason = base + self.component("inbox--reason")
            return self.text_strip(f"   Why: {item.reason}", width, reason)
        return Strip.blank(width, self.base_style)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class InboxScreen(Screen[int]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [HERE / "inbox.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "accept",
            "Accept",
            id="inbox-accept",
            tooltip="Record what the highlighted proposal says",
        ),
        Binding(
            "x",
            "drop",
            "Dismiss",
            id="inbox-dismiss",
            tooltip="Record nothing and never propose it again",
        ),
        Binding(
            "A",
            "accept_all",
            "Accept all",
            id="inbox-accept-all",
            tooltip="Record every proposal listed",
        ),
        Binding(
            "r",
            "fetch",
            "Read mail",
            id="inbox-fetch",
            tooltip="Read your mail account again for anything new",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            id="inbox-close",
            tooltip="Stop reading the mail; else back to the board",
        ),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.proposals: list[Proposal] = []
        self.set_up = False
        self._reading: Worker[None] | None = None
        # A write under way: another key waits for it, so that an id is never sent twice.
        self._writing = False

    def compose(self) -> ComposeResult:
        yield Label("From your mail", id="inbox-title")
        yield Label("", id="inbox-status", markup=False)
        yield InboxList(id="inbox-list")
        yield Static("", id="inbox-empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(InboxList).focus()
        self._say("Nothing is recorded until you accept it.")
        self.add_class("-empty")
        self._read_kept()

    # ----------------------------------------------------------------------- data down

    def _show(self, proposals: list[Proposal]) -> None:
        self.proposals = proposals
        listing = self.query_one(InboxList)
        listing.show([self._row(p) for p in proposals])
        count = len(proposals)
        title = "From your mail"
        if count:
            title += f" · {count} to confirm"
        self.query_one("#inbox-title", Label).update(title)
        self.set_class(not proposals, "-empty")
        if proposals:
            listing.focus()
        how = "r reads it again." if self.set_up else f"\n{not_set_up(self.workspace.db_option)}"
        self.query_one("#inbox-empty", Static).update(f"{NOTHING_NEW} {how}")

    def _row(self, proposal: Proposal) -> InboxRow:
        found = [(ident, self.workspace.interview(ident)) for ident in proposal.interviews]
        roles: dict[str, list[str]] = {}
        for ident, interview in found:
            company = interview.company if interview else ident
            roles.setdefault(company, []).append(interview.role if interview else ident)
        # Two processes at one company: the roles tell them apart.
        where = " or ".join(
            f"{company}: {' or '.join(its)}" if len(its) > 1 else company
            for company, its in roles.items()
        )
        if len(found) > 1:
            where += " (matches both)" if len(found) == 2 else " (matches each)"
        zone = self.workspace.now.tzinfo
        return InboxRow(
            proposal_id=proposal.id,
            kind=_kind(proposal),
            where=where,
            when=moment(proposal.at.astimezone(zone) if zone else proposal.at),
            sender=proposal.sender,
            subject=proposal.subject or "(no subject)",
            first_line=proposal.gist or "(no text)",
            reason=proposal.reason,
        )

    def _say(self, line: str) -> None:
        self.query_one("#inbox-status", Label).update(line)

    # ----------------------------------------------------------------------- keys

    def action_accept(self) -> None:
        row = self.query_one(InboxList).selected
        if row is None:
            self.notify("Nothing to accept here.", severity="warning")
            return
        proposal = next((p for p in self.proposals if p.id == row.proposal_id), None)
        if proposal is None or len(proposal.interviews) < 2:
            self._record([row.proposal_id])
            return
        from app.ui.forms.choose import ChooseDialog

        answers = [(ident, self._company(ident)) for ident in proposal.interviews]

        def chosen(interview: str | None) -> None:
            if interview is not None:
                self._record([proposal.id], {proposal.id: interview})

        question = f"{proposal.sender} wrote about more than one of your interviews. Which one?"
        self.app.push_screen(ChooseDialog("Which interview?", question, answers), chosen)

    def _company(self, interview_id: str) -> str:
        interview = self.workspace.interview(interview_id)
        if interview is None:
            return interview_id
        return f"{interview.company} · {interview.role}"

    def action_accept_all(self) -> None:
        if not self.proposals:
            self.notify("Nothing to accept here.", severity="warning")
            return
        self._record([p.id for p in self.proposals])

    def action_drop(self) -> None:
        row = self.query_one(InboxList).selected
        if row is None:
            self.notify("Nothing to dismiss here.", severity="warning")
            return
        if self._busy():
            return
        self._writing = True
        self._dismiss_in_worker([row.proposal_id])

    def action_fetch(self) -> None:
        if self._reading is not None and self._reading.is_running:
            return
        self.add_class("-reading")
        self._say(READING)
        self._reading = self._fetch()

    def action_back(self) -> None:
        if self._busy():
            # What is being recorded is shown here and then followed on the calendar, by the
            # worker recording it: left now, the screen it shows on would be gone.
            return
        if self._reading is not None and self._reading.is_running:
            # The read cannot be stopped where it stands: its result is dropped, and what it
            # read is kept, so the next read starts after it.
            self._reading.cancel()
            self._reading = None
            self.remove_class("-reading")
            self._say("Stopped reading your mail; r reads it again.")
            return
        self.dismiss(len(self.proposals))

    def _record(self, ids: list[str], interviews: dict[str, str] | None = None) -> None:
        if self._busy():
            return
        self._writing = True
        self._apply_in_worker(ids, interviews)

    def _busy(self) -> bool:
        if self._writing:
            self.notify("Still recording the last one; a moment.")
        return self._writing

    # ----------------------------------------------------------------------- workers

    @work(thread=True, exclusive=True, group="inbox-kept")
    def _read_kept(self) -> None:
        try:
            set_up, proposals = self.workspace.inbox_pending()
        except WorkspaceError as problem:
            self.app.call_from_thread(self._failed, str(problem))
            return

        def show() -> None:
            self.set_up = set_up
            self._show(proposals)

        self._unless_cancelled(show)

    @work(exclusive=True, group="inbox-fetch")
    async def _fetch(self) -> None:
        # Detached: a mail server slow to answer must not hold the way out once the user quits.
        try:
            set_up = await detached(self.workspace.inbox_set_up, name="inbox-fetch")
            if not set_up:
                # The read would fail, in a line too long for the status: how to set one up is
                # on the screen (set up in another terminal since it was opened, it is read).
                self.set_up = False
                self.remove_class("-reading")
                self._show(self.proposals)
                self._say("No mail account is set up yet: how to set one up is below.")
                return
            scanned = await detached(self.workspace.inbox_scan, name="inbox-fetch")
        except WorkspaceError as problem:
            self._failed(str(problem))
            return
        self.set_up = True
        self.remove_class("-reading")
        read = f"{scanned.read} message{'' if scanned.read == 1 else 's'}"
        skipped = f", {scanned.skipped} unreadable" if scanned.skipped else ""
        self._say(f"Read {read}{skipped}; nothing is recorded until you accept it.")
        self._show(scanned.proposals)

    @work(thread=True, group="inbox-write")
    def _apply_in_worker(self, ids: list[str], interviews: dict[str, str] | None = None) -> None:
        try:
            said = self.workspace.inbox_apply(ids, interviews)
            left = self.workspace.inbox_pending()[1]
        except WorkspaceError as problem:
            self.app.call_from_thread(self._failed, str(problem))
            return

        def show() -> None:
            self._writing = False
            self.notify("\n".join(said), timeout=6)
            self._show(left)

        self.app.call_from_thread(show)
        follow_with_calendar(self, self.workspace)

    @work(thread=True, group="inbox-write")
    def _dismiss_in_worker(self, ids: list[str]) -> None:
        try:
            count = self.workspace.inbox_dismiss(ids)
            left = self.workspace.inbox_pending()[1]
        except WorkspaceError as problem:
            self.app.call_from_thread(self._failed, str(problem))
            return

        def show() -> None:
            self._writing = False
            self.notify(f"Dismissed {count}: it will not be proposed again.", timeout=4)
            self._show(left)

        self.app.call_from_thread(show)

    def _unless_cancelled(self, then: Callable[[], None]) -> None:
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(then)

    def _failed(self, line: str) -> None:
        self._writing = False
        self.remove_class("-reading")
        self._say(line)
        self.notify(line, severity="error", timeout=10)
        if not self.proposals:
            self._show([])


def _kind(proposal: Proposal) -> str:
    kind = proposal.kind.value
    if kind == "round" and proposal.round is not None:
        if proposal.round.cancel:
            return "Round cancelled"
        return "Round moved" if proposal.round.id else "New round"
    if kind == "contact":
        # The person to add, who is often not the one who wrote (a guest of an invitation).
        who = proposal.new_name or proposal.new_email
        return f"New contact: {who}" if who else "New contact"
    return {"reply": "Reply", "sent": "Sent by you"}.get(kind, kind)

"""The followup application: the dashboard, the welcome on first run, the palette, the themes."""

from __future__ import annotations

import asyncio
import gc
import signal
from collections.abc import Callable, Sequence
from types import FrameType
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.notifications import SeverityLevel

from app.domain.profile import ProfileError, changed_profile
from app.memory import collector_paused
from app.services.workspace import Reread, Workspace, WorkspaceError
from app.ui.commands import DashboardCommands
from app.ui.screens.dashboard import BoardView, DashboardScreen
from app.ui.widgets.due import DuePanel

if TYPE_CHECKING:
    from app.ui.screens.welcome import Welcomed

# A shutdown (SIGTERM) or a closed terminal (SIGHUP) ends the app as `q` does, instead of
# killing it where it stands: the terminal is given back, a save under way finishes, and a form
# left open is dropped as on escape.
# How often the file is looked at (a stat call) for another followup's writes.
WATCH_SECONDS = 2.0
EXIT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)

Handler = Callable[[int, FrameType | None], Any] | int
# The profile's fields that say who the user is: never the demo's person's.
_IDENTITY = ("name", "email", "phone", "signature")


class FollowupApp(App[None]):
    TITLE = "followup"
    COMMANDS: ClassVar = App.COMMANDS | {DashboardCommands}

    def __init__(
        self, workspace: Workspace, *, loaded: bool = True, warnings: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.loaded = loaded
        self.warnings = tuple(warnings)
        self.dashboard = DashboardScreen(workspace)
        self._replaced_handlers: dict[int, Handler] = {}
        self._asking_to_quit = False
        # The card selected when the first part of a large file was shown (None: none shown).
        self._first_selected: str | None = None

    def on_mount(self) -> None:
        self._exit_on_signals()
        self.push_screen(self.dashboard)
        for line in self.warnings:
            self.notify(line, title="Warning", severity="warning", timeout=30)
        if self.loaded:
            _keep_out_of_collections()
            self._watch_the_file()
            self._offer_welcome()
            self.call_after_refresh(self._import_the_dialogs)
            self.call_after_refresh(self._keep_answers)
        else:
            # The screen appears first; the database is read and worked out behind it, once
            # the first frame is drawn (the read holds the interpreter while it parses).
            self.call_after_refresh(self._load)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notice is plain text: most quote what the user typed (a company called
        "Acme [/] Ltd", a path, a TZ value), which markup would misread or choke on."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        try:
            # What is read now lives as long as the app: out of the collector's sight from the
            # moment it is read, not only once it is shown (see _keep_out_of_collections).
            with collector_paused(kept=True):
                self.workspace.load(
                    shown=lambda total: self.call_from_thread(self._first_part_read, total)
                )
        except WorkspaceError as problem:
            self.call_from_thread(self.exit, None, 1, f"followup: {problem}")
            return
        # Worked out here, not in the screen's thread: some 0.3 s for ten thousand interviews,
        # during which the board can still be looked through.
        self.call_from_thread(self._loaded, self.dashboard.view())

    def _first_part_read(self, total: int) -> None:
        """The top of each column, read first, is shown while the rest is read; until then,
        the board can be looked through, and nothing can be changed."""
        self.dashboard.show_all()
        self.dashboard.show_loading(total)
        self._first_selected = self.dashboard.selected_interview

    def _loaded(self, view: BoardView) -> None:
        self.loaded = True
        _keep_out_of_collections()
        if self._first_selected is not None:
            # Where the top of each column was read first: a place the user chose meanwhile
            # is kept; otherwise the whole board starts at its own top, which may be others.
            if self.dashboard.selected_interview == self._first_selected:
                self.dashboard.to_top()
            self._first_selected = None
        self.dashboard.show_view(view)
        self._watch_the_file()
        self._offer_welcome()
        self.call_after_refresh(self._import_the_dialogs)
        self.call_after_refresh(self._keep_answers)

    @work(thread=True, group="keep the answers", exit_on_error=False)
    def _keep_answers(self) -> None:
        """What the engine worked out, kept beside the file once the board is shown: the next
        start, and ``due``, give it again rather than work it out."""
        self.workspace.keep_answers()

    @work(thread=True, group="import the dialogs", exit_on_error=False)
    def _import_the_dialogs(self) -> None:
        """The dialogs' modules (and the widgets they use), imported while the user reads the
        board: the first dialog opened was 40 ms slower than the next for their imports."""
        from app.ui import forms

        for name in forms.__all__:
            getattr(forms, name)

    # ----------------------------------------------------------------------- others' writes

    def _watch_the_file(self) -> None:
        """Another followup (a command in another terminal, a second dashboard) may write the
        file; its changes are read and shown here, never written over (a save re-applies
        only what was changed here, to the interview as stored)."""
        self.set_interval(WATCH_SECONDS, self._check_the_file, name="watch the file")

    def _check_the_file(self) -> None:
        workspace = self.workspace
        if not self._on_the_dashboard() or workspace.pending or not workspace.changed_elsewhere():
            return
        self._read_again()

    def read_again_now(self) -> None:
        """Show the file as it is now, without waiting for the next look at it."""
        if self.loaded:
            self._read_again()

    @work(thread=True, exclusive=True, group="reread")
    def _read_again(self) -> None:
        try:
            reread = self.workspace.read_again()
        except WorkspaceError as problem:
            self.call_from_thread(self._reread_failed, str(problem))
            return
        self.call_from_thread(self._reread, reread)

    def _on_the_dashboard(self) -> bool:
        """Whether the dashboard is the screen shown: not under a dialog, and not while the app
        ends (its screens gone, which the timer that looks at the file may still see)."""
        stack = self.screen_stack
        return bool(stack) and stack[-1] is self.dashboard

    def _reread(self, reread: Reread) -> None:
        if self._on_the_dashboard() and self.workspace.adopt(reread):
            self.dashboard.show_all(keep_action=self.dashboard.query_one(DuePanel).selected)
            self.notify("Changes made elsewhere are shown.", timeout=3)

    def _reread_failed(self, line: str) -> None:
        self.notify(f"The file changed and cannot be read: {line}", severity="error", timeout=10)

    def _offer_welcome(self) -> None:
        if not self.workspace.interviews:
            from app.ui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(), self._welcomed)

    def _welcomed(self, welcomed: Welcomed | None) -> None:
        from app.ui.screens.welcome import Start

        if welcomed is None or welcomed.start is None:
            return
        typed = {"name": welcomed.name, "email": welcomed.email}
        filled = {key: value for key, value in typed.items() if value}
        if welcomed.start is Start.DEMO:
            # The demo comes with a profile of its own that replaces the one on file. Its
            # person is not the user: what was typed here, and nothing else, signs the
            # drafts, or a real one would go out signed with a stranger's name and phone.
            self._demo_then_profile(dict.fromkeys(_IDENTITY, "") | filled)
            return
        self._keep_profile(filled)
        self.dashboard.action_add()

    @work(exclusive=True, group="welcome")
    async def _demo_then_profile(self, filled: dict[str, str]) -> None:
        await self.dashboard.load_demo().wait()
        self._keep_profile(filled)

    def _keep_profile(self, filled: dict[str, str]) -> None:
        """Save the fields filled in on the welcome over the profile as it is now."""
        if not filled:
            return
        try:
            profile = changed_profile(self.workspace.profile, **filled)
        except ProfileError as problem:
            self.notify(f"Your {problem.field} was not saved: {problem}", severity="error")
            return
        self.notify(self.workspace.save_profile(profile), timeout=3)
        self.dashboard.save()

    # ----------------------------------------------------------------------- signals

    def _exit_on_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for number in EXIT_SIGNALS:
            previous = signal.getsignal(number) or signal.SIG_DFL  # None: set outside Python
            try:
                loop.add_signal_handler(number, self._signalled, number)
            except (NotImplementedError, RuntimeError, ValueError):
                # No asyncio signals on Windows, nor outside the main thread: the default
                # action stays, and a write in progress is still atomic.
                return
            self._replaced_handlers[number] = previous

    async def action_quit(self) -> None:
        """ctrl+q, or q where it is not typed: a form holding what the user typed asks first,
        as escape does, rather than quit and lose it."""
        typing = [s for s in self.screen_stack if getattr(s, "holds_typing", lambda: False)()]
        if not typing or self._asking_to_quit:
            self.exit()  # ctrl+q twice: the user means it
            return
        from app.ui.forms.confirm import ConfirmDialog

        def answered(leave: bool | None) -> None:
            self._asking_to_quit = False
            if leave:
                self.exit()

        self._asking_to_quit = True
        question = "Quit and lose what you typed in this form?"
        self.push_screen(ConfirmDialog(question, yes="Quit", no="Keep editing"), answered)

    def _signalled(self, number: int) -> None:
        self.exit(return_code=128 + number)

    def on_unmount(self) -> None:
        # Put back what was there: under a test runner the process goes on after the app.
        loop = asyncio.get_running_loop()
        for number, previous in self._replaced_handlers.items():
            loop.remove_signal_handler(number)
            signal.signal(number, previous)
        self._replaced_handlers.clear()


def _keep_out_of_collections() -> None:
    """The records and actions just read live as long as the app and hold no reference
    cycles; moved out of the cycle collector's sight, its passes during the session no longer
    walk them (at 10,000 interviews a pass over them costs more than a frame). They are still
    freed as usual when a reload replaces them."""
    gc.freeze()

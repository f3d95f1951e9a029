"""What every screen that changes data shares: saving in the background, copying a draft and
handing one to the mail program.

Each runs in a worker thread, so that a slow disk, a hung clipboard helper or a slow mail
program never freezes the interface, and reports back to the screen that started it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual import on, work
from textual.message import Message
from textual.screen import Screen

from app.errors import UserError
from app.services.workspace import Workspace, WorkspaceError

# Where neither the clipboard nor a mail program takes a draft (W on the dashboard and review).
WRITE_IT = "W writes the draft to a file."


class WorkspaceScreen(Screen[None]):
    class Saved(Message):
        """``refused``: why changes were not recorded, the file no longer allowing them."""

        def __init__(self, count: int, refused: list[str] | None = None) -> None:
            super().__init__()
            self.count = count
            self.refused = refused or []

    class SaveFailed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.handed_out: dict[tuple[str, ...], str] = {}
        """The body last taken for the actions it does (copied, handed to the mail program,
        written to a file), by their ids: the text marking them sent records. Set only once
        it was taken: nothing is recorded that the user did not take."""

    def unless_unfilled(
        self, unfilled: Sequence[str], verb: str, then: Callable[[], object]
    ) -> None:
        """``then``, at once, or once the user says so where a draft still has the placeholders
        ``unfilled`` (SPEC section 5: taking a draft that still has one warns first)."""
        if not unfilled:
            then()
            return
        from app.ui.forms import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        missing = ", ".join(unfilled[:3])
        question = f"The draft still has placeholders ({missing}). {verb} it anyway?"
        self.app.push_screen(ConfirmDialog(question, yes=verb, no="Not yet"), answered)

    @work(thread=True, exclusive=False, group="save")
    def save(self) -> None:
        """Write every pending change, oldest first."""
        try:
            count = self.workspace.save_pending()
        except WorkspaceError as problem:
            self.post_message(self.SaveFailed(str(problem)))
            return
        self.post_message(self.Saved(count, self.workspace.take_refused()))
        if count:
            follow_with_calendar(self, self.workspace)

    @on(Saved)
    def _say_what_was_refused(self, message: Saved) -> None:
        if not message.refused:
            return
        for line in message.refused:
            self.notify(line, severity="error", timeout=10)
        # What is shown still holds what was refused: show the file as it is.
        read_again = getattr(self.app, "read_again_now", None)
        if callable(read_again):
            read_again()

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self.notify(f"Not saved: {message.problem}", severity="error", timeout=10)

    @work(thread=True, exclusive=True, group="clipboard")
    def copy(
        self, text: str, note: str = "", ids: tuple[str, ...] = (), what: str = "the draft"
    ) -> None:
        """Copy ``text`` (``what`` it is: the draft, its subject): the system clipboard, else
        the terminal's; say which, or why not, and then ``note`` (what to do before sending
        it) once it is copied. With ``ids``, the body of those actions' draft: kept as handed
        out once copied."""
        from app.clipboard import Mechanism, copy_text

        def terminal(value: str) -> None:
            self.app.call_from_thread(self.app.copy_to_clipboard, value)

        result = copy_text(text, terminal=terminal)
        if result.ok and ids:
            self.app.call_from_thread(self.handed_out.__setitem__, ids, text)
        message = result.message
        if result.ok:
            told = getattr(self.app, "told_of_the_terminal_clipboard", False)
            if result.mechanism is Mechanism.TERMINAL and told:
                # Why the terminal's clipboard was used is said once a session, not at every c.
                message = "Copied with the terminal's clipboard (OSC 52)."
            elif result.mechanism is Mechanism.TERMINAL:
                self.app.told_of_the_terminal_clipboard = True  # type: ignore[attr-defined]
            message = message.replace("Copied", f"Copied {what}", 1)
            message = f"{message} {note}" if note else message
        if not result.verified:
            # The terminal's clipboard may have taken it, or nothing did: a file always works.
            message += f" {WRITE_IT}"
        self.app.call_from_thread(
            self.notify, message, severity="information" if result.ok else "error"
        )

    @work(thread=True, exclusive=True, group="draft file")
    def write_draft_file(self, ids: tuple[str, ...], text: str, body: str) -> None:
        """Write a draft (``text``: its subject and ``body``) to its file beside the database
        (SPEC section 6: where no clipboard works, it offers this), and say where."""
        try:
            path = self.workspace.write_draft(list(ids), text)
        except UserError as problem:
            self.app.call_from_thread(self.notify, str(problem), severity="error", timeout=8)
            return
        self.app.call_from_thread(self.handed_out.__setitem__, ids, body)
        self.app.call_from_thread(self.notify, f"Wrote the draft to {path}.", timeout=10)

    @work(thread=True, exclusive=True, group="mail")
    def open_in_mail(
        self, url: str, note: str = "", ids: tuple[str, ...] = (), body: str = ""
    ) -> None:
        """Give ``url`` (a ``mailto:`` link of ``body``, the draft of ``ids``) to the desktop's
        mail program: it starts a process, so not on the interface's thread. Say which program
        took it, or why none did."""
        from app.services.desktop import open_mailto

        try:
            opener = open_mailto(url)
        except UserError as problem:
            said = f"{problem}. {WRITE_IT}"
            self.app.call_from_thread(self.notify, said, severity="error", timeout=8)
            return
        if ids:
            self.app.call_from_thread(self.handed_out.__setitem__, ids, body)
        message = f"Handed the draft to your mail program ({opener})."
        self.app.call_from_thread(self.notify, f"{message} {note}" if note else message)


def follow_with_calendar(screen: Screen[Any], workspace: Workspace) -> None:
    """After a write, in the worker that made it (after it is shown): the events on the user's
    CalDAV calendar follow, when one is set up. A slow or absent server never holds a key, and
    a sync that fails is said and caught up by the next one."""
    said = workspace.sync_calendar()
    if said is not None and not said[0]:
        screen.app.call_from_thread(screen.notify, said[1], severity="warning", timeout=6)

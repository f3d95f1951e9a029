"""What every screen that changes data shares: saving in the background and copying a draft.

Both run in worker threads, so that a slow disk or a hung clipboard helper never freezes the
interface, and report back with a message to the screen that started them.
"""

from __future__ import annotations

from textual import on, work
from textual.message import Message
from textual.screen import Screen

from app.services import Workspace, WorkspaceError


class WorkspaceScreen(Screen[None]):
    class Saved(Message):
        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    class SaveFailed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    @work(thread=True, exclusive=False, group="save")
    def save(self) -> None:
        """Write every pending change, oldest first."""
        try:
            count = self.workspace.save_pending()
        except WorkspaceError as problem:
            self.post_message(self.SaveFailed(str(problem)))
        else:
            self.post_message(self.Saved(count))

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self.notify(f"Not saved: {message.problem}", severity="error", timeout=10)

    @work(thread=True, exclusive=True, group="clipboard")
    def copy(self, text: str) -> None:
        """Copy ``text``: the system clipboard, else the terminal's; say which, or why not."""
        from app.clipboard import copy_text

        def terminal(value: str) -> None:
            self.app.call_from_thread(self.app.copy_to_clipboard, value)

        result = copy_text(text, terminal=terminal)
        self.app.call_from_thread(
            self.notify, result.message, severity="information" if result.ok else "error"
        )

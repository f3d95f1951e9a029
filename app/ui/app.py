"""The followup application: the dashboard, the welcome on first run, the palette, the themes."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import App

from app.domain.errors import InvalidData
from app.store.errors import StoreError
from app.ui.commands import DashboardCommands
from app.ui.screens.dashboard import DashboardScreen
from app.workspace import Workspace


class FollowupApp(App[None]):
    TITLE = "followup"
    COMMANDS: ClassVar = App.COMMANDS | {DashboardCommands}

    def __init__(self, workspace: Workspace, *, loaded: bool = True) -> None:
        super().__init__()
        self.workspace = workspace
        self.loaded = loaded
        self.dashboard = DashboardScreen(workspace)

    def on_mount(self) -> None:
        self.push_screen(self.dashboard)
        if self.loaded:
            self._offer_welcome()
        else:
            # The screen appears first; the database is read and worked out behind it, once
            # the first frame is drawn (the read holds the interpreter while it parses).
            self.call_after_refresh(self._load)

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        try:
            self.workspace.load()
        except (StoreError, InvalidData, OSError) as problem:
            line = problem.summary() if isinstance(problem, InvalidData) else str(problem)
            self.call_from_thread(self.exit, None, 1, f"followup: {line}")
            return
        self.call_from_thread(self._loaded)

    def _loaded(self) -> None:
        self.loaded = True
        self.dashboard.show_all()
        self._offer_welcome()

    def _offer_welcome(self) -> None:
        if not self.workspace.interviews:
            from app.ui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(), self._welcomed)

    def _welcomed(self, choice: str | None) -> None:
        if choice == "add":
            self.dashboard.action_add()
        elif choice == "demo":
            self.dashboard.load_demo()

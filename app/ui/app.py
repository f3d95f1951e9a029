"""The followup application: the dashboard, the welcome on first run, the palette, the themes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App

from app.ui.commands import DashboardCommands
from app.workspace import Workspace


class FollowupApp(App[None]):
    TITLE = "followup"
    COMMANDS: ClassVar = App.COMMANDS | {DashboardCommands}

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def on_mount(self) -> None:
        from app.ui.screens.dashboard import DashboardScreen

        dashboard = DashboardScreen(self.workspace)
        self.push_screen(dashboard)
        if not self.workspace.interviews:
            from app.ui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(), lambda choice: self._welcomed(dashboard, choice))

    def _welcomed(self, dashboard: object, choice: str | None) -> None:
        from app.ui.screens.dashboard import DashboardScreen

        assert isinstance(dashboard, DashboardScreen)
        if choice == "add":
            dashboard.action_add()
        elif choice == "demo":
            dashboard.load_demo()

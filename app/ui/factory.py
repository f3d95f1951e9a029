"""One way to make the application, shared by the command line, the tests and the screenshot
script: the interface over a workspace, which is all it knows of the data."""

from __future__ import annotations

from collections.abc import Sequence

from app.services.workspace import Workspace
from app.ui.app import FollowupApp


def make_app(
    workspace: Workspace, *, load_first: bool = True, warnings: Sequence[str] = ()
) -> FollowupApp:
    """The application on ``workspace``. With ``load_first`` the data is read here (blocking:
    what tests and screenshots want, and what a small file is worth); without, the screen
    appears at once and the data is read in a worker behind it, a bad file closing the app
    with one line. ``warnings`` are shown once the screen is up, where the terminal's stderr
    cannot be seen."""
    if load_first:
        workspace.load()
    return FollowupApp(workspace, loaded=load_first, warnings=warnings)

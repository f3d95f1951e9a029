"""One way to make the application, shared by the command line, the tests and the screenshot
script: a database, a clock, and a zone for new interviews."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from app.store.repository import Repository
from app.ui.app import FollowupApp
from app.workspace import Workspace


def make_app(
    db_path: Path,
    *,
    clock: Callable[[], datetime] | None = None,
    default_zone: str = "UTC",
    load_first: bool = True,
    warnings: Sequence[str] = (),
) -> FollowupApp:
    """The application on ``db_path``. With ``load_first`` the database is read here
    (blocking: what tests and screenshots want); without, the screen appears at once and the
    database is read in a worker behind it, a bad file closing the app with one line.
    ``clock`` stands in for the real one in tests and screenshots; ``warnings`` are shown once
    the screen is up, where the terminal's stderr cannot be seen."""
    if clock is None:
        import pendulum

        def clock() -> datetime:
            return pendulum.now(default_zone)

    workspace = Workspace(
        Repository(db_path, default_zone=default_zone), clock, default_zone=default_zone
    )
    if load_first:
        workspace.load()
    return FollowupApp(workspace, loaded=load_first, warnings=warnings)

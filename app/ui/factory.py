"""One way to make the application, shared by the command line, the tests and the screenshot
script: a database, a clock, and a zone for new interviews."""

from __future__ import annotations

from collections.abc import Callable
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
) -> FollowupApp:
    """The application on ``db_path``, loaded (blocking: a bad file fails here, before the
    screen is taken over). ``clock`` stands in for the real one in tests and screenshots."""
    if clock is None:
        import pendulum

        def clock() -> datetime:
            return pendulum.now(default_zone)

    workspace = Workspace(
        Repository(db_path, default_zone=default_zone), clock, default_zone=default_zone
    )
    workspace.load()
    return FollowupApp(workspace)

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


# Read before the first frame up to this size (a few hundred interviews, some tens of ms):
# the board then appears filled, at once. A larger file is read behind a first screen that
# says so, which would otherwise keep the terminal blank for seconds.
QUICK_TO_READ_BYTES = 1_000_000


def quick_to_read(db_path: Path) -> bool:
    """Whether the database is small enough to read before the first frame."""
    try:
        return db_path.stat().st_size <= QUICK_TO_READ_BYTES
    except OSError:
        return True  # none yet: there is nothing to read

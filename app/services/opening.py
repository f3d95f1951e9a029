"""Opening a workspace on a database file: the one place that puts a repository behind it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.services.workspace import Clock, Samples, Workspace

# Read before the first frame up to this size (a few hundred interviews, some tens of ms):
# the board then appears filled, at once. A larger file is read behind a first screen that
# says so, which would otherwise keep the terminal blank for seconds.
QUICK_TO_READ_BYTES = 1_000_000


def open_workspace(
    db_path: Path,
    *,
    clock: Clock | None = None,
    default_zone: str = "UTC",
    samples: Samples | None = None,
    templates: Path | None = None,
) -> Workspace:
    """A workspace on ``db_path``, not read yet. ``clock`` stands in for the real one in tests
    and screenshots; ``samples`` are what the welcome screen can fill an empty file with;
    ``templates`` is the user's folder of message templates."""
    from app.store.repository import Repository

    if clock is None:
        import pendulum

        def clock() -> datetime:
            return pendulum.now(default_zone)

    repo = Repository(db_path, default_zone=default_zone)
    return Workspace(repo, clock, default_zone=default_zone, samples=samples, templates=templates)


def quick_to_read(db_path: Path) -> bool:
    """Whether the database is small enough to read before the first frame."""
    try:
        return db_path.stat().st_size <= QUICK_TO_READ_BYTES
    except OSError:
        return True  # none yet: there is nothing to read


def read_only_warning(db_path: Path) -> str | None:
    """What to say when the database may be read but not written (its mode, a read-only
    mount): the dashboard opens it to look, and every change is refused as it is saved."""
    from app.store.errors import ReadOnlyDatabase, refuse_read_only

    try:
        refuse_read_only(db_path)
    except ReadOnlyDatabase:
        return f"{db_path} is read-only: you can look, but no change will be saved"
    return None

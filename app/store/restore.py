"""Putting a backup back: the backups of a database, and restoring one without losing the file
it replaces (that is kept beside it, whatever state it is in)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.store.atomic import atomic_write
from app.store.codec import decode
from app.store.errors import StoreError
from app.store.lock import DatabaseLock
from app.store.paths import backup_path

KEPT = ".before-restore-"


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    modified: datetime
    size: int
    interviews: int | None  # None when the backup itself cannot be read
    problem: str | None = None


def list_backups(database: Path) -> list[Backup]:
    """The previous version, then copies kept by earlier restores; newest first."""
    candidates = [backup_path(database), *database.parent.glob(f"{database.name}{KEPT}*")]
    found = [describe(path, database) for path in candidates if path.is_file()]
    return sorted(found, key=lambda b: b.modified, reverse=True)


def describe(path: Path, database: Path) -> Backup:
    stat = path.stat()
    modified = datetime.fromtimestamp(stat.st_mtime, UTC)
    try:
        tables = decode(path.read_bytes(), path, backup_path(database))
    except (StoreError, OSError) as problem:
        return Backup(path, modified, stat.st_size, None, str(problem))
    return Backup(path, modified, stat.st_size, len(tables.get("interviews") or {}))


def restore(database: Path, backup: Backup, now: datetime) -> Path | None:
    """Replace the database with ``backup``; return where the replaced file was kept."""
    if backup.interviews is None:
        raise StoreError(backup.path, f"{backup.path} cannot be restored: {backup.problem}")
    content = backup.path.read_bytes()
    with DatabaseLock(database):
        kept = None
        if database.exists():
            kept = database.with_name(f"{database.name}{KEPT}{now:%Y%m%dT%H%M%S}")
            shutil.copy2(database, kept)
        atomic_write(database, content, backup=None)
    return kept

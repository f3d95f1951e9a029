"""Putting a backup back: the backups of a database, and restoring one without losing the file
it replaces (that is kept beside it, whatever state it is in)."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import UserError
from app.files import read_regular
from app.store.atomic import atomic_write
from app.store.codec import decode
from app.store.errors import (
    NewerSchema,
    StoreError,
    UnreadableDatabase,
    WriteFailed,
    os_reason,
    refuse_read_only,
)
from app.store.lock import DatabaseLock
from app.store.paths import backup_path, kept_prefix
from app.store.private import create_private_file

# Far more restores in one second than anyone makes; past it something is wrong, and a clear
# failure is better than a loop.
_MAX_SAME_SECOND = 1000


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    modified: datetime
    size: int
    interviews: int | None  # None when the backup itself cannot be read
    problem: str | None = None
    """Why it cannot be read, to follow "it": "is empty", "cannot be read (Permission denied)"."""

    @property
    def readable(self) -> bool:
        return self.interviews is not None


def list_backups(database: Path) -> list[Backup]:
    """The previous version, then copies kept by earlier restores: the readable ones first (a
    broken file kept by a restore must not become number 1), newest first within each."""
    candidates = [backup_path(database), *database.parent.glob(f"{kept_prefix(database)}*")]
    found = [describe(path, database) for path in candidates if path.is_file()]
    return sorted(found, key=lambda b: (not b.readable, -b.modified.timestamp(), b.path.name))


def describe(path: Path, database: Path) -> Backup:
    stat = path.stat()
    modified = datetime.fromtimestamp(stat.st_mtime, UTC)
    try:
        tables = decode(read_regular(path), path, backup_path(database))
    except (UserError, OSError) as problem:
        return Backup(path, modified, stat.st_size, None, _reason(problem))
    return Backup(path, modified, stat.st_size, len(tables.get("interviews") or {}))


def restore(database: Path, backup: Backup, now: datetime) -> Path | None:
    """Replace the database with ``backup``; return where the replaced file was kept."""
    if not backup.readable:
        raise StoreError(backup.path, f"{backup.path} cannot be restored: it {backup.problem}")
    content = read_regular(backup.path)
    # Read again as it is now: every save turns the previous version over, so the file listed
    # a moment ago may since have been replaced.
    try:
        decode(content, backup.path, backup_path(database))
    except StoreError as problem:
        raise StoreError(
            backup.path, f"{backup.path} cannot be restored: it {_reason(problem)}"
        ) from None
    with DatabaseLock(database):
        refuse_read_only(database)
        kept = _keep(database, now) if database.exists() else None
        atomic_write(database, content, backup=None)
    return kept


def _keep(database: Path, now: datetime) -> Path:
    """A copy of ``database`` under a name no file has yet: created exclusively, so that two
    restores in one second each keep their own copy instead of the second overwriting the
    first."""
    stem = f"{kept_prefix(database)}{now:%Y%m%dT%H%M%S}"
    for count in range(1, _MAX_SAME_SECOND + 1):
        kept = database.with_name(stem if count == 1 else f"{stem}-{count}")
        try:
            with database.open("rb") as reader, open(create_private_file(kept), "wb") as writer:
                try:
                    shutil.copyfileobj(reader, writer)
                    writer.flush()
                    os.fsync(writer.fileno())
                except BaseException:
                    with contextlib.suppress(OSError):
                        kept.unlink()
                    raise
        except FileExistsError:
            continue
        except OSError as error:
            raise WriteFailed(database, f"cannot keep a copy of it: {os_reason(error)}") from error
        # As copy2 would: the copy keeps the date of the content it holds, which the list shows.
        with contextlib.suppress(OSError):
            shutil.copystat(database, kept)
        return kept
    raise WriteFailed(database, f"{_MAX_SAME_SECOND} copies named {stem}* are there already")


def _reason(problem: Exception) -> str:
    """Why a file cannot be restored, to follow "it", without the advice that an unreadable
    database's message gives (where its backup is: that is the list being read)."""
    if isinstance(problem, UnreadableDatabase):
        return problem.problem
    if isinstance(problem, NewerSchema):
        return f"was written by a newer followup (schema {problem.found})"
    if isinstance(problem, OSError):
        return f"cannot be read ({os_reason(problem)})"
    return f"cannot be read ({problem})"

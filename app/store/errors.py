"""Storage failures, each told in one line that names the file concerned."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.errors import UserError


def describe_backup(backup: Path) -> str:
    """Where the user can find the previous version, or that there is none yet."""
    if backup.is_file():
        # Said here because a user facing a broken file rarely knows that a command exists
        # for exactly this.
        return f"the previous version is in {backup}; `followup restore` puts it back"
    return f"there is no backup yet ({backup} does not exist)"


def _one_line(message: str) -> str:
    # A path may contain a line break; the message must stay one line in a status bar or a log.
    return message.replace("\r", "\\r").replace("\n", "\\n")


class StoreError(UserError):
    """A storage problem the user can act on; str() is one line that names the file."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(_one_line(message))
        self.path = path


class UnreadableDatabase(StoreError):
    """The file exists but is not a followup database that this version can read."""

    def __init__(self, path: Path, backup: Path, problem: str) -> None:
        super().__init__(
            path, f"{path} {problem}; it was left untouched; {describe_backup(backup)}"
        )
        self.backup = backup
        self.problem = problem


class NewerSchema(StoreError):
    """The file was written by a newer followup; reading it could drop what we do not know."""

    def __init__(self, path: Path, backup: Path, found: int, known: int) -> None:
        super().__init__(
            path,
            f"{path} was written by a newer followup (schema {found}, this one knows up to "
            f"{known}); it was left untouched; {describe_backup(backup)}",
        )
        self.backup = backup
        self.found = found
        self.known = known


class DatabaseBusy(StoreError):
    """Another followup held the database for longer than we were willing to wait."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, f"{path} is being written by another followup; try again")


class ReadOnlyDatabase(StoreError):
    """The user made the database read-only: it must not be replaced, though renaming a new file
    over it would be allowed by its folder."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, f"{path} is read-only: nothing was changed")


def refuse_read_only(path: Path) -> None:
    """Raise ``ReadOnlyDatabase`` when ``path`` is a file we may not, or its owner may not,
    write. The owner's bit counts too: to root, os.access says every file is writable."""
    try:
        status = os.stat(path)
    except OSError:
        return  # none yet, or one that the write itself will report
    if not status.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise ReadOnlyDatabase(path)


class WriteFailed(StoreError):
    """Saving did not happen (disk full, file too large, no permission); the file is as it was."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, f"could not save {path} ({reason}); the file was left unchanged")
        self.reason = reason


def os_reason(error: OSError) -> str:
    """The system's own wording (``No space left on device``), without errno noise."""
    return error.strerror or str(error) or type(error).__name__

"""The database file's bytes as they are, for what is worked out from them and kept: read
without parsing, the lock or TinyDB, and named by which file they are."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from app.files import open_regular, read_bounded


class FileRead(NamedTuple):
    identity: tuple[int, ...]
    """Device, inode, size, modification and change times: every write makes another."""
    content: bytes


def read_file(path: Path) -> FileRead | None:
    """The bytes of the database at ``path``; None when there is none. Raises ``OSError``,
    ``NotARegularFile`` or ``TooLarge`` (``Repository.load`` says those to the user)."""
    try:
        descriptor = open_regular(path)
    except FileNotFoundError:
        return None
    try:
        status = os.fstat(descriptor)
        content = read_bounded(descriptor, path)
    finally:
        os.close(descriptor)
    identity = (
        status.st_dev,
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    )
    return FileRead(identity, content)

"""The database file's bytes as they are, for what is worked out from them and kept: read
without parsing, the lock or TinyDB, and named by which file they are."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import NamedTuple

from app.files import TooLarge, max_bytes, open_regular, read_bounded


class FileRead(NamedTuple):
    identity: tuple[int, ...]
    """Device, inode, size, modification and change times: every write makes another."""
    content: bytes


class FileDigest(NamedTuple):
    identity: tuple[int, ...]
    digest: str
    """The SHA-256 of the file's bytes, in hex."""


def file_digest(path: Path) -> FileDigest | None:
    """Which file is at ``path`` and the digest of its bytes, read a little at a time (never
    held whole); None when there is none. Raises as ``read_file``."""
    try:
        descriptor = open_regular(path)
    except FileNotFoundError:
        return None
    with open(descriptor, "rb", buffering=0) as file:
        status = os.fstat(descriptor)
        if status.st_size > max_bytes():
            raise TooLarge(path, status.st_size, max_bytes())
        digest = hashlib.file_digest(file, "sha256")
    return FileDigest(_identity(status), digest.hexdigest())


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
    return FileRead(_identity(status), content)


def _identity(status: os.stat_result) -> tuple[int, ...]:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)

"""Reading the files followup is given (the database, an interchange file): regular files only,
and never more than ``max_bytes()`` of them.

Opening a FIFO for reading waits for a writer that may never come, and a link to ``/dev/zero``
reads until memory runs out; so a path is checked before it is opened (and before any lock is
taken for it), and the file opened is checked again, since another may have taken its name in
between. The limit is ``DEFAULT_MAX_BYTES``; the environment variable ``FOLLOWUP_MAX_BYTES``
(a number of bytes) raises or lowers it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from app.errors import UserError

MAX_BYTES_ENV = "FOLLOWUP_MAX_BYTES"
# About four times the largest real pipeline (10,000 interviews with long notes are about
# 65 MB), and low enough that a wrong file (a disk image, a log) is refused before it is read:
# reading a file takes about seven times its size in memory.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_READ = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class Unreadable(UserError):
    """A file followup will not read; ``problem`` says why, to follow its path."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class NotARegularFile(Unreadable):
    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(path, f"is {kind}, not a regular file")
        self.kind = kind


class TooLarge(Unreadable):
    def __init__(self, path: Path, size: int | None, limit: int) -> None:
        what = f"the file is {size:,} bytes" if size is not None else "the file grew"
        megabytes = limit // 1024 // 1024
        most = f"{megabytes} MB ({limit:,} bytes; " if megabytes else f"{limit:,} bytes ("
        super().__init__(
            path, f"{what}; followup reads files of up to {most}{MAX_BYTES_ENV} changes it)"
        )


class FileProblem(UserError):
    """An OSError told as one line that names the path and the problem."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(f"{path}: {os_problem(error)}")
        self.path = path
        self.error = error


def os_problem(error: OSError) -> str:
    """The system's words for ``error``, in ours where they are obscure."""
    if error.errno == errno.ELOOP:
        return "a loop of symbolic links"
    return error.strerror or str(error) or type(error).__name__


def max_bytes() -> int:
    """How large a file followup reads: ``FOLLOWUP_MAX_BYTES``, else ``DEFAULT_MAX_BYTES``."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    try:
        limit = int(value)
    except ValueError:
        raise UserError(f"{MAX_BYTES_ENV}={value!r} is not a number of bytes") from None
    if limit < 1:
        raise UserError(f"{MAX_BYTES_ENV}={value!r} is not a number of bytes")
    return limit


def kind_of(mode: int) -> str | None:
    """What a file of ``mode`` is when it is not a regular file; None when it is one."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "something else")


def check_regular(path: Path) -> os.stat_result | None:
    """The status of the file ``path`` leads to; None when there is none (a dangling link
    too). Raises ``NotARegularFile``, or ``FileProblem`` for a loop of links and the like."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise FileProblem(path, error) from None
    kind = kind_of(status.st_mode)
    if kind is not None:
        raise NotARegularFile(path, kind)
    return status


def open_regular(path: Path) -> int:
    """A descriptor open for reading on the regular file at ``path``, which never waits for a
    FIFO's writer. ``FileNotFoundError`` when there is none; ``NotARegularFile``; other OSErrors
    as they come."""
    # Some devices act on being opened (a tape rewinds): look before opening.
    if check_regular(path) is None:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
    descriptor = os.open(path, _READ)
    try:
        kind = kind_of(os.fstat(descriptor).st_mode)
        if kind is not None:
            raise NotARegularFile(path, kind)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def read_bounded(descriptor: int, path: Path, limit: int | None = None) -> bytes:
    """All of the open file, refused with ``TooLarge`` past ``limit`` (``max_bytes()``)."""
    limit = max_bytes() if limit is None else limit
    size = os.fstat(descriptor).st_size
    if size > limit:
        raise TooLarge(path, size, limit)
    chunks: list[bytes] = []
    read = 0
    # Up to one byte past the limit, so that a file that grows while being read is caught; in
    # one read of its size where it stays as it is (os.read allocates what it is asked for).
    while read <= limit:
        chunk = os.read(descriptor, min(limit + 1 - read, max(size + 1 - read, 1 << 16)))
        if not chunk:
            break
        chunks.append(chunk)
        read += len(chunk)
    if read > limit:
        raise TooLarge(path, None, limit)
    return b"".join(chunks)


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The content of the regular file at ``path``, at most ``limit`` bytes long."""
    descriptor = open_regular(path)
    try:
        return read_bounded(descriptor, path, limit)
    finally:
        os.close(descriptor)

"""Replacing a file so that a crash leaves either its old or its new content, never a mix.

The new content goes to a temporary file in the same folder (a rename is only atomic within one
file system), is flushed to the disk, and then renamed over the target. Until that rename the
target is untouched, so every failure before it leaves the file byte-identical.

A writer holds an flock on its temporary for as long as it works on it. The kernel drops that
lock when the writer dies, however it dies, which is how a later cleaner tells a temporary
abandoned by a killed writer from one that a live writer is still filling.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from app.store.errors import WriteFailed, os_reason
from app.store.paths import temporary_prefix
from app.store.private import FILE_MODE, create_private_file

if sys.platform != "win32":
    import fcntl

# The backup is staged under the name of the writer's temporary plus this suffix, so that a
# cleaner can find the writer it belongs to.
_STAGED_SUFFIX = ".bak"
_COPY_CHUNK = 1 << 20


def atomic_write(
    path: Path, data: bytes | Iterable[bytes], *, backup: Path | None
) -> os.stat_result:
    """Replace ``path`` with ``data`` atomically and durably.

    ``data`` is the content, or its parts in order: written one after another, never joined, so
    that a large content made in parts is never held whole.

    With ``backup``, the current file (if any) becomes the backup just before the replacement.
    Returns the status of the new file, taken before the rename (which does not change its
    inode, size or modification time), so a caller can recognise its own write later.

    Raises ``WriteFailed`` on any OSError; the target is then byte-identical and no temporary
    is left behind.
    """
    try:
        descriptor, temporary = _create_temporary(path)
    except OSError as error:
        raise WriteFailed(path, os_reason(error)) from error
    try:
        try:
            _copy_mode(path, temporary)
            _write_all(descriptor, data)
            os.fsync(descriptor)
            written = os.fstat(descriptor)
            if backup is not None:
                _keep_previous(path, backup, temporary)
            os.replace(temporary, path)
        except BaseException as error:
            _remove_quietly(temporary)
            if isinstance(error, OSError):
                raise WriteFailed(path, os_reason(error)) from error
            raise
    finally:
        _close_quietly(descriptor)
    _sync_folder(path.parent)
    return written


def remove_leftover_temporaries(path: Path) -> int:
    """Remove the temporaries that killed writers left beside ``path``; return how many.

    A temporary still locked by a live writer is left alone.
    """
    prefix = temporary_prefix(path)
    try:
        names = [name for name in os.listdir(path.parent) if name.startswith(prefix)]
    except OSError:
        return 0
    removed = 0
    for name in names:
        candidate = path.parent / name
        writer = candidate.with_name(name.removesuffix(_STAGED_SUFFIX))
        if _remove_if_abandoned(candidate, writer):
            removed += 1
    return removed


def _create_temporary(path: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    while True:
        temporary = path.with_name(f"{temporary_prefix(path)}{os.urandom(8).hex()}")
        try:
            descriptor = os.open(temporary, flags, FILE_MODE)
        except FileExistsError:
            continue
        try:
            _hold(descriptor)
            if os.fstat(descriptor).st_nlink > 0:
                return descriptor, temporary
        except BaseException:
            _remove_quietly(temporary)
            _close_quietly(descriptor)
            raise
        # A cleaner removed it between its creation and our lock: start over under a new name.
        _close_quietly(descriptor)


def _copy_mode(path: Path, temporary: Path) -> None:
    # Best effort: a user who made the database group-readable keeps it so; failing a save
    # over permission bits would cost more than it protects.
    with contextlib.suppress(OSError):
        os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))


def _write_all(descriptor: int, data: bytes | Iterable[bytes]) -> None:
    if isinstance(data, bytes):
        _write_out(descriptor, data)
        return
    # Parts gathered into writes of about a megabyte: a system call for each small part would
    # cost more than the writing, and the whole content is never held at once.
    pending = bytearray()
    for part in data:
        pending += part
        if len(pending) >= _COPY_CHUNK:
            _write_out(descriptor, pending)
            pending.clear()
    _write_out(descriptor, pending)


def _write_out(descriptor: int, data: bytes | bytearray) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _keep_previous(path: Path, backup: Path, temporary: Path) -> None:
    staged = temporary.with_name(temporary.name + _STAGED_SUFFIX)
    try:
        try:
            # A second name for the current file costs no space and no copying.
            os.link(path, staged)
        except FileNotFoundError:
            return
        except OSError:
            # FAT, some network shares and protected_hardlinks refuse links: copy instead.
            _copy_durably(path, staged)
        os.replace(staged, backup)
    except BaseException:
        _remove_quietly(staged)
        raise


def _copy_durably(source: Path, target: Path) -> None:
    with source.open("rb") as reader, open(create_private_file(target), "wb") as writer:
        shutil.copyfileobj(reader, writer, _COPY_CHUNK)
        writer.flush()
        os.fsync(writer.fileno())
    with contextlib.suppress(OSError):
        shutil.copymode(source, target)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable. Some platforms cannot open a folder and some file systems
    # refuse to sync one; the new file is in place by now, so a refusal cannot be reported as
    # "the file is unchanged" and is left at that.
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        _close_quietly(descriptor)


def _hold(descriptor: int) -> None:
    if sys.platform == "win32":
        return
    # Without flock support the temporary is merely unprotected from a concurrent cleaner.
    with contextlib.suppress(OSError):
        fcntl.flock(descriptor, fcntl.LOCK_EX)


def _try_hold(descriptor: int) -> bool:
    if sys.platform == "win32":
        # Windows refuses to remove a file that its writer still has open, which protects it.
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True
    return True


def _remove_if_abandoned(candidate: Path, writer: Path) -> bool:
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor: int | None = os.open(writer, flags)
    except FileNotFoundError:
        # The writer's temporary is gone, so no writer is working on this staged backup.
        descriptor = None
    except OSError:
        return False
    try:
        if descriptor is not None and not _try_hold(descriptor):
            return False
        # Removed while holding the writer's lock, so a writer that is just starting sees its
        # temporary unlinked once it gets the lock, and starts over.
        return _remove_quietly(candidate)
    finally:
        if descriptor is not None:
            _close_quietly(descriptor)


def _remove_quietly(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


def _close_quietly(descriptor: int) -> None:
    # Everything that matters was synced before; a close error cannot undo or redo it.
    with contextlib.suppress(OSError):
        os.close(descriptor)

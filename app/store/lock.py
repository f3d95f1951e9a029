"""One writer at a time across every followup that opens the same database.

The lock is an flock(2) on ``<db>.lock`` (a LockFileEx lock on Windows). The kernel releases it
when the holding process ends, however it ends: a followup killed with SIGKILL, by the OOM
killer or by a power cut leaves no stale lock, and the next one takes it at once without any
guessing about ages or process ids. The lock file itself stays on disk after release on
purpose: removing it would let a waiting process lock a file that a newcomer has just replaced
by a new one of the same name, and both would think they hold the lock.

Only on a file system without flock does filelock fall back to a lock made of the file's mere
existence, which a killed holder does leave behind.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import Self

from filelock import FileLock, Timeout

from app.store.errors import DatabaseBusy, WriteFailed, os_reason
from app.store.paths import lock_path
from app.store.private import FILE_MODE, make_private_folder

DEFAULT_TIMEOUT = 10.0


class DatabaseLock:
    """Context manager holding the database's lock for a read-modify-write.

    Nesting in the thread that holds the lock is allowed, also through another
    ``DatabaseLock`` on the same database; other threads and processes wait up to ``timeout``
    seconds and then get ``DatabaseBusy``. With ``create_dirs`` the database's folder is created
    for the lock file, as a write would; without it a missing folder is a ``WriteFailed``. No
    other folder is ever created.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        create_dirs: bool = True,
    ) -> None:
        self._path = Path(os.path.realpath(path))  # never raises on a loop of links
        self._lock_path = lock_path(self._path)
        self._timeout = timeout
        self._create_dirs = create_dirs
        # One lock object per lock file in this process, with one hold count per thread: that
        # is what makes nesting work while keeping the threads of one process apart.
        self._file_lock = FileLock(
            self._lock_path, mode=FILE_MODE, is_singleton=True, thread_local=True
        )

    @property
    def path(self) -> Path:
        return self._path

    @property
    def lock_path(self) -> Path:
        return self._lock_path

    @property
    def is_held(self) -> bool:
        """Whether the current thread holds the lock."""
        return bool(self._file_lock.is_locked)

    def __enter__(self) -> Self:
        self._prepare_folder()
        try:
            self._file_lock.acquire(timeout=self._timeout)
        except Timeout as error:
            raise DatabaseBusy(self._path) from error
        except OSError as error:
            raise WriteFailed(
                self._path, f"cannot lock {self._lock_path}: {os_reason(error)}"
            ) from error
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._file_lock.release()

    def _prepare_folder(self) -> None:
        # filelock would create every missing parent on its own; decide here instead.
        folder = self._lock_path.parent
        if self._create_dirs:
            try:
                make_private_folder(folder)
            except OSError as error:
                raise WriteFailed(
                    self._path, f"cannot create {folder}: {os_reason(error)}"
                ) from error
        elif not folder.is_dir():
            raise WriteFailed(self._path, f"the folder {folder} does not exist")

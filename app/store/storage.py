"""A TinyDB storage that cannot lose or corrupt the database file.

Every write is atomic and keeps the previous version as ``<db>.bak``; a file that cannot be
read (damaged, or written by a newer followup) is never written over; parsing happens only
when the file changed, since TinyDB reads the whole database before every operation.

The storage does not lock: a read-modify-write that must not lose another instance's changes
runs inside a ``DatabaseLock``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import Storage

from app.domain.interchange.typed import plain
from app.files import NotARegularFile, open_regular, os_problem, read_bounded, read_regular
from app.store.atomic import atomic_write, remove_leftover_temporaries
from app.store.codec import decode, encode
from app.store.documents import as_documents, stored_tables
from app.store.errors import UnreadableDatabase, WriteFailed, os_reason, refuse_read_only
from app.store.paths import backup_path
from app.store.private import make_private_folder
from app.store.schema import MIGRATIONS, Migration

Tables = dict[str, dict[str, Any]]
# Identifies one version of the file: every write makes a new inode, and a change in place
# moves the size or the modification time.
_Stamp = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class _Snapshot:
    stamp: _Stamp
    tables: Tables
    plain: bool | None
    """Whether the records may be read by the typed reader (``interchange.typed.plain``);
    None: not looked at yet (tables just written, seldom read again but by their writer)."""


def _stamp_of(status: os.stat_result) -> _Stamp:
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def file_version(path: Path) -> _Stamp | None:
    """Which version of the file ``path`` is now (None: there is none), as the storage tells
    them apart."""
    try:
        return _stamp_of(os.stat(os.path.realpath(path)))
    except OSError:
        return None


class SafeJSONStorage(Storage):
    """TinyDB storage over one JSON file: ``TinyDB(path, storage=SafeJSONStorage)``.

    ``read`` returns the tables it cached for an unchanged file, shared and not copied: a
    caller must not change them, or documents returned from them (TinyDB copies documents
    only one level deep), except to pass them to ``write``. After a failed operation that
    may have changed them halfway, call ``invalidate``. With ``keep_written``, what ``write``
    was given is what ``read`` returns next, for as long as the file stays as written. With
    ``documents``, ``read`` gives each interview document as a ``documents.Document`` (its JSON,
    not parsed), which only the repository reads, and TinyDB's own tables cannot.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        migrations: Mapping[int, Migration] = MIGRATIONS,
        create_dirs: bool = True,
        keep_written: bool = False,
        documents: bool = False,
    ) -> None:
        super().__init__()
        # Resolved so that the temporaries and the backup sit beside the real file, and a
        # symlinked database stays a symlink.
        # realpath rather than resolve(): it never raises on a loop of links, which opening
        # the file then reports with its name.
        self._path = Path(os.path.realpath(path))
        self._backup = backup_path(self._path)
        self._migrations = migrations
        self._create_dirs = create_dirs
        self._keep_written = keep_written
        self._documents = documents
        self._cache: _Snapshot | None = None
        # The version of the file last read whole or written by us: safe to write over.
        self._trusted: _Stamp | None = None
        remove_leftover_temporaries(self._path)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def backup_path(self) -> Path:
        return self._backup

    @property
    def trusted_version(self) -> _Stamp | None:
        """The version of the file last read whole or written here."""
        return self._trusted

    def disk_version(self) -> _Stamp | None:
        """The version of the file on disk now; None when there is none."""
        return file_version(self._path)

    def read(self) -> Tables | None:
        """The upgraded tables, or None when the file does not exist yet.

        Raises ``UnreadableDatabase`` or ``NewerSchema``; the file is never rewritten here.
        """
        try:
            descriptor = open_regular(self._path)
        except FileNotFoundError:
            self.invalidate()
            return None
        except OSError as error:
            self.invalidate()
            raise self._unreadable(error) from error
        except NotARegularFile as refused:
            self.invalidate()
            raise self._refused(refused) from None
        try:
            stamp = _stamp_of(os.fstat(descriptor))
            if self._cache is not None and self._cache.stamp == stamp:
                return self._cache.tables
            self.invalidate()
            content = read_bounded(descriptor, self._path)
        except OSError as error:
            raise self._unreadable(error) from error
        except NotARegularFile as refused:
            raise self._refused(refused) from None
        finally:
            os.close(descriptor)
        tables = self._tables(content)
        self._cache = _Snapshot(stamp, tables, plain(content))
        self._trusted = stamp
        return tables

    def _tables(self, content: bytes) -> Tables:
        if not self._documents:
            return decode(content, self._path, self._backup, self._migrations)
        # Split, not parsed: the file's bytes are let go before its records are built, and
        # neither they nor a parsed copy of every document stay in memory beside the records.
        tables = stored_tables(content)
        if tables is None:
            tables = as_documents(decode(content, self._path, self._backup, self._migrations))
        return tables

    def write(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        """Replace the file with ``data``, keeping the current file as the backup.

        Raises ``UnreadableDatabase``/``NewerSchema`` rather than write over a file that
        cannot be read, and ``WriteFailed`` when the write itself fails.
        """
        try:
            content = encode(data)
            refuse_read_only(self._path)
            self._check_safe_to_replace()
            if self._create_dirs:
                self._create_folder()
            written = atomic_write(self._path, content, backup=self._backup)
        except BaseException:
            # TinyDB changes the tables read() returned before it writes them; after a failed
            # write the cache would no longer match the file.
            self.invalidate()
            self._trusted = None
            raise
        self._trusted = _stamp_of(written)
        if self._keep_written:
            # The caller has promised never to change ``data`` again and to write only what
            # JSON gives back as it was: it stands for the file until the file changes.
            self._cache = _Snapshot(self._trusted, data, None)  # type: ignore[arg-type]
        else:
            # The next read parses what is on disk rather than keeping the caller's objects,
            # which the caller may still change and which may hold values that JSON turns
            # into others (TinyDB's own tables do both).
            self.invalidate()

    @property
    def plain(self) -> bool:
        """Whether the tables last read or written may be read by the typed reader."""
        cache = self._cache
        if cache is None:
            return False
        if cache.plain is None:
            # Looked at only when the tables just written are decoded again: a save must not
            # pay for it.
            cache = self._cache = _Snapshot(cache.stamp, cache.tables, plain(encode(cache.tables)))
        return bool(cache.plain)

    def invalidate(self) -> None:
        """Forget the cached tables; the next read parses the file."""
        self._cache = None

    def close(self) -> None:
        self.invalidate()

    def _check_safe_to_replace(self) -> None:
        try:
            status = self._path.stat()
        except FileNotFoundError:
            return
        except OSError as error:
            raise self._unreadable(error) from error
        if _stamp_of(status) == self._trusted:
            return
        # Changed since we last saw it, or never read: make sure it is a database we can read.
        try:
            content = read_regular(self._path)
        except FileNotFoundError:
            return
        except OSError as error:
            raise self._unreadable(error) from error
        except NotARegularFile as refused:
            raise self._refused(refused) from None
        decode(content, self._path, self._backup, self._migrations)

    def _create_folder(self) -> None:
        folder = self._path.parent
        try:
            make_private_folder(folder)
        except OSError as error:
            raise WriteFailed(self._path, f"cannot create {folder}: {os_reason(error)}") from error

    def _refused(self, refused: NotARegularFile) -> UnreadableDatabase:
        # "db.json could not be read (is a FIFO, not a regular file); it was left untouched"
        return UnreadableDatabase(
            self._path, self._backup, f"could not be read ({refused.problem})"
        )

    def _unreadable(self, error: OSError) -> UnreadableDatabase:
        return UnreadableDatabase(
            self._path, self._backup, f"could not be read ({os_problem(error)})"
        )

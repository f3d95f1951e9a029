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

from app.files import NotARegularFile, open_regular, os_problem, read_bounded, read_regular
from app.store.atomic import atomic_write, remove_leftover_temporaries
from app.store.codec import decode, encode, encode_placed
from app.store.documents import Document, as_documents, stored_tables
from app.store.errors import UnreadableDatabase, WriteFailed, os_reason, refuse_read_only
from app.store.paths import backup_path
from app.store.private import make_private_folder
from app.store.schema import MIGRATIONS, Migration
from app.store.source import Source, Stamp, stamp_of

Tables = dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class _Snapshot:
    stamp: Stamp
    tables: Tables


def file_version(path: Path) -> Stamp | None:
    """Which version of the file ``path`` is now (None: there is none), as the storage tells
    them apart."""
    try:
        return stamp_of(os.stat(os.path.realpath(path)))
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
        self._source: Source | None = None
        self._cache: _Snapshot | None = None
        # The version of the file last read whole or written by us: safe to write over.
        self._trusted: Stamp | None = None
        remove_leftover_temporaries(self._path)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def backup_path(self) -> Path:
        return self._backup

    @property
    def trusted_version(self) -> Stamp | None:
        """The version of the file last read whole or written here."""
        return self._trusted

    def disk_version(self) -> Stamp | None:
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
            stamp = stamp_of(os.fstat(descriptor))
            if self._cache is not None and self._cache.stamp == stamp:
                if self._source is not None and self._source.stamp == stamp:
                    self._source.hold(os.dup(descriptor))
                return self._cache.tables
            self.invalidate()
            content = read_bounded(descriptor, self._path)
            if self._documents:
                # The documents are read back from this very version, even if another
                # followup replaces the file meanwhile: the descriptor keeps it.
                self.release()
                self._source = Source(self._path, stamp, os.dup(descriptor))
        except OSError as error:
            raise self._unreadable(error) from error
        except NotARegularFile as refused:
            raise self._refused(refused) from None
        finally:
            os.close(descriptor)
        try:
            tables = self._tables(content)
        except BaseException:
            self.release()
            raise
        self._cache = _Snapshot(stamp, tables)
        self._trusted = stamp
        return tables

    def _tables(self, content: bytes) -> Tables:
        if not self._documents:
            return decode(content, self._path, self._backup, self._migrations)
        # Split, not parsed, and each document placed in this version of the file: the bytes
        # are let go before the records are built, and the records are all that stays.
        tables = stored_tables(content, self._source)
        if tables is None:
            tables = as_documents(decode(content, self._path, self._backup, self._migrations))
        return tables

    def write(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        """Replace the file with ``data``, keeping the current file as the backup.

        Raises ``UnreadableDatabase``/``NewerSchema`` rather than write over a file that
        cannot be read, and ``WriteFailed`` when the write itself fails.
        """
        placed: list[tuple[Document, int, int]] = []
        try:
            if self._documents:
                content, placed = encode_placed(data)
            else:
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
        self._trusted = stamp_of(written)
        if placed:
            # Written: each document is now read back from the new version, not the one before
            # (which is the backup now, and is replaced by the next write).
            self.release()
            self._source = Source(self._path, self._trusted)
            for document, start, end in placed:
                document.moved(self._source, start, end)
        if self._keep_written:
            # The caller has promised never to change ``data`` again and to write only what
            # JSON gives back as it was: it stands for the file until the file changes.
            self._cache = _Snapshot(self._trusted, data)  # type: ignore[arg-type]
        else:
            # The next read parses what is on disk rather than keeping the caller's objects,
            # which the caller may still change and which may hold values that JSON turns
            # into others (TinyDB's own tables do both).
            self.invalidate()

    def release(self) -> None:
        """Close the version of the file the documents are read back from, until one is read
        again (which opens it again if it is still the file, or says it changed)."""
        if self._source is not None:
            self._source.close()

    def invalidate(self) -> None:
        """Forget the cached tables; the next read parses the file."""
        self._cache = None

    def close(self) -> None:
        self.invalidate()
        self.release()

    def _check_safe_to_replace(self) -> None:
        try:
            status = self._path.stat()
        except FileNotFoundError:
            return
        except OSError as error:
            raise self._unreadable(error) from error
        if stamp_of(status) == self._trusted:
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

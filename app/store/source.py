"""One version of the database file, as the documents split from it know it: where each one
is, so that the file's bytes need not stay in memory beside the records read from them.

A version is told by its stamp (inode, size, modification time): every write of followup makes
a new inode, and a change in place moves the size or the time. A document is read back from
the version it was split from, and from no other: if the file on disk is another version by
then, ``SourceChanged`` says so and nothing is read.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.files import NotARegularFile, open_regular, read_bounded
from app.store.errors import StoreError

Stamp = tuple[int, int, int]


def stamp_of(status: os.stat_result) -> Stamp:
    return (status.st_ino, status.st_size, status.st_mtime_ns)


class SourceChanged(StoreError):
    """The file is no longer the version whose documents were to be read back."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, f"{path} was changed by another program while followup used it; try again"
        )


class Source:
    """A version of the file, opened when a document is first read back and kept open until
    ``close`` (a few thousand reads then cost one open)."""

    __slots__ = ("_descriptor", "path", "stamp")

    def __init__(self, path: Path, stamp: Stamp, descriptor: int | None = None) -> None:
        """``descriptor``: one open on this version already, which the source then owns."""
        self.path = path
        self.stamp = stamp
        self._descriptor = descriptor

    def read(self, start: int, end: int) -> bytes:
        """The bytes from ``start`` to ``end``."""
        data = os.pread(self._open(), end - start, start)
        if len(data) != end - start:
            raise SourceChanged(self.path)
        return data

    def whole(self) -> bytes:
        """Every byte of this version."""
        descriptor = self._open()
        os.lseek(descriptor, 0, os.SEEK_SET)
        content = read_bounded(descriptor, self.path)
        if len(content) != self.stamp[1]:
            raise SourceChanged(self.path)
        return content

    def hold(self, descriptor: int) -> None:
        """Keep ``descriptor``, one open on this version (checked by its stamp), until
        ``close``: another followup may replace the file before the documents are read."""
        if self._descriptor is None:
            self._descriptor = descriptor
        else:
            os.close(descriptor)

    def close(self) -> None:
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is not None:
            os.close(descriptor)

    def __del__(self) -> None:
        self.close()

    def _open(self) -> int:
        if self._descriptor is not None:
            return self._descriptor
        try:
            descriptor = open_regular(self.path)
        except (OSError, NotARegularFile):
            raise SourceChanged(self.path) from None
        if stamp_of(os.fstat(descriptor)) != self.stamp:
            os.close(descriptor)
            raise SourceChanged(self.path)
        self._descriptor = descriptor
        return descriptor

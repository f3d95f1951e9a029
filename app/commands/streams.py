"""Standard output and standard error as the commands write them: UTF-8 whatever the locale, and
every write checked.

A text stream set to the locale's encoding fails on the first "…" under ``LANG=C`` or
``PYTHONIOENCODING=latin-1``; and a file that reaches its size limit (``ulimit -f``) takes part
of a write and refuses the rest, which Python leaves unreported when SIGXFSZ is ignored. Here
the bytes go to the file descriptor in a loop until all are written, and a write that cannot
finish is an ``OutputFailed``, so that a command never exits 0 over a cut file.
"""

from __future__ import annotations

import io
import os
from typing import TextIO

from app.errors import UserError


class OutputFailed(UserError):
    """A write to standard output (or error) that could not be finished; ``reason`` is the
    system's word for why ("File too large", "No space left on device")."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"could not write to {name} ({reason})")
        self.name = name
        self.reason = reason


class CheckedStream(io.TextIOBase):
    """A text stream over another one that writes UTF-8 bytes to its descriptor and checks
    every write.

    A stream with no descriptor (a test's capture) is written as text. ``reader_left`` tells
    that the reader closed the pipe (``followup due | head``): a ``BrokenPipeError`` from here
    means that, and one from anywhere else (a helper program) does not.
    """

    def __init__(self, stream: TextIO, name: str) -> None:
        super().__init__()
        self._stream = stream
        self._name = name
        self.reader_left = False
        self._descriptor: int | None
        try:
            self._descriptor = stream.fileno()
            # A stand-in may name a descriptor it does not have (Textual's capture of print
            # while an app runs answers -1): written as text, then.
            os.fstat(self._descriptor)
        except (OSError, ValueError, AttributeError):
            self._descriptor = None

    @property
    def name(self) -> str:
        return self._name

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        if self._descriptor is None:
            raise io.UnsupportedOperation("fileno")
        return self._descriptor

    def write(self, text: str) -> int:
        self.write_bytes(text.encode("utf-8", "surrogateescape"))
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        try:
            # Whatever went through the stream itself (argparse, a prompt) goes out first.
            self._stream.flush()
            if self._descriptor is None:
                self._stream.write(data.decode("utf-8", "surrogateescape"))
                self._stream.flush()
            else:
                write_all(self._descriptor, data)
        except BrokenPipeError:
            self.reader_left = True
            raise
        except OSError as error:
            raise OutputFailed(self._name, error.strerror or str(error)) from None

    def flush(self) -> None:
        pass  # nothing is kept back: every write goes straight to the descriptor


def write_all(descriptor: int, data: bytes) -> None:
    """Write all of ``data``; a short write is continued, and one that writes nothing (which
    the system may do at a limit instead of failing) is an ``OSError``."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        if written <= 0:
            raise OSError(0, "nothing more could be written")
        view = view[written:]


def write_bytes(stream: TextIO, data: bytes) -> None:
    """``data`` (UTF-8) to ``stream`` as it is, with no decoding and encoding again on the way
    where the stream takes bytes."""
    if isinstance(stream, CheckedStream):
        stream.write_bytes(data)
    else:
        stream.write(data.decode("utf-8"))
        stream.flush()

"""The system clipboard, as pyperclip finds it.

pyperclip chooses the mechanism (pbcopy, the Windows API, xclip, xsel, wl-copy …) and reads the
clipboard back. The three X11/Wayland helpers are run here rather than by pyperclip, though:
each forks a process that stays behind to serve the selection, and pyperclip lets it inherit
our stdout and stderr. Whoever reads our output (``$(followup draft ID --copy)``, a test, a
pipe) would then wait until something else is copied. Here the helper gets no handle on our
output and its own session, so that a Ctrl+C in the terminal does not take the copied text
with it either.

The text never goes on a command line, where every user of the machine can read it (``ps``):
each helper reads it on its standard input. pyperclip's klipper mechanism passes it as an
argument of ``qdbus``, so it is not used; KDE has xclip, xsel or wl-copy for that.
"""

from __future__ import annotations

import functools
import subprocess
import tempfile
from collections.abc import Callable
from typing import Protocol

_NO_MECHANISM = "pyperclip found none: on Linux it needs a display and xclip, xsel or wl-clipboard"
# pyperclip's function name -> the same command pyperclip would run.
_HELPERS: dict[str, list[str]] = {
    "xclip": ["xclip", "-selection", "clipboard"],
    "xsel": ["xsel", "-b", "-i"],
    "wl": ["wl-copy"],
}
_SHOWN_NAMES = {"wl": "wl-copy", "osx_pbcopy": "pbcopy", "osx_pyobjc": "macOS"}
_ON_A_COMMAND_LINE = {
    "klipper": "pyperclip would hand the text to klipper on qdbus's command line, where "
    "every user of this machine can read it; install xclip, xsel or wl-clipboard",
}


class Backend(Protocol):
    """A clipboard that can be written and read back; the tests pass fakes."""

    @property
    def name(self) -> str: ...

    def copy(self, text: str) -> None: ...

    def paste(self) -> str: ...


class NoClipboard(Exception):
    """There is no clipboard this backend can reach; the text says why."""


class SystemClipboard:
    """pyperclip's mechanism, found on first use (never on import)."""

    __slots__ = ("_found",)

    def __init__(self) -> None:
        self._found: tuple[str, Callable[[str], None], Callable[[], str]] | None = None

    @property
    def name(self) -> str:
        return self._found[0] if self._found else "the system clipboard"

    def copy(self, text: str) -> None:
        _, copy, _ = self._find()
        copy(text)

    def paste(self) -> str:
        _, _, paste = self._find()
        return str(paste())

    def _find(self) -> tuple[str, Callable[[str], None], Callable[[], str]]:
        if self._found is None:
            import pyperclip

            copy, paste = pyperclip.determine_clipboard()
            # pyperclip's "no mechanism" stand-in is falsy and raises when called.
            if not copy:
                raise NoClipboard(_NO_MECHANISM)
            mechanism = getattr(copy, "__name__", "").removeprefix("copy_") or "pyperclip"
            if mechanism in _ON_A_COMMAND_LINE:
                raise NoClipboard(_ON_A_COMMAND_LINE[mechanism])
            name = _SHOWN_NAMES.get(mechanism, mechanism)
            helper = _HELPERS.get(mechanism)
            if helper is not None:
                copy = functools.partial(run_helper, helper)
            self._found = (name, copy, paste)
        return self._found


def run_helper(command: list[str], text: str) -> None:
    """Run a clipboard helper that may leave a process behind, detached from our output."""
    with tempfile.TemporaryFile() as errors:
        try:
            done = subprocess.run(
                command,
                input=text.encode("utf-8"),
                stdout=subprocess.DEVNULL,
                # A file, not a pipe: a pipe would stay open in the process left behind.
                stderr=errors,
                check=False,
                close_fds=True,
                start_new_session=True,
            )
        except OSError as problem:
            raise NoClipboard(f"{command[0]}: {problem.strerror or problem}") from None
        if done.returncode != 0:
            errors.seek(0)
            said = " ".join(errors.read(2000).decode("utf-8", "replace").split())
            detail = f": {said}" if said else ""
            raise NoClipboard(f"{command[0]} failed (exit status {done.returncode}){detail}")

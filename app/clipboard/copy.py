"""``copy_text``: the system clipboard first, the terminal's next, and a plain answer either way."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from app.clipboard.system import Backend, NoClipboard, SystemClipboard
from app.domain.text import printable

DEFAULT_TIMEOUT = 2.0
# Some helpers hand the text over a moment after they return; read back a few times first.
_READ_BACK_TRIES = 5
_READ_BACK_PAUSE = 0.05


class Mechanism(StrEnum):
    SYSTEM = "system"
    """The system clipboard, through pyperclip, and read back to be sure."""
    TERMINAL = "terminal"
    """The terminal's clipboard (OSC 52): sent, but no terminal says whether it took it."""
    NONE = "none"


@dataclass(frozen=True, slots=True)
class CopyResult:
    ok: bool
    mechanism: Mechanism
    message: str
    """One plain sentence or two for the user: where the text went, or that it went nowhere."""
    verified: bool = False
    """Whether the text was read back from the clipboard."""
    problems: tuple[str, ...] = ()
    """Why each mechanism tried before the one used (or all of them) failed."""


def copy_text(
    text: str,
    *,
    terminal: Callable[[str], None] | None = None,
    backend: Backend | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> CopyResult:
    """Copy ``text``; return how it went. It blocks for at most about ``timeout`` seconds.

    ``terminal`` writes to the terminal's clipboard, used only when the system clipboard fails;
    from a worker thread, the dashboard passes something like
    ``lambda t: app.call_from_thread(app.copy_to_clipboard, t)``.
    """
    # What is pasted lands in a terminal or a mail as much as in an editor: no control
    # character goes with it, but the tabs and line breaks do.
    text = printable(text)
    system = backend if backend is not None else SystemClipboard()
    problem = _try_system(system, text, timeout)
    if problem is None:
        return CopyResult(
            ok=True,
            mechanism=Mechanism.SYSTEM,
            message=f"Copied to the clipboard ({system.name}).",
            verified=True,
        )
    problems = [problem]
    if terminal is not None:
        try:
            terminal(text)
        except Exception as failure:
            problems.append(f"the terminal's clipboard failed: {_first_line(failure)}")
        else:
            return CopyResult(
                ok=True,
                mechanism=Mechanism.TERMINAL,
                message=(
                    "Copied with the terminal's clipboard (OSC 52), as the system clipboard "
                    f"was out of reach ({problem}). If pasting gives nothing, this terminal "
                    "ignores OSC 52."
                ),
                problems=tuple(problems),
            )
    return CopyResult(
        ok=False,
        mechanism=Mechanism.NONE,
        message=(f"Not copied: no clipboard works here ({'; '.join(problems)})."),
        problems=tuple(problems),
    )


def _try_system(backend: Backend, text: str, timeout: float) -> str | None:
    """None if ``text`` is on the clipboard and reads back; else why not."""
    outcome: list[str | None] = []

    def attempt() -> None:
        try:
            backend.copy(text)
            outcome.append(_read_back(backend, text))
        except NoClipboard as missing:
            outcome.append(str(missing))
        except Exception as failure:  # whatever a helper raises, it means no clipboard
            outcome.append(f"{backend.name}: {_first_line(failure)}")

    # A daemon thread, because a helper that hangs (xclip waiting on a dead display) can be
    # neither interrupted nor allowed to keep the program from exiting.
    worker = threading.Thread(target=attempt, name="followup-clipboard", daemon=True)
    worker.start()
    worker.join(timeout)
    if outcome:
        return outcome[0]
    return f"{backend.name} did not answer within {timeout:g} seconds"


def _read_back(backend: Backend, text: str) -> str | None:
    for attempt in range(_READ_BACK_TRIES):
        if _same(backend.paste(), text):
            return None
        if attempt < _READ_BACK_TRIES - 1:
            time.sleep(_READ_BACK_PAUSE)
    return f"{backend.name} accepted the text but the clipboard did not keep it"


def _same(pasted: str, text: str) -> bool:
    # Clipboards may turn line ends into CRLF or drop a final newline; neither is a failure.
    def plain(value: str) -> str:
        return value.replace("\r\n", "\n").rstrip("\n")

    return plain(pasted) == plain(text)


def _first_line(failure: BaseException) -> str:
    lines = str(failure).strip().splitlines()
    return lines[0] if lines else type(failure).__name__

"""The terminal's own clipboard: the OSC 52 escape sequence, which many terminals honour (and
some ignore without a word, which is why a copy made this way is reported as unverified)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import TextIO


def osc52_sequence(text: str) -> str:
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{payload}\a"


def terminal_writer(stream: TextIO) -> Callable[[str], None]:
    """A fallback for ``copy_text`` that writes the sequence to ``stream``, a terminal.

    The dashboard does not need this: it passes Textual's ``App.copy_to_clipboard``.
    """

    def write(text: str) -> None:
        stream.write(osc52_sequence(text))
        stream.flush()

    return write

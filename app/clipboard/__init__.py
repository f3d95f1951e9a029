"""Copying a draft, reliably (SPEC section 6): never a silent failure, never a frozen screen.

``copy_text(text)`` tries the system clipboard through pyperclip, in a worker thread given two
seconds, and reads the text back to be sure it arrived. Where that fails it falls back to the
terminal's clipboard (OSC 52) if the caller passes a way to reach it (the dashboard passes
Textual's ``App.copy_to_clipboard``; this package never imports Textual). The ``CopyResult``
says which one was used, or plainly that none worked, so that the caller can offer
``save_draft(text, folder)`` instead.

Nothing here imports pyperclip, starts a thread or touches the disk on import.
"""

from app.clipboard.copy import (
    DEFAULT_TIMEOUT,
    CopyResult,
    Mechanism,
    copy_text,
)
from app.clipboard.files import save_draft
from app.clipboard.system import Backend, NoClipboard, SystemClipboard
from app.clipboard.terminal import osc52_sequence, terminal_writer

__all__ = [
    "DEFAULT_TIMEOUT",
    "Backend",
    "CopyResult",
    "Mechanism",
    "NoClipboard",
    "SystemClipboard",
    "copy_text",
    "osc52_sequence",
    "save_draft",
    "terminal_writer",
]

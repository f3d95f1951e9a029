"""Handing a message to the desktop's mail program: the one place that starts another program,
for the command line and the dashboard alike."""

from __future__ import annotations

import shutil
import subprocess
import sys

from app.errors import UserError


def open_mailto(url: str) -> str:
    """Give ``url`` (a ``mailto:`` link) to the desktop's handler and return its name.

    Started without a shell and not waited for: a mail program stays open after followup is
    done. Raises ``UserError`` saying why when there is no handler (the caller says what to
    do instead: the command line and the dashboard offer different ways)."""
    opener = {"darwin": "open"}.get(sys.platform, "xdg-open")
    program = shutil.which(opener)
    if program is None:
        raise UserError(f"nothing here opens mailto: links ({opener} is not installed)")
    try:
        subprocess.Popen(
            [program, url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as problem:
        raise UserError(f"could not start {opener} ({problem.strerror or problem})") from None
    return opener

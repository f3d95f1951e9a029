"""Files and folders that only their owner can read, from the moment they exist.

Interview notes, contacts and who said what are personal. A file created with the default mode
and narrowed afterwards is readable by everyone for that moment, and for good if the narrowing
fails; so each one is created with its final mode, whatever the umask allows.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def create_private_file(path: Path) -> int:
    """A descriptor open for writing on a new file at ``path``, readable by its owner only;
    ``FileExistsError`` when there is one already."""
    return os.open(path, _CREATE | getattr(os, "O_BINARY", 0), FILE_MODE)


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and each missing folder above it, readable by their owner only. A
    folder already there is left as it is: the user may have shared it on purpose."""
    missing: list[Path] = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        try:
            each.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            if not each.is_dir():
                raise

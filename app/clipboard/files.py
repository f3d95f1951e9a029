"""Where there is no clipboard at all: the draft saved to a file, written atomically."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from app.domain.text import printable

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_STEM = 100


def save_draft(text: str, folder: Path, name: str = "draft") -> Path:
    """Write ``text`` to ``folder/NAME.txt`` and return the path.

    ``name`` (an action id will do: "acme/thank_you/r1/jane") is made safe for a file name. An
    existing file is never overwritten: the same text again returns that file, other text gets
    ``NAME-2.txt``, ``NAME-3.txt`` … A crash leaves either no file or the whole one.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stem = _UNSAFE.sub("-", name).strip("-.")[:MAX_STEM] or "draft"
    text = printable(text)
    data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    number = 1
    while True:
        target = folder / (f"{stem}.txt" if number == 1 else f"{stem}-{number}.txt")
        if not target.exists():
            _write_atomically(target, data)
            return target
        if target.is_file() and target.read_bytes() == data:
            return target
        number += 1


def _write_atomically(target: Path, data: bytes) -> None:
    # mkstemp makes the file readable by its owner only: drafts quote personal notes.
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)

"""The small files followup keeps beside a database (the inbox's and the calendar's settings,
the last ``due`` listing, the actions worked out): named after the file the database really is,
so that they travel with it through a link; written in one step and readable by their owner
only, from the moment they exist; and read back only when they are what followup wrote.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from app.errors import UserError
from app.files import read_regular

T = TypeVar("T")


# Every such file, by what follows the database's name, and what it is to the user: no file a
# command writes where the user says (`calendar --out`, `draft --eml`) may be one of them.
LISTING = ".due-listing.json"
INBOX = ".inbox.json"
CALENDAR = ".calendar.json"
ACTIONS = ".actions-cache"
KEPT_BESIDE = {
    LISTING: "the numbers of the database's last `followup due` listing",
    INBOX: "the inbox's settings and proposals",
    CALENDAR: "the calendar sync's settings and what it sent",
    ACTIONS: "the actions worked out for the database",
}


class NotOurs(Exception):
    """The file is there but is not a document followup wrote in the format asked for."""


def beside_path(database: Path, suffix: str) -> Path:
    """``<database><suffix>`` beside the file the database really is (through a link)."""
    try:
        real = database.resolve()
    except (OSError, RuntimeError):  # a loop of links: the database itself will say so
        real = database.absolute()
    return real.with_name(f"{real.name}{suffix}")


def read_beside(path: Path, fmt: str, max_bytes: int) -> dict[str, Any] | None:
    """The JSON object at ``path`` whose ``format`` is ``fmt``; None when there is no file.
    Raises ``OSError`` or ``app.files.Unreadable`` (a FIFO, a file too large) for a file that
    cannot be read, ``NotOurs`` for one that is not such an object."""
    try:
        raw = read_regular(path, max_bytes)
    except FileNotFoundError:
        return None
    try:
        document: Any = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise NotOurs(path) from None
    if not isinstance(document, dict) or document.get("format") != fmt:
        raise NotOurs(path)
    return document


def load_beside(
    path: Path,
    fmt: str,
    what: str,
    max_bytes: int,
    parse: Callable[[dict[str, Any]], T | None],
    *,
    not_ours: str | None = None,
) -> T | None:
    """``read_beside`` read by ``parse`` (None from it: not ours); None when there is no file.
    Raises UserError, saying what is wrong with the file and that it was left as it is (or
    ``not_ours``, for a file that is not followup's)."""
    try:
        document = read_beside(path, fmt, max_bytes)
        found = None if document is None else parse(document)
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror or error}") from None
    except NotOurs:
        found = None
        document = {}
    if document is not None and found is None:
        raise UserError(
            not_ours
            or f"{path} is not followup's {what} file ({fmt}); it was left untouched "
            "(move it away to start over)"
        )
    return found


def write_beside(path: Path, document: dict[str, Any]) -> None:
    """Replace ``path`` with ``document`` as JSON in one step, readable by its owner only.
    Raises ``WriteFailed`` (a UserError) when it cannot be written."""
    write_beside_bytes(path, (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode())


def write_beside_bytes(path: Path, data: bytes | Iterable[bytes]) -> None:
    """``write_beside`` for bytes already made, whole or in parts (``atomic_write``)."""
    from app.store.atomic import atomic_write, remove_leftover_temporaries

    remove_leftover_temporaries(path)
    # A write keeps the mode of the file it replaces, and what these files hold is personal.
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    atomic_write(path, data, backup=None)

"""Where a command may write a file the user names (``calendar --out``, ``draft --eml``): never
over the database or the files that keep it safe, and through a link to the file it leads to."""

from __future__ import annotations

import os
from pathlib import Path

from app.errors import UserError


def output_path(option: str, value: str | None, database: Path) -> Path | None:
    """The path ``option`` names, checked; None when it was not given."""
    if value is None:
        return None
    if not value.strip():
        # Almost always an unset shell variable; stdout is not what was asked for either.
        raise UserError(f"{option} is empty: give the path of the file to write")
    if value.endswith(("/", os.sep)):
        # Path() drops the slash, and with it the sign that a folder was meant.
        raise UserError(f"{option} {value} names a folder: give the path of a file")
    out = Path(value).expanduser()
    target = followed(option, out)
    what = _ours(target, database)
    if what is not None:
        raise UserError(f"{option} {out} is {what}: give another file")
    if target.is_dir():
        raise UserError(f"{option} {out} is a folder: give the path of a file in it")
    if not target.parent.is_dir():
        raise UserError(f"{option} {out}: there is no folder {target.parent}")
    return out


def _ours(target: Path, database: Path) -> str | None:
    """What ``target`` is to the database, if it is one of the files that keep it: the file
    itself, its backup, its lock, a file kept beside it (``store.beside``), a copy kept by a
    restore, or a temporary of a write."""
    from app.store.beside import KEPT_BESIDE, beside_path
    from app.store.paths import backup_path, kept_prefix, lock_path, temporary_prefix

    # Beside the database as named and beside the file a link leads to: the store writes its
    # backup and temporaries beside the real file.
    places = {database.absolute(), followed("--db", database)}
    for place in places:
        beside = {beside_path(place, suffix): what for suffix, what in KEPT_BESIDE.items()}
        named = {
            place: "the database itself",
            backup_path(place): "the database's backup",
            lock_path(place): "the database's lock",
            **beside,
        }
        for path, what in named.items():
            if target == followed("--db", path):
                return what
        if target.parent == followed("--db", place.parent):
            if target.name.startswith(kept_prefix(place)):
                # `followup restore` lists these and puts them back.
                return "a copy of the database kept by `followup restore`"
            temporaries = tuple(temporary_prefix(path) for path in (place, *beside))
            if target.name.startswith(temporaries):
                return "a temporary file of a write to the database"
    return None


def write_output(option: str, out: Path, data: bytes) -> Path:
    """``data`` into ``out`` in one step (a reader never sees half of it); through a link, the
    file it leads to is replaced. Returns that file."""
    from app.store.atomic import atomic_write

    target = followed(option, out)
    atomic_write(target, data, backup=None)
    return target


def followed(option: str, out: Path) -> Path:
    """The file ``out`` leads to through any links: the one to replace, since renaming a new
    file over a link would put a plain file in the link's place."""
    try:
        return out.resolve()
    except (OSError, RuntimeError):  # a loop of links: RuntimeError before Python 3.13
        raise UserError(f"{option} {out} is a link that leads back to itself") from None

"""Where a command may write a file the user names (``calendar --out``, ``draft --eml``): never
over the database or the files that keep it safe, and through a link to the file it leads to."""

from __future__ import annotations

from pathlib import Path

from app.errors import UserError


def output_path(option: str, value: str | None, database: Path) -> Path | None:
    """The path ``option`` names, checked; None when it was not given."""
    if value is None:
        return None
    if not value.strip():
        # Almost always an unset shell variable; stdout is not what was asked for either.
        raise UserError(f"{option} is empty: give the path of the file to write")
    from app.store.paths import backup_path, lock_path

    out = Path(value).expanduser()
    target = followed(option, out)
    ours = {
        database.resolve(): "the database itself",
        backup_path(database).resolve(): "the database's backup",
        lock_path(database).resolve(): "the database's lock",
    }
    if target in ours:
        raise UserError(f"{option} {out} is {ours[target]}: give another file")
    return out


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

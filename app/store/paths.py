"""The files that live beside a database, named after it so that they travel together."""

from __future__ import annotations

from pathlib import Path


def backup_path(database: Path) -> Path:
    """The previous version of the database, kept by every write."""
    return database.with_name(f"{database.name}.bak")


def lock_path(database: Path) -> Path:
    """The file whose lock says that a followup is changing the database."""
    return database.with_name(f"{database.name}.lock")


KEPT = ".before-restore-"
"""Between the database's name and the date in the name of the copy a restore keeps."""


def kept_prefix(database: Path) -> str:
    """How the copies that restores keep of the database start (``db.json.before-restore-``)."""
    return f"{database.name}{KEPT}"


def temporary_prefix(database: Path) -> str:
    """How the temporaries of a write start, hidden and recognisable as this database's."""
    return f".{database.name}.tmp-"

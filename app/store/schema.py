"""The layout of a database file and the upgrades that bring old files to the current one.

A file is ``{"followup_schema": 2, "<table>": {"<doc_id>": {...}}, ...}``: TinyDB's table layout
plus a version number. A file without the number predates versioning and is version 0.

Version 1 kept each sent message's text in its event; version 2 keeps them in a table of their
own (``store.texts``), which the daily path does not read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

from app.store.errors import NewerSchema, UnreadableDatabase

SCHEMA_KEY: Final = "followup_schema"
CURRENT_SCHEMA: Final = 2

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _texts_apart(tables: dict[str, Any]) -> dict[str, Any]:
    # Imported when a file needs it: reading a current file never does.
    from app.store.texts import moved_apart

    return moved_apart(tables)


# Keyed by the version a step upgrades from; a step takes and returns the tables.
MIGRATIONS: dict[int, Migration] = {1: _texts_apart}


def upgrade(
    raw: object,
    path: Path,
    backup: Path,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> dict[str, dict[str, Any]]:
    """Check the parsed file, upgrade it to ``CURRENT_SCHEMA`` and return its tables.

    ``path`` and ``backup`` only name the files in the errors. The result holds the tables
    without the version number. Raises ``NewerSchema`` or ``UnreadableDatabase``.
    """
    if not isinstance(raw, dict):
        raise UnreadableDatabase(
            path, backup, f"is not a followup database (it holds {_kind(raw)}, not an object)"
        )
    version = raw.get(SCHEMA_KEY, 0)
    if isinstance(version, bool) or not isinstance(version, int):
        raise UnreadableDatabase(
            path, backup, f"has a schema version that is not a whole number ({_kind(version)})"
        )
    if version > CURRENT_SCHEMA:
        raise NewerSchema(path, backup, version, CURRENT_SCHEMA)
    tables: dict[str, Any] = {name: value for name, value in raw.items() if name != SCHEMA_KEY}
    while version < CURRENT_SCHEMA:
        step = migrations.get(version)
        if step is None:
            raise UnreadableDatabase(
                path, backup, f"has schema version {version}, which this followup does not know"
            )
        try:
            tables = step(tables)
        except Exception as error:
            # Whatever the step tripped over, the file must be refused, not half understood.
            raise UnreadableDatabase(
                path, backup, f"could not be upgraded from schema version {version} ({error!r})"
            ) from error
        version += 1
    problem = _layout_problem(tables)
    if problem is not None:
        raise UnreadableDatabase(path, backup, f"is not a followup database ({problem})")
    return tables


def _layout_problem(tables: object) -> str | None:
    if not isinstance(tables, dict):
        return f"the tables are {_kind(tables)}, not an object"
    for name, table in tables.items():
        if name == SCHEMA_KEY:
            return f"{SCHEMA_KEY} is there twice"
        if not isinstance(table, dict):
            return f"table {name!r} is {_kind(table)}, not an object"
        for doc_id, document in table.items():
            if not _is_doc_id(doc_id):
                return f"table {name!r} has {doc_id!r} where a document number belongs"
            if not isinstance(document, dict):
                return f"document {doc_id} of table {name!r} is {_kind(document)}, not an object"
    return None


def _is_doc_id(key: object) -> bool:
    # TinyDB turns every key into an int; one it cannot convert would break every query.
    if not isinstance(key, str):
        return False
    try:
        int(key)
    except ValueError:
        return False
    return True


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__

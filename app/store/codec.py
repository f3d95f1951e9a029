"""Bytes of a database file to tables and back, with a precise reason when the bytes are bad."""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from app.store.errors import UnreadableDatabase

if TYPE_CHECKING:
    from app.store.documents import Document
from app.store.schema import CURRENT_SCHEMA, MIGRATIONS, SCHEMA_KEY, Migration, upgrade

_BLANK = b" \t\r\n"


def decode(
    content: bytes,
    path: Path,
    backup: Path,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> dict[str, dict[str, Any]]:
    """The upgraded tables held by ``content``; raises ``UnreadableDatabase``/``NewerSchema``."""
    try:
        raw = orjson.loads(content)
    except orjson.JSONDecodeError as error:
        raise UnreadableDatabase(path, backup, _why_not_json(content, error)) from error
    return upgrade(raw, path, backup, migrations)


def encode(tables: Mapping[str, Mapping[str, Any]]) -> bytes:
    """The file content for ``tables``: the schema version first, compact, newline-terminated.

    The same tables always give the same bytes. Raises ``TypeError`` for values JSON cannot
    hold and ``ValueError`` for a table named like the version key.
    """
    if SCHEMA_KEY in tables:
        raise ValueError(f"{SCHEMA_KEY!r} is reserved and cannot name a table")
    return orjson.dumps({SCHEMA_KEY: CURRENT_SCHEMA, **tables}, option=orjson.OPT_APPEND_NEWLINE)


def encode_placed(
    tables: Mapping[str, Mapping[str, Any]],
) -> tuple[bytes, list[tuple[Document, int, int]]]:
    """``encode(tables)``, the same bytes, for tables whose documents may be
    ``documents.Document`` (written as the JSON they hold), and where each of those is in them:
    each version of the file a document is read back from is read once, not once per
    document."""
    from app.store.documents import Document

    if SCHEMA_KEY in tables:
        raise ValueError(f"{SCHEMA_KEY!r} is reserved and cannot name a table")
    parts: list[bytes | memoryview] = [b'{"' + SCHEMA_KEY.encode() + b'":', b"%d" % CURRENT_SCHEMA]
    length = sum(map(len, parts))
    placed: list[tuple[Document, int, int]] = []
    read: dict[int, bytes] = {}
    # Documents written back unread lie side by side in the version they are read from, with
    # the same keys between them as here: a run of them is copied as one slice, not one by one.
    run: tuple[bytes, int, int] | None = None

    def add(part: bytes | memoryview) -> None:
        nonlocal length
        parts.append(part)
        length += len(part)

    def flush() -> None:
        nonlocal run
        if run is not None:
            content, first, end = run
            add(memoryview(content)[first:end])
            run = None

    for name, table in tables.items():
        flush()
        add(b"," + orjson.dumps(name) + b":{")
        comma = b""
        for doc_id, doc in table.items():
            key = comma + orjson.dumps(doc_id) + b":"
            comma = b","
            source = doc.source if type(doc) is Document else None
            if source is None:
                flush()
                add(key)
                start = length
                add(doc.raw if type(doc) is Document else orjson.dumps(doc))
                if type(doc) is Document:
                    placed.append((doc, start, length))
                continue
            content = read.get(id(source))
            if content is None:
                content = read[id(source)] = source.whole()
            first, end = doc.span
            if (
                run is not None
                and run[0] is content
                and run[2] + len(key) == first
                and content.startswith(key, run[2])
            ):
                start = length + first - run[1]
                run = (content, run[1], end)
            else:
                flush()
                add(key)
                start = length
                run = (content, first, end)
            placed.append((doc, start, start + end - first))
        flush()
        add(b"}")
    add(b"}\n")
    return b"".join(parts), placed


def _why_not_json(content: bytes, error: orjson.JSONDecodeError) -> str:
    if not content.strip(_BLANK):
        return "is empty"
    if not content.strip(b"\x00" + _BLANK):
        return "contains only NUL bytes (the disk lost its content, often in a crash)"
    if content.startswith(codecs.BOM_UTF8):
        return "starts with a byte order mark (BOM), which JSON does not allow"
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as bad:
        return f"is not UTF-8 text (byte {bad.start + 1} is not valid)"
    where = f"line {error.lineno}, column {error.colno}"
    if error.pos >= len(text.rstrip()) or error.msg == "unexpected end of data":
        return f"is cut short ({where})"
    if "\x00" in text:
        return f"contains NUL bytes (the disk lost part of its content; {where})"
    return f"is not valid JSON ({where})"

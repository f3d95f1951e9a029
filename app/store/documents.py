"""The interview documents of a database file, each kept as the JSON it is stored as and read
only when asked: for what is worked out from the file and kept (``services.open_actions``),
which after a change to one interview reads that one alone.

A file as followup writes it is split with msgspec into its documents without building any of
them (``msgspec.Raw``: slices of the file's bytes), and of each only its id and stage are read.
Anything else (an older schema, another layout) is parsed whole, and its documents written back
to JSON the way followup writes them, so that a document has one form, and one digest, either
way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import msgspec
import orjson

from app.domain.records import Profile
from app.store.schema import CURRENT_SCHEMA, SCHEMA_KEY

META = "meta"
INTERVIEWS = "interviews"


class Document:
    """One stored interview: its document id, its id and stage as stored, and its JSON."""

    __slots__ = ("doc_id", "id", "raw", "stage")

    def __init__(self, doc_id: str, ident: object, stage: object, raw: bytes) -> None:
        self.doc_id = doc_id
        self.id = ident
        self.stage = stage
        self.raw = raw

    def content(self) -> Any:
        return orjson.loads(self.raw)


@dataclass(frozen=True)
class Documents:
    profile: Profile
    policy_overrides: dict[str, Any]
    interviews: list[Document]
    """In the file's order (by document id)."""
    content: bytes | None = None
    """The file's bytes, where the documents were split from them."""

    @cached_property
    def plain(self) -> bool:
        """Whether the typed reader may read them (``interchange.typed.plain``)."""
        from app.domain.interchange.typed import plain

        if self.content is None:
            return all(plain(document.raw) for document in self.interviews)
        return plain(self.content)


class _Peek(msgspec.Struct):
    id: Any = None
    stage: Any = None


_FILE = msgspec.json.Decoder(dict[str, int | dict[str, msgspec.Raw]])
_PEEK = msgspec.json.Decoder(_Peek)

Meta = Callable[[dict[str, Any]], tuple[Profile, dict[str, Any]]]


def split(content: bytes, meta: Meta) -> Documents | None:
    """``content``'s documents, split without being parsed; None where the file must be parsed
    whole (``parsed``). ``meta`` reads the meta table (and raises for a bad one)."""
    try:
        tables = _FILE.decode(content)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if tables.get(SCHEMA_KEY) != CURRENT_SCHEMA:
        return None
    raw_meta = tables.get(META, {})
    docs = tables.get(INTERVIEWS, {})
    if not isinstance(raw_meta, dict) or not isinstance(docs, dict):
        return None
    if not all(_is_number(key) for table in (raw_meta, docs) for key in table):
        return None
    try:
        meta_table = {key: orjson.loads(bytes(value)) for key, value in raw_meta.items()}
        peeks = {key: _PEEK.decode(value) for key, value in docs.items()}
    except (orjson.JSONDecodeError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if not all(isinstance(doc, dict) for doc in meta_table.values()):
        return None
    profile, policy = meta(meta_table)
    ordered = [
        Document(key, peeks[key].id, peeks[key].stage, bytes(docs[key]))
        for key in sorted(docs, key=int)
    ]
    return Documents(profile, policy, ordered, content)


def parsed(profile: Profile, policy: dict[str, Any], docs: dict[str, dict[str, Any]]) -> Documents:
    """Documents of tables parsed whole, each written as followup writes the file."""
    ordered = [
        Document(key, docs[key].get("id"), docs[key].get("stage"), orjson.dumps(docs[key]))
        for key in sorted(docs, key=int)
    ]
    return Documents(profile, policy, ordered)


def _is_number(key: str) -> bool:
    # What followup writes; anything else is left to the full reader's checks and messages.
    return key.isascii() and key.isdigit() and (key == "0" or not key.startswith("0"))

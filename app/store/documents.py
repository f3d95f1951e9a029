"""The interview documents of a database file, each kept as the JSON it is stored as and read
only when asked: by the repository, which reads each straight into its record and writes back
those that did not change, and for what is worked out from the file and kept
(``services.open_actions``), which after a change to one interview reads that one alone.

A file as followup writes it is split with msgspec into its documents without building any of
them (``msgspec.Raw``: slices of the file's bytes), and of each only its id and stage are read.
Anything else (an older schema, another layout) is parsed whole, and its documents written back
to JSON the way followup writes them, so that a document has one form, and one digest, either
way.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec
import orjson

from app.domain.records import Profile
from app.store.schema import CURRENT_SCHEMA, SCHEMA_KEY
from app.store.source import Source

META = "meta"
INTERVIEWS = "interviews"
TEXTS = "texts"
"""The texts of sent messages, apart from the interviews (``store.texts``)."""


class Document:
    """One stored interview: its document id, its id and stage as stored, and its JSON: held,
    or where it is in a version of the file (``Source``), and read back from there when asked.

    The repository keeps the file's interview documents so, rather than parsed, and not held:
    what stays in memory is the records read from them, and a document that did not change is
    written back as it is (``codec.encode_placed``)."""

    __slots__ = ("_digest", "_end", "_held", "_source", "_start", "doc_id", "fits", "id", "stage")

    def __init__(self, doc_id: str, ident: object, stage: object, raw: bytes | msgspec.Raw) -> None:
        """``raw``: its JSON, or where the decoder found it in the file's bytes (``msgspec.Raw``,
        no copy), copied out each time it is asked for: ten thousand documents then cost the
        file's bytes once, not twice."""
        self.doc_id = doc_id
        self.id = ident
        self.stage = stage
        self._held: bytes | msgspec.Raw | None = raw
        self._digest: str | None = None
        self._source: Source | None = None
        self._start = self._end = 0
        self.fits: str | None = None
        """Of a texts document: the digest of the interview document it was last found to fit
        (``store.texts.check``), so that it is checked once, not at every save."""

    @classmethod
    def placed(
        cls, doc_id: str, ident: object, stage: object, where: tuple[Source, int, int], digest: str
    ) -> Document:
        """The document at ``where`` (a version of the file, and its start and end there),
        whose JSON has the SHA-256 ``digest``."""
        document = cls(doc_id, ident, stage, b"")
        document._digest = digest
        document.moved(*where)
        return document

    @property
    def raw(self) -> bytes:
        """Its JSON. Raises ``SourceChanged`` if it must be read back from a version of the
        file that is no longer there."""
        held = self._held
        if held is not None:
            return held if type(held) is bytes else bytes(held)
        assert self._source is not None
        return self._source.read(self._start, self._end)

    @property
    def digest(self) -> str:
        """The SHA-256 of its JSON, in hex: which document it is, whatever file holds it."""
        if self._digest is None:
            self._digest = hashlib.sha256(self.raw).hexdigest()
        return self._digest

    @property
    def source(self) -> Source | None:
        """The version of the file it is read back from; None: its JSON is held."""
        return self._source

    @property
    def span(self) -> tuple[int, int]:
        """Where it is in its source: its first byte and the one after its last."""
        return self._start, self._end

    def moved(self, source: Source, start: int, end: int) -> None:
        """It is now at ``start``..``end`` of ``source`` (just written), and no longer held."""
        # Its digest is taken while its bytes are at hand: the version it is moved to may be
        # replaced by another followup before it is asked for.
        _ = self.digest
        self._source, self._start, self._end = source, start, end
        self._held = None


@dataclass(frozen=True)
class Documents:
    profile: Profile
    policy_overrides: dict[str, Any]
    interviews: list[Document]
    """In the file's order (by document id)."""


class _Peek(msgspec.Struct):
    id: Any = None
    stage: Any = None


_FILE = msgspec.json.Decoder(dict[str, int | dict[str, msgspec.Raw]])
_TABLES = {SCHEMA_KEY, META, INTERVIEWS, TEXTS}
# The tables whose documents are kept as their JSON, in the order they are in the file.
_KEPT = (INTERVIEWS, TEXTS)
_PEEK = msgspec.json.Decoder(_Peek)

Meta = Callable[[dict[str, Any]], tuple[Profile, dict[str, Any]]]


def stored_tables(content: bytes, source: Source | None = None) -> dict[str, Any] | None:
    """The tables of a file as followup writes it, each interview document a ``Document`` (the
    meta table parsed); None where the file must be parsed whole (``codec.decode``, then
    ``as_documents``): any other schema, table or layout, which the full path checks and
    reports. With ``source`` (the version of the file ``content`` is), the documents are not
    held but placed in it: ``content`` may then be let go."""
    try:
        tables = _FILE.decode(content)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if tables.get(SCHEMA_KEY) != CURRENT_SCHEMA or not set(tables) <= _TABLES:
        return None
    raw_meta = tables.get(META, {})
    kept: dict[str, dict[str, msgspec.Raw]] = {}
    for name in _KEPT:
        table = tables.get(name, {})
        if not isinstance(table, dict):
            return None
        kept[name] = table
    if not isinstance(raw_meta, dict):
        return None
    if not all(_is_number(key) for table in (raw_meta, *kept.values()) for key in table):
        return None
    try:
        meta_table = {key: orjson.loads(bytes(value)) for key, value in raw_meta.items()}
        peeks = {
            name: {key: _PEEK.decode(value) for key, value in docs.items()}
            for name, docs in kept.items()
        }
    except (orjson.JSONDecodeError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if not all(isinstance(doc, dict) for doc in meta_table.values()):
        return None
    found: dict[str, Any] = {}
    if META in tables:
        found[META] = meta_table
    at = 0
    for name in (name for name in tables if name in _KEPT):
        if source is not None:
            found[name], at = _placed(content, kept[name], peeks[name], source, at)
        else:
            found[name] = {
                key: Document(key, peek.id, peek.stage, kept[name][key])
                for key, peek in peeks[name].items()
            }
    return found


def _placed(
    content: bytes,
    docs: dict[str, msgspec.Raw],
    peeks: dict[str, _Peek],
    source: Source,
    at: int,
) -> tuple[dict[str, Document], int]:
    """The documents of one table placed in ``source``, the first found at or after ``at``;
    and where the last one ends."""
    placed: dict[str, Document] = {}
    whole = memoryview(content)
    for key, raw in docs.items():
        # The documents are in the file in this order, each an object, with only a number
        # between one and the next: the first "{" after the one before is where this one
        # starts. Any place that holds the same bytes would do as well; searched for where
        # that guess is wrong (the first document of a table, after the table's own "{").
        start = content.find(b"{", at)
        # compare_digest for its one C comparison of two buffers (== on memoryviews goes
        # item by item: three times as slow over ten thousand documents), not for secrecy.
        if not hmac.compare_digest(whole[start : start + len(raw)], raw):
            start = content.find(raw, at)
            if start < 0:
                start = content.find(raw)
        at = start + len(raw)
        peek = peeks[key]
        digest = hashlib.sha256(raw).hexdigest()
        placed[key] = Document.placed(key, peek.id, peek.stage, (source, start, at), digest)
    return placed, at


def as_documents(tables: dict[str, Any]) -> dict[str, Any]:
    """Parsed tables with each interview and texts document a ``Document``, written as
    followup writes the file."""
    found = dict(tables)
    for name in _KEPT:
        docs = tables.get(name)
        if docs:
            found[name] = {key: _document(key, doc) for key, doc in docs.items()}
    return found


def split(content: bytes, meta: Meta) -> Documents | None:
    """``content``'s documents, split without being parsed; None where the file must be parsed
    whole (``parsed``). ``meta`` reads the meta table (and raises for a bad one)."""
    tables = stored_tables(content)
    if tables is None:
        return None
    profile, policy = meta(tables.get(META, {}))
    return Documents(profile, policy, in_order(tables.get(INTERVIEWS, {})))


def parsed(profile: Profile, policy: dict[str, Any], docs: dict[str, dict[str, Any]]) -> Documents:
    """Documents of tables parsed whole, each written as followup writes the file."""
    return Documents(profile, policy, [_document(key, docs[key]) for key in sorted(docs, key=int)])


def in_order(docs: dict[str, Document]) -> list[Document]:
    """The documents of a table, by document id."""
    return [docs[key] for key in sorted(docs, key=int)]


def _document(key: str, doc: dict[str, Any]) -> Document:
    return Document(key, doc.get("id"), doc.get("stage"), orjson.dumps(doc))


def _is_number(key: str) -> bool:
    # What followup writes; anything else is left to the full reader's checks and messages.
    # Eighteen digits at most, which int() reads: past 4,300 it refuses, as an internal error.
    return (
        key.isascii()
        and key.isdigit()
        and len(key) <= 18
        and (key == "0" or not key.startswith("0"))
    )

"""The repository keeps the file's interview documents as their place in the file, neither
parsed nor held: each is read straight into its record, and one that did not change is written
back byte for byte, from the version of the file it was read from."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.interchange import Pipeline
from app.domain.records import Event, EventKind, Interview
from app.errors import UserError
from app.store.codec import encode, encode_placed
from app.store.documents import Document
from app.store.errors import UnreadableDatabase
from app.store.repository import Repository
from app.store.source import Source, SourceChanged, stamp_of
from app.store.storage import SafeJSONStorage

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _pipeline(*ids: str) -> Pipeline:
    return Pipeline(
        interviews=tuple(Interview(id=i, company=i.title(), role="PM", timezone="UTC") for i in ids)
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "followup.json"
    Repository(db, default_zone="UTC").import_pipeline(_pipeline("acme", "globex"), replace=False)
    return db


def _stored(repo: Repository) -> dict[str, Document]:
    tables = repo._db.storage.read()
    stored: dict[str, Document] = tables["interviews"]
    return stored


def test_a_read_keeps_no_document_in_memory(path: Path) -> None:
    repo = Repository(path, default_zone="UTC")
    loaded = repo.load()
    stored = _stored(repo)
    content = path.read_bytes()
    assert [i.id for i in loaded.interviews] == ["acme", "globex"]
    assert {doc.id for doc in stored.values()} == {"acme", "globex"}
    for doc in stored.values():
        # Placed in the file, not held: its bytes are read back from there.
        assert doc.source is not None
        start, end = doc.span
        assert doc.raw == content[start:end]
        assert doc.digest == hashlib.sha256(content[start:end]).hexdigest()


def test_after_saves_each_document_is_read_back_from_the_version_written(path: Path) -> None:
    repo = Repository(path, default_zone="UTC")
    repo.load()
    for n in range(3):
        repo.append_event("acme", Event(at=AT, kind=EventKind.REPLY, summary=f"note {n}"))
    content = path.read_bytes()
    stored = _stored(repo)
    assert all(doc.raw == content[slice(*doc.span)] for doc in stored.values())
    assert json.loads(content)["interviews"] == {k: json.loads(d.raw) for k, d in stored.items()}


def test_documents_are_read_from_the_version_read_though_another_replaced_it(
    path: Path,
) -> None:
    """Between reading the file and reading its records, another followup may write it."""
    storage = SafeJSONStorage(path, documents=True)
    tables = storage.read()
    assert tables is not None
    stored = tables["interviews"]
    before = {key: json.loads(path.read_bytes())["interviews"][key] for key in stored}
    other = Repository(path, default_zone="UTC")
    other.append_event("acme", Event(at=AT, kind=EventKind.REPLY, summary="elsewhere"))
    assert {key: json.loads(doc.raw) for key, doc in stored.items()} == before
    storage.close()


def test_a_version_no_longer_on_disk_is_never_read_as_another(path: Path) -> None:
    storage = SafeJSONStorage(path, documents=True)
    tables = storage.read()
    assert tables is not None
    stored = tables["interviews"]
    storage.release()
    other = Repository(path, default_zone="UTC")
    other.append_event("acme", Event(at=AT, kind=EventKind.REPLY, summary="elsewhere"))
    document = next(iter(stored.values()))
    with pytest.raises(SourceChanged) as changed:
        _ = document.raw
    assert isinstance(changed.value, UserError)
    assert str(path) in str(changed.value)


VALUES = st.text(max_size=8) | st.integers(-(2**53), 2**53)


@settings(max_examples=60, deadline=None)
@given(
    tables=st.dictionaries(
        st.sampled_from(["meta", "interviews", "other"]),
        st.dictionaries(
            st.integers(0, 10**6).map(str),
            st.dictionaries(st.text(max_size=5), VALUES, max_size=3),
            max_size=4,
        ),
        max_size=3,
    ),
    held=st.booleans(),
)
def test_written_with_documents_placed_is_what_json_writes(
    tmp_path_factory: pytest.TempPathFactory, tables: dict[str, Any], held: bool
) -> None:
    """The bytes of the file, documents held or placed in another version, are those orjson
    writes of the same tables, and each document lands where it is said to."""
    expected = encode(tables)
    folder = tmp_path_factory.mktemp("placed")
    docs = tables.get("interviews", {})
    given = dict(tables)
    if docs:
        old = folder / "old.json"
        old.write_bytes(b"#" + b"".join(orjson.dumps(doc) for doc in docs.values()))
        source = Source(old, stamp_of(old.stat()))
        at, placed = 1, {}
        for key, doc in docs.items():
            raw = orjson.dumps(doc)
            document = Document(key, None, None, raw)
            if not held:
                document.moved(source, at, at + len(raw))
            placed[key] = document
            at += len(raw)
        given["interviews"] = placed
    content, where = encode_placed(given)
    assert content == expected
    for document, start, end in where:
        assert content[start:end] == document.raw


def test_an_unchanged_document_is_written_back_as_it_was_spelt(path: Path) -> None:
    """A hand-edited document, spaced out, survives a change to another interview untouched;
    the changed one is written as followup writes it."""
    content = path.read_bytes()
    tables = json.loads(content)
    globex_key = next(k for k, d in tables["interviews"].items() if d["id"] == "globex")
    compact = json.dumps(tables["interviews"][globex_key], separators=(",", ":"))
    spaced = json.dumps(tables["interviews"][globex_key], indent=1)
    assert compact.encode() in content
    path.write_bytes(content.replace(compact.encode(), spaced.encode()))

    repo = Repository(path, default_zone="UTC")
    repo.load()
    repo.append_event("acme", Event(at=AT, kind=EventKind.REPLY, summary="we will be in touch"))

    after = path.read_bytes()
    assert spaced.encode() in after
    assert b'"summary":"we will be in touch"' in after
    reread = Repository(path, default_zone="UTC").load()
    assert [e.summary for e in reread.interviews[0].events] == ["we will be in touch"]
    assert reread.interviews[1].company == "Globex"


def test_a_number_past_64_bits_is_refused_with_its_place(path: Path) -> None:
    content = path.read_bytes()
    spoiled = content.replace(b'"company":"Acme"', b'"company":"Acme","x":123456789012345678901234')
    assert spoiled != content
    path.write_bytes(spoiled)
    with pytest.raises(UnreadableDatabase) as refused:
        Repository(path, default_zone="UTC").load()
    assert 'interviews["1"]' in str(refused.value)
    assert path.read_bytes() == spoiled


def test_a_document_written_here_is_known_after_another_followup_writes(path: Path) -> None:
    """Its version of the file is gone then: what it is was taken while it was at hand."""
    repo = Repository(path, default_zone="UTC")
    repo.load()
    repo.append_event("acme", Event(at=AT, kind=EventKind.REPLY, summary="here"))
    acme = next(i for i in repo.load().interviews if i.id == "acme")
    other = Repository(path, default_zone="UTC")
    other.append_event("globex", Event(at=AT, kind=EventKind.REPLY, summary="elsewhere"))
    reread = repo.load()
    # Read again, the unchanged interview is the very record read before.
    assert next(i for i in reread.interviews if i.id == "acme") is acme
    globex = next(i for i in reread.interviews if i.id == "globex")
    assert [e.summary for e in globex.events] == ["elsewhere"]


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (b'"company":"Gl\xffobex"', "not valid JSON"),
        (b'"company":"Globex","x":1e999', "not valid JSON"),
    ],
    ids=["not UTF-8", "a number past any float"],
)
def test_a_change_to_one_interview_never_writes_over_another_it_cannot_read(
    path: Path, spoil: bytes, said: str
) -> None:
    """The other documents are written back unread, but only if they could be read."""
    Repository(path, default_zone="UTC").append_event(
        "acme", Event(at=AT, kind=EventKind.REPLY, summary="first")
    )
    backup = path.with_name(path.name + ".bak").read_bytes()
    spoiled = path.read_bytes().replace(b'"company":"Globex"', spoil)
    path.write_bytes(spoiled)
    with pytest.raises(UnreadableDatabase) as refused:
        Repository(path, default_zone="UTC").append_event(
            "acme", Event(at=AT, kind=EventKind.REPLY, summary="second")
        )
    assert said in str(refused.value) and "interviews[" in str(refused.value)
    assert path.read_bytes() == spoiled
    assert path.with_name(path.name + ".bak").read_bytes() == backup


def test_a_version_read_again_from_memory_is_held_while_its_documents_are_read(
    path: Path,
) -> None:
    """Read again unchanged, the file is held open: another followup replacing it then does
    not make its documents unreadable."""
    storage = SafeJSONStorage(path, documents=True)
    first = storage.read()
    assert first is not None
    storage.release()
    again = storage.read()
    assert again is first
    before = {key: json.loads(path.read_bytes())["interviews"][key] for key in first["interviews"]}
    other = Repository(path, default_zone="UTC")
    other.append_event("acme", Event(at=AT, kind=EventKind.REPLY, summary="elsewhere"))
    assert {key: json.loads(doc.raw) for key, doc in again["interviews"].items()} == before
    storage.close()


def _descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts descriptors in /proc")
def test_a_file_that_cannot_be_read_leaves_nothing_open(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-40])
    repo = Repository(path, default_zone="UTC")
    before = _descriptors()
    for _ in range(3):
        with pytest.raises(UnreadableDatabase):
            repo.load()
    assert _descriptors() == before


@settings(max_examples=80, deadline=None)
@given(
    docs=st.dictionaries(
        st.sampled_from(["interviews", "texts"]),
        st.dictionaries(
            st.integers(0, 40).map(str),
            st.fixed_dictionaries({"id": st.text(max_size=4)}, optional={"v": VALUES}),
            max_size=6,
        ),
        max_size=2,
    ),
    changes=st.lists(
        st.tuples(st.sampled_from(["interviews", "texts"]), st.integers(0, 40).map(str), VALUES),
        max_size=4,
    ),
    dropped=st.lists(st.integers(0, 40).map(str), max_size=3),
)
def test_documents_written_back_from_the_version_read_land_where_json_puts_them(
    tmp_path_factory: pytest.TempPathFactory,
    docs: dict[str, dict[str, Any]],
    changes: list[tuple[str, str, Any]],
    dropped: list[str],
) -> None:
    """Documents read from a file (placed in it) and written back, some changed, added or
    taken out between them, as a save writes them: runs of unchanged ones are copied whole,
    and the file is still what orjson writes, each document where it is said to be."""
    from app.store.documents import stored_tables

    tables = {"meta": {}, **{name: docs.get(name, {}) for name in ("interviews", "texts")}}
    tables = {name: dict(sorted(t.items(), key=lambda i: int(i[0]))) for name, t in tables.items()}
    old = tmp_path_factory.mktemp("runs") / "old.json"
    old.write_bytes(encode(tables))
    found = stored_tables(old.read_bytes(), Source(old, stamp_of(old.stat())))
    assert found is not None
    plain = {name: dict(table) for name, table in tables.items()}
    given = {name: dict(found.get(name, {})) for name in tables}
    for name, key, value in changes:
        doc = {"id": key, "v": value}
        plain[name][key] = doc
        given[name][key] = Document(key, key, None, orjson.dumps(doc))
    for key in dropped:
        plain["texts"].pop(key, None)
        given["texts"].pop(key, None)
    for name in ("interviews", "texts"):
        plain[name] = dict(sorted(plain[name].items(), key=lambda i: int(i[0])))
        given[name] = dict(sorted(given[name].items(), key=lambda i: int(i[0])))
    content, where = encode_placed(given)
    assert content == encode(plain)
    assert len(where) == sum(map(len, (given["interviews"], given["texts"])))
    for document, start, end in where:
        assert content[start:end] == document.raw

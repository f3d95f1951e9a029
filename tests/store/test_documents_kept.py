"""The repository keeps the file's interview documents as their JSON, not parsed: each is read
straight into its record, and one that did not change is written back byte for byte."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.interchange import Pipeline
from app.domain.records import Event, EventKind, Interview
from app.store.documents import Document
from app.store.errors import UnreadableDatabase
from app.store.repository import Repository

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


def test_a_read_keeps_no_parsed_document(path: Path) -> None:
    repo = Repository(path, default_zone="UTC")
    loaded = repo.load()
    stored = _stored(repo)
    assert [i.id for i in loaded.interviews] == ["acme", "globex"]
    assert all(type(doc) is Document and type(doc.raw) is bytes for doc in stored.values())
    assert {doc.id for doc in stored.values()} == {"acme", "globex"}


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

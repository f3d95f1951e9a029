"""A repository reads a file once and then trusts its memory only while the file is unchanged."""

from __future__ import annotations

import errno
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.interchange import Pipeline
from app.domain.records import Event, EventKind, Interview
from app.store import atomic as atomic_module
from app.store import lock as lock_module
from app.store import storage as storage_module
from app.store.errors import WriteFailed
from app.store.repository import Repository, UnknownInterview

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def reply(summary: str) -> Event:
    return Event(at=AT, kind=EventKind.REPLY, summary=summary)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "followup.json"
    Repository(db, default_zone="UTC").import_pipeline(_pipeline("acme", "globex"), replace=False)
    return db


def _pipeline(*ids: str) -> Pipeline:
    return Pipeline(
        interviews=tuple(Interview(id=i, company=i.title(), role="PM", timezone="UTC") for i in ids)
    )


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the file's bytes are parsed (split into documents, or parsed whole)."""
    calls: list[int] = []
    real = storage_module.SafeJSONStorage._tables

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(storage_module.SafeJSONStorage, "_tables", counting)
    return calls


def summaries(path: Path, interview: str) -> list[str]:
    pipeline = Repository(path, default_zone="UTC").load()
    found = next(i for i in pipeline.interviews if i.id == interview)
    return [e.summary for e in found.events]


def test_saves_after_the_first_read_do_not_parse_the_file_again(
    path: Path, parses: list[int]
) -> None:
    repo = Repository(path, default_zone="UTC")
    repo.load()
    for n in range(5):
        repo.append_event("acme", reply(f"answer {n}"))
    loaded = repo.load()
    assert len(parses) == 1
    assert [e.summary for e in loaded.interviews[0].events] == [f"answer {n}" for n in range(5)]
    assert summaries(path, "acme") == [f"answer {n}" for n in range(5)]


def test_saves_take_the_same_lock_object_until_the_file_is_forgotten(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[Path] = []
    real = lock_module.DatabaseLock.__init__

    def counting(self, where, **options):  # type: ignore[no-untyped-def]
        made.append(Path(where))
        real(self, where, **options)

    monkeypatch.setattr(lock_module.DatabaseLock, "__init__", counting)
    repo = Repository(path, default_zone="UTC")
    for n in range(3):
        repo.append_event("acme", reply(f"answer {n}"))
    assert made == [path]
    # Forgotten, the path is resolved again, as the storage resolves it again.
    repo.forget()
    repo.append_event("globex", reply("later"))
    assert made == [path, path]
    assert summaries(path, "acme") == [f"answer {n}" for n in range(3)]
    assert summaries(path, "globex") == ["later"]


def test_a_write_by_another_instance_is_read_before_saving_over_it(path: Path) -> None:
    mine = Repository(path, default_zone="UTC")
    theirs = Repository(path, default_zone="UTC")
    mine.load()
    theirs.append_event("globex", reply("theirs"))
    mine.append_event("acme", reply("mine"))
    assert summaries(path, "globex") == ["theirs"]
    assert summaries(path, "acme") == ["mine"]
    assert [e.summary for e in mine.load().interviews[1].events] == ["theirs"]


def test_after_a_failed_write_the_file_is_read_again(
    path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[int]
) -> None:
    repo = Repository(path, default_zone="UTC")
    repo.load()
    before = path.read_bytes()

    def full_disk(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(atomic_module, "_write_all", full_disk)
        with pytest.raises(WriteFailed):
            repo.append_event("acme", reply("lost"))
    assert path.read_bytes() == before
    assert repo.load().interviews[0].events == ()
    assert len(parses) == 2


def test_a_refused_change_keeps_what_was_read(path: Path, parses: list[int]) -> None:
    repo = Repository(path, default_zone="UTC")
    repo.load()
    with pytest.raises(UnknownInterview):
        repo.append_event("nobody", reply("x"))
    repo.append_event("acme", reply("kept"))
    assert len(parses) == 1
    assert summaries(path, "acme") == ["kept"]


def test_a_temporary_left_by_a_killed_first_write_is_removed_at_the_next_start(
    tmp_path: Path,
) -> None:
    from app.store.paths import temporary_prefix

    db = tmp_path / "followup.json"
    leftover = tmp_path / (temporary_prefix(db) + "killed")
    leftover.write_bytes(b'{"followup_schema": 1, "interv')
    assert Repository(db, default_zone="UTC").load() == Pipeline()
    assert not leftover.exists()
    assert not db.exists()

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
import pytest
from store_support import temporaries
from tinydb import Query, TinyDB

from app.store import storage as storage_module
from app.store.errors import WriteFailed
from app.store.storage import SafeJSONStorage


def test_a_missing_file_reads_as_empty_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "data" / "followup" / "followup.json"
    storage = SafeJSONStorage(path)
    assert storage.read() is None
    assert storage.path == path.resolve()
    assert storage.backup_path == path.resolve().with_name("followup.json.bak")
    assert list(tmp_path.iterdir()) == []


def test_the_first_write_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "data" / "followup" / "followup.json"
    SafeJSONStorage(path).write({"interviews": {}})
    assert orjson.loads(path.read_bytes()) == {"followup_schema": 2, "interviews": {}}


def test_without_create_dirs_a_missing_folder_fails_the_write(tmp_path: Path) -> None:
    path = tmp_path / "data" / "followup.json"
    with pytest.raises(WriteFailed, match="could not save"):
        SafeJSONStorage(path, create_dirs=False).write({})
    assert not (tmp_path / "data").exists()


def test_opening_removes_the_leftovers_of_a_killed_writer(db_path: Path) -> None:
    SafeJSONStorage(db_path).write({"interviews": {"1": {"company": "Acme"}}})
    for name in (f".{db_path.name}.tmp-00ff00ff", f".{db_path.name}.tmp-00ff00ff.bak"):
        (db_path.parent / name).write_bytes(b'{"followup_schema":1,"interv')
    assert len(temporaries(db_path)) == 2

    storage = SafeJSONStorage(db_path)

    assert temporaries(db_path) == []
    assert storage.read() == {"interviews": {"1": {"company": "Acme"}}}


def test_tinydb_round_trip(db_path: Path) -> None:
    with TinyDB(db_path, storage=SafeJSONStorage) as db:
        interviews = db.table("interviews")
        first = interviews.insert({"company": "Acme", "events": [{"kind": "applied"}]})
        interviews.insert({"company": "Bolt", "events": []})
        interviews.update({"stage": "onsite"}, doc_ids=[first])
        db.table("meta").insert({"profile": {"name": "Sam"}})
        found = interviews.search(Query().company == "Acme")
        assert found == [{"company": "Acme", "events": [{"kind": "applied"}], "stage": "onsite"}]

    stored = orjson.loads(db_path.read_bytes())
    assert stored["followup_schema"] == 2
    assert set(stored) == {"followup_schema", "interviews", "meta"}

    with TinyDB(db_path, storage=SafeJSONStorage) as db:
        interviews = db.table("interviews")
        assert len(interviews) == 2
        assert interviews.get(Query().company == "Bolt") == {"company": "Bolt", "events": []}
        interviews.remove(Query().company == "Bolt")
        assert [doc["company"] for doc in interviews.all()] == ["Acme"]


def test_each_write_keeps_the_previous_version(db_path: Path) -> None:
    storage = SafeJSONStorage(db_path)
    storage.write({"t": {"1": {"v": 1}}})
    storage.write({"t": {"1": {"v": 2}}})
    assert orjson.loads(storage.backup_path.read_bytes())["t"] == {"1": {"v": 1}}
    assert orjson.loads(db_path.read_bytes())["t"] == {"1": {"v": 2}}


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real_loads = orjson.loads

    def counting_loads(content: Any) -> Any:
        calls[0] += 1
        return real_loads(content)

    monkeypatch.setattr(orjson, "loads", counting_loads)
    return calls


def test_an_unchanged_file_is_parsed_once(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    SafeJSONStorage(db_path).write({"t": {"1": {"v": 1}}})
    parses = _count_parses(monkeypatch)
    storage = SafeJSONStorage(db_path)

    first = storage.read()
    for _ in range(5):
        assert storage.read() is first
    assert parses == [1]


def test_a_file_changed_behind_our_back_is_read_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, theirs = SafeJSONStorage(db_path), SafeJSONStorage(db_path)
    theirs.write({"t": {"1": {"v": 1}}})
    parses = _count_parses(monkeypatch)
    assert ours.read() == {"t": {"1": {"v": 1}}}

    theirs.write({"t": {"1": {"v": 2}}})
    assert ours.read() == {"t": {"1": {"v": 2}}}

    # Changed in place, same size: only the modification time tells.
    status = db_path.stat()
    db_path.write_bytes(db_path.read_bytes().replace(b'"v":2', b'"v":3'))
    os.utime(db_path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    assert ours.read() == {"t": {"1": {"v": 3}}}
    assert parses == [3]


def test_a_failed_write_drops_the_cache(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    storage = SafeJSONStorage(db_path)
    storage.write({"t": {"1": {"v": 1}}})
    tables = storage.read()
    assert tables is not None
    tables["t"]["1"]["v"] = 99  # as TinyDB changes what it read before writing it

    def disk_full(path: Path, data: bytes, *, backup: Path | None) -> os.stat_result:
        raise WriteFailed(path, "No space left on device")

    monkeypatch.setattr(storage_module, "atomic_write", disk_full)
    with pytest.raises(WriteFailed):
        storage.write(tables)
    monkeypatch.undo()

    assert storage.read() == {"t": {"1": {"v": 1}}}


def test_values_json_cannot_hold_are_refused_before_touching_the_file(db_path: Path) -> None:
    storage = SafeJSONStorage(db_path)
    storage.write({"t": {"1": {"v": 1}}})
    before = db_path.read_bytes()
    with pytest.raises(TypeError):
        storage.write({"t": {"1": {"v": {1, 2}}}})
    with pytest.raises(ValueError, match="reserved"):
        storage.write({"followup_schema": {}})
    assert db_path.read_bytes() == before
    assert temporaries(db_path) == []

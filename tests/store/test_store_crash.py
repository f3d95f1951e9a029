"""A writer killed at any moment leaves a whole database: the old state or the new, never a mix."""

from __future__ import annotations

import gc
import io
import os
import random
import signal
import time
import traceback
from pathlib import Path
from typing import Any

import orjson
import pytest
from store_support import Spawn, temporaries
from tinydb import TinyDB

from app.store.codec import decode
from app.store.lock import DatabaseLock
from app.store.storage import SafeJSONStorage

DOCUMENTS = 3_000
KILLS = 200
SEED = 20_240_501

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
    ),
]


def _interview(number: int) -> dict[str, Any]:
    """About 1.7 KB of JSON, shaped like a real interview record."""
    return {
        "id": f"acme-{number:05d}",
        "company": f"Company {number}",
        "role": "Senior Platform Engineer",
        "contacts": [
            {
                "name": f"Contact {number}-{index}",
                "email": f"contact{index}@company{number}.example",
                "notes": "Met at the meetup; prefers email over calls. " * 2,
            }
            for index in range(3)
        ],
        "events": [
            {
                "kind": "interview",
                "at": f"2024-05-{index + 1:02d}T10:00:00+02:00",
                "notes": "Talked about the team, the on-call rota and the roadmap. " * 2,
                "tags": ["onsite", "technical", f"round-{index}"],
            }
            for index in range(5)
        ],
    }


BASE = {str(number): _interview(number) for number in range(1, DOCUMENTS + 1)}


def _write_generations(path: Path, report: int) -> None:
    """The writer: stamps every document and the meta table with the next generation, forever."""
    storage = SafeJSONStorage(path)
    lock = DatabaseLock(path, timeout=30)
    os.write(report, b"ready\n")
    while True:
        with lock:
            tables = storage.read()
            assert tables is not None
            generation = tables["meta"]["1"]["generation"] + 1
            for document in tables["interviews"].values():
                document["stamp"] = generation
            tables["meta"]["1"]["generation"] = generation
            os.write(report, b"begin\n")
            storage.write(tables)
        os.write(report, b"done %d\n" % generation)


def _start_writer(path: Path) -> tuple[int, io.BufferedReader]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer: never returns into pytest
        try:
            os.close(read_end)
            _write_generations(path, write_end)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    os.close(write_end)
    return pid, os.fdopen(read_end, "rb")


def _whole_generation(tables: dict[str, dict[str, Any]]) -> int:
    """The generation of a database in which every document agrees with the meta table."""
    generation: int = tables["meta"]["1"]["generation"]
    documents = tables["interviews"]
    stamps = {document.pop("stamp", 0) for document in documents.values()}
    assert stamps == {generation}, f"torn state: meta {generation}, documents {sorted(stamps)}"
    assert documents == BASE
    return generation


def _wait_for_a_temporary(path: Path, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if temporaries(path):
            return True
    return False


def _aim(kill: int, report: io.BufferedReader, path: Path, chooser: random.Random) -> int:
    """Wait for the moment to kill the writer; return the newest generation it said it wrote."""
    done = 0
    if kill % 4 == 0:
        # Anywhere: reading, stamping, encoding, writing, syncing, renaming.
        time.sleep(chooser.uniform(0, 0.15))
        return done
    line = report.readline()
    while line.startswith(b"done"):
        done = int(line.split()[1])
        line = report.readline()
    assert line == b"begin\n", line
    if kill % 4 == 1:
        # From the start of a write to a little after its end.
        time.sleep(chooser.uniform(0, 0.03))
    elif _wait_for_a_temporary(path, 0.5):
        # Inside the write: the temporary exists until the rename.
        time.sleep(chooser.uniform(0, 0.012))
    return done


def test_a_writer_killed_at_random_moments_never_tears_the_file(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    SafeJSONStorage(db_path).write({"meta": {"1": {"generation": 0}}, "interviews": BASE})
    chooser = random.Random(SEED)
    known = 0  # the newest generation known to be on disk
    killed_mid_write = 0  # kills that left a temporary: the write or its fsync was under way
    killed_after_rename = 0  # kills between the rename and the writer saying it was done
    started = time.monotonic()
    # Each parse of the 5 MB file makes some 300,000 containers, none of them in a cycle; the
    # collector rescanning them would triple the time of the 500-odd parses of this test.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for kill in range(KILLS):
            pid, report = _start_writer(db_path)
            try:
                assert report.readline() == b"ready\n", "the writer did not start"
                known = max(known, _aim(kill, report, db_path, chooser))
            finally:
                os.kill(pid, signal.SIGKILL)
                _, status = os.waitpid(pid, 0)
            with report:
                rest = report.read()
            assert os.WIFSIGNALED(status), f"the writer stopped on its own: {rest!r}"
            for line in rest.splitlines():
                if line.startswith(b"done"):
                    known = max(known, int(line.split()[1]))

            if temporaries(db_path):
                killed_mid_write += 1
            storage = SafeJSONStorage(db_path)
            assert temporaries(db_path) == [], "leftovers survived the next open"
            with db_path.open("rb") as head:
                assert head.read(21) == b'{"followup_schema":2,'
            tables = storage.read()
            assert tables is not None
            generation = _whole_generation(tables)
            assert known <= generation <= known + 1
            killed_after_rename += generation > known
            known = generation

            if kill % 5 == 0 and storage.backup_path.exists():
                backup = decode(storage.backup_path.read_bytes(), storage.backup_path, db_path)
                assert _whole_generation(backup) in {generation - 1, generation}
    finally:
        if collecting:
            gc.enable()

    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(
            f"\n{KILLS} kills in {elapsed:.1f} s: {killed_mid_write} during the write or its "
            f"fsync, {killed_after_rename} after the rename, {known} generations written; "
            "every file read whole"
        )
    assert killed_mid_write >= KILLS // 10, "too few kills landed inside a write"


def test_two_processes_appending_under_the_lock_lose_nothing(db_path: Path, spawn: Spawn) -> None:
    go = db_path.with_name("go")
    writers = [spawn("append", db_path, name, 50, go) for name in ("first", "second")]
    time.sleep(0.3)  # both interpreters up, so that their writes interleave
    go.touch()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err

    with TinyDB(db_path, storage=SafeJSONStorage) as db:
        documents = db.table("interviews").all()
    assert len(documents) == 100
    assert {(doc["writer"], doc["number"]) for doc in documents} == {
        (name, number) for name in ("first", "second") for number in range(50)
    }
    assert orjson.loads(db_path.read_bytes())["followup_schema"] == 2

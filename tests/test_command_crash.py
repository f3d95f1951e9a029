"""The real command killed at random moments: `followup import --replace` on a database of 3,000
interviews, switching it between two known states, is SIGKILLed again and again. Each time, the
database read as the app reads it is exactly the state before the command or the one it was
writing, the backup is one of the two as well, and what the killed writer left behind is gone
once the file has been opened again."""

from __future__ import annotations

import gc
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.domain.interchange import Pipeline, write_interview
from app.store.paths import backup_path, temporary_prefix
from app.store.repository import Repository
from bench.generate import generate_pipeline

ROOT = Path(__file__).resolve().parent.parent
INTERVIEWS = 3_000
KILLS = 30
SEED = 20_261_202
# Every state is read with the same zone; the generated times all carry an offset anyway.
ZONE = "UTC"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]


def temporaries(db: Path) -> list[str]:
    return sorted(n for n in os.listdir(db.parent) if n.startswith(temporary_prefix(db)))


def import_file(path: Path, pipeline: Pipeline, tag: str) -> None:
    """An interchange file that renames every 60th interview's company with ``tag``."""
    chosen = pipeline.interviews[::60]
    documents = [dict(write_interview(i), company=f"{i.company} ({tag})") for i in chosen]
    path.write_text(json.dumps({"format": "followup/1", "interviews": documents}))


def start_import(source: Path, db: Path) -> subprocess.Popen[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
    environment["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen(
        [sys.executable, "-m", "app", "import", str(source), "--replace", "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=environment,
    )


def run_import(source: Path, db: Path) -> float:
    started = time.monotonic()
    command = start_import(source, db)
    _, err = command.communicate(timeout=120)
    assert command.returncode == 0, err
    return time.monotonic() - started


def wait_for_a_temporary(db: Path, command: subprocess.Popen[bytes], limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and command.poll() is None:
        if temporaries(db):
            return True
        time.sleep(0.001)
    return False


def write_window(source: Path, db: Path) -> float:
    """How long the temporary of one whole run lives: from its creation to the rename."""
    command = start_import(source, db)
    assert wait_for_a_temporary(db, command, 120), "the command never wrote a temporary"
    appeared = time.monotonic()
    while temporaries(db) and command.poll() is None:
        time.sleep(0.0005)
    window = time.monotonic() - appeared
    _, err = command.communicate(timeout=120)
    assert command.returncode == 0, err
    return window


def test_the_import_command_killed_at_random_moments_leaves_the_old_or_the_new_state(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "followup.json"
    generated = generate_pipeline(INTERVIEWS)
    Repository(db, default_zone=ZONE).import_pipeline(generated, replace=False)
    sources = {"A": tmp_path / "a.json", "B": tmp_path / "b.json"}
    for tag, source in sources.items():
        import_file(source, generated, tag)

    # The two states, each written whole by the real command, and how long a command takes.
    took: list[float] = []
    known_bytes: dict[str, bytes] = {}
    known: dict[str, Pipeline] = {}
    for tag in "AB":
        took.append(run_import(sources[tag], db))
        known_bytes[tag] = db.read_bytes()
        known[tag] = Repository(db, default_zone=ZONE).load()
    assert known_bytes["A"] != known_bytes["B"]
    assert len(known["A"].interviews) == len(known["B"].interviews) == INTERVIEWS
    full_run = max(took)
    # The kills aimed inside the write wait a part of what a write takes on this machine, so
    # that they land in it on a fast disk as on a slow one.
    window = write_window(sources["A"], db)
    window = max(window, write_window(sources["B"], db), 0.002)

    chooser = random.Random(SEED)
    current = "B"
    kills = mid_write = after_rename = finished = 0
    started = time.monotonic()
    # Each read of the 15 MB file makes a few hundred thousand objects, none in a cycle; the
    # collector rescanning them would slow every read down for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for attempt in range(KILLS * 3):
            if kills >= KILLS:
                break
            target = "A" if current == "B" else "B"
            command = start_import(sources[target], db)
            if attempt % 3 == 0:
                # Anywhere: starting up, reading both files, merging, writing, renaming.
                time.sleep(chooser.uniform(0, full_run))
            elif wait_for_a_temporary(db, command, 3 * full_run):
                # Inside the write: the temporary exists until the rename.
                time.sleep(chooser.uniform(0, 0.8 * window))
            if command.poll() is None:
                os.kill(command.pid, signal.SIGKILL)
            _, err = command.communicate(timeout=30)
            if command.returncode == 0:
                finished += 1
            else:
                assert command.returncode == -signal.SIGKILL, err
                kills += 1
            mid_write += bool(temporaries(db))

            # Opened as the app opens it: the leftovers go, and the file reads whole.
            loaded = Repository(db, default_zone=ZONE).load()
            assert temporaries(db) == [], "leftovers survived the next open"
            content = db.read_bytes()
            now = next((tag for tag in "AB" if known_bytes[tag] == content), None)
            assert now is not None, "the database is neither the old nor the new state"
            assert loaded == known[now]
            backup = backup_path(db.resolve()).read_bytes()
            assert backup in (known_bytes["A"], known_bytes["B"])
            if command.returncode == 0:
                assert now == target, "a command that finished left the old state"
            elif now == target:
                after_rename += 1
            current = now
    finally:
        if collecting:
            gc.enable()

    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(
            f"\n{kills} kills of `followup import --replace` on {INTERVIEWS:,} interviews "
            f"({len(known_bytes['A']) / 1e6:.1f} MB; a whole run {full_run:.1f} s, its write "
            f"{window * 1000:.0f} ms) in "
            f"{elapsed:.1f} s: {mid_write} during the write, {after_rename} after the rename, "
            f"{finished} runs finished first; every state read whole"
        )
    assert kills >= KILLS
    assert mid_write >= KILLS // 5, "too few kills landed inside a write"

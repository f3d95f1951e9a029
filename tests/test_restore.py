"""followup restore, end to end: an unreadable database, its backup listed, put back after
confirmation, and the unreadable file kept rather than lost; every replaced file kept under its
own name; the question asked on a terminal, and only about a backup that can be restored."""

from __future__ import annotations

import hashlib
import json
import os
import select
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.store.restore import describe, list_backups, restore

ROOT = Path(__file__).resolve().parent.parent


def followup(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        input=stdin,
        check=False,
        timeout=60,
    )


def interchange(*ids: str) -> str:
    return json.dumps(
        {
            "format": "followup/1",
            "interviews": [
                {"id": i, "company": i.title(), "role": "PM", "timezone": "UTC"} for i in ids
            ],
        }
    )


def test_a_broken_database_is_restored_from_its_backup(tmp_path):
    db = tmp_path / "followup.json"
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(interchange("acme"))
    second.write_text(interchange("globex"))
    assert followup("import", str(first), "--db", str(db)).returncode == 0
    assert followup("import", str(second), "--db", str(db)).returncode == 0
    db.write_bytes(b"\x00" * 64)  # the disk, a crash or an editor broke it
    broken = hashlib.sha256(db.read_bytes()).hexdigest()

    refused = followup("export", "--db", str(db))
    assert refused.returncode == 1 and "followup.json.bak" in refused.stderr

    listing = followup("restore", "--db", str(db))
    assert listing.returncode == 0
    assert "1  " in listing.stdout and "followup.json.bak" in listing.stdout
    assert "1 interview" in listing.stdout  # the previous version: before globex

    asked = followup("restore", "1", "--db", str(db))  # no terminal to ask on: refused
    assert asked.returncode == 1 and "--yes" in asked.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == broken

    done = followup("restore", "1", "--yes", "--db", str(db))
    assert done.returncode == 0, done.stderr
    exported = json.loads(followup("export", "--db", str(db)).stdout)
    assert [i["id"] for i in exported["interviews"]] == ["acme"]
    kept = list(tmp_path.glob("followup.json.before-restore-*"))
    assert len(kept) == 1 and hashlib.sha256(kept[0].read_bytes()).hexdigest() == broken


def test_an_unknown_backup_is_a_clear_error(tmp_path):
    done = followup("restore", "7", "--db", str(tmp_path / "none.json"))
    assert done.returncode == 1 and "no backup '7'" in done.stderr
    listing = followup("restore", "--db", str(tmp_path / "none.json"))
    assert listing.returncode == 0 and "no backups" in listing.stdout


# --------------------------------------------------------------------------- the kept copies


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def with_backup(tmp_path: Path) -> Path:
    """A database holding acme and globex whose backup holds acme alone."""
    db = tmp_path / "followup.json"
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(interchange("acme"))
    second.write_text(interchange("globex"))
    assert followup("import", str(first), "--db", str(db)).returncode == 0
    assert followup("import", str(second), "--db", str(db)).returncode == 0
    return db


def test_two_restores_in_one_second_keep_both_replaced_files(tmp_path):
    db = with_backup(tmp_path)
    now = datetime(2026, 11, 20, 10, 0, 0, tzinfo=UTC)
    both = sha(db)
    [backup] = [b for b in list_backups(db) if b.path.name.endswith(".bak")]
    first = restore(db, backup, now)
    assert first is not None and sha(first) == both
    only_acme = sha(db)
    second = restore(db, describe(backup.path, db), now)
    assert second is not None and second != first
    assert second.name.startswith(first.name)
    assert sha(first) == both and sha(second) == only_acme
    kept = sorted(p.name for p in tmp_path.glob("followup.json.before-restore-*"))
    assert kept == sorted([first.name, second.name])


def test_readable_backups_are_listed_first(tmp_path):
    db = with_backup(tmp_path)
    broken = db.with_name("followup.json.before-restore-20991231T235959")
    broken.write_bytes(b"\x00" * 64)
    newest = db.stat().st_mtime + 3600
    os.utime(broken, (newest, newest))
    backups = list_backups(db)
    assert [b.path.name for b in backups] == ["followup.json.bak", broken.name]
    assert backups[0].interviews == 1 and backups[1].interviews is None

    listing = followup("restore", "--db", str(db))
    assert listing.returncode == 0, listing.stderr
    first, second = [line for line in listing.stdout.splitlines() if line.startswith("  ")]
    assert first.startswith("  1  ") and "followup.json.bak" in first and "1 interview" in first
    assert second.startswith("  2  ") and broken.name in second
    assert "cannot be restored: it contains only NUL bytes" in second


def test_an_unreadable_backup_is_refused_before_asking(tmp_path):
    db = with_backup(tmp_path)
    broken = db.with_name("followup.json.before-restore-20260101T000000")
    broken.write_bytes(b"\x00" * 64)
    before = sha(db)

    done = followup("restore", "2", "--db", str(db))  # no terminal, no --yes
    assert done.returncode == 1
    assert done.stderr == (
        f"followup: {broken} cannot be restored: it contains only NUL bytes (the disk lost "
        "its content, often in a crash); pick another backup (`followup restore` lists them)\n"
    )
    code, shown = on_terminal(tmp_path, "restore", broken.name, "--db", str(db), answer=None)
    assert code == 1 and "[y/N]" not in shown and "cannot be restored" in shown
    assert sha(db) == before
    assert sorted(p.name for p in tmp_path.glob("followup.json.before-restore-*")) == [broken.name]


# --------------------------------------------------------------------------- on a terminal


def on_terminal(tmp_path: Path, *argv: str, answer: bytes | None) -> tuple[int, str]:
    """Run followup with a pseudo-terminal for its stdin, stdout and stderr, as a person would;
    type ``answer`` once it asks (None: expect no question). Return the exit code and all it
    showed."""
    leader, follower = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "app", *argv],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        close_fds=True,
    )
    os.close(follower)
    shown = b""
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 60)
            assert ready, f"followup showed nothing more after {shown!r}"
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the program ended and closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            if answer is not None and shown.endswith(b"[y/N] "):
                os.write(leader, answer)
                answer = None
    finally:
        os.close(leader)
        code = process.wait(timeout=60)
    return code, shown.decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("answer", "restores"),
    [(b"y\n", True), (b"YES\n", True), (b"n\n", False), (b"\n", False), (b"\x04", False)],
    ids=["y", "yes", "n", "nothing", "ctrl-d"],
)
def test_the_question_on_a_terminal(tmp_path, answer, restores):
    db = with_backup(tmp_path)
    before = sha(db)
    code, shown = on_terminal(tmp_path, "restore", "1", "--db", str(db), answer=answer)
    assert f"Replace {db} with {db}.bak" in shown and "[y/N] " in shown
    assert "Traceback" not in shown and "internal error" not in shown
    kept = list(tmp_path.glob("followup.json.before-restore-*"))
    exported = json.loads(followup("export", "--db", str(db)).stdout)
    if restores:
        assert code == 0, shown
        assert [i["id"] for i in exported["interviews"]] == ["acme"]
        assert len(kept) == 1 and sha(kept[0]) == before
        assert f"The file it replaced is kept as {kept[0]}" in shown
    else:
        assert code == 1, shown
        assert "Nothing was changed." in shown
        assert sha(db) == before and kept == []
        assert [i["id"] for i in exported["interviews"]] == ["acme", "globex"]

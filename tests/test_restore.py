"""followup restore, end to end: an unreadable database, its backup listed, put back after
confirmation, and the unreadable file kept rather than lost."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

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

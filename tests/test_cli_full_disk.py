"""A command that writes the database, run with a real file size limit (RLIMIT_FSIZE) that the
new file cannot fit under, as on a full disk: one line naming the file, exit 1, no traceback,
and the database, its backup and its folder exactly as they were."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-11-20T10:00:00+00:00"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder(path: Path) -> dict[str, str]:
    """Every file beside the database, with its content's hash (the lock file is empty)."""
    return {p.name: sha256(p) for p in sorted(path.parent.iterdir()) if p.is_file()}


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "data" / "followup.json"
    assert main(["demo", "--db", str(path), "--at", AT]) == 0
    capsys.readouterr()
    # A second write, so that there is a backup to keep as it is too.
    first = json.loads(_export(capsys, path))["interviews"][0]["id"]
    assert main(["reply", first, "--db", str(path), "--at", AT, "--summary", "Soon"]) == 0
    capsys.readouterr()
    assert path.with_name("followup.json.bak").is_file()
    return path


def _export(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    assert main(["export", "--db", str(path)]) == 0
    return capsys.readouterr().out


def open_action(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    assert main(["due", "--json", "--db", str(db), "--at", AT]) == 0
    actions = json.loads(capsys.readouterr().out)
    return next(a["id"] for a in actions if a["state"] in ("overdue", "due"))


def limited(limit: int | None, *argv: str) -> subprocess.CompletedProcess[str]:
    """``python3 -m app ARGV`` with no file allowed to grow past ``limit`` bytes.

    Python ignores SIGXFSZ by itself, so the write fails with EFBIG instead of the signal
    killing the process, as it would stop a program that did not.
    """

    def no_bigger_files() -> None:
        import resource

        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    environment = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
    # No bytecode cache: it is a file too, and its writes are not the ones under test.
    environment.update(PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        preexec_fn=no_bigger_files,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=60,
        check=False,
    )


COMMANDS = ["sent", "snooze", "skip", "reply", "import", "import --replace"]


def command_line(command: str, db: Path, action: str, interview: str, source: Path) -> list[str]:
    words = {
        "sent": ["sent", action, "--channel", "email"],
        "snooze": ["snooze", action, "--until", "in 3 days"],
        "skip": ["skip", action],
        "reply": ["reply", interview, "--summary", "They will call on Monday"],
        "import": ["import", str(source)],
        "import --replace": ["import", str(source), "--replace"],
    }[command]
    when = [] if command.startswith("import") else ["--at", AT]
    return [*words, "--db", str(db), *when]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_write_past_the_file_size_limit_is_one_line_and_changes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    interview = json.loads(_export(capsys, db))["interviews"][0]["id"]
    incoming = [{"id": "newco", "company": "NewCo", "role": "Analyst"}]
    if command == "import --replace":
        # Longer than the one it replaces, so that the file grows.
        notes = {"discussed": "The roadmap, the team and the on-call rota. " * 400}
        incoming.append({"id": interview, "company": "Renamed", "role": "PM", "notes": notes})
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": "followup/1", "interviews": incoming}))
    argv = command_line(command, db, open_action(capsys, db), interview, source)
    before, files = db.read_bytes(), folder(db)

    done = limited(len(before), *argv)

    real = db.resolve()
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        f"followup: could not save {real} (File too large); the file was left unchanged\n"
    )
    assert db.read_bytes() == before
    assert folder(db) == files  # the backup as it was, and no temporary left behind

    # Nothing stayed stuck (a lock, a half-made temporary): with room again, it is written.
    again = limited(None, *argv)
    assert again.returncode == 0, again.stderr
    assert db.read_bytes() != before

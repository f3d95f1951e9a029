"""What the commands print reaches its reader whole, in UTF-8, or the command says it did not:
a file at its size limit, a pipe its reader closed, a locale that cannot spell the names."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.cli_runs import demo_database

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-12-04T09:00:00+00:00"


def _environment(**extra: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
    environment.update(PYTHONPATH=str(ROOT), **extra)
    return environment


def _followup(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "app", *argv], check=False, cwd=ROOT, timeout=120, **kwargs
    )


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return demo_database(tmp_path, capsys, AT)


def _limit_file_size() -> None:
    # As `ulimit -f 10` in the shell; Python ignores SIGXFSZ, so the limit shows as a short
    # write and then EFBIG, as it does for followup started by a shell.
    resource.setrlimit(resource.RLIMIT_FSIZE, (10 * 1024, 10 * 1024))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_an_export_cut_by_the_file_size_limit_fails(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "e.json"
    with target.open("wb") as handle:
        done = _followup(
            "export",
            "--db",
            str(demo),
            stdout=handle,
            stderr=subprocess.PIPE,
            env=_environment(),
            preexec_fn=_limit_file_size,
        )
    assert target.stat().st_size == 10 * 1024  # the export is larger: it was cut
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "followup: could not write the export to standard output (File too large)\n"
    )


def test_due_cut_by_the_file_size_limit_fails(demo: Path, tmp_path: Path) -> None:
    # Many copies of the demo's interviews, so that `due` prints more than 10 KB.
    exported = _followup("export", "--db", str(demo), capture_output=True, env=_environment())
    document = json.loads(exported.stdout)
    document["interviews"] = [
        {**interview, "id": f"{interview['id']}-{n}"}
        for n in range(20)
        for interview in document["interviews"]
    ]
    source = tmp_path / "many.json"
    source.write_text(json.dumps(document))
    db = tmp_path / "many-db.json"
    assert main(["import", str(source), "--db", str(db)]) == 0
    with (tmp_path / "due.json").open("wb") as handle:
        done = _followup(
            "due", "--json", "--db", str(db), "--at", AT, "--days", "400",
            stdout=handle, stderr=subprocess.PIPE, env=_environment(),
            preexec_fn=_limit_file_size,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.decode() == "followup: could not write to standard output (File too large)\n"


@pytest.mark.parametrize("argv", [["export"], ["due", "--json", "--at", AT], ["due", "--at", AT]])
def test_a_reader_that_left_is_no_failure(demo: Path, argv: list[str]) -> None:
    # The reading end is closed before followup starts: its first write meets EPIPE, as
    # `followup due --json | head -1` meets it on a large database.
    reading, writing = os.pipe()
    os.close(reading)
    try:
        done = _followup(
            *argv, "--db", str(demo), stdout=writing, stderr=subprocess.PIPE, env=_environment()
        )
    finally:
        os.close(writing)
    assert (done.returncode, done.stderr.decode()) == (0, "")


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_output_is_utf8_whatever_the_locale(demo: Path, encoding: str) -> None:
    environment = _environment(PYTHONIOENCODING=encoding, LANG="C", LC_ALL="C")
    due = _followup("due", "--db", str(demo), "--at", AT, capture_output=True, env=environment)
    assert (due.returncode, due.stderr.decode()) == (0, "")
    assert "…" in due.stdout.decode("utf-8")
    export = _followup("export", "--db", str(demo), capture_output=True, env=environment)
    assert export.returncode == 0
    plain = _followup("export", "--db", str(demo), capture_output=True, env=_environment())
    assert export.stdout == plain.stdout
    json.loads(export.stdout.decode("utf-8"))


def test_an_error_line_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    missing = tmp_path / "café…" / "db.json"
    done = _followup(
        "calendar", "--db", str(missing), "--at", AT,
        capture_output=True, env=_environment(PYTHONIOENCODING="ascii"),
    )  # fmt: skip
    assert done.returncode == 1
    assert str(missing) in done.stderr.decode("utf-8")
    assert "internal error" not in done.stderr.decode("utf-8")


def test_a_path_with_an_escape_never_reaches_the_terminal_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in\x1b[31mred"
    folder.mkdir()
    source = folder / "file.json"
    source.write_text(json.dumps({"format": "followup/1", "interviews": []}))
    db = folder / "db.json"
    assert main(["export", "--db", str(db)]) == 0
    warned = capsys.readouterr().err
    assert main(["import", str(source), "--db", str(db)]) == 0
    said = capsys.readouterr().out
    # Typed paths are quoted as escapes, in a warning and in a success alike.
    for line in (warned, said):
        assert "\x1b" not in line and "in\\x1b[31mred" in line

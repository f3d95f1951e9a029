"""The files followup keeps and reads: never written over by an output, private from the moment
they exist, read only when they are regular files of a bounded size, and never replaced when
the user made them read-only."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

AT = "2026-12-04T09:00:00+00:00"


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "db.json"
    assert main(["demo", "--db", str(db), "--at", AT]) == 0
    capsys.readouterr()
    return db


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- outputs


@pytest.mark.parametrize("name", ["before-restore-20261204T185105", "before-restore-x-2"])
def test_an_output_never_writes_over_a_copy_kept_by_restore(
    demo: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    kept = demo.with_name(f"{demo.name}.{name}")
    kept.write_bytes(demo.read_bytes())
    before = kept.read_bytes()
    code, out, err = _run(capsys, "calendar", "--db", str(demo), "--at", AT, "--out", str(kept))
    assert (code, out) == (1, "")
    assert err == (
        f"followup: --out {kept} is a copy of the database kept by `followup restore`: "
        "give another file\n"
    )
    assert kept.read_bytes() == before


# --------------------------------------------------------------------------- private files


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that lets everyone read what is created, unless it is created private."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_every_file_and_folder_followup_creates_is_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "data" / "followup" / "db.json"
    assert _run(capsys, "demo", "--db", str(db), "--at", AT)[0] == 0
    assert _mode(db.parent.parent) == 0o700
    assert _mode(db.parent) == 0o700
    assert _mode(db) == 0o600
    assert _mode(db.with_name("db.json.lock")) == 0o600
    # A second save keeps the first as the backup; a file system that refuses a second name
    # for a file gets a copy, which is private too.
    monkeypatch.setattr(os, "link", _refuse_links)
    _save_again(db, capsys)
    assert _mode(db.with_name("db.json.bak")) == 0o600
    assert _run(capsys, "restore", "1", "--yes", "--db", str(db))[0] == 0
    (kept,) = db.parent.glob("db.json.before-restore-*")
    assert _mode(kept) == 0o600
    # And whatever else is there (the numbers of the last `due` listing).
    assert {p.name: _mode(p) for p in db.parent.iterdir()} == dict.fromkeys(
        ["db.json", "db.json.bak", "db.json.lock", kept.name], 0o600
    ) | {p.name: 0o600 for p in db.parent.glob("*listing*")}


def _save_again(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "due", "--json", "--db", str(db), "--at", AT)
    assert code == 0
    first = json.loads(out)[0]["id"]
    assert _run(capsys, "skip", first, "--db", str(db), "--at", AT)[0] == 0


def _refuse_links(source: object, target: object, **kwargs: object) -> None:
    raise OSError(errno.EPERM, os.strerror(errno.EPERM))


@pytest.mark.usefixtures("open_umask")
@pytest.mark.parametrize("copier", ["restore", "backup"])
def test_a_copy_is_private_while_it_is_written(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, copier: str
) -> None:
    # What a reader could see in the middle of the copy: the mode of the file being filled.
    modes: list[int] = []
    real = shutil.copyfileobj

    def watched(reader: Any, writer: Any, *args: Any) -> None:
        modes.append(stat.S_IMODE(os.fstat(writer.fileno()).st_mode))
        real(reader, writer, *args)

    monkeypatch.setattr(shutil, "copyfileobj", watched)
    monkeypatch.setattr(os, "link", _refuse_links)
    demo.chmod(0o644)  # the copy may end as the user left the database, never start wider
    _save_again(demo, capsys)
    if copier == "restore":
        modes.clear()
        assert _run(capsys, "restore", "1", "--yes", "--db", str(demo))[0] == 0
    assert modes and set(modes) == {0o600}

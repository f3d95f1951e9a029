"""The files followup keeps and reads: never written over by an output, private from the moment
they exist, read only when they are regular files of a bounded size, and never replaced when
the user made them read-only."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.store.beside import KEPT_BESIDE
from tests.cli_runs import demo_database

AT = "2026-12-04T09:00:00+00:00"


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return demo_database(tmp_path, capsys, AT)


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
    # And whatever else is there (the numbers of the last `due` listing, the actions kept).
    assert {p.name: _mode(p) for p in db.parent.iterdir()} == dict.fromkeys(
        ["db.json", "db.json.bak", "db.json.lock", "db.json.actions-cache", kept.name], 0o600
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


# --------------------------------------------------------------------------- what is read


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(path))
    return path


KINDS = {
    "fifo": "a FIFO",
    "device": "a character device",
    "folder": "a folder",
    "socket": "a socket",
}
COMMANDS = [
    ["due", "--at", AT],
    ["due", "--json", "--at", AT],
    ["sent", "x", "--at", AT],
    ["export"],
    ["calendar", "--at", AT],
    ["restore"],
    ["profile"],
    ["demo", "--at", AT],
]


@pytest.fixture
def no_hang() -> Iterator[None]:
    """A test that would wait forever on a FIFO fails instead."""

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("followup waited on a file that never comes")

    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: "-".join(argv[:2]))
def test_a_database_that_is_no_regular_file_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, argv: list[str]
) -> None:
    db = _special(tmp_path, kind)
    before = sorted(tmp_path.iterdir())
    code, out, err = _run(capsys, *argv, "--db", str(db))
    assert (code, out, err) == (1, "", f"followup: {db}: is {KINDS[kind]}, not a regular file\n")
    assert sorted(tmp_path.iterdir()) == before  # no lock file either


@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_an_import_of_no_regular_file_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    source = _special(tmp_path, kind)
    db = tmp_path / "db.json"
    code, out, err = _run(capsys, "import", str(source), "--db", str(db))
    assert (code, out, err) == (
        1,
        "",
        f"followup: {source}: is {KINDS[kind]}, not a regular file\n",
    )
    assert not db.exists()


@pytest.mark.usefixtures("no_hang")
def test_a_fifo_that_takes_the_databases_name_once_checked_does_not_hang(tmp_path: Path) -> None:
    from app.files import NotARegularFile, open_regular

    fifo = _special(tmp_path, "fifo")
    # As if it had been a file when it was looked at: the open itself must not wait.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("app.files.check_regular", lambda path: os.stat(tmp_path))
        with pytest.raises(NotARegularFile):
            open_regular(fifo)


def test_the_database_is_read_up_to_a_limit_the_environment_sets(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    size = demo.stat().st_size
    monkeypatch.setenv("FOLLOWUP_MAX_BYTES", str(size - 1))
    code, out, err = _run(capsys, "due", "--db", str(demo), "--at", AT)
    assert (code, out) == (1, "")
    assert err == (
        f"followup: {demo}: the file is {size:,} bytes; followup reads files of up to "
        f"{size - 1:,} bytes (FOLLOWUP_MAX_BYTES changes it)\n"
    )
    source = demo.with_name("in.json")
    source.write_bytes(demo.read_bytes())
    code, _, err = _run(capsys, "import", str(source), "--db", str(demo.with_name("new.json")))
    assert code == 1 and err.startswith(f"followup: {source}: the file is {size:,} bytes;")
    monkeypatch.setenv("FOLLOWUP_MAX_BYTES", str(size))
    assert _run(capsys, "due", "--db", str(demo), "--at", AT)[0] == 0


def test_the_default_limit_is_256_mb_for_the_database_and_an_import() -> None:
    from app.commands.import_ import MAX_BYTES
    from app.files import DEFAULT_MAX_BYTES, max_bytes

    assert MAX_BYTES == DEFAULT_MAX_BYTES == max_bytes() == 256 * 1024 * 1024


# --------------------------------------------------------------------------- links


@pytest.mark.parametrize("argv", [*COMMANDS, ["import", "{loop}"]], ids=lambda a: "-".join(a[:2]))
def test_a_loop_of_links_is_named_by_every_command(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("b").symlink_to("a")
    Path("a").symlink_to("b")
    loop = "a"
    db = "a" if argv[0] != "import" else "db.json"
    argv = [part.replace("{loop}", loop) for part in argv]
    code, out, err = _run(capsys, *argv, "--db", db)
    assert (code, out, err) == (1, "", "followup: a: a loop of symbolic links\n")


# --------------------------------------------------------------------------- read-only


@pytest.mark.parametrize("mode", [0o400, 0o444, 0o044])
@pytest.mark.parametrize("change", ["skip", "import", "restore", "demo"])
def test_a_read_only_database_is_never_replaced(
    demo: Path, capsys: pytest.CaptureFixture[str], mode: int, change: str
) -> None:
    _save_again(demo, capsys)  # a backup to restore
    code, out, _ = _run(capsys, "due", "--json", "--db", str(demo), "--at", AT)
    demo.chmod(mode)
    before = (demo.read_bytes(), demo.stat().st_ino, _mode(demo))
    source = demo.with_name("in.json")
    source.write_text('{"format": "followup/1", "profile": {"name": "Someone Else"}}')
    argv = {
        "skip": ["skip", json.loads(out)[0]["id"], "--at", AT],
        "import": ["import", str(source), "--replace"],
        "restore": ["restore", "1", "--yes"],
        "demo": ["demo", "--at", AT],
    }[change]
    code, out, err = _run(capsys, *argv, "--db", str(demo))
    assert (code, err) == (1, f"followup: {demo} is read-only: nothing was changed\n")
    assert (demo.read_bytes(), demo.stat().st_ino, _mode(demo)) == before
    assert not list(demo.parent.glob("*.before-restore-*"))


@pytest.mark.parametrize(("suffix", "what"), list(KEPT_BESIDE.items()))
@pytest.mark.parametrize("option", ["--out", "--eml"])
def test_an_output_never_writes_over_a_file_kept_beside_the_database(
    demo: Path, capsys: pytest.CaptureFixture[str], suffix: str, what: str, option: str
) -> None:
    kept = demo.with_name(f"{demo.name}{suffix}")
    kept.write_bytes(b"kept")
    command = ["calendar"] if option == "--out" else ["draft", "1"]
    if option == "--eml":
        assert _run(capsys, "due", "--db", str(demo), "--at", AT)[0] == 0
        kept.write_bytes(b"kept")
    code, _, err = _run(capsys, *command, "--db", str(demo), "--at", AT, option, str(kept))
    assert code == 1
    assert err == f"followup: {option} {kept} is {what}: give another file\n"
    assert kept.read_bytes() == b"kept"

"""SIGTERM or SIGHUP while the dashboard runs in a real terminal, with a form half filled in:
the app ends at once and gives the terminal back, the database holds every change that was
saved and nothing that was not, and no temporary file is left beside it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.domain.records import Stage
from app.store.paths import temporary_prefix
from app.store.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
TYPED = "unsaved-typing"
LEAVE_FULL_SCREEN = b"\x1b[?1049l"
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[@-_]")
COLUMNS, ROWS = 120, 40

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGHUP"),
    reason="needs a pseudo-terminal and POSIX signals",
)

INTERCHANGE = {
    "format": "followup/1",
    "profile": {"name": "Alex Morgan", "timezone": "Europe/London"},
    "interviews": [
        {
            "id": "acme-pm",
            "company": "Acme Ltd",
            "role": "Product Manager",
            "stage": "scheduled",
            "rounds": [{"id": "r1", "starts": "2026-11-20T14:00:00+00:00", "minutes": 60}],
        }
    ],
}


LIMITED = """
import resource, runpy, signal
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, ({0}, {0}))
runpy.run_module("app", run_name="__main__")
"""


class Terminal:
    """The dashboard in a pseudo-terminal, and everything it has drawn so far."""

    def __init__(
        self, db: Path, home: Path, tz: str = "Europe/London", max_file_size: int | None = None
    ) -> None:
        import fcntl
        import struct
        import termios

        self.master, follower = os.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        environment = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
        environment.update(
            TERM="xterm-256color",
            PYTHONPATH=str(ROOT),
            TZ=tz,
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
        )
        command = [sys.executable, "-m", "app", "--db", str(db)]
        if max_file_size is not None:
            # No file may grow past this size, as on a full disk; the terminal is not a file.
            command[1:3] = ["-c", LIMITED.format(max_file_size)]
        self.process = subprocess.Popen(
            command,
            stdin=follower,
            stdout=follower,
            stderr=follower,
            cwd=ROOT,
            env=environment,
            start_new_session=True,
        )
        os.close(follower)
        self._output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the last process holding the terminal is gone
                return
            if not chunk:
                return
            with self._lock:
                self._output.extend(chunk)

    @property
    def output(self) -> bytes:
        with self._lock:
            return bytes(self._output)

    def text(self, since: int = 0) -> str:
        """What was drawn, escape sequences removed."""
        return ANSI.sub(b"", self.output[since:]).decode("utf-8", "replace")

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def hang_up(self) -> None:
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.master >= 0:
            self.hang_up()
        self._reader.join(timeout=5)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    """Poll until ``condition`` holds; the timeout only stops a broken test from hanging."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "followup.json"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(INTERCHANGE))
    from app.cli import main

    assert main(["import", str(source), "--db", str(path)]) == 0
    return path


@pytest.fixture
def terminal(db: Path, tmp_path: Path) -> Iterator[Terminal]:
    running = Terminal(db, tmp_path)
    yield running
    running.close()


def edit_without_saving(terminal: Terminal, db: Path) -> bytes:
    """Move the card on (saved), then type into the edit form (not saved); the file's bytes."""
    wait_for(lambda: "1 interview ·" in terminal.text(), "the dashboard to read the database")
    before = sha256(db)
    terminal.type(">")
    wait_for(lambda: sha256(db) != before, "the stage change to be saved")
    terminal.type("e")
    wait_for(lambda: "Interview details" in terminal.text(), "the edit menu")
    terminal.type("\r")
    wait_for(lambda: "Edit interview" in terminal.text(), "the interview form")
    terminal.type(TYPED)
    wait_for(lambda: TYPED in terminal.text(), "the typing to show in the form")
    return db.read_bytes()


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_an_edit_keeps_what_was_saved(
    terminal: Terminal, db: Path, name: str
) -> None:
    number = getattr(signal, name)
    saved = edit_without_saving(terminal, db)
    mark = len(terminal.output)

    terminal.process.send_signal(number)
    code = terminal.process.wait(timeout=10)

    # It ended by itself, as on `q`, and not by the signal's default action.
    assert code == 128 + number
    wait_for(lambda: LEAVE_FULL_SCREEN in terminal.output[mark:], "the terminal to be restored")
    assert "Traceback" not in terminal.text() and "Error" not in terminal.text(mark)
    assert_saved_state(db, saved)


def test_a_terminal_closed_under_an_edit_keeps_what_was_saved(terminal: Terminal, db: Path) -> None:
    saved = edit_without_saving(terminal, db)

    terminal.hang_up()  # the window closed: writes to the terminal now fail
    terminal.process.send_signal(signal.SIGHUP)
    code = terminal.process.wait(timeout=10)

    assert code == 128 + signal.SIGHUP
    assert_saved_state(db, saved)


def assert_saved_state(db: Path, saved: bytes) -> None:
    assert db.read_bytes() == saved
    interview = Repository(db, default_zone="UTC").load().interviews[0]
    assert interview.stage is Stage.INTERVIEWED  # the saved move from "scheduled"
    assert interview.company == "Acme Ltd"  # the typing was never saved
    assert TYPED not in saved.decode()
    assert [n for n in os.listdir(db.parent) if n.startswith(temporary_prefix(db))] == []


@pytest.mark.parametrize("leave", ["ctrl+q", "SIGTERM"])
def test_changes_that_could_not_be_saved_are_tried_again_and_reported_on_leaving(
    db: Path, tmp_path: Path, leave: str
) -> None:
    before = db.read_bytes()
    terminal = Terminal(db, tmp_path, max_file_size=len(before))
    try:
        wait_for(lambda: "1 interview ·" in terminal.text(), "the dashboard to read the database")
        terminal.type(">")
        wait_for(lambda: "Not saved" in terminal.text(), "the failed save to show")
        mark = len(terminal.output)
        if leave == "ctrl+q":
            terminal.type("\x11")
        else:
            terminal.process.send_signal(signal.SIGTERM)
        assert terminal.process.wait(timeout=10) == 1
        wait_for(lambda: LEAVE_FULL_SCREEN in terminal.output[mark:], "the terminal restored")
        after = terminal.output[mark:].partition(LEAVE_FULL_SCREEN)[2]
        said = " ".join(ANSI.sub(b"", after).decode().split())
        assert said.startswith(
            f"followup: 1 change could not be saved before leaving: could not save {db}"
        )
        assert "File too large" in said and "Traceback" not in said
    finally:
        terminal.close()
    assert db.read_bytes() == before
    assert [n for n in os.listdir(db.parent) if n.startswith(temporary_prefix(db))] == []


@pytest.mark.parametrize("piped", ["stdin", "stdout"])
def test_with_one_stream_piped_and_the_other_a_terminal_it_exits_within_a_second(
    tmp_path: Path, piped: str
) -> None:
    from tests.ui.test_dashboard import refuse_without_a_terminal

    master, follower = os.openpty()
    try:
        # `echo | followup` in a terminal, and `followup | less`.
        streams: dict[str, object] = (
            {"input": b"\n", "stdout": follower}
            if piped == "stdin"
            else {"stdin": follower, "stdout": subprocess.PIPE}
        )
        elapsed, said = refuse_without_a_terminal(tmp_path, **streams)
    finally:
        os.close(follower)
        os.close(master)
    assert said.startswith("followup: the dashboard needs a terminal") and said.count("\n") == 1
    assert elapsed < 1
    assert not (tmp_path / "db.json").exists()

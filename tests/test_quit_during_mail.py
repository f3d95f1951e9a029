"""Quitting while the mail server has not answered yet: the prompt comes back at once, rather
than when the server's answer or its timeout would have come. What the check would have brought
is not wanted any more; the check runs at every start, so this is any quick look at the board."""

from __future__ import annotations

import json
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.inbox import sources
from tests.test_signals import INTERCHANGE, LEAVE_FULL_SCREEN, Terminal, wait_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


class SilentServer:
    """A mail server on the loopback address that takes connections and never says a word."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed
                return
            self.connections.append(connection)

    def close(self) -> None:
        self.listener.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


def test_q_while_the_mail_server_is_silent_gives_the_prompt_back_at_once(
    tmp_path: Path, silent: SilentServer
) -> None:
    db, source = tmp_path / "followup.json", tmp_path / "in.json"
    source.write_text(json.dumps(INTERCHANGE))
    assert main(["import", str(source), "--db", str(db)]) == 0
    password = f"{sys.executable} -c print(1)"
    assert main(
        ["inbox", "setup", "--db", str(db), "--host", "127.0.0.1", "--port", str(silent.port),
         "--user", "me", "--password-command", password, "--security", "none"]
    ) == 0  # fmt: skip
    terminal = Terminal(db, tmp_path)
    try:
        wait_for(lambda: "1 interview ·" in terminal.text(), "the dashboard to read the database")
        wait_for(lambda: bool(silent.connections), "the mail check to reach the server")
        mark = len(terminal.output)
        terminal.type("q")
        # Well inside the time the server is given to answer: waiting for it, the process would
        # still be here when this gives up.
        assert terminal.process.wait(timeout=sources.TIMEOUT_SECONDS / 2) == 0
        assert LEAVE_FULL_SCREEN in terminal.output[mark:]
        assert "Traceback" not in terminal.text()
    finally:
        terminal.close()

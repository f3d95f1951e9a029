"""A real CalDAV server for the sync's tests: Radicale, started on a free port of 127.0.0.1 with
its own configuration, storage and plain-text htpasswd file in a temporary folder, and stopped
with its whole process group."""

from __future__ import annotations

import contextlib
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.servers import free_port, missing, stop

USER = "jo"
PASSWORD = "correct horse 7 battery"  # spaces: a password is more than one word
CALENDAR = "followups"
_READY_WITHIN = 20.0


def require_radicale() -> None:
    """Skips the test where Radicale is missing, and fails it under CI, which must install it
    (the test extra does)."""
    if importlib.util.find_spec("radicale") and importlib.util.find_spec("caldav"):
        return
    missing("radicale and caldav", "pip install -e '.[test]'")


@dataclass(frozen=True)
class Radicale:
    port: int
    folder: Path
    process: subprocess.Popen[bytes]

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def calendar_url(self) -> str:
        return f"{self.root}{USER}/{CALENDAR}/"

    def log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.folder / "radicale.log").read_text(errors="replace")
        return ""


@contextlib.contextmanager
def running_radicale() -> Iterator[Radicale]:
    """A fresh Radicale with one user and one empty calendar, stopped on exit."""
    require_radicale()
    folder = Path(tempfile.mkdtemp(prefix="followup-radicale-"))
    process: subprocess.Popen[bytes] | None = None
    try:
        port = free_port()
        (folder / "users").write_text(f"{USER}:{PASSWORD}\n")
        config = folder / "config"
        config.write_text(
            "[server]\n"
            f"hosts = 127.0.0.1:{port}\n"
            "[auth]\n"
            "type = htpasswd\n"
            f"htpasswd_filename = {folder / 'users'}\n"
            "htpasswd_encryption = plain\n"
            "[rights]\n"
            "type = owner_only\n"
            "[storage]\n"
            f"filesystem_folder = {folder / 'collections'}\n"
            "[logging]\n"
            "level = info\n"
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=(folder / "radicale.log").open("wb"),
            start_new_session=True,
        )
        server = Radicale(port, folder, process)
        _wait_until_answering(server)
        _make_calendar(server)
        yield server
    finally:
        if process is not None:
            stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def _wait_until_answering(server: Radicale) -> None:
    deadline = time.monotonic() + _READY_WITHIN
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(server.root, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # any HTTP answer, even "log in first", means it is up
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"radicale did not answer on port {server.port}: {server.log()}")


def _make_calendar(server: Radicale) -> None:
    from caldav.davclient import DAVClient

    client = DAVClient(url=server.root, username=USER, password=PASSWORD, timeout=10)
    answer = client.request(server.calendar_url, "MKCALENDAR", "")
    assert answer.status in (200, 201), server.log()

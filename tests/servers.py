"""What the tests that start a real server (Dovecot, Radicale) share: a free port on
127.0.0.1, stopping the server with its whole process group, and the rule for a server that is
not installed (skipped here, a failure under CI, which must install it)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
from typing import NoReturn

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def missing(what: str, install: str) -> NoReturn:
    """Skips the test for want of ``what``; fails it under CI, which must install it."""
    if os.environ.get("CI"):
        pytest.fail(f"CI must install {what} ({install})")
    pytest.skip(f"needs {what} ({install})")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop ``process`` and everything it started (it runs in a session of its own)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

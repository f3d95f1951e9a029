"""A real CalDAV server for the calendar sync's tests (``tests/calendar/radicale_server.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.calendar.radicale_server import Radicale, running_radicale


@pytest.fixture
def radicale() -> Iterator[Radicale]:
    """A fresh Radicale on 127.0.0.1 with one user and an empty calendar, stopped afterwards."""
    with running_radicale() as server:
        yield server

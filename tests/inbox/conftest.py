"""A real IMAP server for the inbox's tests (see ``tests/inbox/dovecot.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.inbox.dovecot import Dovecot, running_dovecot


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    """A fresh Dovecot on 127.0.0.1 with one user and an empty INBOX, stopped afterwards."""
    with running_dovecot() as server:
        yield server

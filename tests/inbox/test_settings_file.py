"""The inbox's settings and state beside the database: never the password, owner-only."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from app.errors import UserError
from app.inbox.settings_file import (
    FORMAT,
    Cursor,
    InboxState,
    Settings,
    inbox_state_path,
    load_inbox_state,
    save_inbox_state,
)

SECRET = "s3cret-pass-word"


def settings() -> Settings:
    return Settings(
        host="imap.example.org",
        port=993,
        user="jo@example.org",
        sent_folder="Sent Items",
        security="ssl",
        password_command="pass show mail/imap",
    )


def test_a_missing_file_is_an_empty_state(tmp_path: Path) -> None:
    assert load_inbox_state(tmp_path / "db.json") == InboxState()


def test_state_round_trips_and_the_file_is_the_owners_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOLLOWUP_IMAP_PASSWORD", SECRET)
    db = tmp_path / "db.json"
    state = InboxState(
        settings=settings(),
        cursors={"INBOX": Cursor(uidvalidity=7, last_uid=42)},
        dismissed=["p-2", "p-1"],
        proposals=[{"id": "p-3", "kind": "reply"}],
    )
    save_inbox_state(db, state)

    path = inbox_state_path(db)
    assert path == tmp_path / "db.json.inbox.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    written = path.read_bytes()
    assert SECRET.encode() not in written
    assert json.loads(written)["format"] == FORMAT
    assert "password" not in json.loads(written)["settings"]
    loaded = load_inbox_state(db)
    assert loaded.settings == state.settings
    assert loaded.cursors == state.cursors
    assert loaded.dismissed == ["p-1", "p-2"]
    assert loaded.proposals == state.proposals


def test_a_loose_file_is_made_private_again(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    save_inbox_state(db, InboxState())
    inbox_state_path(db).chmod(0o644)
    save_inbox_state(db, InboxState(dismissed=["x"]))
    assert stat.S_IMODE(inbox_state_path(db).stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b"[]",
        b'{"format": "followup-due-listing/1"}',
        b'{"format": "followup-inbox/1", "cursors": {"INBOX": {"uidvalidity": "7"}}}',
        b'{"format": "followup-inbox/1", "settings": {"host": 3, "user": "u"}}',
        b'{"format": "followup-inbox/1", "settings": {"host": "h", "user": "u", '
        b'"security": "tls"}}',
        b'{"format": "followup-inbox/1", "dismissed": [1]}',
    ],
)
def test_a_file_that_is_not_ours_is_one_line_and_kept(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "db.json"
    inbox_state_path(db).write_bytes(content)
    with pytest.raises(UserError, match="is not followup's inbox file") as caught:
        load_inbox_state(db)
    assert "\n" not in str(caught.value)
    assert inbox_state_path(db).read_bytes() == content


def test_a_fifo_in_its_place_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    os.mkfifo(inbox_state_path(db))
    with pytest.raises(UserError, match="is a FIFO"):
        load_inbox_state(db)

"""Where the inbox's settings and state live: ``<db>.inbox.json`` beside the database, readable
by its owner only, replaced in one step on every save.

It holds where the mail is (never the password), where each IMAP folder's last scan stopped,
the proposals the user dismissed, and the proposals of the last scan. Deleting it costs the
settings and makes the next scan start over; nothing in the database depends on it.

The account's settings are defined here rather than beside the mail reader (``sources``):
the dashboard reads this file at every start, and must not import the reader to do so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypedDict, TypeGuard

from app.store.beside import INBOX, beside_path, load_beside, write_beside

Security = Literal["ssl", "starttls", "none"]
SECURITIES: tuple[Security, ...] = ("ssl", "starttls", "none")
_DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "none": 143}


class Cursor(TypedDict):
    """Where the last scan of an IMAP folder stopped."""

    uidvalidity: int
    last_uid: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Where the user's mail is. Never the password: ``password_command`` prints it."""

    host: str
    port: int | None = None  # None: 993 for "ssl", 143 otherwise
    user: str
    folder: str = "INBOX"
    sent_folder: str | None = None  # None: the server's \\Sent folder, else SENT_FOLDERS
    security: Security = "ssl"
    password_command: str = ""

    @property
    def effective_port(self) -> int:
        return self.port if self.port is not None else _DEFAULT_PORTS[self.security]


FORMAT = "followup-inbox/1"
_SETTING_KEYS = ("host", "port", "user", "folder", "sent_folder", "security", "password_command")
# Settings, cursors, ids and proposals: far below this unless the file is not ours.
_MAX_BYTES = 64 * 1024 * 1024


@dataclass(slots=True)
class InboxState:
    settings: Settings | None = None
    cursors: dict[str, Cursor] = field(default_factory=dict)
    dismissed: list[str] = field(default_factory=list)
    proposals: list[dict[str, Any]] = field(default_factory=list)
    # The messages of each Maildir scanned so far, by their file's name before its flags: a
    # second scan reads only the new ones.
    seen: dict[str, list[str]] = field(default_factory=dict)


def inbox_state_path(db: Path) -> Path:
    """``<db>.inbox.json`` beside the file the database really is (through a link)."""
    return beside_path(db, INBOX)


def load_inbox_state(db: Path) -> InboxState:
    """The inbox state of ``db``; an empty one when there is none yet. Raises UserError for a
    file that followup did not write."""
    state = load_beside(inbox_state_path(db), FORMAT, "inbox", _MAX_BYTES, _read)
    return InboxState() if state is None else state


def save_inbox_state(db: Path, state: InboxState) -> None:
    """Replace the inbox state of ``db`` with ``state`` in one step, readable by its owner only.
    Raises UserError when it cannot be written."""
    write_beside(
        inbox_state_path(db),
        {
            "format": FORMAT,
            "settings": None if state.settings is None else settings_to_dict(state.settings),
            "cursors": {
                folder: {"uidvalidity": c["uidvalidity"], "last_uid": c["last_uid"]}
                for folder, c in sorted(state.cursors.items())
            },
            "dismissed": sorted(set(state.dismissed)),
            "proposals": state.proposals,
            "seen": {folder: sorted(set(keys)) for folder, keys in sorted(state.seen.items())},
        },
    )


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The settings as the file holds them: exactly ``_SETTING_KEYS``, no password among them."""
    return {key: getattr(settings, key) for key in _SETTING_KEYS}


def settings_from_dict(value: object) -> Settings | None:
    """Settings from the file's object; None when it is not one that ``settings_to_dict`` made."""
    if not isinstance(value, dict):
        return None
    host, port, user = value.get("host"), value.get("port"), value.get("user")
    folder, sent = value.get("folder", "INBOX"), value.get("sent_folder")
    security, command = value.get("security", "ssl"), value.get("password_command", "")
    if not (isinstance(host, str) and isinstance(user, str) and isinstance(folder, str)):
        return None
    if port is not None and (not isinstance(port, int) or isinstance(port, bool)):
        return None
    if sent is not None and not isinstance(sent, str):
        return None
    if security not in SECURITIES or not isinstance(command, str):
        return None
    return Settings(
        host=host,
        port=port,
        user=user,
        folder=folder,
        sent_folder=sent,
        security=security,
        password_command=command,
    )


def _read(document: dict[str, Any]) -> InboxState | None:
    settings = None
    if document.get("settings") is not None:
        settings = settings_from_dict(document["settings"])
        if settings is None:
            return None
    cursors = _cursors(document.get("cursors", {}))
    dismissed = document.get("dismissed", [])
    proposals = document.get("proposals", [])
    if cursors is None or not isinstance(dismissed, list) or not isinstance(proposals, list):
        return None
    if not all(isinstance(d, str) for d in dismissed):
        return None
    if not all(isinstance(p, dict) for p in proposals):
        return None
    seen = document.get("seen", {})
    if not isinstance(seen, dict) or not all(
        isinstance(keys, list) and all(isinstance(k, str) for k in keys) for keys in seen.values()
    ):
        return None
    return InboxState(settings, cursors, dismissed, proposals, seen)


def _cursors(value: object) -> dict[str, Cursor] | None:
    if not isinstance(value, dict):
        return None
    cursors: dict[str, Cursor] = {}
    for folder, cursor in value.items():
        if not isinstance(cursor, dict):
            return None
        validity, last = cursor.get("uidvalidity"), cursor.get("last_uid")
        if not (_is_count(validity) and _is_count(last)):
            return None
        cursors[str(folder)] = Cursor(uidvalidity=validity, last_uid=last)
    return cursors


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0

"""Where the CalDAV sync's settings and memory live: ``<db>.calendar.json`` beside the database,
readable by its owner only, replaced in one step on every save.

It holds which calendar to keep (never the password: the command that prints it) and what the
last sync pushed there, by UID: the event's address, its ETag and a hash of its content. That
memory is what lets a sync change, move and delete only followup's own events, and send nothing
when nothing changed. Deleting the file costs the settings; the next sync after a new setup
finds its old events by their addresses and takes them over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.store.beside import CALENDAR, beside_path, load_beside, write_beside

FORMAT = "followup-calendar/1"
# A few hundred events at most, unless the file is not ours.
_MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class CalendarSettings:
    url: str
    user: str
    password_command: str
    calendar: str | None = None


@dataclass(frozen=True, slots=True)
class Pushed:
    """An event the last sync left on the server."""

    href: str
    etag: str | None
    hash: str


@dataclass(slots=True)
class CalendarState:
    settings: CalendarSettings | None = None
    pushed: dict[str, Pushed] = field(default_factory=dict)


def calendar_state_path(db: Path) -> Path:
    """``<db>.calendar.json`` beside the file the database really is (through a link)."""
    return beside_path(db, CALENDAR)


def load_calendar_state(db: Path) -> CalendarState:
    """The sync's state for ``db``; an empty one when there is none yet. Raises UserError for a
    file that followup did not write."""
    state = load_beside(calendar_state_path(db), FORMAT, "calendar", _MAX_BYTES, _read)
    return CalendarState() if state is None else state


def save_calendar_state(db: Path, state: CalendarState) -> None:
    """Replace the sync's state for ``db`` in one step, readable by its owner only. Raises
    UserError when it cannot be written."""
    settings = state.settings
    write_beside(
        calendar_state_path(db),
        {
            "format": FORMAT,
            "settings": None
            if settings is None
            else {
                "url": settings.url,
                "user": settings.user,
                "calendar": settings.calendar,
                "password_command": settings.password_command,
            },
            "pushed": {
                uid: {"href": p.href, "etag": p.etag, "hash": p.hash}
                for uid, p in sorted(state.pushed.items())
            },
        },
    )


def _read(document: dict[str, Any]) -> CalendarState | None:
    settings = None
    if document.get("settings") is not None:
        settings = _settings(document["settings"])
        if settings is None:
            return None
    pushed = _pushed(document.get("pushed", {}))
    if pushed is None:
        return None
    return CalendarState(settings, pushed)


def _settings(value: object) -> CalendarSettings | None:
    if not isinstance(value, dict):
        return None
    url, user = value.get("url"), value.get("user")
    command, name = value.get("password_command", ""), value.get("calendar")
    if not (isinstance(url, str) and isinstance(user, str) and isinstance(command, str)):
        return None
    if name is not None and not isinstance(name, str):
        return None
    return CalendarSettings(url=url, user=user, password_command=command, calendar=name)


def _pushed(value: object) -> dict[str, Pushed] | None:
    if not isinstance(value, dict):
        return None
    pushed: dict[str, Pushed] = {}
    for uid, entry in value.items():
        if not isinstance(entry, dict):
            return None
        href, etag, digest = entry.get("href"), entry.get("etag"), entry.get("hash")
        if not (isinstance(href, str) and isinstance(digest, str)):
            return None
        if etag is not None and not isinstance(etag, str):
            return None
        pushed[str(uid)] = Pushed(href=href, etag=etag, hash=digest)
    return pushed

"""``followup calendar sync``: the open actions as events on the user's own CalDAV calendar.

Each open action is one event at an address followup chose, with followup's UID prefix. A sync
creates the events of new actions, rewrites (ETag-checked) those whose content changed, deletes
those whose action is no longer open, and remembers what it pushed; it reads and writes no
other event. The memory is saved only once every request succeeded, and every request is safe
to send again: a create that meets its own event from an interrupted sync takes it over, and a
delete that finds nothing is done. So a sync that fails half-way changes nothing locally, and
the next one finishes the work.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from app.errors import UserError
from app.services.calendar_state import (
    CalendarSettings,
    CalendarState,
    Pushed,
    load_calendar_state,
    save_calendar_state,
)

if TYPE_CHECKING:
    from caldav.collection import Calendar
    from caldav.davclient import DAVClient

    from app.domain.interchange import Pipeline
    from app.engine import Action
    from app.services.records import Records

PASSWORD_ENV = "FOLLOWUP_CALDAV_PASSWORD"
_T = TypeVar("_T")
TIMEOUT_SECONDS = 20
"""For connecting and for each read: a server that stops answering must not hang the command."""


@dataclass(frozen=True, slots=True)
class Synced:
    created: int
    updated: int
    deleted: int

    def line(self) -> str:
        if not (self.created or self.updated or self.deleted):
            return "nothing to change"
        return f"synced: {self.created} created, {self.updated} updated, {self.deleted} deleted"


def setup(db: Path, settings: CalendarSettings) -> bool:
    """Remember which calendar to keep. Returns whether the memory of pushed events was kept:
    it is forgotten when the calendar changes, as those events are on another one."""
    state = load_calendar_state(db)
    same = state.settings is not None and (
        (state.settings.url, state.settings.user, state.settings.calendar)
        == (settings.url, settings.user, settings.calendar)
    )
    save_calendar_state(db, CalendarState(settings, state.pushed if same else {}))
    return same or not state.pushed


def sync(
    records: Records,
    now: datetime,
    *,
    stamp: datetime | None = None,
    state: CalendarState | None = None,
) -> Synced:
    """Bring the calendar set up for ``records`` in line with the actions open at ``now``;
    ``state`` is the sync's state when it was just read."""
    from app.secrets import password_from

    db = records.path
    state = load_calendar_state(db) if state is None else state
    settings = state.settings
    if settings is None:
        raise UserError(
            "no CalDAV calendar set up: run `followup calendar setup --url URL --user U "
            "--password-command CMD` first"
        )
    wanted = _wanted(records.load(), now, stamp or datetime.now(UTC))
    if not _changes(state.pushed, wanted):
        # Known without the server: no password asked for, no request sent.
        return Synced(0, 0, 0)
    password = password_from(PASSWORD_ENV, settings.password_command, "followup calendar setup")
    session = _Session(settings, password)
    pushed, synced = session.run(lambda: _apply(session, state.pushed, wanted))
    if synced.created or synced.updated or synced.deleted or pushed != state.pushed:
        save_calendar_state(db, CalendarState(settings, pushed))
    return synced


def sync_if_set_up(records: Records, now: datetime) -> tuple[bool, str] | None:
    """After a change: bring the calendar in line when one is set up (None when none is),
    and say how it went, (True, "synced: …") or (False, why not). A failure changes nothing
    here and is caught up by the next sync; it never undoes the change that was made."""
    state = load_calendar_state(records.path)
    if state.settings is None:
        return None
    try:
        return True, sync(records, now, state=state).line()
    except UserError as problem:
        return False, f"the calendar was not synced ({problem}); the next change or sync catches up"


# --------------------------------------------------------------------------- what is wanted


@dataclass(frozen=True, slots=True)
class _Wanted:
    name: str
    data: bytes
    hash: str


def _wanted(pipeline: Pipeline, now: datetime, stamp: datetime) -> dict[str, _Wanted]:
    from app.engine import compute_actions
    from app.feeds.ical import event_calendar, event_uid

    actions = compute_actions(pipeline.interviews, pipeline.policy, now)
    by_id = {interview.id: interview for interview in pipeline.interviews}
    subjects = draft_subjects(actions, pipeline, now)
    wanted: dict[str, _Wanted] = {}
    for action in actions:
        uid = event_uid(action.id)
        data = event_calendar(action, by_id.get(action.interview), subjects.get(action.id), stamp)
        wanted[uid] = _Wanted(_resource_name(uid), data, _content_hash(data))
    return wanted


def draft_subjects(actions: list[Action], pipeline: Pipeline, now: datetime) -> dict[str, str]:
    """The subject line of each action's draft, as ``followup draft`` would write it."""
    from app.drafts import DraftError, compose
    from app.paths import templates_dir

    templates = templates_dir()
    found: dict[str, str] = {}
    for action in actions:
        if not action.contacting:
            continue
        try:
            draft = compose(action, pipeline, now, templates=templates)
        except DraftError:
            continue
        if draft.subject:
            found[action.id] = draft.subject
    return found


def _resource_name(uid: str) -> str:
    # A UID may hold characters an address would need escaped, and some servers unescape them
    # differently; a hash of it is plain, stable and still recognisably followup's.
    return f"followup-{hashlib.sha256(uid.encode()).hexdigest()[:32]}.ics"


def _content_hash(data: bytes) -> str:
    # DTSTAMP says when the file was made, not what it says: it must not count as a change.
    lines = [line for line in data.split(b"\r\n") if not line.startswith(b"DTSTAMP")]
    return hashlib.sha256(b"\r\n".join(lines)).hexdigest()


# --------------------------------------------------------------------------- the server


def _changes(before: dict[str, Pushed], wanted: dict[str, _Wanted]) -> bool:
    """Whether a sync has anything to send: an event new or changed, or one of followup's own
    to delete."""
    from app.feeds.ical import UID_PREFIX

    if any(uid not in before or before[uid].hash != e.hash for uid, e in wanted.items()):
        return True
    return any(uid not in wanted and uid.startswith(UID_PREFIX) for uid in before)


def _apply(
    session: _Session, before: dict[str, Pushed], wanted: dict[str, _Wanted]
) -> tuple[dict[str, Pushed], Synced]:
    from app.feeds.ical import UID_PREFIX

    base: str | None = None  # where new events go: asked of the server only for a new one
    pushed: dict[str, Pushed] = {}
    created = updated = deleted = 0
    for uid, event in sorted(wanted.items()):
        known = before.get(uid)
        if known is not None and known.hash == event.hash:
            pushed[uid] = known
            continue
        if known is None and base is None:
            base = str(session.calendar().url).rstrip("/") + "/"
        href = known.href if known is not None else f"{base}{event.name}"
        etag = session.put(href, uid, event.data, known.etag if known else None)
        pushed[uid] = Pushed(href=href, etag=etag, hash=event.hash)
        if known is None:
            created += 1
        else:
            updated += 1
    for uid, gone in sorted(before.items()):
        # The memory is a file the user can edit: only followup's own events are ever deleted.
        if uid in wanted or not uid.startswith(UID_PREFIX):
            continue
        session.delete(gone.href, uid, gone.etag)
        deleted += 1
    return pushed, Synced(created, updated, deleted)


class _Session:
    """One sync's requests, each failure turned into one line that never holds the password."""

    def __init__(self, settings: CalendarSettings, password: str) -> None:
        self.settings = settings
        self.password = password
        self._client: DAVClient | None = None

    @property
    def where(self) -> str:
        parts = urlsplit(self.settings.url)
        return parts.netloc or self.settings.url

    def run(self, work: Callable[[], _T]) -> _T:
        from caldav.lib import error

        try:
            return work()
        except UserError:
            raise
        except error.AuthorizationError:
            raise UserError(
                f"the CalDAV server {self.where} refused {self.settings.user!r} "
                "(a wrong user name or password)"
            ) from None
        except error.DAVError as problem:
            said = str(problem).strip().splitlines()[0] if str(problem).strip() else ""
            raise UserError(
                self._hide(
                    f"the CalDAV server {self.where} answered: {said or type(problem).__name__}"
                )
            ) from None
        except (OSError, ValueError) as problem:
            raise UserError(
                self._hide(f"cannot reach the CalDAV server {self.where}: {_reason(problem)}")
            ) from None

    def client(self) -> DAVClient:
        if self._client is None:
            from caldav.davclient import DAVClient

            self._client = DAVClient(
                url=self.settings.url,
                username=self.settings.user,
                password=self.password,
                timeout=TIMEOUT_SECONDS,
                enable_rfc6764=False,
            )
        return self._client

    def calendar(self) -> Calendar:
        """The calendar named in the settings; else the one the URL names; else the first."""
        principal = self.client().principal()  # type: ignore[no-untyped-call]
        calendars: list[Calendar] = list(principal.calendars())
        name = self.settings.calendar
        if name is not None:
            for calendar in calendars:
                if name in (calendar.get_display_name(), _last_segment(str(calendar.url))):
                    return calendar
            names = ", ".join(repr(c.get_display_name()) for c in calendars) or "none"
            raise UserError(f"no calendar named {name!r} at {self.where} (it has: {names})")
        own = self.settings.url.rstrip("/")
        for calendar in calendars:
            if str(calendar.url).rstrip("/") == own:
                return calendar
        if not calendars:
            raise UserError(f"the CalDAV account {self.settings.user!r} has no calendar")
        return calendars[0]

    def put(self, href: str, uid: str, data: bytes, etag: str | None) -> str | None:
        """Write one event; its new ETag, where the server says it."""
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        headers |= {"If-Match": etag} if etag else {"If-None-Match": "*"}
        answer = self.client().put(href, data, headers)  # type: ignore[arg-type]
        if answer.status == 412:
            # Ours, changed since (or left by a sync that failed before remembering it):
            # followup's event says what followup knows, so it is written again.
            current = self._own_etag(href, uid)
            headers = {"Content-Type": "text/calendar; charset=utf-8"}
            headers |= {"If-Match": current} if current else {}
            answer = self.client().put(href, data, headers)  # type: ignore[arg-type]
        if answer.status not in (200, 201, 204):
            raise UserError(
                f"the CalDAV server {self.where} refused to write an event (HTTP {answer.status})"
            )
        found = answer.headers.get("ETag")
        return str(found) if found else None

    def delete(self, href: str, uid: str, etag: str | None) -> None:
        headers = {"If-Match": etag} if etag else {}
        answer = self.client().delete(href, headers)
        if answer.status == 412:
            current = self._own_etag(href, uid)
            if current is None:
                return
            answer = self.client().delete(href, {"If-Match": current})
        if answer.status not in (200, 204, 404):
            raise UserError(
                f"the CalDAV server {self.where} refused to delete an event (HTTP {answer.status})"
            )

    def _own_etag(self, href: str, uid: str) -> str | None:
        """The ETag of the event at ``href`` when it is still followup's ``uid``; None when it
        is gone. Raises UserError when someone else's event is there."""
        answer = self.client().request(href, "GET")
        if answer.status == 404:
            return None
        body = answer.raw if isinstance(answer.raw, str) else str(answer.raw)
        if f"UID:{uid}" not in body.replace("\r\n ", "").replace("\n ", ""):
            raise UserError(
                f"an event that followup did not make is at {href}; it was left untouched"
            )
        found = answer.headers.get("ETag")
        return str(found) if found else None

    def _hide(self, text: str) -> str:
        from app.secrets import hide

        return hide(text, self.password)


def _last_segment(url: str) -> str:
    return url.rstrip("/").rpartition("/")[2]


def _reason(problem: Exception) -> str:
    """Why a request failed, in a few words: the HTTP library wraps the system's reason in
    layers of its own ("Max retries exceeded … NewConnectionError …")."""
    text = str(problem)
    system = re.search(r"\[Errno -?\d+\] ([^'\"()\]]+)", text)
    if system:
        return system.group(1).strip().lower()
    if "timed out" in text.lower() or "timeout" in type(problem).__name__.lower():
        return f"no answer within {TIMEOUT_SECONDS} s"
    first = text.strip().splitlines()[0] if text.strip() else type(problem).__name__
    return first if len(first) <= 120 else first[:119] + "…"

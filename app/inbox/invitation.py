"""The meetings of a ``text/calendar`` part (iCalendar, RFC 5545), as Outlook, Google and the
other clients send them with an invitation, its update or its cancellation.

A calendar part comes from whoever sent the message, so nothing in it is trusted: a part that
``icalendar`` cannot read gives no invitation rather than an error, and every text in it is
made printable and bounded."""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Any

import icalendar

from app.domain.text import printable
from app.inbox.mail import Address, Invitation, Method

MAX_SUMMARY = 300
MAX_NAME = 200
MAX_EMAIL = 320
MAX_ATTENDEES = 100
MAX_EVENTS = 50
MAX_UID = 1000

_METHODS = {"REQUEST": Method.REQUEST, "CANCEL": Method.CANCEL}


def invitations_in(ics: bytes) -> tuple[Invitation, ...]:
    """The meetings that a calendar part asks for (``METHOD:REQUEST``) or cancels
    (``METHOD:CANCEL``); () for any other method (a reply, a published calendar) and for a
    part that cannot be read."""
    known: dict[str, tzinfo] = {}
    try:
        calendars = icalendar.Calendar.from_ical(ics, multiple=True)
    except Exception:
        # icalendar refuses the whole calendar when it cannot follow the rules of one of its
        # VTIMEZONEs; without them, their standard offsets still place the meeting.
        try:
            known = _zones_written_in(ics)
            calendars = icalendar.Calendar.from_ical(_VTIMEZONE.sub(b"", ics), multiple=True)
        except Exception:
            return ()
    found: list[Invitation] = []
    for calendar in calendars:
        try:
            method = _METHODS.get(str(calendar.get("METHOD", "")).strip().upper())
            if method is None:
                continue
            zones = {**known, **_fixed_zones(calendar)}
            for event in calendar.walk("VEVENT")[:MAX_EVENTS]:
                invitation = _invitation(method, event, zones)
                if invitation is not None:
                    found.append(invitation)
        except Exception:
            continue
    return tuple(dict.fromkeys(found))


_VTIMEZONE = re.compile(rb"^BEGIN:VTIMEZONE\r?$.*?^END:VTIMEZONE\r?\n?", re.DOTALL | re.MULTILINE)
_ZONE_ID = re.compile(rb"^TZID:(.+?)\r?$", re.MULTILINE)
_STANDARD_OFFSET = re.compile(
    rb"^BEGIN:STANDARD\r?$.*?^TZOFFSETTO:([+-])(\d\d)(\d\d)", re.DOTALL | re.MULTILINE
)


def _zones_written_in(ics: bytes) -> dict[str, tzinfo]:
    """Each VTIMEZONE's standard offset, by TZID, read from the text itself."""
    zones: dict[str, tzinfo] = {}
    for block in _VTIMEZONE.findall(ics):
        zone_id = _ZONE_ID.search(block)
        offset = _STANDARD_OFFSET.search(block)
        if zone_id is None or offset is None:
            continue
        sign, hours, minutes = offset.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        if delta < timedelta(hours=24):
            name = zone_id.group(1).decode("utf-8", "replace")
            zones[name] = timezone(-delta if sign == b"-" else delta)
    return zones


def _invitation(method: Method, event: Any, zones: dict[str, tzinfo]) -> Invitation | None:
    """One VEVENT, or None when it has no UID or no start at a time of day."""
    try:
        uid = _text(event.get("UID"), MAX_UID)
        starts = _moment(event.get("DTSTART"), zones)
        if not uid or starts is None:
            return None
        return Invitation(
            method=method,
            uid=uid,
            sequence=_sequence(event.get("SEQUENCE")),
            starts=starts,
            minutes=_minutes(event, starts, zones),
            summary=_text(event.get("SUMMARY"), MAX_SUMMARY),
            organizer=_address(event.get("ORGANIZER")),
            attendees=_attendees(event.get("ATTENDEE")),
        )
    except Exception:
        return None


def _moment(prop: Any, zones: dict[str, tzinfo]) -> datetime | None:
    """The aware time a DTSTART or DTEND names; None for a date alone (an all-day entry is a
    reminder, not a meeting) or a value that is not a time."""
    if prop is None:
        return None
    value = prop.dt
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value
    # A TZID that icalendar could not resolve (a zone name it does not know and a VTIMEZONE
    # whose rules it could not follow) keeps the zone's standard offset from that VTIMEZONE:
    # off by the daylight hour at worst, which the user sees and corrects on the round.
    zone_id = str(prop.params.get("TZID", "")) if hasattr(prop, "params") else ""
    zone = zones.get(zone_id)
    if zone is not None:
        return value.replace(tzinfo=zone)
    # A floating time (no TZID, no Z) means "wherever the reader is", which a mail message
    # cannot tell; clients that send invitations write a zone, so one without is read as UTC.
    return value.replace(tzinfo=UTC)


def _fixed_zones(calendar: Any) -> dict[str, tzinfo]:
    """Each VTIMEZONE's standard offset, by TZID: the fallback for a zone icalendar cannot
    resolve."""
    zones: dict[str, tzinfo] = {}
    for vtimezone in calendar.walk("VTIMEZONE"):
        with contextlib.suppress(Exception):
            zone_id = str(vtimezone.get("TZID", ""))
            observances = vtimezone.walk("STANDARD") or vtimezone.walk("DAYLIGHT")
            if zone_id and observances:
                offset = observances[0].get("TZOFFSETTO").td
                if isinstance(offset, timedelta) and abs(offset) < timedelta(hours=24):
                    zones[zone_id] = timezone(offset)
    return zones


def _minutes(event: Any, starts: datetime, zones: dict[str, tzinfo]) -> int | None:
    """The meeting's length from DTEND, else from DURATION; None when neither gives a length
    that a meeting can have."""
    length: timedelta | None = None
    if event.get("DTEND") is not None:
        ends = _moment(event.get("DTEND"), zones)
        if ends is not None:
            length = ends - starts
    elif event.get("DURATION") is not None:
        value = event.get("DURATION").dt
        if isinstance(value, timedelta):
            length = value
    if length is None or length < timedelta(0):
        return None
    return int(length.total_seconds() // 60)


def _sequence(prop: Any) -> int:
    if prop is None:
        return 0
    try:
        return max(0, int(prop))
    except (TypeError, ValueError):
        return 0


def _attendees(prop: Any) -> tuple[Address, ...]:
    if prop is None:
        return ()
    props = prop if isinstance(prop, list) else [prop]
    found = (_address(one) for one in props[:MAX_ATTENDEES])
    return tuple(dict.fromkeys(address for address in found if address is not None))


def _address(prop: Any) -> Address | None:
    """An ORGANIZER or ATTENDEE: the ``CN`` parameter as the name, the ``mailto:`` URI as
    the address."""
    if prop is None:
        return None
    value = str(prop).strip()
    if value[:7].lower() == "mailto:":
        value = value[7:]
    email = printable("".join(value.split())).lower()[:MAX_EMAIL]
    if "@" not in email:
        return None
    params = getattr(prop, "params", None)
    name = params.get("CN", "") if params is not None else ""
    return Address(name=_text(name, MAX_NAME), email=email)


def _text(value: Any, limit: int) -> str:
    """A property's text on one line, printable, at most ``limit`` characters."""
    if value is None or isinstance(value, (date, list)):
        return ""
    return printable(" ".join(str(value).split()))[:limit]

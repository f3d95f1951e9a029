"""A stored interview read straight into its records: msgspec checks every field's type while
it builds the records (``msgspec.convert``; or, with ``typed_document``, from the document's
JSON, building no dictionaries on the way), and what types cannot say (ids, references,
lengths, years, the zone, control characters, what each kind of event needs) is checked after,
in one pass. What types cannot see in a value (control characters, some spellings of a
date-time) is looked for in the bytes: of each document, or of a whole file (``plain``).

This is how the database's own documents are read: every one of them was checked when it was
written, so nearly all pass. Any that does not (a hand edit, text stored before control
characters were refused, an older way of writing a value) gives None, and is read again by
``read_interview``, which says what is wrong and where, or reads the older form: both give
the same record for a document this accepts (a property test holds them to it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from itertools import pairwise
from typing import Any

import msgspec

from app.domain.interchange.read_events import NAMES_AN_ACTION
from app.domain.interchange.zones import is_zone
from app.domain.records import (
    Event,
    EventKind,
    Interview,
    Preferences,
    Promise,
    Round,
)
from app.domain.times import FIRST_YEAR, LAST_YEAR, zone_info

# As ``read_fields._is_ident``, each on its line: one line of text, no spaces around it, no
# control characters (a line feed is one: the lines cannot run together).
_IDS = re.compile(
    r"(?:[^\s\x00-\x1f\x7f-\x9f](?:[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f])?\n)*"
)
# What the types let through, looked for in the bytes of a file (``plain``): a control
# character (C0 but tab and line feed, DEL, C1), written escaped or as it is, which the full
# reader shows as its escape; and a date-time spelt as msgspec reads it but Python's
# ``fromisoformat`` does not (a lower-case t or z, more than six digits of a second). Each is a
# pattern of its own that starts with a fixed character, which the re module finds by a fast
# search (an alternation of them is ten times slower). Text that merely looks like one (a
# backslash and a b in a path, "Ruiz" at the end of a name) sends the file the long way.
_NOT_PLAIN = tuple(
    re.compile(pattern)
    for pattern in (rb"\\[ubfr]", rb"\x7f", rb"\xc2[\x80-\x9f]", rb"\.\d{7}", rb"-\d\dt\d")
)
_LOWER_Z = re.compile(rb'z"')


def plain(content: bytes) -> bool:
    """Whether every document of a file (its bytes as JSON) may be read by
    ``typed_interview``: False sends them all to the full reader."""
    if any(pattern.search(content) for pattern in _NOT_PLAIN):
        return False
    # A z that ends a date-time ("...:00z"): after a digit.
    return not any(content[m.start() - 1 : m.start()].isdigit() for m in _LOWER_Z.finditer(content))


class _Refused(Exception):
    """Not for this reader: ``read_interview`` reads it, or says why not."""


def typed_interview(doc: Mapping[str, Any], default_zone: str) -> Interview | None:
    """The interview of a stored document of a ``plain`` file, or None where
    ``read_interview`` must read it."""
    try:
        interview = msgspec.convert(doc, Interview, strict=True)
        return _checked(interview, default_zone)
    except (msgspec.ValidationError, _Refused, KeyError, ValueError, OverflowError):
        return None


_DOCUMENT = msgspec.json.Decoder(Interview, strict=True)


def typed_document(raw: bytes, default_zone: str) -> Interview | None:
    """``typed_interview`` of a stored document given as its JSON: the same record, or None
    where ``read_interview`` must read it."""
    try:
        interview = _DOCUMENT.decode(raw)
        return _checked(interview, default_zone)
    except (
        msgspec.DecodeError,
        msgspec.ValidationError,
        _Refused,
        KeyError,
        ValueError,
        OverflowError,
    ):
        return None


def _checked(interview: Interview, default_zone: str) -> Interview:
    if not is_zone(interview.timezone):
        raise _Refused
    tz = zone_info(interview.timezone)
    if not interview.company.strip() or not interview.role.strip():
        raise _Refused
    contacts = [c.id for c in interview.contacts]
    known = set(contacts)
    rounds = tuple(_round(r, tz, known) for r in interview.rounds)
    promises = tuple(_promise(p, tz, known) for p in interview.promises)
    events = [_event(e, tz) for e in interview.events]
    if any(later.at < earlier.at for earlier, later in pairwise(events)):
        events.sort(key=lambda e: e.at)
    asked = [q.asked_by for q in interview.notes.open_questions if q.asked_by is not None]
    if not known.issuperset(asked):
        raise _Refused
    round_ids, promise_ids = [r.id for r in rounds], [p.id for p in promises]
    for unique in (contacts, round_ids, promise_ids):
        if len(set(unique)) != len(unique):
            raise _Refused
    ids = [interview.id, *contacts, *round_ids, *promise_ids, *asked]
    ids += [p.to for p in promises if p.to is not None]
    for event in events:
        ids += [r for r in (event.action_id, event.round, event.contact, event.promise) if r]
    if not _all_ids(ids):
        raise _Refused
    return msgspec.structs.replace(
        interview,
        rounds=rounds,
        promises=promises,
        events=tuple(events),
        preferences=_preferences(interview.preferences),
        decision_by=_day(interview.decision_by),
        offer_deadline=_day(interview.offer_deadline),
    )


def _round(item: Round, tz: tzinfo, contacts: set[str]) -> Round:
    if len(set(item.interviewers)) != len(item.interviewers) or not contacts.issuperset(
        item.interviewers
    ):
        raise _Refused
    return msgspec.structs.replace(
        item, starts=_moment(item.starts, tz), kind=item.kind or "interview"
    )


def _promise(item: Promise, tz: tzinfo, contacts: set[str]) -> Promise:
    if not item.what.strip() or (item.to is not None and item.to not in contacts):
        raise _Refused
    return msgspec.structs.replace(
        item,
        due=_moment(item.due, tz),
        created=None if item.created is None else _moment(item.created, tz),
        done_at=None if item.done_at is None else _moment(item.done_at, tz),
    )


def _event(item: Event, tz: tzinfo) -> Event:
    kind = item.kind
    if (
        (kind in NAMES_AN_ACTION and item.action is None)
        or (kind is EventKind.SNOOZE and item.until is None)
        or (kind is EventKind.STAGE and item.to_stage is None)
    ):
        raise _Refused
    return msgspec.structs.replace(
        item,
        at=_moment(item.at, tz),
        until=None if item.until is None else _moment(item.until, tz),
        source=item.source or None,
    )


def _preferences(item: Preferences) -> Preferences:
    _day(item.no_contact_before)
    if len(set(item.channels)) == len(item.channels):
        return item
    return msgspec.structs.replace(item, channels=tuple(dict.fromkeys(item.channels)))


def _moment(value: datetime, tz: tzinfo) -> datetime:
    # A time with no offset is read on the interview's clocks by pendulum's rule: the full
    # reader does that.
    if value.tzinfo is None or not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise _Refused
    moment = value.astimezone(tz)
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise _Refused
    return moment


def _day(value: date | None) -> date | None:
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise _Refused
    return value


def _all_ids(ids: list[str]) -> bool:
    """Whether every one of ``ids`` is an id: checked together, in one match."""
    # Their lengths, and that none is empty, msgspec checked (``records.Id``).
    return not ids or _IDS.fullmatch("\n".join(ids) + "\n") is not None

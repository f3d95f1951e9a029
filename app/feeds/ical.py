"""The open actions as an iCalendar document (RFC 5545) for a calendar app: one VEVENT each,
which every calendar shows (a 15-minute event when the action opens, or an all-day one on the
day it is due, with a reminder), and one VTODO each as well for to-do apps when asked: web and
phone calendars do not show to-dos from a subscribed feed, and some read none at all.

The drafts' subject lines and the time stamp (DTSTAMP, when the file was made) come in as
arguments, so that the same actions at the same stamp always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from urllib.parse import quote

from icalendar import Alarm, Calendar, Event, Timezone, Todo

from app.domain.interchange import zone
from app.domain.records import ActionKind, Interview
from app.domain.text import printable
from app.engine import Action, sort_key

PRODID = "-//followup//followup calendar//EN"
NAME = "followup"

# What to do, for a summary when the draft has no subject line (every channel but email, and
# the actions that contact no one).
_WHAT: dict[ActionKind, str] = {
    ActionKind.PREPARE: "Prepare for the interview",
    ActionKind.THANK_YOU: "Thank-you",
    ActionKind.KEEP_PROMISE: "Keep your promise",
    ActionKind.CHECK_IN: "Check in",
    ActionKind.VALUE_ADD: "Send something of value",
    ActionKind.MOVE_ON: "Decide whether to move on",
    ActionKind.NURTURE: "Keep in touch",
    ActionKind.CONNECT: "Connect on LinkedIn",
    ActionKind.UPDATE_OTHERS: "Tell them about your offer",
}


# How long an action's event lasts: a slot to do it in, not a meeting.
EVENT_MINUTES = 15
UID_PREFIX = "followup-"
UID_DOMAIN = "@followup"


def event_uid(action_id: str) -> str:
    """The UID of an action's event: stable, and marked as followup's own, so that a sync
    touches no event it did not make (the action's id, its slashes escaped, in between)."""
    return f"{UID_PREFIX}{quote(action_id, safe='')}{UID_DOMAIN}"


def calendar(
    actions: Iterable[Action],
    interviews: Iterable[Interview],
    *,
    subjects: Mapping[str, str],
    stamp: datetime,
    all_day: bool = False,
    todos: bool = False,
) -> bytes:
    """The iCalendar file of ``actions``, in the order ``followup due`` lists them: an event
    each (all-day ones with ``all_day``), and a to-do each with ``todos``.

    ``subjects`` maps an action's id to its draft's subject line, where it has one; ``stamp``
    is when the file is made.
    """
    by_id = {interview.id: interview for interview in interviews}
    document = Calendar()
    document.add("prodid", PRODID)
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    document.add("name", NAME)
    # The name most calendar apps show for a subscribed calendar; NAME (RFC 7986) is newer.
    document.add("x-wr-calname", NAME)
    dtstamp = stamp.astimezone(UTC).replace(microsecond=0)
    ordered = sorted(actions, key=sort_key)
    components: list[Event | Todo] = [
        event(a, by_id.get(a.interview), subjects.get(a.id), dtstamp, all_day=all_day)
        for a in ordered
    ]
    if todos:
        components += [
            todo(a, by_id.get(a.interview), subjects.get(a.id), dtstamp) for a in ordered
        ]
    for zone_component in timezones(components):
        document.add_component(zone_component)
    for component in components:
        document.add_component(component)
    data: bytes = document.to_ical()
    return data


def event_calendar(
    action: Action, interview: Interview | None, subject: str | None, stamp: datetime
) -> bytes:
    """One action's event alone in a calendar, as a CalDAV server keeps each event."""
    return calendar([action], [interview] if interview else [], subjects={action.id: subject}
                    if subject else {}, stamp=stamp)  # fmt: skip


def event(
    action: Action,
    interview: Interview | None,
    subject: str | None,
    stamp: datetime,
    *,
    all_day: bool = False,
) -> Event:
    """ "Thank-you to Jane Doe (Acme Ltd)" when the action opens, for 15 minutes, with a
    reminder; or all day on the day it is due by."""
    title = printable(event_summary(action, interview))
    component = Event()
    component.add("uid", event_uid(action.id))
    component.add("dtstamp", stamp)
    if all_day:
        day = _local(action.due_by, interview).date()
        component.add("dtstart", day)
        component.add("dtend", day + timedelta(days=1))
    else:
        start = _local(action.due_from, interview)
        component.add("dtstart", start)
        component.add("dtend", start + timedelta(minutes=EVENT_MINUTES))
    component.add("summary", title)
    lines = [description(action, interview)]
    if subject and subject.strip():
        lines.insert(0, f"Subject: {' '.join(subject.split())}")
    lines.append(f'Or later: followup snooze {action.id} --until "monday 9am"')
    component.add("description", printable("\n".join(lines)))
    # A reminder to act, not a meeting that makes one busy.
    component.add("transp", "TRANSPARENT")
    component.add("categories", [action.kind.value])
    component.add("x-followup-action", action.id)
    component.add_component(_reminder(title))
    return component


# What to do, and the word before the person it is done to: an event's summary is a noun
# ("Check-in with Jane Doe"), where a to-do's ``_WHAT`` is what to do ("Check in").
_EVENT_WHAT: dict[ActionKind, tuple[str, str]] = {
    ActionKind.PREPARE: ("Prepare for the interview", "with"),
    ActionKind.THANK_YOU: ("Thank-you", "to"),
    ActionKind.KEEP_PROMISE: ("Keep your promise", "to"),
    ActionKind.CHECK_IN: ("Check-in", "with"),
    ActionKind.VALUE_ADD: ("Something of value", "for"),
    ActionKind.MOVE_ON: ("Decide whether to move on", "from"),
    ActionKind.NURTURE: ("Keep in touch", "with"),
    ActionKind.CONNECT: ("Connect on LinkedIn", "with"),
    ActionKind.UPDATE_OTHERS: ("Tell about your offer", "to"),
}


def event_summary(action: Action, interview: Interview | None) -> str:
    """What to do, to whom, at which company: "Thank-you to Jane Doe (Acme Ltd)"."""
    what, word = _EVENT_WHAT[action.kind]
    name = _who(action, interview)
    company = _flat(action.company)
    return f"{what} {word} {name} ({company})" if name else f"{what} ({company})"


def todo(action: Action, interview: Interview | None, subject: str | None, stamp: datetime) -> Todo:
    start = _local(action.due_from, interview)
    due = _local(action.due_by, interview)
    # RFC 5545 allows no control character in text but the tab; a calendar app would pass a
    # stored one on to whoever shows it, so it is written as an escape.
    title = printable(summary(action, interview, subject))
    component = Todo()
    component.add("uid", action.id)
    component.add("dtstamp", stamp)
    component.add("dtstart", start)
    component.add("due", due)
    component.add("summary", title)
    component.add("description", printable(description(action, interview)))
    component.add("status", "NEEDS-ACTION")
    component.add("categories", [action.kind.value])
    component.add("x-followup-kind", action.kind.value)
    component.add("x-followup-interview", action.interview)
    component.add_component(_reminder(title))
    return component


def _reminder(title: str) -> Alarm:
    """A reminder when the action opens: a calendar or a to-do list alone is easy not to
    look at."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", timedelta(0), parameters={"RELATED": "START"})
    return alarm


def summary(action: Action, interview: Interview | None, subject: str | None) -> str:
    """Who it is for, then the draft's subject line or what to do:
    "Acme Ltd · Jane Doe: Alex Morgan – Thank you for the interview – Product Manager".

    A subject line alone is the same for every interviewer of a round, and some name only the
    sender; in a list of to-dos each must say which company and which person it is about.
    """
    what = " ".join(subject.split()) if subject and subject.strip() else _WHAT[action.kind]
    name = _who(action, interview)
    company = _flat(action.company)
    return f"{company} · {name}: {what}" if name else f"{company}: {what}"


def _who(action: Action, interview: Interview | None) -> str:
    """The person the action is to, as a summary names them; "" for no one."""
    contact = interview.contact(action.contact) if interview else None
    if contact is not None:
        return _name(contact.name, contact.title, contact.id)
    return action.contact or ""


def description(action: Action, interview: Interview | None) -> str:
    """The action's reason, then what it is about, one thing to a line."""
    lines = [action.reason, f"Company: {action.company}"]
    if interview is not None and interview.role.strip():
        lines.append(f"Role: {_flat(interview.role)}")
    contact = interview.contact(action.contact) if interview else None
    if contact is not None:
        name = _name(contact.name, "", contact.id)
        title = _flat(contact.title)
        lines.append(f"Contact: {name}, {title}" if title else f"Contact: {name}")
    elif action.contact:
        lines.append(f"Contact: {action.contact}")
    if action.channel is not None:
        lines.append(f"Channel: {action.channel.value}")
    lines.append(f"When done: followup sent {action.id}")
    return "\n".join(lines)


def timezones(todos: Iterable[Event | Todo]) -> list[Timezone]:
    """The VTIMEZONE of every zone the to-dos name, sorted by TZID so the bytes are stable.

    They cover whole years from the earliest time in the to-dos to a year past the latest: a
    calendar app needs the rules for those dates only, and the full range (1970 to 2038) would
    list hundreds of transitions for each zone.
    """
    scratch = Calendar()
    moments: list[datetime] = []
    for component in todos:
        scratch.add_component(component)
        moments.extend(
            moment
            for name in ("dtstart", "due", "dtend")
            if name in component and isinstance(moment := component.decoded(name), datetime)
        )
    if not moments:
        return []
    first = date(min(m.year for m in moments), 1, 1)
    last = date(max(m.year for m in moments) + 2, 1, 1)
    found: list[Timezone] = []
    # UTC is written with a "Z" and never takes a VTIMEZONE (RFC 5545 3.2.19); icalendar
    # releases before 7 could count it among the missing ones.
    for tzid in sorted(scratch.get_missing_tzids() - {"UTC"}):
        try:
            found.append(Timezone.from_tzid(tzid, first_date=first, last_date=last))
        except ValueError:
            # As add_missing_timezones() does: a zone icalendar cannot describe keeps its
            # TZID, which calendar apps that know the zone still read.
            continue
    return found


def _local(value: datetime, interview: Interview | None) -> datetime:
    """``value`` on the interview's clock, with its zone, so that the TZID names that zone.

    Always a plain ``datetime``: a pendulum DateTime (an action just snoozed carries one)
    keeps pendulum's own zone through arithmetic, which icalendar writes as a floating time,
    and the same event would read differently before and after the file is read again."""
    try:
        place = zone(interview.timezone) if interview is not None else value.tzinfo
    except KeyError:
        place = value.tzinfo
    moved = value.astimezone(place) if place is not None else value
    return datetime(
        moved.year, moved.month, moved.day, moved.hour, moved.minute, moved.second,
        moved.microsecond, tzinfo=_plain_zone(place), fold=moved.fold,
    )  # fmt: skip


def _plain_zone(place: tzinfo | None) -> tzinfo | None:
    """The standard library's zone of the same name as ``place``, which icalendar knows."""
    if place is None:
        return None
    name = getattr(place, "key", None) or getattr(place, "name", None)
    if isinstance(name, str):
        if name.upper() == "UTC":
            return UTC
        try:
            return zone(name)
        except KeyError:
            pass
    return place


def _name(name: str, title: str, fallback: str) -> str:
    return _flat(name) or _flat(title) or fallback


def _flat(text: str) -> str:
    return " ".join(text.split())

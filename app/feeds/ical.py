"""The open actions as an iCalendar document (RFC 5545) for a calendar app: one VTODO each.

The drafts' subject lines and the time stamp come in as arguments, so that the same actions
always give the same bytes, apart from DTSTAMP, which says when the file was made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Timezone, Todo

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


def calendar(
    actions: Iterable[Action],
    interviews: Iterable[Interview],
    *,
    subjects: Mapping[str, str],
    stamp: datetime,
) -> bytes:
    """The iCalendar file of ``actions``, in the order ``followup due`` lists them.

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
    todos = [
        todo(action, by_id.get(action.interview), subjects.get(action.id), dtstamp)
        for action in sorted(actions, key=sort_key)
    ]
    for zone_component in timezones(todos):
        document.add_component(zone_component)
    for todo_component in todos:
        document.add_component(todo_component)
    data: bytes = document.to_ical()
    return data


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
    # A reminder when the action opens: a to-do list alone is easy not to look at.
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", timedelta(0), parameters={"RELATED": "START"})
    component.add_component(alarm)
    return component


def summary(action: Action, interview: Interview | None, subject: str | None) -> str:
    """Who it is for, then the draft's subject line or what to do:
    "Acme Ltd · Jane Doe: Thanks for the interview – Product Manager".

    A subject line alone is the same for every interviewer of a round, and some name only the
    sender; in a list of to-dos each must say which company and which person it is about.
    """
    what = " ".join(subject.split()) if subject and subject.strip() else _WHAT[action.kind]
    contact = interview.contact(action.contact) if interview else None
    name = _name(contact.name, contact.title, contact.id) if contact else action.contact
    company = _flat(action.company)
    return f"{company} · {name}: {what}" if name else f"{company}: {what}"


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


def timezones(todos: Iterable[Todo]) -> list[Timezone]:
    """The VTIMEZONE of every zone the to-dos name, sorted by TZID so the bytes are stable.

    They cover whole years from the earliest time in the to-dos to a year past the latest: a
    calendar app needs the rules for those dates only, and the full range (1970 to 2038) would
    list hundreds of transitions for each zone.
    """
    scratch = Calendar()
    moments: list[datetime] = []
    for component in todos:
        scratch.add_component(component)
        moments.extend(component.decoded(name) for name in ("dtstart", "due"))
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
    """``value`` on the interview's clock, with its zone, so that the TZID names that zone."""
    if interview is None:
        return value
    try:
        return value.astimezone(zone(interview.timezone))
    except KeyError:
        return value


def _name(name: str, title: str, fallback: str) -> str:
    return _flat(name) or _flat(title) or fallback


def _flat(text: str) -> str:
    return " ".join(text.split())

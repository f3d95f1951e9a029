"""What the user did to an action, and what the employer asked for, applied to a candidate.

The moves run in SPEC order: snooze, no contact before, spacing, work hours. Each shifts the
whole window (see ``Window.moved_to``) and never earlier.
"""

from __future__ import annotations

from app.domain.records import ActionKind, Channel, Event, EventKind
from app.engine.action import CONTACTING
from app.engine.candidate import Candidate
from app.engine.describe import day, moment, plural
from app.engine.facts import SPACING_KINDS, Facts, SeenEvent

SPACED = frozenset({ActionKind.CHECK_IN, ActionKind.VALUE_ADD, ActionKind.NURTURE})
IN_WORK_HOURS = frozenset(
    {
        ActionKind.CHECK_IN,
        ActionKind.VALUE_ADD,
        ActionKind.NURTURE,
        ActionKind.CONNECT,
        ActionKind.UPDATE_OTHERS,
    }
)
_DONE = (EventKind.SENT, EventKind.SKIP)
_ABOUT_ACTIONS = (EventKind.SENT, EventKind.SKIP, EventKind.SNOOZE)


def allowed(facts: Facts, candidate: Candidate) -> bool:
    """``no_follow_ups``: nothing that contacts them but the promises I made."""
    return not (
        candidate.kind in CONTACTING
        and candidate.kind is not ActionKind.KEEP_PROMISE
        and facts.interview.preferences.no_follow_ups
    )


def events_about(facts: Facts, candidate: Candidate) -> list[SeenEvent]:
    """The sent, skip and snooze events that apply to ``candidate``.

    An event names its action by id; one typed by hand names it by kind and by the round,
    contact or promise it gives, and belongs to what was running at its time.
    """
    found = []
    for seen in facts.events:
        event = seen.event
        if event.kind not in _ABOUT_ACTIONS:
            continue
        if event.action_id is not None:
            if event.action_id == candidate.id:
                found.append(seen)
            continue
        if event.action is not candidate.kind:
            continue
        if candidate.after is not None and seen.at <= candidate.after and not _names_one(event):
            continue
        if all(
            given is None or given == getattr(candidate, name)
            for name, given in _identity(event, candidate.kind)
        ):
            found.append(seen)
    return found


# The fields an action is about (SPEC: its id), and so the ones an event typed without an id
# must agree with. A check-in, value-add, move-on or nurture is told apart by time alone: it
# belongs to what was running at the event's time, whatever round or contact the event names.
_IDENTITY: dict[ActionKind, tuple[str, ...]] = {
    ActionKind.PREPARE: ("round",),
    ActionKind.THANK_YOU: ("round", "contact"),
    ActionKind.KEEP_PROMISE: ("promise", "contact"),
    ActionKind.CONNECT: ("contact",),
}
# The fields that, given, name one action of the kind whenever the event happened: its time
# then says nothing more. An event that gives fewer (a thank-you to Bob, of no round) is about
# what was running at its time, as a check-in is, so that it never closes a later round's.
_NAMING: dict[ActionKind, tuple[str, ...]] = {
    ActionKind.PREPARE: ("round",),
    ActionKind.THANK_YOU: ("round", "contact"),
    ActionKind.KEEP_PROMISE: ("promise",),
    ActionKind.CONNECT: ("contact",),
}


def _identity(event: Event, kind: ActionKind) -> list[tuple[str, str | None]]:
    return [(name, getattr(event, name)) for name in _IDENTITY.get(kind, ())]


def _names_one(event: Event) -> bool:
    naming = _NAMING.get(event.action) if event.action is not None else None
    return bool(naming) and all(getattr(event, name) is not None for name in naming or ())


def is_done(events: list[SeenEvent]) -> bool:
    return any(e.event.kind in _DONE for e in events)


def shaped(facts: Facts, candidate: Candidate, events: list[SeenEvent]) -> Candidate:
    calendar, policy = facts.calendar, facts.policy
    kind = candidate.kind

    snoozes = [e.event.until for e in events if e.event.kind is EventKind.SNOOZE]
    latest = next((until for until in reversed(snoozes) if until is not None), None)
    if latest is not None:
        until = facts.local(latest)
        candidate = candidate.with_window(
            candidate.window.moved_to(until, calendar), f"snoozed until {moment(until)}"
        )

    quiet_until = facts.interview.preferences.no_contact_before
    if (
        quiet_until is not None
        and kind in CONTACTING
        and kind is not ActionKind.KEEP_PROMISE
        and candidate.window.due_from < calendar.start_of_day(quiet_until)
    ):
        opening = calendar.at(quiet_until, policy.work_start)
        candidate = candidate.with_window(
            candidate.window.moved_to(opening, calendar),
            f"they asked not to be contacted before {day(quiet_until)}",
        )

    if kind in SPACED:
        last = facts.last_sent(SPACING_KINDS)
        if last is not None:
            gap = policy.min_gap_business_days
            candidate = candidate.with_window(
                candidate.window.moved_to(calendar.business_days_later(last.at, gap), calendar),
                f"spaced {plural(gap, 'business day')} after your message of {day(last.at.date())}",
            )

    if kind in IN_WORK_HOURS:
        candidate = candidate.with_window(
            candidate.window.moved_to(calendar.next_work_start(candidate.window.due_from), calendar)
        )
    return candidate


def channel(facts: Facts, candidate: Candidate) -> Channel | None:
    """The first preferred channel the constraints allow, else the one last used with that
    contact, else email (002 #2); never a call to a no-calls employer (004)."""
    kind = candidate.kind
    if kind not in CONTACTING:
        return None
    if kind is ActionKind.CONNECT:
        return Channel.LINKEDIN
    preferences = facts.interview.preferences

    def ok(option: Channel) -> bool:
        return not (option is Channel.PHONE and preferences.no_calls)

    for option in preferences.channels:
        if ok(option):
            return option
    if candidate.contact is not None:
        for seen in reversed(facts.events):
            event = seen.event
            if (
                event.kind is EventKind.SENT
                and event.contact == candidate.contact
                and event.action is not ActionKind.CONNECT
                and event.channel is not None
                and ok(event.channel)
            ):
                return event.channel
    return Channel.EMAIL

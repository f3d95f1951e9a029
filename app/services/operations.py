"""What the user does to an interview, as pure functions: the command line and the dashboard
record the same facts in the same way. Each returns the changed interview; none writes."""

from __future__ import annotations

from datetime import datetime

from app.domain.copies import replace
from app.domain.records import (
    ActionKind,
    Channel,
    Event,
    EventKind,
    Interview,
    Outcome,
    Stage,
)
from app.engine import Action
from app.errors import UserError
from app.when.describe import to_the_minute


def mark_sent(
    interview: Interview,
    action: Action,
    now: datetime,
    *,
    channel: Channel | None = None,
    text: str = "",
    keep_warm: bool = False,
    source: str | None = None,
) -> Interview:
    """The action done: a ``sent`` event; a promise kept; a ``move_on`` closes the interview.
    ``source`` is the Message-ID of the mail it was recorded from."""
    sent = _about(action, EventKind.SENT, now, channel=channel or action.channel, text=text)
    events = [replace(sent, source=source) if source is not None else sent]
    promises = interview.promises
    if action.kind is ActionKind.KEEP_PROMISE:
        promises = tuple(replace(p, done_at=now) if p.id == action.promise else p for p in promises)
    stage, outcome, warm = interview.stage, interview.outcome, interview.keep_warm
    if action.kind is ActionKind.MOVE_ON:
        events.append(Event(at=now, kind=EventKind.STAGE, from_stage=stage, to_stage=Stage.CLOSED))
        stage, outcome, warm = Stage.CLOSED, Outcome.MOVED_ON, warm or keep_warm
    elif keep_warm:
        raise UserError("--keep-warm goes with a move_on action only")
    return replace(
        interview.with_events(*events),
        promises=promises,
        stage=stage,
        outcome=outcome,
        keep_warm=warm,
    )


def snooze(interview: Interview, action: Action, now: datetime, until: datetime) -> Interview:
    if until <= now:
        raise UserError(f"a snooze must end after now ({to_the_minute(now)})")
    event = _about(action, EventKind.SNOOZE, now, until=until)
    return interview.with_events(event)


def skip(interview: Interview, action: Action, now: datetime) -> Interview:
    return interview.with_events(_about(action, EventKind.SKIP, now))


def record_reply(
    interview: Interview,
    now: datetime,
    *,
    contact: str | None = None,
    summary: str = "",
    source: str | None = None,
) -> Interview:
    if contact is not None and interview.contact(contact) is None:
        known = ", ".join(c.id for c in interview.contacts) or "none"
        raise UserError(f"{interview.id} has no contact {contact!r} (contacts: {known})")
    event = Event(at=now, kind=EventKind.REPLY, contact=contact, summary=summary, source=source)
    return interview.with_events(event)


def closed_from(interview: Interview) -> Stage | None:
    """The stage a closed interview was closed from, where its history says (a reopening
    goes back there, not to the column beside Closed, which is Offer)."""
    if interview.stage is not Stage.CLOSED:
        return None
    closings = [
        e.from_stage
        for e in interview.events
        if e.kind is EventKind.STAGE and e.to_stage is Stage.CLOSED and e.from_stage
    ]
    found = closings[-1] if closings else None
    return found if found is not Stage.CLOSED else None


def move_stage(
    interview: Interview,
    now: datetime,
    stage: Stage,
    *,
    outcome: Outcome | None = None,
    keep_warm: bool | None = None,
) -> Interview:
    """A stage event and the new stage; closing needs an outcome, reopening clears it."""
    if stage is interview.stage:
        return interview
    if stage is Stage.CLOSED and outcome is None:
        raise UserError("closing an interview needs an outcome")
    event = Event(at=now, kind=EventKind.STAGE, from_stage=interview.stage, to_stage=stage)
    return replace(
        interview.with_events(event),
        stage=stage,
        outcome=outcome if stage is Stage.CLOSED else None,
        keep_warm=interview.keep_warm if keep_warm is None else keep_warm,
    )


def _about(
    action: Action,
    kind: EventKind,
    now: datetime,
    *,
    channel: Channel | None = None,
    until: datetime | None = None,
    text: str = "",
) -> Event:
    return Event(
        at=now,
        kind=kind,
        action=action.kind,
        action_id=action.id,
        round=action.round,
        contact=action.contact,
        promise=action.promise,
        channel=channel,
        until=until,
        text=text,
    )

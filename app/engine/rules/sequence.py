"""While the employer owes an answer: check in once their date passes (or sooner, once a promise
of theirs passes undone), add value a week later, then move on (001, 002 #3-4, 003)."""

from __future__ import annotations

from datetime import date, datetime

from app.domain.records import ActionKind, EventKind, Promise, Stage
from app.engine.action import action_id
from app.engine.candidate import Candidate, Window
from app.engine.describe import day, deed, meeting_named, plural, to_you
from app.engine.facts import Facts, SeenEvent, Sequence
from app.engine.timekeeping import add_days


def follow_ups(facts: Facts) -> list[Candidate]:
    if facts.interview.stage is Stage.OFFER:
        return []  # at offer they have decided
    sequence = facts.sequence()
    if sequence is None:
        return []
    done = len(sequence.follow_ups)
    if done == 0:
        return [_check_in(facts, sequence)]
    if done < facts.policy.max_unanswered:
        return [_value_add(facts, sequence)]
    return _move_on(facts, sequence)


def _check_in(facts: Facts, sequence: Sequence) -> Candidate:
    anchor, stated = facts.anchor_day(sequence)
    opens = _check_in_opens(facts, anchor)
    promise = None
    lapsed = facts.lapsed_promises(sequence)
    if lapsed:
        # The earliest lapsed promise opens earliest: business days never run backwards.
        earlier = _check_in_opens(facts, facts.local(lapsed[0].due).date())
        if earlier < opens:
            opens, promise = earlier, lapsed[0]
    return Candidate(
        id=action_id(facts.interview.id, ActionKind.CHECK_IN, sequence.name),
        kind=ActionKind.CHECK_IN,
        window=_business_window(facts, opens),
        reason=(
            _promise_reason(facts, sequence, promise)
            if promise is not None
            else _check_in_reason(facts, sequence, anchor, stated=stated)
        ),
        contact=facts.recipient(),
        anchor=promise.id if promise is not None else None,
        sequence=sequence.name,
        after=sequence.start,
    )


def _check_in_opens(facts: Facts, anchor: date) -> datetime:
    calendar = facts.calendar
    grace = facts.policy.check_in_grace_business_days
    return calendar.at(calendar.business_day_after(anchor, grace), facts.policy.work_start)


def _check_in_reason(facts: Facts, sequence: Sequence, anchor: date, *, stated: bool) -> str:
    company = facts.interview.company
    days = facts.policy.default_decision_days
    if sequence.reply is not None:
        replied = _replied(facts, sequence.reply)
        if stated:
            return (
                f"{replied}; {company} said they would decide by {day(anchor)}; "
                f"no news since; check in"
            )
        return f"{replied}; if no news follows within {plural(days, 'day')}, check in"
    if stated:
        return f"{company} said they would decide by {day(anchor)}; no reply since; first check-in"
    held = sequence.round
    return (
        f"Your {meeting_named(held.round.kind)} with {company} ended on {day(held.ends.date())}; "
        f"employers usually answer within {plural(days, 'day')} "
        f"and no reply has come; first check-in"
    )


def _promise_reason(facts: Facts, sequence: Sequence, promise: Promise) -> str:
    """Who said they would do what by when, in the user's words told back to them."""
    names = [c.name for c in facts.interview.contacts] + [facts.interview.company]
    what = to_you(deed(promise.what, names)) or "get back to you"
    by = f"by {day(facts.local(promise.due).date())} and that has passed"
    reply = sequence.reply
    if reply is not None and reply.event.contact is not None and reply.event.contact == promise.to:
        # The same person: one sentence, their name once.
        return f"{_replied(facts, reply)} and said they would {what} {by}; check in"
    said = f"{facts.name(promise.to)} said they would {what} {by}"
    if reply is not None:
        return f"{_replied(facts, reply)}; {said}; check in"
    return f"{said}; first check-in"


def _replied(facts: Facts, reply: SeenEvent) -> str:
    return f"{facts.name(reply.event.contact)} replied on {day(reply.at.date())}"


def _value_add(facts: Facts, sequence: Sequence) -> Candidate:
    last = sequence.follow_ups[-1]
    gap = facts.policy.follow_up_gap_days
    earlier = sum(1 for e in sequence.follow_ups if e.event.action is ActionKind.VALUE_ADD)
    noun = "check-in" if last.event.action is ActionKind.CHECK_IN else "last note"
    verb = "sent or skipped" if last.event.kind is EventKind.SKIP else "sent"
    reason = (
        f"Your {noun} to {facts.interview.company}, {verb} on {day(last.at.date())}, is "
        f"unanswered after {plural(gap, 'day')}; add value: a work example or a recent "
        f"achievement"
    )
    return Candidate(
        id=action_id(facts.interview.id, ActionKind.VALUE_ADD, sequence.name, earlier),
        kind=ActionKind.VALUE_ADD,
        window=_business_window(facts, add_days(last.at, gap)),
        reason=reason,
        contact=facts.recipient(),
        sequence=sequence.name,
        after=last.at,
    )


def _move_on(facts: Facts, sequence: Sequence) -> list[Candidate]:
    ident = action_id(facts.interview.id, ActionKind.MOVE_ON, sequence.name)
    for seen in facts.events:
        event = seen.event
        about_it = event.action_id == ident or (
            event.action_id is None and seen.at >= sequence.start
        )
        if (
            event.kind in (EventKind.SENT, EventKind.SKIP)
            and event.action is ActionKind.MOVE_ON
            and about_it
        ):
            return []  # accepted, or declined: no more nudges in this sequence
    last = sequence.follow_ups[-1]
    count = len(sequence.follow_ups)
    skipped = any(e.event.kind is EventKind.SKIP for e in sequence.follow_ups)
    reason = (
        f"{plural(count, 'follow-up')} to {facts.interview.company} "
        f"{'sent or skipped' if skipped else 'sent'} since {day(sequence.start.date())} "
        f"{'is' if count == 1 else 'are'} unanswered; time to move on: close it, and keep "
        f"it warm if you like"
    )
    return [
        Candidate(
            id=ident,
            kind=ActionKind.MOVE_ON,
            window=_business_window(facts, add_days(last.at, facts.policy.follow_up_gap_days)),
            reason=reason,
            sequence=sequence.name,
            after=sequence.start,
        )
    ]


def _business_window(facts: Facts, opens: datetime) -> Window:
    days = facts.policy.window_business_days
    opening = facts.local(opens)
    return Window(opening, facts.calendar.window_close(opening, days), business_days=days)

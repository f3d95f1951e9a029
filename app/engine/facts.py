"""The facts of one interview as the engine sees them at ``now``.

Replay: only events dated at or before ``now`` are seen, and a promise done after ``now`` is
not done yet. Times are put on the interview's clocks once, here, so
that the rules never parse or convert the same moment twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from app.domain.policy import Policy
from app.domain.records import (
    ActionKind,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    Promise,
    PromiseBy,
    Round,
)
from app.engine.calendar import BusinessCalendar
from app.engine.describe import person
from app.engine.timekeeping import add_days, add_elapsed

# Kinds whose sent event counts as having contacted the employer.
CONTACT_KINDS = frozenset(ActionKind) - {ActionKind.PREPARE, ActionKind.MOVE_ON}
# Kinds whose sent event spaces out the next nudge (SPEC: "Spacing"): one message at a time,
# whatever the message was.
SPACING_KINDS = frozenset(
    {
        ActionKind.THANK_YOU,
        ActionKind.CHECK_IN,
        ActionKind.VALUE_ADD,
        ActionKind.NURTURE,
        ActionKind.KEEP_PROMISE,
        ActionKind.UPDATE_OTHERS,
    }
)
# Kinds that are follow-ups of a sequence when sent or skipped.
FOLLOW_UP_KINDS = frozenset({ActionKind.CHECK_IN, ActionKind.VALUE_ADD})


@dataclass(frozen=True, slots=True)
class HeldRound:
    round: Round
    starts: datetime
    ends: datetime


@dataclass(frozen=True, slots=True)
class SeenEvent:
    event: Event
    at: datetime


@dataclass(frozen=True, slots=True)
class Sequence:
    """A run of follow-ups waiting on the employer: from a round's end or a reply."""

    name: str
    start: datetime
    round: HeldRound
    reply: SeenEvent | None
    # check_in / value_add events sent or skipped in this sequence, oldest first.
    follow_ups: tuple[SeenEvent, ...]


class Facts:
    __slots__ = (
        "calendar",
        "contacts",
        "events",
        "interview",
        "now",
        "policy",
        "rounds",
        "snoozed_kinds",
        "tz",
    )

    def __init__(self, interview: Interview, policy: Policy, now: datetime) -> None:
        self.interview = interview
        self.policy = policy
        self.calendar = BusinessCalendar(policy, interview.timezone)
        self.tz = self.calendar.tz
        self.now = now.astimezone(self.tz)
        self.contacts: dict[str, Contact] = {c.id: c for c in interview.contacts}
        rounds = []
        for item in interview.rounds:
            starts = self.local(item.starts)
            rounds.append(HeldRound(item, starts, add_elapsed(starts, item.minutes * 60)))
        rounds.sort(key=lambda r: (r.starts, r.round.id))
        self.rounds: tuple[HeldRound, ...] = tuple(rounds)
        seen = []
        for event in interview.events:
            at = self.local(event.at)
            if at <= self.now:
                seen.append(SeenEvent(event, at))
        seen.sort(key=lambda e: e.at)
        self.events: tuple[SeenEvent, ...] = tuple(seen)
        self.snoozed_kinds = frozenset(
            e.event.action for e in seen if e.event.kind is EventKind.SNOOZE
        )

    def local(self, moment: datetime) -> datetime:
        # Records read from the interchange are on the interview's clocks already.
        if moment.tzinfo is self.tz:
            return moment
        return moment.astimezone(self.tz)

    # -- events

    def of(self, kind: EventKind, action: ActionKind | None = None) -> list[SeenEvent]:
        return [
            e
            for e in self.events
            if e.event.kind is kind and (action is None or e.event.action is action)
        ]

    def sent(self, *kinds: ActionKind) -> list[SeenEvent]:
        wanted = set(kinds)
        return [
            e for e in self.events if e.event.kind is EventKind.SENT and e.event.action in wanted
        ]

    def last_sent(self, kinds: frozenset[ActionKind]) -> SeenEvent | None:
        found = [
            e for e in self.events if e.event.kind is EventKind.SENT and e.event.action in kinds
        ]
        return found[-1] if found else None

    def long_gone(
        self, kind: ActionKind, opens: datetime, closes: datetime, grace_days: int
    ) -> bool:
        """Whether an action of ``kind`` with this window has been dropped for good, so that a
        rule need not build it: nothing (a snooze, a no-contact date) can move it past
        ``grace_days`` after it closed."""
        # A DST change makes calendar days differ from elapsed ones by at most an hour or so:
        # the elapsed test settles nearly every case without the calendar arithmetic.
        # Compared, never subtracted: the engine only compares now (see ``watch``).
        hours = grace_days * 24
        if self.now <= add_elapsed(closes, (hours - 3) * 3600):
            return False
        if self.now <= add_elapsed(closes, (hours + 3) * 3600) and self.now <= add_days(
            closes, grace_days
        ):
            return False
        quiet = self.interview.preferences.no_contact_before
        if quiet is not None and quiet >= opens.astimezone(self.tz).date():
            return False  # the window moves to that date, and its close with it
        return kind not in self.snoozed_kinds

    # -- people

    def name(self, contact_id: str | None) -> str:
        contact = self.contacts.get(contact_id) if contact_id else None
        return person(contact, self.interview.company)

    def recipient(self, at: datetime | None = None) -> str | None:
        """Who a check-in, value-add, nurture or update goes to (SPEC: "The recipient"), with
        the rounds ended by ``at`` (default: now)."""
        contacts = self.interview.contacts
        for role in (ContactRole.RECRUITER, ContactRole.HR):
            for contact in contacts:
                if contact.role is role:
                    return contact.id
        until = self.now if at is None else at
        ended = [r for r in self.rounds if r.ends <= until]
        for held in reversed(ended):
            if held.round.interviewers:
                return held.round.interviewers[0]
            break
        return contacts[0].id if contacts else None

    # -- promises

    def open_promises(self) -> list[Promise]:
        """My promises not kept yet."""
        return [p for p in self.interview.promises if p.by is PromiseBy.ME and not self.kept(p)]

    def kept(self, promise: Promise) -> bool:
        return promise.done_at is not None and self.local(promise.done_at) <= self.now

    def lapsed_promises(self, sequence: Sequence) -> list[Promise]:
        """Their promises due since the sequence started whose time has passed undone, earliest
        first. One due before it, like a decision date before it, belongs to an earlier wait that
        what started this one (a reply, a later round) has ended."""
        found = [
            p
            for p in self.interview.promises
            if p.by is PromiseBy.THEM
            and not self.kept(p)
            and sequence.start <= self.local(p.due) < self.now
        ]
        found.sort(key=lambda p: (self.local(p.due), p.id))
        return found

    # -- the follow-up sequence

    def sequence(self) -> Sequence | None:
        """The sequence running at ``now``, or None (no round held yet, or one still booked)."""
        if not self.rounds:
            return None
        last = max(self.rounds, key=lambda r: (r.ends, r.starts))
        if any(r.ends > self.now for r in self.rounds):
            return None
        replies = [e for e in self.of(EventKind.REPLY) if e.at >= last.ends]
        reply = replies[-1] if replies else None
        start = reply.at if reply else last.ends
        name = last.round.id if reply is None else "reply-" + _stamp(reply.at)
        follow_ups = tuple(
            e
            for e in self.events
            if _is_follow_up(e.event) and (e.at > start if reply else e.at >= start)
        )
        return Sequence(name, start, last, reply, follow_ups)

    def anchor_day(self, sequence: Sequence) -> tuple[date, bool]:
        """The day the employer's answer is due, and whether they named it themselves."""
        start_day = sequence.start.date()
        stated = self.interview.decision_by
        if stated is not None and stated >= start_day:
            return stated, True
        return start_day + timedelta(days=self.policy.default_decision_days), False


def _is_follow_up(event: Event) -> bool:
    """A check-in or value-add sent or skipped, or an update sent: telling them of an offer
    asks where they stand, so it takes a check-in's place (SPEC: the follow-up sequence)."""
    if event.kind is EventKind.SENT and event.action is ActionKind.UPDATE_OTHERS:
        return True
    return event.kind in (EventKind.SENT, EventKind.SKIP) and event.action in FOLLOW_UP_KINDS


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

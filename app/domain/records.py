"""The records of a job search: plain, typed data with no I/O and no clock.

Date-times are timezone-aware ``datetime`` values (pendulum's ``DateTime`` is one); calendar
dates such as ``decision_by`` are ``date`` values read in the interview's zone.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from app.domain.kinds import (
    STAGES,
    ActionKind,
    Channel,
    ContactRole,
    EventKind,
    Outcome,
    PromiseBy,
    Stage,
)

# The kinds are the records' too: they have always been imported from here.
__all__ = [
    "STAGES",
    "ActionKind",
    "Channel",
    "Contact",
    "ContactRole",
    "Event",
    "EventKind",
    "Interview",
    "Notes",
    "OpenQuestion",
    "Outcome",
    "Preferences",
    "Profile",
    "Promise",
    "PromiseBy",
    "Round",
    "Stage",
]


@dataclass(frozen=True, slots=True)
class Round:
    id: str
    starts: datetime
    minutes: int = 60
    kind: str = "interview"
    interviewers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    name: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    role: ContactRole = ContactRole.OTHER
    notes: tuple[str, ...] = ()
    """What I discussed with this person: what a thank-you to them leads with."""


@dataclass(frozen=True, slots=True)
class Preferences:
    channels: tuple[Channel, ...] = ()
    no_calls: bool = False
    no_follow_ups: bool = False
    no_contact_before: date | None = None


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """A question I could not answer well. Its wording is mine alone; the answer I have since
    worked out goes to the person who asked (``asked_by``, a contact id), else into the next
    check-in or value-add."""

    question: str
    answer: str = ""
    asked_by: str | None = None


@dataclass(frozen=True, slots=True)
class Notes:
    discussed: str = ""
    recap: tuple[str, ...] = ()
    challenges: tuple[str, ...] = ()
    open_questions: tuple[OpenQuestion, ...] = ()
    company_news: str = ""
    impressions: str = ""


@dataclass(frozen=True, slots=True)
class Promise:
    id: str
    what: str
    due: datetime
    to: str | None = None
    created: datetime | None = None
    done_at: datetime | None = None
    by: PromiseBy = PromiseBy.ME


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened. Which fields matter depends on ``kind``.

    ``action`` is the kind of action a ``sent``/``snooze``/``skip`` event is about and
    ``action_id`` the id of that action, when it was recorded through followup; an event typed
    by hand may carry only ``action`` and the fields that describe it (round, contact, promise).
    ``source`` is the Message-ID of the mail message it was recorded from (SPEC section 11): no
    message is recorded twice.
    """

    at: datetime
    kind: EventKind
    action: ActionKind | None = None
    action_id: str | None = None
    round: str | None = None
    contact: str | None = None
    promise: str | None = None
    channel: Channel | None = None
    text: str = ""
    summary: str = ""
    from_stage: Stage | None = None
    to_stage: Stage | None = None
    until: datetime | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Interview:
    id: str
    company: str
    role: str
    timezone: str
    stage: Stage = Stage.SCHEDULED
    outcome: Outcome | None = None
    rounds: tuple[Round, ...] = ()
    contacts: tuple[Contact, ...] = ()
    preferences: Preferences = field(default_factory=Preferences)
    decision_by: date | None = None
    offer_deadline: date | None = None
    keep_warm: bool = False
    notes: Notes = field(default_factory=Notes)
    promises: tuple[Promise, ...] = ()
    events: tuple[Event, ...] = ()

    def with_events(self, *events: Event) -> Interview:
        """This interview with ``events`` added to its history, which stays in time order
        (an event goes after every one at or before its time)."""
        history = list(self.events)
        for event in events:
            history.insert(bisect_right(history, event.at, key=lambda e: e.at), event)
        return replace(self, events=tuple(history))

    def contact(self, contact_id: str | None) -> Contact | None:
        if contact_id is None:
            return None
        return next((c for c in self.contacts if c.id == contact_id), None)

    def round(self, round_id: str | None) -> Round | None:
        if round_id is None:
            return None
        return next((r for r in self.rounds if r.id == round_id), None)

    def promise(self, promise_id: str | None) -> Promise | None:
        if promise_id is None:
            return None
        return next((p for p in self.promises if p.id == promise_id), None)


@dataclass(frozen=True, slots=True)
class Profile:
    name: str = ""
    email: str = ""
    phone: str = ""
    timezone: str | None = None
    signature: str = ""

"""The records of a job search: plain, typed data with no I/O and no clock.

Date-times are timezone-aware ``datetime`` values (pendulum's ``DateTime`` is one); calendar
dates such as ``decision_by`` are ``date`` values read in the interview's zone.

The records are msgspec Structs: frozen like the dataclasses they were, but decoded straight
from a database document with their types checked on the way (``store.typed``), built about
ten times faster, and outside the cycle collector's work (``gc=False``: a record holds only
text, numbers, times and other records, never itself). ``copies.replace`` copies one with
changes.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime
from typing import Annotated

import msgspec

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
from app.domain.limits import MAX_ID, MAX_MINUTES, MAX_TEXT

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

# The limits a decoded document is held to while it is built (``interchange.typed``); building
# a record in code checks nothing, as it always did.
Text = Annotated[str, msgspec.Meta(max_length=MAX_TEXT)]
Id = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID)]
Minutes = Annotated[int, msgspec.Meta(ge=1, le=MAX_MINUTES)]


class Round(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    id: Id
    starts: datetime
    minutes: Minutes = 60
    kind: Text = "interview"
    interviewers: tuple[Id, ...] = ()


class Contact(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    id: Id
    name: Text = ""
    title: Text = ""
    email: Text = ""
    phone: Text = ""
    linkedin: Text = ""
    role: ContactRole = ContactRole.OTHER
    notes: tuple[Text, ...] = ()
    """What I discussed with this person: what a thank-you to them leads with."""


class Preferences(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    channels: tuple[Channel, ...] = ()
    no_calls: bool = False
    no_follow_ups: bool = False
    no_contact_before: date | None = None


class OpenQuestion(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    """A question I could not answer well. Its wording is mine alone; the answer I have since
    worked out goes to the person who asked (``asked_by``, a contact id), else into the next
    check-in or value-add."""

    question: Text
    answer: Text = ""
    asked_by: Id | None = None


class Notes(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    discussed: Text = ""
    recap: tuple[Text, ...] = ()
    challenges: tuple[Text, ...] = ()
    open_questions: tuple[OpenQuestion, ...] = ()
    company_news: Text = ""
    impressions: Text = ""


class Promise(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    id: Id
    what: Text
    due: datetime
    to: Id | None = None
    created: datetime | None = None
    done_at: datetime | None = None
    by: PromiseBy = PromiseBy.ME


class Event(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
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
    # Named as the interchange format names them (SPEC section 9).
    action_id: Id | None = msgspec.field(default=None, name="id")
    round: Id | None = None
    contact: Id | None = None
    promise: Id | None = None
    channel: Channel | None = None
    text: Text = ""
    summary: Text = ""
    from_stage: Stage | None = msgspec.field(default=None, name="from")
    to_stage: Stage | None = msgspec.field(default=None, name="to")
    until: datetime | None = None
    source: Text | None = None


class Interview(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    id: Id
    company: Text
    role: Text
    timezone: Text
    stage: Stage = Stage.SCHEDULED
    outcome: Outcome | None = None
    rounds: tuple[Round, ...] = ()
    contacts: tuple[Contact, ...] = ()
    preferences: Preferences = msgspec.field(default_factory=Preferences)
    decision_by: date | None = None
    offer_deadline: date | None = None
    keep_warm: bool = False
    notes: Notes = msgspec.field(default_factory=Notes)
    promises: tuple[Promise, ...] = ()
    events: tuple[Event, ...] = ()

    def with_events(self, *events: Event) -> Interview:
        """This interview with ``events`` added to its history, which stays in time order
        (an event goes after every one at or before its time)."""
        history = list(self.events)
        for event in events:
            history.insert(bisect_right(history, event.at, key=lambda e: e.at), event)
        return msgspec.structs.replace(self, events=tuple(history))

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


class Profile(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    name: str = ""
    email: str = ""
    phone: str = ""
    timezone: str | None = None
    signature: str = ""

"""A mail message as followup reads it: who wrote to whom, when, about what, its first lines,
whether it was sent by a machine, and the calendar invitations in it. Made from raw bytes by
``app.inbox.parse``; every text in it is already safe to show (no control characters) and
bounded in size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Address:
    name: str
    email: str  # lower-cased

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


class Method(StrEnum):
    """What a calendar invitation asks (iCalendar METHOD)."""

    REQUEST = "request"  # a new meeting, or a change to one already sent (same UID)
    CANCEL = "cancel"


@dataclass(frozen=True, slots=True)
class Invitation:
    """One meeting of a ``text/calendar`` part."""

    method: Method
    uid: str
    sequence: int
    starts: datetime  # aware
    minutes: int | None  # from DTEND or DURATION; None when neither is given
    summary: str
    organizer: Address | None
    attendees: tuple[Address, ...]


@dataclass(frozen=True, slots=True)
class Mail:
    """``automatic`` says why a message was sent by a machine (an out-of-office, a bounce, a
    list or bulk message, a no-reply sender), "" for one a person wrote: such a message is
    never a reply."""

    message_id: str  # as in the header, with its angle brackets; made up when missing
    at: datetime  # aware: the Date header, else when it was received
    sender: Address
    to: tuple[Address, ...]  # To and Cc
    subject: str
    first_lines: str  # the start of what was written, quoted history and signature left out
    text: str = ""  # what was written, as text (HTML reduced), at most MAX_TEXT characters
    automatic: str = ""
    invitations: tuple[Invitation, ...] = ()
    folder: str = ""  # where it was found: "sent" for the user's sent mail

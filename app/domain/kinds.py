"""The kinds a record's fields take: stages, outcomes, channels, roles and the kinds of events
and actions. Kept apart from the records so that a command that needs only their names (the
command line's choices, a listing) does not build every record class at its start."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    SCHEDULED = "scheduled"
    INTERVIEWED = "interviewed"
    WAITING = "waiting"
    NEXT_ROUND = "next_round"
    REFERENCES = "references"
    OFFER = "offer"
    CLOSED = "closed"


STAGES: tuple[Stage, ...] = tuple(Stage)


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    MOVED_ON = "moved_on"


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    LINKEDIN = "linkedin"
    LETTER = "letter"
    TEXT = "text"


class ContactRole(StrEnum):
    INTERVIEWER = "interviewer"
    RECRUITER = "recruiter"
    HR = "hr"
    OTHER = "other"


class EventKind(StrEnum):
    SENT = "sent"
    REPLY = "reply"
    STAGE = "stage"
    SNOOZE = "snooze"
    SKIP = "skip"


class ActionKind(StrEnum):
    PREPARE = "prepare"
    THANK_YOU = "thank_you"
    KEEP_PROMISE = "keep_promise"
    CHECK_IN = "check_in"
    VALUE_ADD = "value_add"
    MOVE_ON = "move_on"
    NURTURE = "nurture"
    CONNECT = "connect"
    UPDATE_OTHERS = "update_others"


# What each kind is called where a person reads it: the board, the lists, the inbox's lines.
ACTION_LABELS = {
    ActionKind.PREPARE: "prepare",
    ActionKind.THANK_YOU: "thank-you",
    ActionKind.KEEP_PROMISE: "keep promise",
    ActionKind.CHECK_IN: "check-in",
    ActionKind.VALUE_ADD: "add value",
    ActionKind.MOVE_ON: "move on",
    ActionKind.NURTURE: "keep warm",
    ActionKind.CONNECT: "connect",
    ActionKind.UPDATE_OTHERS: "update",
}


class PromiseBy(StrEnum):
    ME = "me"
    THEM = "them"

"""What the engine produces: an action, its state at ``now``, and its stable id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from urllib.parse import quote

from app.domain.records import ActionKind, Channel

_SAFE = re.compile(r"[A-Za-z0-9_.@~:+-]+")
CONTACTING = frozenset(ActionKind) - {ActionKind.PREPARE, ActionKind.MOVE_ON}


class State(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class Action:
    id: str
    interview: str
    company: str
    kind: ActionKind
    contact: str | None
    round: str | None
    # The promise a keep_promise keeps, or the promise of theirs whose passing opened a
    # check_in (its draft quotes it).
    promise: str | None
    channel: Channel | None
    due_from: datetime
    due_by: datetime
    state: State
    reason: str
    # The sequence a check_in, value_add or move_on belongs to, by its name in ids.
    sequence: str | None = None

    @property
    def contacting(self) -> bool:
        return self.kind in CONTACTING


def action_id(interview: str, kind: ActionKind, *parts: str | int) -> str:
    """The same facts give the same id, run after run and across export and import.

    Parts are escaped so that an id such as "r/1" cannot be read as two parts.
    """
    pieces = [interview, kind.value, *(str(p) for p in parts)]
    return "/".join(
        piece if _SAFE.fullmatch(piece) else quote(piece, safe="-_.@~:+") for piece in pieces
    )


def state_at(due_from: datetime, due_by: datetime, now: datetime) -> State:
    if now < due_from:
        return State.UPCOMING
    if now <= due_by:
        return State.DUE
    return State.OVERDUE

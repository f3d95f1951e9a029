"""How actions read on the board and in the lists: short, in the interview's own time."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.records import ActionKind
from app.engine import Action, State

KIND_LABELS = {
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
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def kind_label(action: Action) -> str:
    return KIND_LABELS[action.kind]


def short_when(moment: datetime, now: datetime) -> str:
    """``15:00`` today, ``Mon`` within the coming week, else ``3 Dec``."""
    local_now = now.astimezone(moment.tzinfo)
    days = (moment.date() - local_now.date()).days
    if days == 0:
        return f"{moment:%H:%M}"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if 0 < days < 7 or -7 < days < 0:
        return _DAYS[moment.weekday()]
    return f"{moment.day} {_MONTHS[moment.month - 1]}"


def when_label(action: Action, now: datetime) -> str:
    if action.state is State.OVERDUE:
        return f"overdue since {short_when(action.due_by, now)}"
    if action.state is State.DUE:
        return f"due {short_when(action.due_by, now)}"
    return f"opens {short_when(action.due_from, now)}"


def badge(action: Action, now: datetime) -> str:
    """``thank-you · due 15:00``."""
    return f"{kind_label(action)} · {when_label(action, now)}"


def urgency(action: Action | None, now: datetime) -> str:
    """overdue, today (due today or opening today), week, later, or none."""
    if action is None:
        return "none"
    if action.state is State.OVERDUE:
        return "overdue"
    if action.state is State.DUE:
        return "today"  # its window is open: it can be done today
    local_now = now.astimezone(action.due_by.tzinfo)
    opens = action.due_from.astimezone(action.due_by.tzinfo).date()
    if opens <= local_now.date():
        return "today"
    if opens <= local_now.date() + timedelta(days=7):
        return "week"
    return "later"


def stage_title(stage: str) -> str:
    return stage.replace("_", " ").capitalize()

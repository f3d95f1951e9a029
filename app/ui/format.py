"""How actions read on the board and in the lists: short, in the interview's own time."""

from __future__ import annotations

from datetime import datetime

from app.domain.kinds import ACTION_LABELS
from app.domain.records import ActionKind, Interview, OpenQuestion
from app.domain.text import printable
from app.engine import Action, Urgency
from app.engine.urgency import COMING_UP, day_in, urgency

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def kind_label(action: Action) -> str:
    return ACTION_LABELS[action.kind]


def kinds_said(action: Action, other: Action | None, *, the: bool = False) -> str:
    """What one message does: "thank-you", "the keep promise and the check-in", "the two
    thank-yous" (never "thank-you and thank-you")."""
    article = "the " if the else ""
    if other is None:
        return f"{article}{kind_label(action)}"
    if other.kind is action.kind:
        return f"{article}two {_MANY.get(action.kind, kind_label(action) + 's')}"
    return f"{article}{kind_label(action)} and {article}{kind_label(other)}"


_MANY = {ActionKind.KEEP_PROMISE: "promises kept", ActionKind.NURTURE: "keep-warm notes"}


def not_together(action: Action, other: Action, who: str) -> str:
    """Why ``action`` and ``other`` (open, to ``who``) are not one message: the update on my
    timeline does the check-in's job, and sent together they would count as two follow-ups."""
    if action.kind is ActionKind.UPDATE_OTHERS:
        return (
            f"This update on your timeline already asks {who} where things stand: send it "
            f"alone, and no check-in is needed."
        )
    return (
        f"The open update on your timeline already asks {who} where things stand: send the "
        f"update instead of this check-in, and skip this one (x)."
    )


def short_when(moment: datetime, now: datetime) -> str:
    """``15:00`` today, ``Mon`` within the coming week, else ``3 Dec``."""
    days = (moment.date() - day_in(now, moment.tzinfo)).days
    if days == 0:
        return f"{moment:%H:%M}"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if 0 < days < 7 or -7 < days < 0:
        return _DAYS[moment.weekday()]
    return f"{moment.day} {_MONTHS[moment.month - 1]}"


def when_label(action: Action, now: datetime, level: Urgency | None = None) -> str:
    level = urgency(action, now) if level is None else level
    if level is Urgency.OVERDUE:
        return f"overdue since {short_when(action.due_by, now)}"
    if level is Urgency.OPEN_NOW:
        return f"due {short_when(action.due_by, now)}"
    return f"opens {short_when(action.due_from, now)}"


def headline(action: Action, level: Urgency, now: datetime, interview: Interview | None) -> str:
    """``thank-you → Ana · Acme · due 15:00``: an action in a list, at ``now`` (``level``: its
    urgency then; ``interview``: its interview, for the contact's name)."""
    who = ""
    if interview is not None and action.contact:
        contact = interview.contact(action.contact)
        who = f" → {contact.name if contact and contact.name else action.contact}"
    when = (
        f"opens {short_when(action.due_from, now)}"
        if level.group == COMING_UP
        else f"due {short_when(action.due_by, now)}"
    )
    return f"{kind_label(action)}{who} · {action.company} · {when}"


def badge(action: Action, now: datetime, level: Urgency | None = None) -> str:
    """``thank-you · due 15:00`` (``level``: its urgency at ``now``, where known)."""
    return f"{kind_label(action)} · {when_label(action, now, level)}"


def narrow_badge(shown: str) -> str:
    """A ``badge`` for a column too narrow for it: when first, so that a cut takes the kind,
    not the time (``overdue · thank-you``, ``due 15:00 · check-in``). Other text as it is."""
    kind, mark, when = shown.partition(" · ")
    if not mark:
        return shown
    if when.startswith("overdue"):
        when = "overdue"  # the card's colour says it too; "since" can wait for the detail
    return f"{when} · {kind}"


def tone(action: Action | None, now: datetime, level: Urgency | None = None) -> str:
    """The colour of a card or a row: the action's urgency, or "none" with nothing to do."""
    if action is None:
        return "none"
    return (urgency(action, now) if level is None else level).tone


def stage_title(stage: str) -> str:
    return stage.replace("_", " ").capitalize()


def shown(text: str) -> str:
    """User text as a widget may draw it: Textual passes ESC, DEL and C1 to the terminal as
    they are, so each is written as its ``\\xNN`` escape."""
    return printable(text)


def question_line(interview: Interview, question: OpenQuestion) -> str:
    """``How I would price it → start from the heaviest segments (asked by Marcus Feld)``."""
    line = question.question.strip() or "(no wording)"
    if question.answer.strip():
        line += f" → {question.answer.strip()}"
    if question.asked_by:
        asker = interview.contact(question.asked_by)
        line += f" (asked by {(asker.name if asker else '') or question.asked_by})"
    return shown(line)

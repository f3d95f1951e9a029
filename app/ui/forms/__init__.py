"""The dialogs of the dashboard: each returns a value with ``dismiss`` (None when cancelled)
and saves nothing; the screen that opened it stores the result.

Each name is imported from its module when it is first asked for: the dashboard imports a form
as its key is pressed, and importing every form then (some 45 ms) made the first dialog slow.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.forms.confirm import ConfirmDialog
    from app.ui.forms.contact import ContactForm
    from app.ui.forms.edit_menu import EditMenu, EditPart, PartKind
    from app.ui.forms.interview import InterviewForm
    from app.ui.forms.notes import NotesForm
    from app.ui.forms.outcome import OutcomeForm, OutcomeInput
    from app.ui.forms.preferences import PreferencesForm
    from app.ui.forms.profile import ProfileForm
    from app.ui.forms.promise import PromiseForm
    from app.ui.forms.question import QuestionForm
    from app.ui.forms.reply import ReplyForm, ReplyInput
    from app.ui.forms.round import RoundForm
    from app.ui.forms.sent import SentForm, SentInput
    from app.ui.forms.snooze import SnoozeForm, SnoozeInput

# Each public name, and the module it lives in.
_HOMES = {
    "ConfirmDialog": "confirm",
    "ContactForm": "contact",
    "EditMenu": "edit_menu",
    "EditPart": "edit_menu",
    "InterviewForm": "interview",
    "NotesForm": "notes",
    "OutcomeForm": "outcome",
    "OutcomeInput": "outcome",
    "PartKind": "edit_menu",
    "PreferencesForm": "preferences",
    "ProfileForm": "profile",
    "PromiseForm": "promise",
    "QuestionForm": "question",
    "ReplyForm": "reply",
    "ReplyInput": "reply",
    "RoundForm": "round",
    "SentForm": "sent",
    "SentInput": "sent",
    "SnoozeForm": "snooze",
    "SnoozeInput": "snooze",
}

__all__ = [
    "ConfirmDialog",
    "ContactForm",
    "EditMenu",
    "EditPart",
    "InterviewForm",
    "NotesForm",
    "OutcomeForm",
    "OutcomeInput",
    "PartKind",
    "PreferencesForm",
    "ProfileForm",
    "PromiseForm",
    "QuestionForm",
    "ReplyForm",
    "ReplyInput",
    "RoundForm",
    "SentForm",
    "SentInput",
    "SnoozeForm",
    "SnoozeInput",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

"""The dialogs of the dashboard: each returns a value with ``dismiss`` (None when cancelled)
and saves nothing; the screen that opened it stores the result."""

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

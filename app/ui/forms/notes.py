"""What I remember of an interview: the drafts are filled from it (SPEC section 5). The open
questions are edited one at a time (``QuestionForm``): each has an answer and the person who
asked it, which one line of a text box could not hold."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import TextArea

from app.domain.copies import replace
from app.domain.records import Notes
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker, lines
from app.ui.forms.field import Field
from app.ui.text_box import TextBox

# key, label, placeholder; the lists are shown one item a line.
_FIELDS = (
    ("discussed", "What we discussed", "e.g. the onboarding funnel and the Q3 roadmap"),
    ("recap", "Points to recap", "One a line, e.g. scaled the onboarding funnel"),
    (
        "challenges",
        "Challenges, and how I would meet them",
        "One a line, e.g. churn in week one: I would interview the leavers",
    ),
    ("company_news", "Recent company news", "e.g. they just opened an office in Berlin"),
    ("impressions", "How it went", "e.g. friendly panel; the team seems stretched"),
)


class NotesForm(Form[Notes]):
    """The two lists take one item per line; blank lines are dropped. The open questions come
    back as they were."""

    # Focus scrolls the focused field towards the middle of the body, and on a short terminal
    # that hides the first label; the first field is focused where it is instead.
    AUTO_FOCUS = ""

    def __init__(self, notes: Notes) -> None:
        super().__init__("Notes")
        self.notes = notes
        self.areas: dict[str, TextArea] = {}

    def compose_fields(self) -> ComposeResult:
        notes = self.notes
        texts = {
            "discussed": notes.discussed,
            "recap": "\n".join(notes.recap),
            "challenges": "\n".join(notes.challenges),
            "company_news": notes.company_news,
            "impressions": notes.impressions,
        }
        for key, label, placeholder in _FIELDS:
            # Tab moves to the next field, as everywhere else in the form.
            area = TextBox(
                texts[key],
                id=key,
                tab_behavior="focus",
                soft_wrap=True,
                compact=True,
                placeholder=placeholder,
            )
            self.areas[key] = area
            yield Field(label, area, key=key, stacked=True)

    def on_mount(self) -> None:
        # Form's own on_mount (the first check) is called by Textual as well: calling it here
        # too checked the form twice.
        self.areas["discussed"].focus(scroll_visible=False)

    def read(self, check: Checker) -> Notes | None:
        text = {key: area.text for key, area in self.areas.items()}
        return replace(
            self.notes,
            discussed=text["discussed"].strip(),
            recap=lines(text["recap"]),
            challenges=lines(text["challenges"]),
            company_news=text["company_news"].strip(),
            impressions=text["impressions"].strip(),
        )

"""What I remember of an interview: the drafts are filled from it (SPEC section 5)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import TextArea

from app.domain.records import Notes
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker, lines
from app.ui.forms.field import Field

# key, label, placeholder; the lists are shown one item a line.
_FIELDS = (
    ("discussed", "What we discussed", "e.g. the onboarding funnel and the Q3 roadmap"),
    ("recap", "Points to recap", "One a line, e.g. scaled the onboarding funnel"),
    (
        "challenges",
        "Challenges, and how I would meet them",
        "One a line, e.g. churn in week one: I would interview the leavers",
    ),
    (
        "open_questions",
        "Questions I could answer better",
        "One a line, e.g. how I would price the enterprise tier",
    ),
    ("company_news", "Recent company news", "e.g. they just opened an office in Berlin"),
    ("impressions", "How it went", "e.g. friendly panel; the team seems stretched"),
)


class NotesForm(Form[Notes]):
    """The three lists take one item per line; blank lines are dropped."""

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
            "open_questions": "\n".join(notes.open_questions),
            "company_news": notes.company_news,
            "impressions": notes.impressions,
        }
        for key, label, placeholder in _FIELDS:
            # Tab moves to the next field, as everywhere else in the form.
            area = TextArea(
                texts[key],
                id=key,
                tab_behavior="focus",
                soft_wrap=True,
                compact=True,
                placeholder=placeholder,
            )
            self.areas[key] = area
            yield Field(label, area, key=key, stacked=True)

    def read(self, check: Checker) -> Notes | None:
        text = {key: area.text for key, area in self.areas.items()}
        return Notes(
            discussed=text["discussed"].strip(),
            recap=lines(text["recap"]),
            challenges=lines(text["challenges"]),
            open_questions=lines(text["open_questions"]),
            company_news=text["company_news"].strip(),
            impressions=text["impressions"].strip(),
        )

"""Add, edit or remove a question I could not answer well, the fuller answer I have since
worked out, and who asked it (SPEC sections 2 and 5)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Select, Static

from app.domain.records import Contact, OpenQuestion
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker
from app.ui.forms.choices import contact_options
from app.ui.forms.field import Field
from app.ui.keys_in_order import TextInput
from app.ui.text_box import TextBox

WHERE_IT_GOES = (
    "The answer goes into the thank-you to the person who asked, else into the next check-in. "
    "The question's wording never leaves the app."
)
REMOVES = "saved with both question and answer empty, this question is removed"


def removes(question: OpenQuestion) -> bool:
    """Whether a saved form means "remove this question": nothing is left of it."""
    return not question.question and not question.answer


class QuestionForm(Form[OpenQuestion]):
    """Returns the question as edited. For an existing question, an empty question and answer
    come back as an empty ``OpenQuestion``: the caller removes it."""

    def __init__(self, question: OpenQuestion | None, *, contacts: tuple[Contact, ...]) -> None:
        super().__init__("Edit open question" if question else "New open question")
        self.question = question
        self.contacts = contacts

    def compose_fields(self) -> ComposeResult:
        known = self.question or OpenQuestion("")
        self.wording = TextInput(
            known.question,
            placeholder="e.g. how I would price the enterprise tier",
            id="question",
            compact=True,
        )
        self.answer = TextBox(
            known.answer,
            id="answer",
            tab_behavior="focus",
            soft_wrap=True,
            compact=True,
            placeholder="e.g. I would start from the heaviest users' segments, then …",
        )
        offered = {contact.id for contact in self.contacts}
        # A question of an imported file only ever names a contact of the interview.
        asked = known.asked_by if known.asked_by in offered else None
        self.asked_by: Select[str] = Select(
            contact_options(self.contacts),
            value=asked or Select.NULL,
            prompt="nobody in particular",
            id="asked_by",
            compact=True,
        )
        yield Field("Question I could answer better", self.wording, key="question", stacked=True)
        yield Field("My fuller answer now", self.answer, key="answer", stacked=True)
        yield Static(WHERE_IT_GOES, classes="dialog-hint", markup=False)
        yield Field("Asked by", self.asked_by, key="asked_by")

    def read(self, check: Checker) -> OpenQuestion | None:
        wording = " ".join(self.wording.value.split())
        # The answer is set into a sentence of the draft: line breaks typed in the box would
        # break the paragraph.
        answer = " ".join(self.answer.text.split())
        asked_by = self.asked_by.value if isinstance(self.asked_by.value, str) else None
        if not wording and not answer:
            if self.question is None:
                check.fail("question", "required, unless you write the answer")
                return None
            check.warn("question", REMOVES)
            return OpenQuestion("")
        return OpenQuestion(question=wording, answer=answer, asked_by=asked_by)

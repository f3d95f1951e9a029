"""Record that the employer answered: who, and the gist of it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select

from app.domain.records import Contact
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker
from app.ui.forms.choices import contact_options
from app.ui.forms.field import Field


@dataclass(frozen=True, slots=True)
class ReplyInput:
    """``contact`` is a contact id, or None when it was someone else or it does not matter."""

    contact: str | None
    summary: str


class ReplyForm(Form[ReplyInput]):
    def __init__(self, *, contacts: tuple[Contact, ...]) -> None:
        super().__init__("They replied")
        self.contacts = contacts

    def compose_fields(self) -> ComposeResult:
        self.contact: Select[str] = Select(
            contact_options(self.contacts),
            prompt="someone else",
            id="contact",
            compact=True,
        )
        self.summary = Input(
            placeholder="e.g. They will decide by Friday", id="summary", compact=True
        )
        yield Field("From", self.contact, key="contact")
        yield Field("Summary", self.summary, key="summary")

    def read(self, check: Checker) -> ReplyInput | None:
        contact = self.contact.value if isinstance(self.contact.value, str) else None
        return ReplyInput(contact=contact, summary=" ".join(self.summary.value.split()))

"""Record that the employer answered: who, when, the gist of it in one line, and the date
they now say they will decide by, if they gave one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.widgets import Select

from app.domain.records import Contact
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker
from app.ui.forms.choices import contact_options
from app.ui.forms.field import Field
from app.ui.forms.when_field import WhenField
from app.ui.keys_in_order import TextInput


@dataclass(frozen=True, slots=True)
class ReplyInput:
    """``contact`` is a contact id, or None when it was someone else or it does not matter;
    ``summary`` is one line, trimmed; ``at`` is when they replied, never after now."""

    contact: str | None
    summary: str
    at: datetime
    decide_by: date | None = None
    """The day they now say they will decide by; None when they gave none."""


class ReplyForm(Form[ReplyInput]):
    """``default_contact`` (the id of the person the selected action is to) is chosen in From
    to start with; one that is not among ``contacts`` is ignored. The summary comes first and
    has the focus, so ``R``, the gist and ``enter`` record a reply from that person, now; tab
    goes on to who, when and their new date, in the order they are shown."""

    ASKS_BEFORE_DISCARDING = False  # one or two fields, quickly typed again

    # The gist is what is always typed; who and when are right as they start, most times.
    AUTO_FOCUS = "#summary"
    SAVES_ON_ENTER = "summary"

    def __init__(
        self,
        *,
        contacts: tuple[Contact, ...],
        now: datetime,
        zone: str,
        default_contact: str | None = None,
        company: str = "",
    ) -> None:
        # Named, so that a reply is not recorded for the card that happened to be selected.
        super().__init__(f"{company} replied" if company.strip() else "They replied")
        self.contacts = contacts
        self.now = now
        self.zone = zone
        known = {contact.id for contact in contacts}
        self.default_contact = default_contact if default_contact in known else None

    def compose_fields(self) -> ComposeResult:
        self.contact: Select[str] = Select(
            contact_options(self.contacts),
            value=self.default_contact or Select.NULL,
            prompt="someone else",
            id="contact",
            compact=True,
        )
        self.when = WhenField.happened(
            "When", now=self.now, zone=self.zone, example="this morning, yesterday 17:00"
        )
        self.summary = TextInput(
            placeholder="e.g. They will decide by Friday", id="summary", compact=True
        )
        self.decide_by = WhenField(
            "Decide by",
            key="decide_by",
            now=self.now,
            zone=self.zone,
            placeholder="if they gave a date, e.g. next friday",
            date_only=True,
        )
        yield Field("Summary", self.summary, key="summary")
        yield Field("From", self.contact, key="contact")
        yield self.when
        yield self.decide_by

    def read(self, check: Checker) -> ReplyInput | None:
        at = self.when.check_past(check)
        decide_by = self.decide_by.check(check)
        if decide_by is not None and at is not None and decide_by.date() < at.date():
            check.fail("decide_by", "is before their reply: the day they said they would decide")
        if at is None or not check.ok:
            return None
        contact = self.contact.value if isinstance(self.contact.value, str) else None
        return ReplyInput(
            contact=contact,
            summary=" ".join(self.summary.value.split()),
            at=at,
            decide_by=decide_by.date() if decide_by is not None else None,
        )

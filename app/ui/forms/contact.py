"""Add or edit a person at the employer: names and titles go into drafts exactly as typed, and
what we talked about is what a thank-you to them leads with."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Select

from app.domain.copies import replace
from app.domain.ids import slug, unique
from app.domain.records import Contact, ContactRole
from app.drafts.addresses import is_personal
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker, email_problem, lines, web_address
from app.ui.forms.choices import options
from app.ui.forms.field import Field
from app.ui.keys_in_order import TextInput
from app.ui.text_box import TextBox

PERSONAL_ADDRESS = "a business address is better (employers prefer business accounts)"


class ContactForm(Form[Contact]):
    """Returns the contact; a new one gets an id made of the name (``jane-doe``)."""

    def __init__(self, contact: Contact | None, *, existing_ids: frozenset[str]) -> None:
        super().__init__("Edit contact" if contact else "New contact")
        self.contact = contact
        self.existing_ids = existing_ids

    def compose_fields(self) -> ComposeResult:
        known = self.contact or Contact(id="", role=ContactRole.INTERVIEWER)
        self.name_input = TextInput(
            known.name, placeholder="e.g. Jane Doe", id="name", compact=True
        )
        self.title_input = TextInput(
            known.title, placeholder="e.g. Head of Product", id="title", compact=True
        )
        self.email = TextInput(
            known.email, placeholder="e.g. jane@acme.example", id="email", compact=True
        )
        self.phone = TextInput(
            known.phone, placeholder="e.g. +44 20 7946 0000", id="phone", compact=True
        )
        self.linkedin = TextInput(
            known.linkedin,
            placeholder="e.g. https://www.linkedin.com/in/janedoe",
            id="linkedin",
            compact=True,
        )
        self.role: Select[ContactRole] = Select(
            options(ContactRole), value=known.role, allow_blank=False, id="role", compact=True
        )
        self.notes = TextBox(
            "\n".join(known.notes),
            id="notes",
            tab_behavior="focus",
            soft_wrap=True,
            compact=True,
            placeholder="One a line, e.g. her plan to merge the two onboarding flows",
        )
        yield Field("Name", self.name_input, key="name")
        yield Field("Title", self.title_input, key="title")
        yield Field("Email", self.email, key="email")
        yield Field("Phone", self.phone, key="phone")
        yield Field("LinkedIn", self.linkedin, key="linkedin")
        yield Field("Role", self.role, key="role")
        yield Field("What we talked about", self.notes, key="notes", stacked=True)

    def read(self, check: Checker) -> Contact | None:
        name = check.required("name", self.name_input.value)
        email = self.email.value.strip()
        if problem := email_problem(email):
            check.fail("email", problem)
        elif email and is_personal(email):
            check.warn("email", PERSONAL_ADDRESS)
        linkedin, problem = web_address(self.linkedin.value.strip())
        if problem:
            check.fail("linkedin", problem)
        role = self.role.value
        if not check.ok or not isinstance(role, ContactRole):
            return None
        base = self.contact or Contact(id=unique(slug(name, fallback="contact"), self.existing_ids))
        return replace(
            base,
            name=name,
            title=" ".join(self.title_input.value.split()),
            email=email,
            phone=self.phone.value.strip(),
            linkedin=linkedin,
            role=role,
            notes=lines(self.notes.text),
        )

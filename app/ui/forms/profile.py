"""My own details: every draft is signed with them, and the time zone is the one new
interviews start in (SPEC section 2)."""

from __future__ import annotations

from textual.app import ComposeResult

from app.domain.profile import ProfileError, changed_profile, zone_problem
from app.domain.records import Profile
from app.domain.text import email_problem
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker
from app.ui.forms.field import Field
from app.ui.keys_in_order import TextInput
from app.ui.text_box import TextBox


class ProfileForm(Form[Profile]):
    """Returns the profile as edited; an empty time zone is the computer's."""

    def __init__(self, profile: Profile) -> None:
        super().__init__("Your profile")
        self.profile = profile

    def compose_fields(self) -> ComposeResult:
        known = self.profile
        self.name_input = TextInput(
            known.name, placeholder="e.g. Jane Doe", id="name", compact=True
        )
        self.email = TextInput(
            known.email, placeholder="e.g. jane@janedoe.example", id="email", compact=True
        )
        self.phone = TextInput(
            known.phone, placeholder="e.g. +44 7700 900123", id="phone", compact=True
        )
        self.zone = TextInput(
            known.timezone or "",
            placeholder="e.g. Europe/London (empty: this computer's)",
            id="timezone",
            compact=True,
        )
        self.signature = TextBox(
            known.signature,
            id="signature",
            tab_behavior="focus",
            soft_wrap=True,
            compact=True,
            placeholder="empty: your name, phone and email",
        )
        yield Field("Name", self.name_input, key="name")
        yield Field("Email", self.email, key="email")
        yield Field("Phone", self.phone, key="phone")
        yield Field("Time zone", self.zone, key="timezone")
        yield Field("Signature", self.signature, key="signature", stacked=True)

    def read(self, check: Checker) -> Profile | None:
        email = self.email.value.strip()
        zone = self.zone.value.strip()
        # Both are checked here, so that two problems are shown at once; the rest (a control
        # character pasted in) is found by the one place that changes a profile.
        if problem := email_problem(email):
            check.fail("email", problem)
        if problem := zone_problem(zone):
            check.fail("timezone", problem)
        if not check.ok:
            return None
        try:
            return changed_profile(
                self.profile,
                name=self.name_input.value,
                email=email,
                phone=self.phone.value,
                timezone=zone,
                signature=self.signature.text,
            )
        except ProfileError as problem:
            check.fail(problem.field, str(problem))
            return None

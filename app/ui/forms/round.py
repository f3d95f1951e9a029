"""Add or edit one meeting of an interview: when, how long, what kind, and with whom."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Static

from app.domain.copies import replace
from app.domain.ids import numbered
from app.domain.records import Contact, Round
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker, minutes_problem
from app.ui.forms.choices import contact_label
from app.ui.forms.field import Field, Ticks
from app.ui.forms.when_field import WhenField, moment_text
from app.ui.keys_in_order import TextInput

ROUND_KINDS = ("phone screen", "video", "onsite", "panel", "technical", "final")
# What a round is called when nobody said (the record's own default).
DEFAULT_KIND = "interview"


class RoundForm(Form[Round]):
    """Returns the round; a new one gets the next free id of ``r1``, ``r2`` …"""

    def __init__(
        self,
        round: Round | None,
        *,
        contacts: tuple[Contact, ...],
        zone: str,
        now: datetime,
        existing_ids: frozenset[str],
    ) -> None:
        super().__init__(f"Edit round {round.id}" if round else "New round")
        self.round = round
        self.contacts = contacts
        self.zone = zone
        self.now = now
        self.existing_ids = existing_ids

    def compose_fields(self) -> ComposeResult:
        round_ = self.round
        self.starts = WhenField(
            "Starts",
            key="starts",
            now=self.now,
            zone=self.zone,
            value=moment_text(round_.starts, self.zone) if round_ else "",
            placeholder="e.g. friday 2pm or 2026-11-20 14:00",
        )
        self.minutes = TextInput(
            str(round_.minutes) if round_ else "60",
            placeholder="e.g. 60",
            restrict=r"[0-9]*",
            max_length=5,
            id="minutes",
            compact=True,
        )
        self.kind = TextInput(
            round_.kind if round_ else "",
            placeholder="e.g. video",
            tooltip="Suggested as you type: " + ", ".join(ROUND_KINDS),
            suggester=SuggestFromList(ROUND_KINDS, case_sensitive=False),
            id="kind",
            compact=True,
        )
        chosen = set(round_.interviewers) if round_ else set()
        self.interviewers: Ticks[str] = Ticks(
            *((contact_label(c), c.id, c.id in chosen) for c in self.contacts),
            id="interviewers",
            compact=True,
        )
        yield Static(f"Times are in {self.zone}.", classes="dialog-hint", markup=False)
        yield self.starts
        yield Field("Minutes", self.minutes, key="minutes")
        yield Field("Kind", self.kind, key="kind")
        if self.contacts:
            yield Field("Interviewers", self.interviewers, key="interviewers", stacked=True)
        else:
            yield Static(
                "No contacts yet: add the interviewers as contacts, then pick them here.",
                classes="dialog-hint",
            )

    def read(self, check: Checker) -> Round | None:
        starts = self.starts.check(check, required=True)
        minutes, problem = minutes_problem(self.minutes.value)
        if problem:
            check.fail("minutes", problem)
        if not check.ok or starts is None:
            return None
        kind = " ".join(self.kind.value.split()) or DEFAULT_KIND
        base = self.round or Round(id=numbered("r", self.existing_ids), starts=starts)
        return replace(
            base,
            starts=starts,
            minutes=minutes,
            kind=kind,
            interviewers=self._interviewers(),
        )

    def _interviewers(self) -> tuple[str, ...]:
        """The ticked contacts, those already on the round first and in their order; ids of
        contacts not offered here are kept as they were."""
        offered = {contact.id for contact in self.contacts}
        ticked = set(self.interviewers.selected)
        before = self.round.interviewers if self.round else ()
        kept = [i for i in before if i in ticked or i not in offered]
        added = [c.id for c in self.contacts if c.id in ticked and c.id not in kept]
        return (*kept, *added)

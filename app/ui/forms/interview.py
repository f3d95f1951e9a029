"""Add or edit an interview's own details. A new one is added with its first round and that
round's interviewers in the same form (first_round.py); when editing, the rounds, contacts,
notes and history are edited elsewhere and come back unchanged."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Button, Select

from app.domain.copies import replace
from app.domain.ids import slug, unique
from app.domain.records import Interview, Outcome, Stage
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker, zone_problem
from app.ui.forms.choices import options, spoken
from app.ui.forms.field import Field, Tick
from app.ui.forms.first_round import FirstRound, PersonRow
from app.ui.forms.when_field import WhenField
from app.ui.keys_in_order import TextInput

_DAY_EXAMPLE = "e.g. 2026-11-27 or next friday"


class InterviewForm(Form[Interview]):
    """Returns the interview as edited; a new one gets an id made of its company and role, and
    the first round and interviewers typed or pasted below its details."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+n",
            "add_person",
            "Add interviewer",
            tooltip="Another row for an interviewer of the first round",
            id="form-add-interviewer",
        ),
    ]

    def __init__(
        self,
        interview: Interview | None,
        *,
        now: datetime,
        default_zone: str,
        existing_ids: frozenset[str],
        me: frozenset[str] = frozenset(),
        others: Sequence[Interview] = (),
    ) -> None:
        """``me``: the user's name and email, left out of a pasted invitation's guests.
        ``others``: the interviews already there, for a new one that repeats one of them."""
        super().__init__("Edit interview" if interview else "New interview")
        self.me = me
        self.others = {
            (_folded(i.company), _folded(i.role)): i
            for i in others
            if interview is None or i.id != interview.id
        }
        self.interview = interview
        self.now = now
        self.existing_ids = existing_ids
        self.fallback_zone = interview.timezone if interview else default_zone
        # A new interview's first round, made in compose_later.
        self.first_round: FirstRound | None = None
        self.set_class(interview is None, "-quick-add")

    def compose_fields(self) -> ComposeResult:
        known = self.interview or Interview(id="", company="", role="", timezone=self.fallback_zone)
        self.company = TextInput(
            known.company, placeholder="e.g. Acme Ltd", id="company", compact=True
        )
        self.role = TextInput(
            known.role, placeholder="e.g. Product Manager", id="role", compact=True
        )
        self.stage: Select[Stage] = Select(
            options(Stage), value=known.stage, allow_blank=False, id="stage", compact=True
        )
        self.outcome: Select[Outcome] = Select(
            options(Outcome),
            value=known.outcome or Select.NULL,
            prompt="How did it end?",
            id="outcome",
            compact=True,
        )
        self.outcome_field = Field("Outcome", self.outcome, key="outcome")
        self.zone = TextInput(
            known.timezone, placeholder="e.g. Europe/London", id="timezone", compact=True
        )
        self.decision_by = self._day("Decision by", "decision_by", known.decision_by)
        self.offer_deadline = self._day("Offer deadline", "offer_deadline", known.offer_deadline)
        self.keep_warm = Tick(
            "stay in touch once it is closed", value=known.keep_warm, id="keep_warm", compact=True
        )
        yield Field("Company", self.company, key="company")
        yield Field("Role", self.role, key="role")
        yield Field("Stage", self.stage, key="stage")
        yield self.outcome_field
        yield Field("Time zone", self.zone, key="timezone")
        yield self.decision_by
        yield self.offer_deadline
        yield Field("Keep warm", self.keep_warm, key="keep_warm")

    def compose_later(self) -> list[Widget]:
        # A new interview's first round, half the widgets of the form, comes a frame later.
        if self.interview is not None:
            return []
        self.first_round = FirstRound(now=self.now, zone=self.fallback_zone, me=self.me)
        return [self.first_round]

    def _day(self, label: str, key: str, day: date | None) -> WhenField:
        return WhenField(
            label,
            key=key,
            now=self.now,
            zone=self.fallback_zone,
            value=day.isoformat() if day else "",
            placeholder=_DAY_EXAMPLE,
            date_only=True,
        )

    def update_fields(self) -> None:
        self.outcome_field.hide(self.stage.value != Stage.CLOSED)
        zone = self.zone.value.strip()
        # Dates are read in the zone typed above, once it is a real one.
        usable = zone if zone_problem(zone) is None else self.fallback_zone
        self.decision_by.zone = usable
        self.offer_deadline.zone = usable
        if self.first_round is not None:
            self.first_round.zone = usable

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Only a new interview has interviewer rows; when editing, the key is not offered.
        if action == "add_person":
            return self.interview is None
        return True

    async def action_add_person(self) -> None:
        if self.first_round is not None:
            row = await self.first_round.add_row()
            row.name_input.focus(scroll_visible=False)
            # The new row is the form's last; scrolled to once it is laid out (deferred by
            # scroll_end itself), as before that it has no place to scroll to.
            self.body.scroll_end(animate=False)

    def action_save(self) -> None:
        super().action_save()
        # A field's message can reach below the lines in sight (an interviewer's row is the
        # last of a long form): bring all of it into sight, not only its input.
        first = next(iter(self.query(".field.-invalid").results(Field)), None)
        if first is not None and not self._dismissing:
            if isinstance(first, PersonRow):
                # The row's own control is the three inputs: the one to fix gets the focus.
                first.first_wrong.focus()
            self.call_after_refresh(first.scroll_visible, animate=False)

    @on(Button.Pressed, "#add-person")
    async def _add_pressed(self) -> None:
        await self.action_add_person()

    def read(self, check: Checker) -> Interview | None:
        company = check.required("company", self.company.value)
        role = check.required("role", self.role.value)
        stage = self.stage.value
        outcome: Outcome | None = None
        if stage == Stage.CLOSED:
            if isinstance(self.outcome.value, Outcome):
                outcome = self.outcome.value
            else:
                check.fail("outcome", "required when the stage is closed")
        zone = self.zone.value.strip()
        if problem := zone_problem(zone):
            check.fail("timezone", problem)
        decision_by = self.decision_by.check(check)
        offer_deadline = self.offer_deadline.check(check)
        first_round, contacts = (
            self.first_round.read(check) if self.first_round is not None else (None, ())
        )
        rounds = [first_round] if first_round is not None else []
        rounds += list(self.interview.rounds) if self.interview else []
        if stage == Stage.SCHEDULED and any(
            r.starts + timedelta(minutes=r.minutes) <= self.now for r in rounds
        ):
            # The board would show it as still to come, and its thank-you overdue.
            check.warn("stage", "a round of it has passed: Interviewed, perhaps")
        twin = self.others.get((_folded(company), _folded(role)))
        if twin is not None:
            # Typed again by mistake, or a second process for the same role: the user knows.
            check.warn("role", f"already on the board, in {spoken(twin.stage)}")
        if not check.ok or not isinstance(stage, Stage):
            return None
        base = self.interview or Interview(
            id=unique(slug(company, role, fallback="interview"), self.existing_ids),
            company=company,
            role=role,
            timezone=zone,
            rounds=(first_round,) if first_round is not None else (),
            contacts=contacts,
        )
        return replace(
            base,
            company=company,
            role=role,
            stage=stage,
            outcome=outcome,
            timezone=zone,
            decision_by=decision_by.date() if decision_by else None,
            offer_deadline=offer_deadline.date() if offer_deadline else None,
            keep_warm=self.keep_warm.value,
        )


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()

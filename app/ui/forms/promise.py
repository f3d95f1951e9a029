"""Add or edit a promise: something I said I would do (or they said they would), and by when."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Select, Static

from app.domain.copies import replace
from app.domain.ids import numbered
from app.domain.records import Contact, Promise, PromiseBy
from app.ui.forms.base import Form
from app.ui.forms.checks import Checker
from app.ui.forms.choices import contact_options
from app.ui.forms.field import Field, Tick
from app.ui.forms.when_field import WhenField, moment_text
from app.ui.keys_in_order import TextInput

_BY = [("Me", PromiseBy.ME), ("Them", PromiseBy.THEM)]
# The example shows whose words the promise is in: mine, or the deed they said they would do.
_EXAMPLE = {
    PromiseBy.ME: "e.g. Send my list of references",
    PromiseBy.THEM: "e.g. Send the take-home exercise",
}


class PromiseForm(Form[Promise]):
    """Returns the promise; a new one gets the next id of ``p1``, ``p2`` … "Made" (``created``)
    starts at now for a new promise and stays now when emptied; emptied on an existing one, it
    leaves the promise undated. Ticking "done" dates it now; unticking clears it."""

    def __init__(
        self,
        promise: Promise | None,
        *,
        contacts: tuple[Contact, ...],
        zone: str,
        now: datetime,
        existing_ids: frozenset[str],
    ) -> None:
        super().__init__(f"Edit promise {promise.id}" if promise else "New promise")
        self.promise = promise
        self.contacts = contacts
        self.zone = zone
        self.now = now
        self.existing_ids = existing_ids

    def compose_fields(self) -> ComposeResult:
        promise = self.promise
        self.what = TextInput(
            promise.what if promise else "",
            placeholder=_EXAMPLE[promise.by if promise else PromiseBy.ME],
            id="what",
            compact=True,
        )
        self.by: Select[PromiseBy] = Select(
            _BY,
            value=promise.by if promise else PromiseBy.ME,
            allow_blank=False,
            id="by",
            compact=True,
        )
        people = contact_options(self.contacts)
        if promise and promise.to and promise.to not in {c.id for c in self.contacts}:
            # Someone no longer among the contacts stays selectable rather than lost.
            people.append((Text(promise.to), promise.to))
        self.to: Select[str] = Select(
            people,
            value=(promise.to or Select.NULL) if promise else Select.NULL,
            prompt="nobody in particular",
            id="to",
            compact=True,
        )
        self.due = WhenField(
            "Due",
            key="due",
            now=self.now,
            zone=self.zone,
            value=moment_text(promise.due, self.zone) if promise else "",
            placeholder="e.g. friday 5pm or 2026-11-21 09:00",
        )
        self.made_text = moment_text(self._made_before, self.zone) if self._made_before else ""
        self.made = WhenField(
            "Made",
            key="created",
            now=self.now,
            zone=self.zone,
            value=self.made_text,
            placeholder=f"e.g. yesterday 4pm (empty: {'not known' if promise else 'now'})",
            past=True,
        )
        self.done = Tick("done", value=bool(promise and promise.done_at), id="done", compact=True)
        yield Static(f"Times are in {self.zone}.", classes="dialog-hint", markup=False)
        yield Field("What", self.what, key="what")
        yield Field("Promised by", self.by, key="by")
        self.to_field = Field(_to_label(self.by.value), self.to, key="to")
        yield self.to_field
        yield self.due
        yield self.made
        yield Field("Done", self.done, key="done")

    def update_fields(self) -> None:
        self.to_field.label.update(_to_label(self.by.value))
        if isinstance(self.by.value, PromiseBy):
            self.what.placeholder = _EXAMPLE[self.by.value]

    def read(self, check: Checker) -> Promise | None:
        what = check.required("what", self.what.value)
        due = self.due.check(check, required=True)
        created = self._made(check)
        by = self.by.value
        if not check.ok or due is None or not isinstance(by, PromiseBy):
            return None
        to = self.to.value if isinstance(self.to.value, str) else None
        base = self.promise or Promise(id=numbered("p", self.existing_ids), what=what, due=due)
        done_at = base.done_at if base.done_at else self.now
        return replace(
            base,
            what=what,
            by=by,
            to=to,
            due=due,
            created=created,
            done_at=done_at if self.done.value else None,
        )

    @property
    def _made_before(self) -> datetime | None:
        return self.promise.created if self.promise else self.now

    def _made(self, check: Checker) -> datetime | None:
        # The field shows minutes only: left as it was shown, the moment keeps its seconds.
        if self.made.input.value.strip() == self.made_text:
            return self._made_before
        made = self.made.check(check)
        if made is None and self.promise is None:
            return self.now
        if made is not None and made > self.now:
            check.warn("created", "that is later than now")
        return made


def _to_label(by: object) -> str:
    # The contact of a promise of theirs is the one who made it, not the one it was made to.
    return "From" if by is PromiseBy.THEM else "To"

"""The part of the new-interview form that takes the first round and the people who hold it,
so that one form adds what took a form each before (issue 17): when, how long, what kind, the
interviewers by name, title and address, and a field to paste a calendar line or a whole
invitation into, which fills the others.

Everything here is optional: with no start there is no round, and an empty interviewer row is
left out. The rows are read into contacts with the interviewer role and ids made of their names.
"""

from __future__ import annotations

from datetime import datetime

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from app.domain.ids import numbered, slug, unique
from app.domain.records import Contact, ContactRole, Round
from app.drafts.addresses import is_personal
from app.ui.forms.checks import Checker, email_problem
from app.ui.forms.contact import PERSONAL_ADDRESS
from app.ui.forms.field import Field
from app.ui.forms.invitation import Person, people_in
from app.ui.forms.round import DEFAULT_KIND, ROUND_KINDS
from app.ui.forms.when_field import WhenField, moment_text
from app.ui.keys_in_order import TextInput
from app.when import SPAN_EXAMPLES, WhenError, parse_span

# Rows shown before any is asked for: most rounds have one to three interviewers.
FIRST_ROWS = 3
SHORTEST, LONGEST = 5, 600
MINUTES_MESSAGE = f"a whole number of minutes from {SHORTEST} to {LONGEST}"
_EXAMPLE = ("Jane Doe", "Team Lead", "jane@acme.example")


class InvitationInput(TextInput):
    """An input that keeps every line of a paste (an Input keeps the first only): the lines
    are shown joined, and ``text`` gives them back as pasted until the value is edited."""

    JOIN = " ⏎ "

    def __init__(self, *, placeholder: str, id: str, tooltip: str) -> None:
        super().__init__(placeholder=placeholder, id=id, tooltip=tooltip, compact=True)
        self._pasted = ""

    @property
    def text(self) -> str:
        if self._pasted and self.value == self._joined(self._pasted):
            return self._pasted
        return self.value

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        # The Input's own handler would insert the first line only.
        event.prevent_default()
        if not event.text.strip():
            return
        self._pasted = event.text
        self.value = self._joined(event.text)
        self.cursor_position = len(self.value)

    def _joined(self, text: str) -> str:
        return self.JOIN.join(line.strip() for line in text.splitlines() if line.strip())


class PersonRow(Field):
    """One interviewer: name, title and address side by side in one field, whose message line
    (the width of the form, where an address's problem fits) says what is wrong with the row;
    the inputs in question are marked. The inputs sit in the field's own row, with no note
    beside them: a form opens in time proportional to its widgets, and there are three rows."""

    def __init__(self, number: int) -> None:
        key = f"person{number}"
        # Examples in the first row only: in every row they would read as people already there.
        name, title, email = _EXAMPLE if number == 1 else ("", "", "")
        self.name_input = TextInput(placeholder=name, id=f"{key}-name", compact=True)
        self.title_input = TextInput(placeholder=title, id=f"{key}-title", compact=True)
        self.email = TextInput(placeholder=email, id=f"{key}-email", compact=True)
        # The name stands for the row where a field has one control (the focus on a problem).
        super().__init__(f"Interviewer {number}", self.name_input, key=key)
        self.add_class("person-row")
        self.number = number
        self.wrong: tuple[Input, ...] = ()

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield self.label
            yield self.name_input
            yield self.title_input
            yield self.email
        if self.message.content:
            yield self.message

    @property
    def values(self) -> tuple[str, str, str]:
        return (
            " ".join(self.name_input.value.split()),
            " ".join(self.title_input.value.split()),
            self.email.value.strip(),
        )

    def fill(self, name: str, title: str, email: str) -> None:
        self.name_input.value, self.title_input.value, self.email.value = name, title, email

    def read(self, check: Checker) -> tuple[str, str, str] | None:
        """The row's name, title and address; None when it is empty or has a problem."""
        name, title, email = self.values
        wrong: list[Input] = []
        problems: list[str] = []
        if not (name or title or email):
            self.wrong = ()
            return None
        if not name:
            problems.append("a name, or clear the row")
            wrong.append(self.name_input)
        if problem := email_problem(email):
            problems.append(f"email: {problem}")
            wrong.append(self.email)
        elif email and is_personal(email):
            check.warn(self.key, f"email: {PERSONAL_ADDRESS}")
        if problems:
            # One line for the row, every problem in it, in the order of the inputs.
            check.fail(self.key, "; ".join(problems))
        self.wrong = tuple(wrong)
        return None if wrong else (name, title, email)

    @property
    def first_wrong(self) -> Input:
        return self.wrong[0] if self.wrong else self.name_input

    def show(self, error: str | None, warning: str | None = None) -> None:
        super().show(error, warning)
        for box in (self.name_input, self.title_input, self.email):
            box.set_class(error is not None and box in self.wrong, "-invalid")


class FirstRound(Vertical):
    """The fields of the first round and its interviewers, read into the round (if a start was
    given) and the contacts; ``zone`` is the zone the times are read in; ``me`` the user's own
    name and address, never taken from a pasted guest list for an interviewer."""

    def __init__(self, *, now: datetime, zone: str, me: frozenset[str] = frozenset()) -> None:
        super().__init__(classes="first-round")
        self.now = now
        self._zone = zone
        self._me = frozenset(part.casefold() for part in me if part)
        # What the last paste put in the rows, so that a paste read again replaces it.
        self._filled: list[tuple[PersonRow, tuple[str, str, str]]] = []
        self.paste = InvitationInput(
            placeholder="paste e.g. Tue 8 Dec 14:00–15:00, or the invitation",
            id="invitation",
            tooltip=(
                "Paste a calendar line or the text of an invitation: it fills the start, the "
                f"length and the interviewers below. Reads: {SPAN_EXAMPLES}; a zone after the "
                "times (GMT+1, a city) is read too"
            ),
        )
        self.paste_field = Field("From calendar", self.paste, key="invitation")
        self.starts = WhenField(
            "Starts",
            key="starts",
            now=now,
            zone=zone,
            placeholder="e.g. tue 8 dec 14:00; empty for no round yet",
        )
        self.minutes = TextInput(
            "60",
            placeholder="e.g. 60",
            restrict=r"[0-9]*",
            max_length=3,
            id="minutes",
            compact=True,
        )
        self.kind: Select[str] = Select(
            [(kind.capitalize(), kind) for kind in (DEFAULT_KIND, *ROUND_KINDS)],
            value=DEFAULT_KIND,
            allow_blank=False,
            id="kind",
            compact=True,
        )
        self.rows = [PersonRow(number) for number in range(1, FIRST_ROWS + 1)]

    def compose(self) -> ComposeResult:
        yield Static("First round (optional)", classes="dialog-section", markup=False)
        yield self.paste_field
        yield self.starts
        yield Field("Minutes", self.minutes, key="minutes")
        yield Field("Kind", self.kind, key="kind")
        with Horizontal(classes="people-heading"):
            yield Static("Interviewers", classes="dialog-section", markup=False)
            more = Button("Add another", id="add-person", compact=True)
            # Out of the tab order: tab from Kind goes to the first name, so a name typed
            # there is not lost to a button (and its space does not add a row); ctrl+n and a
            # click still add one.
            more.can_focus = False
            yield more
        with Horizontal(classes="people-columns"):
            yield Label("", classes="people-gutter")
            for heading in ("Name", "Title", "Email"):
                yield Label(heading, classes="people-column", markup=False)
        yield from self.rows

    @property
    def zone(self) -> str:
        return self._zone

    @zone.setter
    def zone(self, name: str) -> None:
        self._zone = name
        self.starts.zone = name

    async def add_row(self) -> PersonRow:
        row = PersonRow(len(self.rows) + 1)
        self.rows.append(row)
        await self.mount(row)
        return row

    @on(Input.Changed, "#invitation")
    async def _pasted(self) -> None:
        text = self.paste.text
        if not text.strip():
            self.paste_field.show_note("")
            return
        try:
            span = parse_span(text, self.now, self._zone)
        except WhenError:
            self.paste_field.show_note("no meeting in it yet", doubtful=True)
            return
        self.starts.input.value = moment_text(span.starts, self._zone)
        if span.minutes is not None:
            self.minutes.value = str(span.minutes)
        guests = tuple(
            person
            for person in people_in(text)
            if not {person.name.casefold(), person.email.casefold()} & self._me
        )
        people = await self._fill_people(guests)
        length = f", {span.minutes} min" if span.minutes is not None else ""
        who = f", {people} {'person' if people == 1 else 'people'}" if people else ""
        self.paste_field.show_note(f"→ start{length}{who}")

    async def _fill_people(self, people: tuple[Person, ...]) -> int:
        """Puts ``people`` in the empty rows (adding rows when they run out), after taking out
        what an earlier paste put in and nobody has changed since."""
        for row, filled in self._filled:
            if row.values == filled:
                row.fill("", "", "")
        self._filled = []
        known = {value.lower() for row in self.rows for value in row.values if value}
        for person in people:
            if person.name.lower() in known or person.email.lower() in known:
                continue
            row = next((r for r in self.rows if not any(r.values)), None) or await self.add_row()
            row.fill(person.name, "", person.email)
            self._filled.append((row, row.values))
        return len(self._filled)

    def read(self, check: Checker) -> tuple[Round | None, tuple[Contact, ...]]:
        """The round (None without a start) with the interviewers on it, and those
        interviewers as contacts; ids are made of the names, each once."""
        text = self.paste.text
        starts = self.starts.check(check)
        if text.strip():
            try:
                parse_span(text, self.now, self._zone)
            except WhenError as error:
                problem = str(error).split("; try: ")[0]
                # The only start given must not be dropped without a word; beside a start
                # typed by hand, it is only a help that did not work.
                if starts is None:
                    check.fail("invitation", problem)
                else:
                    check.warn("invitation", problem)
        minutes = _minutes(self.minutes.value, check)
        contacts: list[Contact] = []
        used: set[str] = set()
        for row in self.rows:
            read = row.read(check)
            if read is None:
                continue
            name, title, email = read
            ident = unique(slug(name, fallback="contact"), used)
            used.add(ident)
            contacts.append(Contact(ident, name, title, email, role=ContactRole.INTERVIEWER))
        kind = self.kind.value if isinstance(self.kind.value, str) else DEFAULT_KIND
        if starts is None or minutes is None:
            return None, tuple(contacts)
        round_ = Round(
            id=numbered("r", ()),
            starts=starts,
            minutes=minutes,
            kind=kind,
            interviewers=tuple(contact.id for contact in contacts),
        )
        return round_, tuple(contacts)


def _minutes(text: str, check: Checker) -> int | None:
    try:
        minutes = int(text.strip())
    except ValueError:
        check.fail("minutes", MINUTES_MESSAGE)
        return None
    if not SHORTEST <= minutes <= LONGEST:
        check.fail("minutes", MINUTES_MESSAGE)
        return None
    return minutes

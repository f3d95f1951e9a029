"""Which part of an interview to edit: its details, a round, a contact, the preferences, the
notes, an open question or a promise (new or existing); or which round, contact, question or
promise to remove, or the whole interview (delete on its details)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from types import MappingProxyType
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from app.domain import removal
from app.domain.copies import replace
from app.domain.interchange import zone
from app.domain.records import Interview, OpenQuestion
from app.ui.forms.base import Dialog
from app.ui.forms.choices import contact_label

# Enough of a question to tell it from the others, short enough for one line of the menu.
QUESTION_CHARS = 50


class PartKind(StrEnum):
    INTERVIEW = "interview"
    ROUND = "round"
    CONTACT = "contact"
    PREFERENCES = "preferences"
    NOTES = "notes"
    QUESTION = "question"
    PROMISE = "promise"


@dataclass(frozen=True, slots=True)
class EditPart:
    """What the user chose to edit. ``ident`` is the id of an existing round, contact or
    promise, the place (``"0"``, ``"1"`` …) of an open question, which has no id, and None for
    "add a new one"; the interview, its preferences and its notes are one each, so theirs is
    always None."""

    kind: PartKind
    ident: str | None = None
    remove: bool = False
    """Remove it rather than edit it."""


@dataclass(frozen=True, slots=True)
class MenuEntry:
    # Labels that hold what the user typed are Text, so that they are shown as typed.
    label: str | Text
    part: EditPart


def menu_entries(interview: Interview) -> list[MenuEntry | None]:
    """The entries, in the order they are shown; None draws a line between groups."""
    try:
        tz: tzinfo = zone(interview.timezone)
    except (KeyError, OSError):
        tz = UTC
    entries: list[MenuEntry | None] = [
        MenuEntry("Interview details", EditPart(PartKind.INTERVIEW)),
        None,
        MenuEntry("Add a round", EditPart(PartKind.ROUND)),
    ]
    for round_ in interview.rounds:
        label = Text(f"Round {round_.id} · {_when(round_.starts, tz)}")
        entries.append(MenuEntry(label, EditPart(PartKind.ROUND, round_.id)))
    entries += [None, MenuEntry("Add a contact", EditPart(PartKind.CONTACT))]
    for contact in interview.contacts:
        label = Text(f"Contact {contact_label(contact)}")
        entries.append(MenuEntry(label, EditPart(PartKind.CONTACT, contact.id)))
    entries += [
        None,
        MenuEntry("Preferences", EditPart(PartKind.PREFERENCES)),
        MenuEntry("Notes", EditPart(PartKind.NOTES)),
        None,
        MenuEntry("Add an open question", EditPart(PartKind.QUESTION)),
    ]
    for index, question in enumerate(interview.notes.open_questions):
        wording = question.question or f"(no wording) → {question.answer}"
        label = Text(f"Question: {_first(wording, QUESTION_CHARS)}")
        entries.append(MenuEntry(label, EditPart(PartKind.QUESTION, str(index))))
    entries += [None, MenuEntry("Add a promise", EditPart(PartKind.PROMISE))]
    for promise in interview.promises:
        done = " (done)" if promise.done_at else ""
        label = Text(f"Promise {promise.what} · due {_when(promise.due, tz)}{done}")
        entries.append(MenuEntry(label, EditPart(PartKind.PROMISE, promise.id)))
    return entries


def part_named(interview: Interview, part: EditPart) -> str | None:
    """What ``part`` is, as a question about removing it names it; None if it is not there."""
    try:
        tz: tzinfo = zone(interview.timezone)
    except (KeyError, OSError):
        tz = UTC
    if part.kind is PartKind.ROUND:
        found = interview.round(part.ident)
        return None if found is None else f"the round on {_when(found.starts, tz)}"
    if part.kind is PartKind.CONTACT:
        contact = interview.contact(part.ident)
        return None if contact is None else contact_label(contact)
    if part.kind is PartKind.PROMISE:
        promise = interview.promise(part.ident)
        return None if promise is None else f"the promise “{_first(promise.what, 40)}”"
    if part.kind is PartKind.QUESTION:
        question = _question(interview, part)
        if question is None:
            return None
        return f"the question “{_first(question.question or question.answer, 40)}”"
    return None


def without_part(interview: Interview, part: EditPart) -> Interview | None:
    """``interview`` without ``part`` (a round, contact, question or promise); None if it
    has no such part."""
    if part_named(interview, part) is None or part.ident is None:
        return None
    if part.kind is PartKind.ROUND:
        return removal.without_round(interview, part.ident)
    if part.kind is PartKind.CONTACT:
        return removal.without_contact(interview, part.ident)
    if part.kind is PartKind.PROMISE:
        return removal.without_promise(interview, part.ident)
    questions = list(interview.notes.open_questions)
    del questions[int(part.ident)]
    return replace(interview, notes=replace(interview.notes, open_questions=tuple(questions)))


def _question(interview: Interview, part: EditPart) -> OpenQuestion | None:
    known = interview.notes.open_questions
    at = int(part.ident) if part.ident is not None and part.ident.isdigit() else None
    return known[at] if at is not None and at < len(known) else None


def _first(text: str, count: int) -> str:
    """The start of ``text`` on one line, marked when it goes on."""
    line = " ".join(text.split())
    return line if len(line) <= count else line[:count].rstrip() + "…"


def _when(moment: datetime, tz: tzinfo) -> str:
    import pendulum

    return pendulum.instance(moment.astimezone(tz)).format("ddd D MMM HH:mm", locale="en")


def _option_id(position: int) -> str:
    # A place in the menu, never a record's id: OptionList refuses two options with one id, and
    # an imported record may be called anything, "new" and "a:b" included.
    return f"part-{position}"


# The parts there can be several of, one of which can be removed, and the interview itself.
REMOVABLE = frozenset(
    {PartKind.INTERVIEW, PartKind.ROUND, PartKind.CONTACT, PartKind.QUESTION, PartKind.PROMISE}
)


class EditMenu(Dialog[EditPart | None]):
    """Returns the chosen part (to remove, with delete), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Backspace too: the key a Mac labels "delete" sends it.
        Binding(
            "delete,backspace",
            "remove",
            "Remove",
            tooltip=(
                "Remove the highlighted round, contact, question or promise; "
                "on Interview details, delete the interview"
            ),
            id="edit-remove",
        ),
    ]

    def __init__(self, interview: Interview) -> None:
        super().__init__(f"Edit {interview.company}")
        self.interview = interview
        self._entries = menu_entries(interview)
        self._parts = {
            _option_id(n): entry.part for n, entry in enumerate(self._entries) if entry is not None
        }

    @property
    def parts(self) -> Mapping[str, EditPart]:
        """The part behind each option id."""
        return MappingProxyType(self._parts)

    def compose_dialog(self) -> ComposeResult:
        options = [
            None if entry is None else Option(entry.label, id=_option_id(n))
            for n, entry in enumerate(self._entries)
        ]
        yield OptionList(*options, id="edit-menu", compact=True)

    @on(OptionList.OptionSelected, "#edit-menu")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.close(self._parts[event.option_id])

    def action_remove(self) -> None:
        options = self.query_one("#edit-menu", OptionList)
        highlighted = options.highlighted
        option = options.get_option_at_index(highlighted) if highlighted is not None else None
        part = self._parts.get(option.id or "") if option is not None else None
        whole = part is not None and part.kind is PartKind.INTERVIEW
        if part is None or (part.ident is None and not whole) or part.kind not in REMOVABLE:
            self.notify(
                "Only a round, contact, question or promise can be removed, or the interview "
                "(on Interview details): highlight one.",
                severity="warning",
            )
            return
        self.close(EditPart(part.kind, part.ident, remove=True))

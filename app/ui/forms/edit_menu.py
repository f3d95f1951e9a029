"""Which part of an interview to edit: its details, a round, a contact, the preferences, the
notes or a promise (new or existing)."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from app.domain.interchange import zone
from app.domain.records import Interview
from app.ui.forms.base import Dialog
from app.ui.forms.choices import contact_label


def menu_entries(interview: Interview) -> list[Option | None]:
    """The options, in the order they are shown; None draws a line between groups. Labels
    that hold what the user typed are Text, so that they are shown as typed."""
    try:
        tz: tzinfo = zone(interview.timezone)
    except (KeyError, OSError):
        tz = UTC
    entries: list[Option | None] = [Option("Interview details", id="interview"), None]
    entries.append(Option("Add a round", id="round:new"))
    for round_ in interview.rounds:
        entries.append(
            Option(Text(f"Round {round_.id} · {_when(round_.starts, tz)}"), id=f"round:{round_.id}")
        )
    entries.append(None)
    entries.append(Option("Add a contact", id="contact:new"))
    for contact in interview.contacts:
        entries.append(
            Option(Text(f"Contact {contact_label(contact)}"), id=f"contact:{contact.id}")
        )
    entries += [None, Option("Preferences", id="preferences"), Option("Notes", id="notes"), None]
    entries.append(Option("Add a promise", id="promise:new"))
    for promise in interview.promises:
        done = " (done)" if promise.done_at else ""
        label = f"Promise {promise.what} · due {_when(promise.due, tz)}{done}"
        entries.append(Option(Text(label), id=f"promise:{promise.id}"))
    return entries


def _when(moment: datetime, tz: tzinfo) -> str:
    import pendulum

    return pendulum.instance(moment.astimezone(tz)).format("ddd D MMM HH:mm", locale="en")


class EditMenu(Dialog[str | None]):
    """Returns ``interview``, ``round:new``, ``round:<id>``, ``contact:new``, ``contact:<id>``,
    ``preferences``, ``notes``, ``promise:new`` or ``promise:<id>``."""

    def __init__(self, interview: Interview) -> None:
        super().__init__(f"Edit {interview.company}")
        self.interview = interview

    def compose_dialog(self) -> ComposeResult:
        yield OptionList(*menu_entries(self.interview), id="edit-menu", compact=True)

    @on(OptionList.OptionSelected, "#edit-menu")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.close(event.option_id)

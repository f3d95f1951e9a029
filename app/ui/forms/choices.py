"""The words a person reads for the values of the records' enums."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from rich.text import Text

from app.domain.records import Contact

E = TypeVar("E", bound=StrEnum)


def spoken(value: StrEnum) -> str:
    """``next_round`` reads ``Next round``; ``hr`` reads ``HR``."""
    said = value.value.replace("_", " ").capitalize()
    return " ".join(_ACRONYMS.get(word.casefold(), word) for word in said.split(" "))


# Values that are initials, said as such.
_ACRONYMS = {"hr": "HR"}


def options(kind: type[E]) -> list[tuple[str, E]]:
    """Every value of ``kind``, in the order it is declared (the board's order, for stages)."""
    return [(spoken(value), value) for value in kind]


def contact_label(contact: Contact) -> str:
    name = contact.name or contact.id
    return f"{name} · {contact.title}" if contact.title else name


def contact_options(contacts: tuple[Contact, ...]) -> list[tuple[Text, str]]:
    # Text, not str: a name is shown as typed, never read as markup.
    return [(Text(contact_label(contact)), contact.id) for contact in contacts]

"""Dates and people said the way reasons say them, whatever the machine's locale."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from app.domain.records import Contact

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TRAILING = ",;:!?"
_POSSESSIVE = re.compile(r"['’]s$")
# A promise is noted in the user's own words; a reason speaks to the user.
_TO_YOU = {"me": "you", "my": "your", "mine": "yours", "myself": "yourself"}
_FIRST_PERSON = re.compile(r"\b(?:me|my|mine|myself)\b")


def day(value: date) -> str:
    """``Fri 27 Nov``."""
    return f"{_DAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]}"


def moment(value: datetime) -> str:
    """``Fri 20 Nov at 14:00``, in the zone ``value`` carries."""
    return f"{day(value.date())} at {value:%H:%M}"


def person(contact: Contact | None, company: str) -> str:
    if contact is None:
        return company
    return contact.name.strip() or contact.title.strip() or company


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def deed(what: str, names: Iterable[str] = ()) -> str:
    """A promise as it reads after "would": "Send the take-home." becomes "send the take-home".

    A verb leads a promise and loses its capital; an acronym ("CV"), "I", or a word of one of
    ``names`` (people, the company) keeps it.
    """
    text = " ".join(what.split()).rstrip(".")
    first, _, rest = text.partition(" ")
    word = first.rstrip(_TRAILING)
    kept = {part for name in names for part in name.split()}
    if len(word) > 1 and word[1:].islower() and _POSSESSIVE.sub("", word) not in kept:
        text = first[0].lower() + first[1:] + (f" {rest}" if rest else "")
    return text


def to_you(text: str) -> str:
    """The user's note told back to them: "send me the take-home" -> "send you the take-home"."""
    return _FIRST_PERSON.sub(lambda m: _TO_YOU[m.group(0)], text)

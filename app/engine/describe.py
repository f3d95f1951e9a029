"""Dates and people said the way reasons say them, whatever the machine's locale."""

from __future__ import annotations

from datetime import date, datetime

from app.domain.records import Contact

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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

"""What a form found wrong with its fields, and the checks that are not about dates.

A form reads its fields into a ``Checker``: each problem is filed under the key of the field it
belongs to, so the form can show it on the line under that field.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from app.domain.interchange import MAX_MINUTES
from app.domain.profile import zone_problem as unknown_zone
from app.domain.records import Channel
from app.domain.text import control_problem, email_problem

__all__ = [
    "CHANNEL_NAMES",
    "Checker",
    "email_problem",
    "lines",
    "minutes_problem",
    "read_channels",
    "web_address",
    "zone_problem",
]
CHANNEL_NAMES = ", ".join(channel.value for channel in Channel)


class Checker:
    """Errors stop the form from saving; warnings are advice shown in the same place."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}
        self.warnings: dict[str, str] = {}

    @property
    def ok(self) -> bool:
        return not self.errors

    def fail(self, key: str, message: str) -> None:
        # The first problem of a field is the one to fix first.
        self.errors.setdefault(key, message)

    def warn(self, key: str, message: str) -> None:
        self.warnings.setdefault(key, message)

    def plain(self, key: str, text: str) -> None:
        """Text is stored as typed or pasted, and a control character in it would reach the
        terminal and every draft: it stops the form."""
        problem = control_problem(text)
        if problem:
            self.fail(key, problem)

    def required(self, key: str, text: str) -> str:
        cleaned = text.strip()
        if not cleaned:
            self.fail(key, "required")
        return cleaned


def web_address(text: str) -> tuple[str, str | None]:
    """The address with ``https://`` added when it was left out, and what is wrong with it."""
    if not text:
        return "", None
    address = text if re.match(r"[a-z][a-z0-9+.-]*://", text, re.IGNORECASE) else f"https://{text}"
    parts = urlsplit(address)
    host = parts.hostname or ""
    if parts.scheme.lower() not in ("http", "https") or "." not in host or re.search(r"\s", text):
        return address, "not a web address (like https://www.linkedin.com/in/janedoe)"
    return address, None


def minutes_problem(text: str) -> tuple[int, str | None]:
    """The length of a round in minutes: a whole number from 1 to a week's worth."""
    message = f"a whole number of minutes from 1 to {MAX_MINUTES}"
    try:
        minutes = int(text.strip())
    except ValueError:
        return 0, message
    if not 1 <= minutes <= MAX_MINUTES:
        return minutes, message
    return minutes, None


def zone_problem(text: str) -> str | None:
    """An interview's zone: required, and one the zone database knows."""
    if not text:
        return "required (like Europe/London)"
    return unknown_zone(text)


def read_channels(text: str) -> tuple[tuple[Channel, ...], str | None]:
    """Channel names separated by commas, in order of preference, each once."""
    found: list[Channel] = []
    for word in (part.strip().lower() for part in re.split(r"[,\s]+", text)):
        if not word:
            continue
        try:
            channel = Channel(word)
        except ValueError:
            return (), f"unknown channel {word!r}; choose from {CHANNEL_NAMES}"
        if channel not in found:
            found.append(channel)
    return tuple(found), None


def lines(text: str) -> tuple[str, ...]:
    """One item per line, blank lines dropped."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())

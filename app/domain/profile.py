"""Checking and changing my profile: the one place that says what a usable email address and
time zone are, for the command line and the dashboard's forms alike."""

from __future__ import annotations

from app.domain.copies import replace
from app.domain.interchange import is_zone
from app.domain.records import Profile
from app.domain.text import control_problem, email_problem

# The fields a person sets, in the order they are shown.
FIELDS = ("name", "email", "phone", "timezone", "signature")
LABELS = {
    "name": "name",
    "email": "email",
    "phone": "phone",
    "timezone": "time zone",
    "signature": "signature",
}


def zone_problem(text: str) -> str | None:
    """What is wrong with a time zone's name, or None; an empty one is no problem."""
    if not text:
        return None
    try:
        known = is_zone(text)
    except OSError:
        # A folder of the zone database ("Asia", typed on the way to "Asia/Tokyo") is no zone,
        # but reading it raises rather than saying so.
        known = False
    if not known:
        return f"unknown time zone {text!r}; use a name like Europe/London or America/New_York"
    return None


class ProfileError(ValueError):
    """A field that cannot be set: ``field`` names it, the text says why."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field = field


def changed_profile(profile: Profile, **changes: str) -> Profile:
    """``profile`` with ``changes`` (field name to text; "" clears it), checked first: raises
    ``ProfileError`` on the first field that is wrong, and then nothing is changed."""
    cleaned: dict[str, str | None] = {}
    for name, value in changes.items():
        if name not in FIELDS:
            raise ProfileError(name, "not a field of the profile")
        text = value.strip() if name != "signature" else _signature(value)
        problem = control_problem(text)
        if problem:
            raise ProfileError(name, problem)
        # A signature keeps its lines; every other field is one line of a draft's header.
        if name != "signature" and "\n" in text:
            raise ProfileError(name, "holds a control character or a line break")
        problem = email_problem(text) if name == "email" else None
        if name == "timezone":
            problem = zone_problem(text)
        if problem:
            raise ProfileError(name, problem)
        cleaned[name] = (text or None) if name == "timezone" else text
    return replace(profile, **cleaned)


def _signature(text: str) -> str:
    """Lines as typed, less the blank lines around them and the spaces at their ends."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")

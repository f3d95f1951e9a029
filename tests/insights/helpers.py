"""Interviews written the way the interchange format writes them, so that each test states only
the facts it is about. Times without an offset are London time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pendulum

from app.domain.interchange import read_interview
from app.domain.records import Interview

ZONE = "Europe/London"


def interview(ident: str = "acme", **fields: Any) -> Interview:
    """``ident`` at a company of the same name, waiting, with no rounds unless given."""
    raw: dict[str, Any] = {
        "id": ident,
        "company": ident.capitalize(),
        "role": "Product Manager",
        "stage": "waiting",
        "timezone": ZONE,
        "contacts": [{"id": "sam", "name": "Sam Lee", "role": "recruiter"}],
    }
    raw.update(fields)
    return read_interview(raw, ZONE)


def round_(ident: str, starts: str, minutes: int = 60) -> dict[str, Any]:
    return {"id": ident, "starts": starts, "minutes": minutes, "kind": "video"}


def sent(at: str, action: str, **fields: Any) -> dict[str, Any]:
    return {"at": at, "kind": "sent", "action": action, **fields}


def reply(at: str) -> dict[str, Any]:
    return {"at": at, "kind": "reply", "contact": "sam"}


def stage(at: str, before: str, after: str) -> dict[str, Any]:
    return {"at": at, "kind": "stage", "from": before, "to": after}


def at(text: str, zone: str = ZONE) -> datetime:
    moment = pendulum.parse(text, tz=zone)
    assert isinstance(moment, pendulum.DateTime)
    return moment

"""Small builders so that each engine test states only the facts it is about."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pendulum

from app.domain.interchange import read_interview
from app.domain.policy import Policy
from app.domain.records import Interview
from app.engine import Action, compute_actions

ZONE = "Europe/London"


def interview(**fields: Any) -> Interview:
    """An interview at Acme with one onsite round on Fri 20 Nov 2026 14:00-15:00 with Jane."""
    raw: dict[str, Any] = {
        "id": "acme",
        "company": "Acme Ltd",
        "role": "Product Manager",
        "stage": "interviewed",
        "timezone": ZONE,
        "rounds": [
            {
                "id": "r1",
                "starts": "2026-11-20T14:00:00",
                "minutes": 60,
                "kind": "onsite",
                "interviewers": ["jane"],
            }
        ],
        "contacts": [
            {
                "id": "jane",
                "name": "Jane Doe",
                "title": "Head of Product",
                "email": "jane@acme.example",
                "role": "interviewer",
            },
        ],
    }
    raw.update(fields)
    return read_interview(raw, ZONE)


def recruiter(**fields: Any) -> dict[str, Any]:
    contact = {
        "id": "sam",
        "name": "Sam Lee",
        "title": "Talent Partner",
        "email": "sam@acme.example",
        "role": "recruiter",
    }
    contact.update(fields)
    return contact


def jane() -> dict[str, Any]:
    return {
        "id": "jane",
        "name": "Jane Doe",
        "title": "Head of Product",
        "email": "jane@acme.example",
        "role": "interviewer",
    }


def sent(at: str, action: str, **fields: Any) -> dict[str, Any]:
    return {"at": at, "kind": "sent", "action": action, **fields}


def when(text: str) -> pendulum.DateTime:
    moment = pendulum.parse(text, tz=ZONE)
    assert isinstance(moment, pendulum.DateTime)
    return moment


def actions(items: Interview | list[Interview], now: str, **policy: Any) -> list[Action]:
    interviews = items if isinstance(items, list) else [items]
    return compute_actions(interviews, Policy.from_overrides(policy), when(now))


def of_kind(found: list[Action], kind: str) -> list[Action]:
    return [a for a in found if a.kind.value == kind]


def only(found: list[Action], kind: str) -> Action:
    matching = of_kind(found, kind)
    assert len(matching) == 1, f"{len(matching)} {kind} actions in {[a.id for a in found]}"
    return matching[0]


def at(moment: datetime) -> str:
    """A time as tests write it: local wall clock in London."""
    return moment.astimezone(ZoneInfo(ZONE)).strftime("%Y-%m-%d %H:%M")

"""The data the draft tests share: the demo, with every contacting kind of action in it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pendulum
from pendulum import DateTime

from app.demo import demo_pipeline
from app.domain.copies import replace
from app.domain.interchange import Pipeline, read_pipeline
from app.domain.records import ActionKind, Channel, Event, EventKind
from app.drafts import Draft, compose
from app.engine import Action, compute_actions
from app.engine.action import CONTACTING

ZONE = "Europe/London"
# A Friday afternoon: thank-yous, promises, an offer and a nurture are all in the demo.
WHEN = "2026-11-20T16:00:00+00:00"


def demo_now() -> DateTime:
    return pendulum.parse(WHEN)  # type: ignore[return-value]


def demo() -> Pipeline:
    """The demo, plus a check-in sent to Harbor Lane today, so that a value-add follows it."""
    now = datetime.fromisoformat(WHEN)
    pipeline = demo_pipeline(now, ZONE)
    checked_in = Event(
        at=now,
        kind=EventKind.SENT,
        action=ActionKind.CHECK_IN,
        contact="sofia",
        channel=Channel.EMAIL,
    )
    interviews = tuple(
        replace(i, events=(*i.events, checked_in)) if i.id == "harbor-analytics" else i
        for i in pipeline.interviews
    )
    return replace(pipeline, interviews=interviews)


def demo_actions() -> dict[ActionKind, list[Action]]:
    found: dict[ActionKind, list[Action]] = {}
    pipeline = demo()
    for action in compute_actions(pipeline.interviews, pipeline.policy, demo_now()):
        found.setdefault(action.kind, []).append(action)
    missing = CONTACTING - set(found)
    assert not missing, f"the demo has no {sorted(missing)} action"
    return found


def acme(others: tuple[dict[str, Any], ...] = (), **fields: Any) -> Pipeline:
    """A small search: one onsite at Acme on Fri 20 Nov 2026, 14:00-15:00 London, with Jane;
    Sam is the recruiter. ``others`` are more interviews, as the interchange format has them."""
    interview: dict[str, Any] = {
        "id": "acme",
        "company": "Acme Ltd",
        "role": "Product Manager",
        "stage": "interviewed",
        "timezone": ZONE,
        "rounds": [
            {
                "id": "r1",
                "starts": "2026-11-20T14:00:00",
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
                "notes": ["her plan to merge the two onboarding flows"],
            },
            {
                "id": "sam",
                "name": "Sam Lee",
                "title": "Talent Partner",
                "email": "sam@acme.example",
                "role": "recruiter",
            },
        ],
        "notes": {"recap": ["Scaled the onboarding funnel"]},
    }
    profile = fields.pop("profile", {"name": "Alex Morgan", "email": "alex@morgan.example"})
    interview.update(fields)
    raw = {"format": "followup/1", "profile": profile, "interviews": [interview, *others]}
    return read_pipeline(raw, ZONE)


def action_of(pipeline: Pipeline, now: str, action_id: str) -> Action:
    moment = pendulum.parse(now)
    for action in compute_actions(pipeline.interviews, pipeline.policy, moment):  # type: ignore[arg-type]
        if action.id == action_id:
            return action
    raise AssertionError(f"no action {action_id} at {now}")


def draft_at(pipeline: Any, at: str, action_id: str, channel: Channel | None = None) -> Draft:
    """The draft of ``action_id`` as it is made at ``at`` (on ``channel``, if given)."""
    action: Action = action_of(pipeline, at, action_id)
    return compose(action, pipeline, pendulum.parse(at), channel=channel)  # type: ignore[arg-type]


def the_only(pipeline: Any, at: str, kind: ActionKind) -> Action:
    """The one open action of ``kind`` at ``at``."""
    now = pendulum.parse(at)
    (found,) = [
        a
        for a in compute_actions(pipeline.interviews, pipeline.policy, now)  # type: ignore[arg-type]
        if a.kind is kind
    ]
    return found

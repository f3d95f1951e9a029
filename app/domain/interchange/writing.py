"""Writing records as an interchange file, canonically: times in the interview's zone and a
fixed key order, so that ``export`` then ``import`` then ``export`` prints the same bytes."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Any

from app.domain.interchange.schema import FORMAT, Pipeline
from app.domain.interchange.zones import zone
from app.domain.records import Event, Interview, Profile


def write_pipeline(pipeline: Pipeline) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "profile": write_profile(pipeline.profile),
        "policy": dict(pipeline.policy_overrides),
        "interviews": [write_interview(i) for i in pipeline.interviews],
    }


def write_profile(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "email": profile.email,
        "phone": profile.phone,
        "timezone": profile.timezone,
        "signature": profile.signature,
    }


def write_interview(interview: Interview) -> dict[str, Any]:
    tz = zone(interview.timezone)

    def at(value: datetime | None) -> str | None:
        return None if value is None else _iso(value, tz)

    prefs = interview.preferences
    notes = interview.notes
    return {
        "id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "stage": interview.stage.value,
        "outcome": interview.outcome.value if interview.outcome else None,
        "timezone": interview.timezone,
        "rounds": [
            {
                "id": r.id,
                "starts": at(r.starts),
                "minutes": r.minutes,
                "kind": r.kind,
                "interviewers": list(r.interviewers),
            }
            for r in interview.rounds
        ],
        "contacts": [
            {
                "id": c.id,
                "name": c.name,
                "title": c.title,
                "email": c.email,
                "phone": c.phone,
                "linkedin": c.linkedin,
                "role": c.role.value,
                "notes": list(c.notes),
            }
            for c in interview.contacts
        ],
        "preferences": {
            "channels": [c.value for c in prefs.channels],
            "no_calls": prefs.no_calls,
            "no_follow_ups": prefs.no_follow_ups,
            "no_contact_before": _day(prefs.no_contact_before),
        },
        "decision_by": _day(interview.decision_by),
        "offer_deadline": _day(interview.offer_deadline),
        "keep_warm": interview.keep_warm,
        "notes": {
            "discussed": notes.discussed,
            "recap": list(notes.recap),
            "challenges": list(notes.challenges),
            "open_questions": [
                {"question": q.question, "answer": q.answer, "asked_by": q.asked_by}
                for q in notes.open_questions
            ],
            "company_news": notes.company_news,
            "impressions": notes.impressions,
        },
        "promises": [
            {
                "id": p.id,
                "what": p.what,
                "to": p.to,
                "by": p.by.value,
                "due": at(p.due),
                "created": at(p.created),
                "done_at": at(p.done_at),
            }
            for p in interview.promises
        ],
        "events": [write_event(e, tz) for e in interview.events],
    }


def write_event(event: Event, tz: tzinfo) -> dict[str, Any]:
    """An event with only the fields it uses, so that history stays readable."""
    out: dict[str, Any] = {"at": _iso(event.at, tz), "kind": event.kind.value}
    optional: list[tuple[str, Any]] = [
        ("action", event.action.value if event.action else None),
        ("id", event.action_id),
        ("round", event.round),
        ("contact", event.contact),
        ("promise", event.promise),
        ("channel", event.channel.value if event.channel else None),
        ("from", event.from_stage.value if event.from_stage else None),
        ("to", event.to_stage.value if event.to_stage else None),
        ("until", None if event.until is None else _iso(event.until, tz)),
        ("summary", event.summary or None),
        ("text", event.text or None),
        ("source", event.source),
    ]
    out.update((key, value) for key, value in optional if value is not None)
    return out


def _iso(value: datetime, tz: tzinfo) -> str:
    return value.astimezone(tz).isoformat()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()

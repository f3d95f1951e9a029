"""Hypothesis strategies for interviews as the engine sees them: any mix of rounds, contacts,
promises, preferences and events, in a few zones, around a fixed stretch of time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from app.domain.interchange import read_interview
from app.domain.records import Interview

ZONES = ["Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC"]
BASE = datetime(2026, 10, 1, tzinfo=UTC)
ACTION_KINDS = [
    "prepare",
    "thank_you",
    "keep_promise",
    "check_in",
    "value_add",
    "move_on",
    "nurture",
    "connect",
    "update_others",
]
STAGES = ["scheduled", "interviewed", "waiting", "next_round", "references", "offer", "closed"]
CHANNELS = ["email", "phone", "linkedin", "letter", "text"]

moments = st.integers(min_value=0, max_value=120 * 24 * 4).map(
    lambda quarter_hours: BASE + timedelta(minutes=15 * quarter_hours)
)
days = st.integers(min_value=0, max_value=120).map(lambda n: (BASE + timedelta(days=n)).date())


def iso(moment: datetime) -> str:
    return moment.isoformat()


@st.composite
def interviews(draw: st.DrawFn, ident: str = "i") -> Interview:
    contact_ids = draw(st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True, max_size=4))
    contacts = [
        {
            "id": c,
            "name": f"Person {c.upper()}",
            "role": draw(st.sampled_from(["interviewer", "recruiter", "hr", "other"])),
        }
        for c in contact_ids
    ]
    rounds = []
    for index in range(draw(st.integers(0, 3))):
        interviewers = (
            draw(st.lists(st.sampled_from(contact_ids), unique=True)) if contact_ids else []
        )
        rounds.append(
            {
                "id": f"r{index}",
                "starts": iso(draw(moments)),
                "minutes": draw(st.sampled_from([30, 45, 60, 240])),
                "interviewers": interviewers,
            }
        )
    refs = {"round": [r["id"] for r in rounds], "contact": contact_ids}
    promises = [
        {
            "id": f"p{index}",
            "what": "something",
            "due": iso(draw(moments)),
            "to": draw(st.sampled_from([None, *contact_ids])),
            "created": draw(st.none() | moments.map(iso)),
            "done_at": draw(st.none() | moments.map(iso)),
            "by": draw(st.sampled_from(["me", "me", "them"])),
        }
        for index in range(draw(st.integers(0, 2)))
    ]
    events = draw(st.lists(event(refs, [p["id"] for p in promises]), max_size=8))
    stage = draw(st.sampled_from(STAGES))
    return read_interview(
        {
            "id": ident,
            "company": f"Company {ident}",
            "role": "Engineer",
            "stage": stage,
            "outcome": "rejected" if stage == "closed" else None,
            "timezone": draw(st.sampled_from(ZONES)),
            "rounds": rounds,
            "contacts": contacts,
            "preferences": {
                "channels": draw(st.lists(st.sampled_from(CHANNELS), unique=True, max_size=3)),
                "no_calls": draw(st.booleans()),
                "no_follow_ups": draw(st.booleans()),
                "no_contact_before": draw(st.none() | days.map(lambda d: d.isoformat())),
            },
            "decision_by": draw(st.none() | days.map(lambda d: d.isoformat())),
            "offer_deadline": draw(st.none() | days.map(lambda d: d.isoformat())),
            "keep_warm": draw(st.booleans()),
            "promises": promises,
            "events": events,
        },
        "UTC",
    )


@st.composite
def event(draw: st.DrawFn, refs: dict[str, list[str]], promises: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(["sent", "sent", "sent", "reply", "stage", "snooze", "skip"]))
    out: dict[str, Any] = {"at": iso(draw(moments)), "kind": kind}
    if kind in ("sent", "snooze", "skip"):
        out["action"] = draw(st.sampled_from(ACTION_KINDS))
        for field in ("round", "contact"):
            if refs[field] and draw(st.booleans()):
                out[field] = draw(st.sampled_from(refs[field]))
        if promises and draw(st.booleans()):
            out["promise"] = draw(st.sampled_from(promises))
        if kind == "sent":
            out["channel"] = draw(st.sampled_from(CHANNELS))
        if kind == "snooze":
            out["until"] = iso(draw(moments))
    elif kind == "reply":
        if refs["contact"] and draw(st.booleans()):
            out["contact"] = draw(st.sampled_from(refs["contact"]))
    else:
        out["to"] = draw(st.sampled_from(STAGES))
    return out


@st.composite
def pipelines(draw: st.DrawFn) -> list[Interview]:
    count = draw(st.integers(1, 4))
    return [draw(interviews(f"i{n}")) for n in range(count)]


policies = st.fixed_dictionaries(
    {},
    optional={
        "max_unanswered": st.integers(1, 4),
        "thank_you_delay_hours": st.sampled_from([0, 2, 24]),
        "thank_you_within_hours": st.sampled_from([12, 24, 48]),
        "default_decision_days": st.integers(0, 14),
        "check_in_grace_business_days": st.integers(0, 3),
        "follow_up_gap_days": st.integers(0, 10),
        "min_gap_business_days": st.integers(0, 3),
        "window_business_days": st.integers(1, 3),
        "nurture_every_days": st.integers(1, 40),
        "suggest_connect": st.booleans(),
        "work_hours": st.sampled_from(["09:00-17:00", "08:30-18:00", "00:00-24:00"]),
        "work_days": st.sampled_from(["mon-fri", ["mon", "wed"], "mon-sun"]),
        "holidays": st.sampled_from([None, "GB", "US"]),
    },
)

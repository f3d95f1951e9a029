"""Hypothesis strategies for whole interchange files (SPEC section 9), as a person or a script
might write them: zones and offsets mixed, bare date-times, any text, and ids that reference
each other correctly."""

from __future__ import annotations

import string
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

ZONES = ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"]
STAGES = ["scheduled", "interviewed", "waiting", "next_round", "references", "offer", "closed"]
OUTCOMES = [None, "accepted", "declined", "rejected", "withdrawn", "moved_on"]
CHANNELS = ["email", "phone", "linkedin", "letter", "text"]
ROLES = ["interviewer", "recruiter", "hr", "other"]
ACTIONS = [
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

# Any text a valid file can carry: no lone surrogates, which no UTF-8 file can hold, and no
# control characters but tab and newline, which import refuses (text is data, never commands).
text = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n"), max_size=20
)
filled = text.filter(lambda s: s.strip() != "")
texts = st.lists(text, max_size=3)
# A name, a title, a company: one line, as a header or a list shows it.
line = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t"), max_size=20)
filled_line = line.filter(lambda s: s.strip() != "")
# One address, or none.
emails = st.one_of(
    st.just(""),
    st.builds(
        "{}@{}.{}".format,
        st.text(string.ascii_letters + string.digits + "._+-", min_size=1, max_size=8),
        st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8),
        st.sampled_from(["example", "co.uk", "dev"]),
    ),
)
idents = st.text(string.ascii_letters + string.digits + "-_.é", min_size=1, max_size=10)

_offsets = st.sampled_from(
    [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-7))]
)
_tzinfos = st.one_of(st.none(), st.sampled_from([ZoneInfo(z) for z in ZONES]), _offsets)


@st.composite
def moments(draw: st.DrawFn) -> str:
    """An ISO 8601 date-time, with or without an offset, around now and across DST changes."""
    naive = draw(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)))
    if draw(st.booleans()):
        naive = naive.replace(second=0, microsecond=0)
    tz = draw(_tzinfos)
    return (naive if tz is None else naive.replace(tzinfo=tz)).isoformat()


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)


# Dates outside the years followup keeps (1900 to 2199), which every reader must refuse: the
# ends of Python's calendar, where the engine's arithmetic would overflow, the years just past
# each edge, and any other.
def _far(value: date) -> bool:
    return not 1900 <= value.year <= 2199


far_days = st.one_of(
    st.sampled_from(["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"]),
    st.dates().filter(_far).map(date.isoformat),
)
_FAR_EDGES = [
    datetime(9999, 12, 31, 23, 59),
    datetime(1, 1, 1, 0, 0),
    datetime(1899, 12, 31, 23, 59, 59),
    datetime(2200, 1, 1, 0, 0),
]


@st.composite
def far_moments(draw: st.DrawFn) -> str:
    """An ISO 8601 date-time outside those years, with or without an offset."""
    naive = draw(st.sampled_from(_FAR_EDGES) | st.datetimes().filter(_far))
    tz = draw(st.one_of(st.none(), _offsets))
    return (naive if tz is None else naive.replace(tzinfo=tz)).isoformat()


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def interview(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    contact_ids = draw(st.lists(idents, unique=True, max_size=4))
    contacts = [
        {
            "id": c,
            "name": draw(line),
            "title": draw(line),
            "email": draw(emails),
            "phone": draw(line),
            "linkedin": draw(line),
            "role": draw(st.sampled_from(ROLES)),
            "notes": draw(texts),
        }
        for c in contact_ids
    ]
    round_ids = draw(st.lists(idents, unique=True, max_size=3))
    rounds = [
        {
            "id": r,
            "starts": draw(moments()),
            "minutes": draw(st.integers(1, 7 * 24 * 60)),
            "kind": draw(line),
            "interviewers": draw(st.lists(st.sampled_from(contact_ids), unique=True))
            if contact_ids
            else [],
        }
        for r in round_ids
    ]
    promise_ids = draw(st.lists(idents, unique=True, max_size=3))
    refer = st.sampled_from(contact_ids) if contact_ids else st.none()
    promises = [
        {
            "id": p,
            "what": draw(filled_line),
            "to": draw(_maybe(refer)),
            "due": draw(moments()),
            "created": draw(_maybe(moments())),
            "done_at": draw(_maybe(moments())),
            "by": draw(st.sampled_from(["me", "them"])),
        }
        for p in promise_ids
    ]
    events = draw(st.lists(event(contact_ids, round_ids, promise_ids), max_size=6))
    body: dict[str, Any] = {
        "id": ident,
        "company": draw(filled_line),
        "role": draw(filled_line),
        "stage": draw(st.sampled_from(STAGES)),
        "outcome": draw(st.sampled_from(OUTCOMES)),
        "rounds": rounds,
        "contacts": contacts,
        "preferences": {
            "channels": draw(st.lists(st.sampled_from(CHANNELS), unique=True)),
            "no_calls": draw(st.booleans()),
            "no_follow_ups": draw(st.booleans()),
            "no_contact_before": draw(_maybe(days)),
        },
        "decision_by": draw(_maybe(days)),
        "offer_deadline": draw(_maybe(days)),
        "keep_warm": draw(st.booleans()),
        "notes": {
            "discussed": draw(text),
            "recap": draw(texts),
            "challenges": draw(texts),
            "open_questions": draw(
                st.lists(
                    st.one_of(
                        text,
                        st.fixed_dictionaries(
                            {"question": text, "answer": text, "asked_by": refer}
                        ),
                    ),
                    max_size=3,
                )
            ),
            "company_news": draw(text),
            "impressions": draw(text),
        },
        "promises": promises,
        "events": events,
    }
    # Everything but id, company and role may be left out.
    zone = draw(_maybe(st.sampled_from(ZONES)))
    if zone is not None:
        body["timezone"] = zone
    for optional in draw(st.sets(st.sampled_from(["notes", "preferences", "events", "outcome"]))):
        del body[optional]
    return body


def event(
    contact_ids: list[str], round_ids: list[str], promise_ids: list[str]
) -> st.SearchStrategy[dict[str, Any]]:
    def of(ids: list[str]) -> st.SearchStrategy[Any]:
        return _maybe(st.sampled_from(ids)) if ids else st.none()

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        kind = draw(st.sampled_from(["sent", "reply", "stage", "snooze", "skip"]))
        body: dict[str, Any] = {"at": draw(moments()), "kind": kind}
        if kind in ("sent", "snooze", "skip"):
            body["action"] = draw(st.sampled_from(ACTIONS))
            body["id"] = draw(_maybe(idents))
            body["round"] = draw(of(round_ids))
            body["contact"] = draw(of(contact_ids))
            body["promise"] = draw(of(promise_ids))
        if kind == "sent":
            body["channel"] = draw(_maybe(st.sampled_from(CHANNELS)))
            body["text"] = draw(text)
        if kind == "reply":
            body["contact"] = draw(of(contact_ids))
            body["summary"] = draw(text)
        if kind == "stage":
            body["from"] = draw(_maybe(st.sampled_from(STAGES)))
            body["to"] = draw(st.sampled_from(STAGES))
        if kind == "snooze":
            body["until"] = draw(moments())
        if kind in ("sent", "reply"):
            # Recorded from a mail message: its Message-ID.
            body["source"] = draw(_maybe(st.builds("<{}@mail.example>".format, idents)))
        return {k: v for k, v in body.items() if v is not None}

    return build()


_POLICIES = st.fixed_dictionaries(
    {},
    optional={
        "thank_you_delay_hours": st.sampled_from([0, 0.5, 24, 1e-05, 8760.0]),
        "max_unanswered": st.integers(1, 5),
        "follow_up_gap_days": st.integers(0, 30),
        "suggest_connect": st.booleans(),
        "work_hours": st.sampled_from(["08:30-16:30", "10:00-18:00"]),
        "work_days": st.sampled_from([["sun", "mon", "tue", "wed", "thu"], "mon-thu"]),
    },
)


@st.composite
def interchange_files(draw: st.DrawFn) -> dict[str, Any]:
    """A whole valid interchange document."""
    ids = draw(st.lists(idents, unique=True, max_size=4))
    return {
        "format": "followup/1",
        "profile": {
            "name": draw(line),
            "email": draw(emails),
            "phone": draw(line),
            "timezone": draw(_maybe(st.sampled_from(ZONES))),
            "signature": draw(text),
        },
        "policy": draw(_POLICIES),
        "interviews": _each_message_once([draw(interview(i)) for i in ids]),
    }


def _each_message_once(interviews: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A mail message is recorded once (SPEC section 2): a Message-ID drawn again is dropped."""
    seen: set[str] = set()
    for body in interviews:
        for event in body.get("events", []):
            source = event.get("source")
            if source in seen:
                del event["source"]
            elif source is not None:
                seen.add(source)
    return interviews

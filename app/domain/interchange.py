"""The interchange format (SPEC section 9), read into records and written back, in one place.

Reading validates everything and reports every problem with its JSON path, e.g.
``interviews[1].rounds[0].starts: not a date-time: "next tuesday-ish"``; nothing half-valid
comes out. Writing is canonical (times in the interview's zone, fixed key order), so that
``export`` then ``import`` then ``export`` prints the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from enum import StrEnum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.errors import Problems
from app.domain.errors import show_value as _show
from app.domain.policy import Policy, read_overrides
from app.domain.records import (
    ActionKind,
    Channel,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    Notes,
    Outcome,
    Preferences,
    Profile,
    Promise,
    PromiseBy,
    Round,
    Stage,
)
from app.domain.times import YEARS, in_years

FORMAT = "followup/1"
_CONTROL = re.compile(r"[\x00-\x1f]")
MAX_TEXT = 1_000_000
MAX_ID = 200
MAX_MINUTES = 7 * 24 * 60

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class Pipeline:
    """A whole database: who I am, how the engine is tuned, and every interview."""

    profile: Profile = field(default_factory=Profile)
    policy_overrides: Mapping[str, Any] = field(default_factory=dict)
    interviews: tuple[Interview, ...] = ()

    @property
    def policy(self) -> Policy:
        return Policy.from_overrides(self.policy_overrides)


def zone(name: str) -> tzinfo:
    """The zone of an IANA name; ``KeyError`` where there is no such zone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError) as err:
        raise KeyError(name) from err


def is_zone(name: object) -> bool:
    if not isinstance(name, str) or not name or len(name) > 100:
        return False
    try:
        zone(name)
    except KeyError:
        return False
    return True


# --------------------------------------------------------------------------- reading


def read_pipeline(raw: object, default_zone: str = "UTC") -> Pipeline:
    """Read a whole interchange document; raise ``InvalidData`` listing every problem."""
    problems = Problems()
    reader = _Reader(problems)
    if not isinstance(raw, Mapping):
        problems.add("", f"the file holds {_kind_of(raw)}, not an interchange object")
        problems.raise_if_any()
        raise AssertionError  # unreachable: raise_if_any raised
    reader.keys(raw, "", {"format", "profile", "policy", "interviews"})
    fmt = raw.get("format")
    if fmt != FORMAT:
        problems.add("format", f'not "{FORMAT}": {_show(fmt)}')
    profile = reader.profile(raw.get("profile", {}), "profile")
    overrides = raw.get("policy", {})
    if overrides is None:
        overrides = {}
    read_overrides(overrides, "policy", problems)
    fallback = profile.timezone or default_zone
    interviews = read_interviews(raw.get("interviews", []), fallback, problems, "interviews")
    problems.raise_if_any()
    return Pipeline(profile, dict(overrides), interviews)


def read_interviews(
    raw: object, default_zone: str, problems: Problems, path: str = "interviews"
) -> tuple[Interview, ...]:
    reader = _Reader(problems)
    items = reader.array(raw, path)
    interviews = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"{path}[{index}]"
        interview = reader.interview(item, where, default_zone)
        if interview is None:
            continue
        if interview.id in seen:
            problems.add(f"{where}.id", f'duplicate interview id "{interview.id}"')
        seen.add(interview.id)
        interviews.append(interview)
    return tuple(interviews)


def read_interview(raw: object, default_zone: str, path: str = "interview") -> Interview:
    problems = Problems()
    interview = _Reader(problems).interview(raw, path, default_zone)
    problems.raise_if_any()
    assert interview is not None
    return interview


def read_profile(raw: object, path: str = "profile") -> Profile:
    problems = Problems()
    profile = _Reader(problems).profile(raw, path)
    problems.raise_if_any()
    return profile


class _Reader:
    __slots__ = ("problems",)

    def __init__(self, problems: Problems) -> None:
        self.problems = problems

    # -- shapes

    def keys(self, raw: Mapping[str, Any], path: str, allowed: set[str]) -> None:
        if allowed.issuperset(raw):
            return
        for key in raw:
            if key not in allowed:
                where = f"{path}.{key}" if path else str(key)
                self.problems.add(
                    where, f"unknown field; expected one of {', '.join(sorted(allowed))}"
                )

    def obj(self, raw: object, path: str) -> Mapping[str, Any] | None:
        if isinstance(raw, Mapping):
            return raw
        self.problems.add(path, f"not an object: {_show(raw)}")
        return None

    def array(self, raw: object, path: str) -> list[Any]:
        if raw is None:
            return []
        if isinstance(raw, list):
            return raw
        self.problems.add(path, f"not a list: {_show(raw)}")
        return []

    def text(self, raw: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> str:
        value = raw.get(key)
        # The common case first, without building the path that only a problem needs.
        if type(value) is str and not required and len(value) <= MAX_TEXT:
            return value
        where = f"{path}.{key}"
        if value is None:
            if required:
                self.problems.add(where, "missing")
            return ""
        if not isinstance(value, str):
            self.problems.add(where, f"not text: {_show(value)}")
            return ""
        if len(value) > MAX_TEXT:
            self.problems.add(where, f"text longer than {MAX_TEXT:,} characters")
            return ""
        if required and not value.strip():
            self.problems.add(where, "empty")
        return value

    def texts(self, raw: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = raw.get(key)
        where = f"{path}.{key}"
        if value is None:
            return ()
        if isinstance(value, str):
            # A single note typed as text rather than a list is still the user's note.
            if len(value) > MAX_TEXT:
                self.problems.add(where, f"text longer than {MAX_TEXT:,} characters")
                return ()
            return (value,) if value.strip() else ()
        out = []
        for index, item in enumerate(self.array(value, where)):
            if not isinstance(item, str):
                self.problems.add(f"{where}[{index}]", f"not text: {_show(item)}")
            elif len(item) > MAX_TEXT:
                self.problems.add(f"{where}[{index}]", f"text longer than {MAX_TEXT:,} characters")
            else:
                out.append(item)
        return tuple(out)

    def ident(self, raw: Mapping[str, Any], key: str, path: str) -> str:
        value = raw.get(key)
        if (
            isinstance(value, str)
            and 0 < len(value) <= MAX_ID
            and value == value.strip()
            and not _CONTROL.search(value)
        ):
            return value
        where = f"{path}.{key}"
        if not isinstance(value, str) or not value.strip():
            self.problems.add(where, "missing" if value is None else f"not an id: {_show(value)}")
            return ""
        if len(value) > MAX_ID or _CONTROL.search(value) or value != value.strip():
            self.problems.add(
                where,
                f"not an id (at most {MAX_ID} characters, no spaces "
                f"around it, no control characters): {_show(value)}",
            )
            return ""
        return value

    def ref(self, raw: Mapping[str, Any], key: str, path: str) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        return self.ident(raw, key, path) or None

    def flag(self, raw: Mapping[str, Any], key: str, path: str) -> bool:
        value = raw.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problems.add(f"{path}.{key}", f"not true or false: {_show(value)}")
            return False
        return value

    def choice(self, raw: Mapping[str, Any], key: str, path: str, kind: type[E]) -> E | None:
        value = raw.get(key)
        if value is None:
            return None
        return self.member(value, f"{path}.{key}", kind)

    def member(self, value: object, path: str, kind: type[E]) -> E | None:
        # Looked up, never passed to ``kind(value)``: the enum's refusal quotes the value's
        # repr, which for a list nested a thousand deep exceeds the recursion limit.
        member = _member(kind, value)
        if member is None:
            names = ", ".join(m.value for m in kind)
            self.problems.add(path, f"not one of {names}: {_show(value)}")
        return member

    def moment(
        self, raw: Mapping[str, Any], key: str, path: str, tz: tzinfo, *, required: bool = False
    ) -> datetime | None:
        value = raw.get(key)
        if value is None:
            if required:
                self.problems.add(f"{path}.{key}", "missing")
            return None
        written = _written_moment(value)
        if written is None:
            self.problems.add(f"{path}.{key}", f"not a date-time: {_show(value)}")
            return None
        moment = _in_zone(written, tz)
        if moment is None:
            self.problems.add(f"{path}.{key}", f"not a date-time {YEARS}: {_show(value)}")
        return moment

    def day(self, raw: Mapping[str, Any], key: str, path: str) -> date | None:
        value = raw.get(key)
        if value is None:
            return None
        parsed = _any_day(value)
        if parsed is None:
            self.problems.add(f"{path}.{key}", f"not a date (YYYY-MM-DD): {_show(value)}")
        elif not in_years(parsed):
            self.problems.add(f"{path}.{key}", f"not a date {YEARS}: {_show(value)}")
            return None
        return parsed

    def unique(self, ids: Iterable[str], path: str, what: str) -> None:
        seen: set[str] = set()
        for index, ident in enumerate(ids):
            if ident and ident in seen:
                self.problems.add(f"{path}[{index}].id", f'duplicate {what} id "{ident}"')
            seen.add(ident)

    # -- records

    def profile(self, raw: object, path: str) -> Profile:
        if raw is None:
            return Profile()
        body = self.obj(raw, path)
        if body is None:
            return Profile()
        self.keys(body, path, {"name", "email", "phone", "timezone", "signature"})
        tz = body.get("timezone")
        if tz is not None and not is_zone(tz):
            self.problems.add(
                f"{path}.timezone", f"not a time zone such as Europe/London: {_show(tz)}"
            )
            tz = None
        return Profile(
            name=self.text(body, "name", path),
            email=self.text(body, "email", path),
            phone=self.text(body, "phone", path),
            timezone=tz,
            signature=self.text(body, "signature", path),
        )

    def interview(self, raw: object, path: str, default_zone: str) -> Interview | None:
        body = self.obj(raw, path)
        if body is None:
            return None
        self.keys(body, path, INTERVIEW_KEYS)
        tz_name = body.get("timezone")
        if tz_name is None:
            tz_name = default_zone
        elif not is_zone(tz_name):
            self.problems.add(
                f"{path}.timezone", f"not a time zone such as Europe/London: {_show(tz_name)}"
            )
            tz_name = "UTC"
        tz = zone(tz_name)
        contacts = tuple(
            c
            for i, item in enumerate(self.array(body.get("contacts"), f"{path}.contacts"))
            if (c := self.contact(item, f"{path}.contacts[{i}]")) is not None
        )
        self.unique((c.id for c in contacts), f"{path}.contacts", "contact")
        contact_ids = {c.id for c in contacts}
        rounds = tuple(
            r
            for i, item in enumerate(self.array(body.get("rounds"), f"{path}.rounds"))
            if (r := self.round(item, f"{path}.rounds[{i}]", tz, contact_ids)) is not None
        )
        self.unique((r.id for r in rounds), f"{path}.rounds", "round")
        promises = tuple(
            p
            for i, item in enumerate(self.array(body.get("promises"), f"{path}.promises"))
            if (p := self.promise(item, f"{path}.promises[{i}]", tz, contact_ids)) is not None
        )
        self.unique((p.id for p in promises), f"{path}.promises", "promise")
        events = tuple(
            e
            for i, item in enumerate(self.array(body.get("events"), f"{path}.events"))
            if (e := _usual_event(item, tz) or self.event(item, f"{path}.events[{i}]", tz))
            is not None
        )
        return Interview(
            id=self.ident(body, "id", path),
            company=self.text(body, "company", path, required=True),
            role=self.text(body, "role", path, required=True),
            timezone=tz_name,
            stage=self.choice(body, "stage", path, Stage) or Stage.SCHEDULED,
            outcome=self.choice(body, "outcome", path, Outcome),
            rounds=rounds,
            contacts=contacts,
            preferences=self.preferences(body.get("preferences"), f"{path}.preferences"),
            decision_by=self.day(body, "decision_by", path),
            offer_deadline=self.day(body, "offer_deadline", path),
            keep_warm=self.flag(body, "keep_warm", path),
            notes=self.notes(body.get("notes"), f"{path}.notes"),
            promises=promises,
            events=tuple(sorted(events, key=lambda e: e.at)),
        )

    def round(self, raw: object, path: str, tz: tzinfo, contacts: set[str]) -> Round | None:
        body = self.obj(raw, path)
        if body is None:
            return None
        self.keys(body, path, {"id", "starts", "minutes", "kind", "interviewers"})
        minutes = body.get("minutes", 60)
        if minutes is None:
            minutes = 60
        if not _is_int(minutes) or not 1 <= minutes <= MAX_MINUTES:
            self.problems.add(
                f"{path}.minutes",
                f"not a whole number of minutes from 1 to {MAX_MINUTES}: {_show(minutes)}",
            )
            minutes = 60
        interviewers = []
        for index, item in enumerate(self.array(body.get("interviewers"), f"{path}.interviewers")):
            where = f"{path}.interviewers[{index}]"
            if not isinstance(item, str) or item not in contacts:
                self.problems.add(
                    where, f"not the id of a contact of this interview: {_show(item)}"
                )
            elif item in interviewers:
                self.problems.add(where, f'"{item}" is listed twice')
            else:
                interviewers.append(item)
        starts = self.moment(body, "starts", path, tz, required=True)
        kind = self.text(body, "kind", path) or "interview"
        return Round(
            id=self.ident(body, "id", path),
            starts=starts or _EPOCH,
            minutes=minutes,
            kind=kind,
            interviewers=tuple(interviewers),
        )

    def contact(self, raw: object, path: str) -> Contact | None:
        body = self.obj(raw, path)
        if body is None:
            return None
        self.keys(body, path, {"id", "name", "title", "email", "phone", "linkedin", "role"})
        return Contact(
            id=self.ident(body, "id", path),
            name=self.text(body, "name", path),
            title=self.text(body, "title", path),
            email=self.text(body, "email", path),
            phone=self.text(body, "phone", path),
            linkedin=self.text(body, "linkedin", path),
            role=self.choice(body, "role", path, ContactRole) or ContactRole.OTHER,
        )

    def preferences(self, raw: object, path: str) -> Preferences:
        if raw is None:
            return Preferences()
        body = self.obj(raw, path)
        if body is None:
            return Preferences()
        self.keys(body, path, {"channels", "no_calls", "no_follow_ups", "no_contact_before"})
        channels: list[Channel] = []
        for index, item in enumerate(self.array(body.get("channels"), f"{path}.channels")):
            channel = self.member(item, f"{path}.channels[{index}]", Channel)
            if channel is not None and channel not in channels:
                channels.append(channel)
        return Preferences(
            channels=tuple(channels),
            no_calls=self.flag(body, "no_calls", path),
            no_follow_ups=self.flag(body, "no_follow_ups", path),
            no_contact_before=self.day(body, "no_contact_before", path),
        )

    def notes(self, raw: object, path: str) -> Notes:
        if raw is None:
            return Notes()
        body = self.obj(raw, path)
        if body is None:
            return Notes()
        self.keys(body, path, set(NOTES_KEYS))
        return Notes(
            discussed=self.text(body, "discussed", path),
            recap=self.texts(body, "recap", path),
            challenges=self.texts(body, "challenges", path),
            open_questions=self.texts(body, "open_questions", path),
            company_news=self.text(body, "company_news", path),
            impressions=self.text(body, "impressions", path),
        )

    def promise(self, raw: object, path: str, tz: tzinfo, contacts: set[str]) -> Promise | None:
        body = self.obj(raw, path)
        if body is None:
            return None
        self.keys(body, path, {"id", "what", "to", "due", "created", "done_at", "by"})
        to = self.ref(body, "to", path)
        if to is not None and to not in contacts:
            self.problems.add(f"{path}.to", f'not the id of a contact of this interview: "{to}"')
        due = self.moment(body, "due", path, tz, required=True)
        return Promise(
            id=self.ident(body, "id", path),
            what=self.text(body, "what", path, required=True),
            due=due or _EPOCH,
            to=to,
            created=self.moment(body, "created", path, tz),
            done_at=self.moment(body, "done_at", path, tz),
            by=self.choice(body, "by", path, PromiseBy) or PromiseBy.ME,
        )

    def event(self, raw: object, path: str, tz: tzinfo) -> Event | None:
        body = self.obj(raw, path)
        if body is None:
            return None
        self.keys(body, path, EVENT_KEYS)
        kind = self.choice(body, "kind", path, EventKind)
        if kind is None and body.get("kind") is None:
            self.problems.add(f"{path}.kind", "missing")
        action = self.choice(body, "action", path, ActionKind)
        if (
            kind in (EventKind.SENT, EventKind.SNOOZE, EventKind.SKIP)
            and action is None
            and body.get("action") is None
        ):
            self.problems.add(f"{path}.action", f"missing: a {kind} event names the kind of action")
        until = self.moment(body, "until", path, tz, required=kind is EventKind.SNOOZE)
        to_stage = self.choice(body, "to", path, Stage)
        if kind is EventKind.STAGE and body.get("to") is None:
            self.problems.add(f"{path}.to", "missing: a stage event names the stage it moved to")
        at = self.moment(body, "at", path, tz, required=True)
        return Event(
            at=at or _EPOCH,
            kind=kind or EventKind.SENT,
            action=action,
            action_id=self.ref(body, "id", path),
            round=self.ref(body, "round", path),
            contact=self.ref(body, "contact", path),
            promise=self.ref(body, "promise", path),
            channel=self.choice(body, "channel", path, Channel),
            text=self.text(body, "text", path),
            summary=self.text(body, "summary", path),
            from_stage=self.choice(body, "from", path, Stage),
            to_stage=to_stage,
            until=until,
        )


def _usual_event(raw: object, tz: tzinfo) -> Event | None:
    """``_Reader.event`` for an event that passes every check, read without them one by one.

    A history is most of a database, so its events are read this way first: any value that
    is not plainly right gives None, and the event then goes through ``_Reader.event``, which
    says what is wrong and where. Both give the same record for a valid event (a property
    test holds them to it).
    """
    if type(raw) is not dict or not EVENT_KEYS.issuperset(raw):
        return None
    get = raw.get
    kind = _member(EventKind, get("kind"))
    action = _member(ActionKind, get("action"))
    at = get("at")
    if kind is None or at is None or (action is None and get("action") is not None):
        return None
    if action is None and kind in _NAMES_AN_ACTION:
        return None
    when = parse_moment(at, tz)
    until = get("until")
    if until is not None:
        until = parse_moment(until, tz)
        if until is None:
            return None
    elif kind is EventKind.SNOOZE:
        return None
    channel = _member(Channel, get("channel"))
    from_stage = _member(Stage, get("from"))
    to_stage = _member(Stage, get("to"))
    if (
        when is None
        or (channel is None and get("channel") is not None)
        or (from_stage is None and get("from") is not None)
        or (to_stage is None and (get("to") is not None or kind is EventKind.STAGE))
    ):
        return None
    refs = (get("id"), get("round"), get("contact"), get("promise"))
    texts = (get("text"), get("summary"))
    if not all(ref is None or _is_ident(ref) for ref in refs) or not all(
        text is None or (type(text) is str and len(text) <= MAX_TEXT) for text in texts
    ):
        return None
    return Event(
        at=when,
        kind=kind,
        action=action,
        action_id=refs[0],
        round=refs[1],
        contact=refs[2],
        promise=refs[3],
        channel=channel,
        text=texts[0] or "",
        summary=texts[1] or "",
        from_stage=from_stage,
        to_stage=to_stage,
        until=until,
    )


def _member(kind: type[E], value: object) -> E | None:
    if type(value) is not str:
        return None
    return kind._value2member_map_.get(value)  # type: ignore[return-value]


def _is_ident(value: object) -> bool:
    return (
        type(value) is str
        and 0 < len(value) <= MAX_ID
        and value == value.strip()
        and not _CONTROL.search(value)
    )


_NAMES_AN_ACTION = frozenset((EventKind.SENT, EventKind.SNOOZE, EventKind.SKIP))


INTERVIEW_KEYS = {
    "id",
    "company",
    "role",
    "stage",
    "outcome",
    "timezone",
    "rounds",
    "contacts",
    "preferences",
    "decision_by",
    "offer_deadline",
    "keep_warm",
    "notes",
    "promises",
    "events",
}
NOTES_KEYS = ("discussed", "recap", "challenges", "open_questions", "company_news", "impressions")
EVENT_KEYS = {
    "at",
    "kind",
    "action",
    "id",
    "round",
    "contact",
    "promise",
    "channel",
    "text",
    "summary",
    "from",
    "to",
    "until",
}
_EPOCH = datetime(1970, 1, 1, tzinfo=ZoneInfo("UTC"))


def parse_moment(value: object, tz: tzinfo) -> datetime | None:
    """An ISO 8601 date-time in YEARS; one with no offset is read in ``tz``. The result is in
    ``tz``."""
    written = _written_moment(value)
    return None if written is None else _in_zone(written, tz)


def parse_day(value: object) -> date | None:
    """An ISO 8601 date (YYYY-MM-DD) in YEARS."""
    parsed = _any_day(value)
    return parsed if parsed is not None and in_years(parsed) else None


def _written_moment(value: object) -> datetime | None:
    """An ISO 8601 date-time in any year, on the clock it was written for."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            return None


def _in_zone(written: datetime, tz: tzinfo) -> datetime | None:
    """``written`` on the clocks of ``tz``; None unless it lies in YEARS both as written (the
    move could overflow at the end of the calendar) and in ``tz`` (as it is exported)."""
    if not in_years(written):
        return None
    if written.tzinfo is None:
        # Through UTC and back, so that a wall time skipped by DST moves forward to one that
        # exists, and a repeated one is the first of the two (fold=0).
        moment = written.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)
    else:
        moment = written.astimezone(tz)
    return moment if in_years(moment) else None


def _any_day(value: object) -> date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# --------------------------------------------------------------------------- writing


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
            "open_questions": list(notes.open_questions),
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
    ]
    out.update((key, value) for key, value in optional if value is not None)
    return out


def _iso(value: datetime, tz: tzinfo) -> str:
    return value.astimezone(tz).isoformat()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


# --------------------------------------------------------------------------- helpers


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind_of(value: object) -> str:
    names: dict[type, str] = {
        list: "a list",
        str: "text",
        bool: "true or false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), "something else")

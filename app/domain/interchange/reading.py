"""Reading an interchange file into records: the whole file, its interviews one by one, and
the profile, each refused with every problem listed rather than read half-valid."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo

from app.domain.errors import Problems, show_value
from app.domain.interchange.read_events import _usual_event
from app.domain.interchange.read_fields import _is_int, _show
from app.domain.interchange.read_notes import _Notes
from app.domain.interchange.schema import (
    FORMAT,
    INTERVIEW_KEYS,
    MAX_MINUTES,
    Pipeline,
)
from app.domain.interchange.zones import _EPOCH, is_zone, zone
from app.domain.policy import read_overrides
from app.domain.records import (
    Channel,
    Contact,
    ContactRole,
    Interview,
    Outcome,
    Preferences,
    Profile,
    Promise,
    PromiseBy,
    Round,
    Stage,
)


def read_pipeline(raw: object, default_zone: str = "UTC") -> Pipeline:
    """Read a whole interchange document; raise ``InvalidData`` listing every problem."""
    problems = Problems()
    reader = _Reader(problems, plain=True)
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
    """The interviews of a file from outside: a control character in their text is refused."""
    reader = _Reader(problems, plain=True)
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
        for source in _twice(interview):
            problems.add(
                f"{where}.events",
                f"the message {show_value(source)} is recorded twice: a message is recorded once",
            )
        interviews.append(interview)
    return tuple(interviews)


def _twice(interview: Interview) -> list[str]:
    """The Message-IDs two events of ``interview`` hold (SPEC section 2: no mail message is
    recorded twice). One message may be recorded in two interviews: a contact of two processes
    at one company writes once to both."""
    seen: set[str] = set()
    found = []
    for event in interview.events:
        if not event.source:
            continue
        if event.source in seen and event.source not in found:
            found.append(event.source)
        seen.add(event.source)
    return found


def read_interview(raw: object, default_zone: str, path: str = "interview") -> Interview:
    """One interview of the database, its text read as stored (``_Fields.plain``)."""
    problems = Problems()
    interview = _Reader(problems).interview(raw, path, default_zone)
    problems.raise_if_any()
    assert interview is not None
    return interview


def read_profile(raw: object, path: str = "profile") -> Profile:
    """The profile of the database, its text read as stored (``_Fields.plain``)."""
    problems = Problems()
    profile = _Reader(problems).profile(raw, path)
    problems.raise_if_any()
    return profile


class _Reader(_Notes):
    __slots__ = ()

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
            name=self.line(body, "name", path),
            email=self.address(body, "email", path),
            phone=self.line(body, "phone", path),
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
            if (
                e := _usual_event(item, tz, plain=self.plain)
                or self.event(item, f"{path}.events[{i}]", tz)
            )
            is not None
        )
        return Interview(
            id=self.ident(body, "id", path),
            company=self.line(body, "company", path, required=True),
            role=self.line(body, "role", path, required=True),
            timezone=tz_name,
            stage=self.choice(body, "stage", path, Stage) or Stage.SCHEDULED,
            outcome=self.choice(body, "outcome", path, Outcome),
            rounds=rounds,
            contacts=contacts,
            preferences=self.preferences(body.get("preferences"), f"{path}.preferences"),
            decision_by=self.day(body, "decision_by", path),
            offer_deadline=self.day(body, "offer_deadline", path),
            keep_warm=self.flag(body, "keep_warm", path),
            notes=self.notes(body.get("notes"), f"{path}.notes", contact_ids),
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
        kind = self.line(body, "kind", path) or "interview"
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
        self.keys(
            body, path, {"id", "name", "title", "email", "phone", "linkedin", "role", "notes"}
        )
        return Contact(
            id=self.ident(body, "id", path),
            name=self.line(body, "name", path),
            title=self.line(body, "title", path),
            email=self.address(body, "email", path),
            phone=self.line(body, "phone", path),
            linkedin=self.line(body, "linkedin", path),
            role=self.choice(body, "role", path, ContactRole) or ContactRole.OTHER,
            notes=self.texts(body, "notes", path),
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
            what=self.line(body, "what", path, required=True),
            due=due or _EPOCH,
            to=to,
            created=self.moment(body, "created", path, tz),
            done_at=self.moment(body, "done_at", path, tz),
            by=self.choice(body, "by", path, PromiseBy) or PromiseBy.ME,
        )


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

"""The events of a history, read two ways: quickly for an event that passes every check, and
with every check, saying what is wrong and where, for the rest."""

from __future__ import annotations

from datetime import tzinfo

from app.domain.interchange.read_fields import _Fields, _is_ident, _member
from app.domain.interchange.schema import EVENT_KEYS, MAX_TEXT
from app.domain.interchange.zones import _EPOCH, parse_moment
from app.domain.records import ActionKind, Channel, Event, EventKind, Stage
from app.domain.text import CONTROL

NAMES_AN_ACTION = frozenset((EventKind.SENT, EventKind.SNOOZE, EventKind.SKIP))


class _Events(_Fields):
    __slots__ = ()

    def event(self, raw: object, path: str, tz: tzinfo) -> Event | None:
        body = self.obj(raw, path)
        if body is None:
            return None
        self.keys(body, path, EVENT_KEYS)
        kind = self.choice(body, "kind", path, EventKind)
        if kind is None and body.get("kind") is None:
            self.problems.add(f"{path}.kind", "missing")
        action = self.choice(body, "action", path, ActionKind)
        if kind in NAMES_AN_ACTION and action is None and body.get("action") is None:
            # An action's id says its kind ("acme/thank_you/r1/jane"): the id alone names it.
            action = _kind_in_id(body.get("id"))
        if kind in NAMES_AN_ACTION and action is None and body.get("action") is None:
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
            source=self.text(body, "source", path) or None,
        )


def _kind_in_id(action_id: object) -> ActionKind | None:
    """The kind of action an action id names: its second part (the parts are escaped, so no
    part holds a "/")."""
    if type(action_id) is not str:
        return None
    parts = action_id.split("/")
    return _member(ActionKind, parts[1]) if len(parts) >= 2 else None


def _usual_event(raw: object, tz: tzinfo, *, plain: bool = False) -> Event | None:
    """``_Events.event`` for an event that passes every check, read without them one by one.

    A history is most of a database, so its events are read this way first: any value that
    is not plainly right gives None, and the event then goes through ``_Events.event``, which
    says what is wrong and where. Both give the same record for a valid event (a property
    test holds them to it). Text with a control character takes the long way, to be refused
    (``plain``, from outside) or read as its escapes (the database's own file).
    """
    if type(raw) is not dict or not EVENT_KEYS.issuperset(raw):
        return None
    get = raw.get
    kind = _member(EventKind, get("kind"))
    action = _member(ActionKind, get("action"))
    at = get("at")
    if kind is None or at is None or (action is None and get("action") is not None):
        return None
    if action is None and kind in NAMES_AN_ACTION:
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
    texts = (get("text"), get("summary"), get("source"))
    if not all(ref is None or _is_ident(ref) for ref in refs) or not all(
        text is None or (type(text) is str and len(text) <= MAX_TEXT and not CONTROL.search(text))
        for text in texts
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
        source=texts[2] or None,
    )

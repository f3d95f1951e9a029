"""The open actions of a database, kept beside it from one command to the next.

``due`` is the command run every morning, and most mornings most of the file is as it was. So
what the engine worked out is kept in ``<db>.actions-cache``, per interview, with the span of
time over which it holds (``engine.watch``), and given again instead of reading and working out
ten thousand interviews:

- The whole file unchanged (the same device, inode, size, modification and change times, and
  the same SHA-256 of its bytes) and every kept answer still holding at ``now``: the answers
  are given without parsing the file at all.
- Otherwise the file is parsed, and an interview whose document has the digest of one kept
  (with the same profile, policy, zone and open offers) and whose answer holds at ``now`` keeps
  it; every other interview is read, checked and worked out, and the cache is written again.

The cache is never trusted over the file: it is only used for the exact bytes it was worked
out from, which were read and checked in full then. Anything wrong with it (missing, cut
short, from another version, not what it should hold) makes it as if there were none. It is
written atomically, and deleting it only costs the next command the full work.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
import orjson

from app.domain.errors import InvalidData
from app.domain.interchange import Pipeline, write_profile
from app.domain.policy import Policy
from app.domain.records import ActionKind, Channel, Interview
from app.domain.times import zone_info
from app.engine.action import Action, State
from app.engine.engine import sort_key
from app.engine.memo import offers_key, watched_actions, watched_offers
from app.engine.watch import Span
from app.errors import UserError
from app.memory import collector_paused
from app.store.repository import Documents, FileRead, Repository

VERSION = 1
Names = dict[tuple[str, str], str]


@dataclass(frozen=True, slots=True)
class OpenActions:
    actions: list[Action]
    """Every open action, sorted by ``due_by``."""
    names: Names
    """(interview id, contact id) -> how the contact is named, for the actions' contacts."""


def cache_path(database: Path) -> Path:
    """``<db>.actions-cache`` beside the file the database really is (through a link)."""
    real = Path(os.path.realpath(database))
    return real.with_name(f"{real.name}.actions-cache")


def open_actions(repo: Repository, default_zone: str, now: datetime) -> OpenActions:
    """Every open action at ``now`` and the names of their contacts; raises what
    ``Repository.load`` raises for a file that cannot be read."""
    with collector_paused():
        try:
            read = repo.read_file()
        except (OSError, UserError):
            read = None  # said by ``load``, below, exactly as every other command says it
        if read is None:
            return _worked_out(repo.load(), now)
        return _open_actions(repo, read, default_zone, now)


def _open_actions(
    repo: Repository, read: FileRead, default_zone: str, now: datetime
) -> OpenActions:
    path = cache_path(repo.path)
    kept = _read_kept(path)
    content = _digest(read.content)
    moment = now.timestamp()
    code = _code()
    if (
        kept is not None
        and kept.code == code
        and kept.identity == read.identity
        and kept.content == content
        and kept.zone == default_zone
        and kept.offers_span.holds_at(moment)
        and all(entry.span.holds_at(moment) for entry in kept.interviews)
    ):
        return _given(kept.interviews)
    try:
        documents = repo.documents(read.content)
        worked = _work_out(repo, documents, default_zone, now, kept)
    except (UserError, InvalidData, _ReadInFull):
        # The file's problem is said as every other command says it; a file that reads after
        # all (a race with a writer) is worked out from its records.
        return _worked_out(repo.load(), now)
    fresh = _Kept(VERSION, code, read.identity, content, default_zone, *worked)
    _write_kept(path, fresh)
    return _given(fresh.interviews)


def _work_out(
    repo: Repository,
    documents: Documents,
    default_zone: str,
    now: datetime,
    kept: _Kept | None,
) -> tuple[bytes, _Span, tuple[_KeptInterview, ...]]:
    zone = documents.profile.timezone or default_zone
    policy = Policy.from_overrides(documents.policy_overrides)
    meta = _digest(
        orjson.dumps(
            [write_profile(documents.profile), documents.policy_overrides, zone],
            option=orjson.OPT_SORT_KEYS,
        )
    )
    ids = [doc.get("id") for _, doc in documents.interviews]
    if len(set(ids)) != len(ids):
        raise _ReadInFull  # a duplicate id: refused by ``load``, with its place
    records: dict[str, Interview] = {}

    def record(doc_id: str, doc: Mapping[str, Any]) -> Interview:
        if doc_id not in records:
            records[doc_id] = repo.read_document(doc_id, doc, zone)
        return records[doc_id]

    offers, offers_span = watched_offers(
        [record(d, doc) for d, doc in documents.interviews if doc.get("stage") == "offer"],
        policy,
        now,
    )
    offers_digest = _digest(orjson.dumps(offers_key(offers)))
    reusable: dict[bytes, _KeptInterview] = {}
    if kept is not None and kept.code == _code() and kept.meta == meta:
        reusable = {entry.digest: entry for entry in kept.interviews}
    moment = now.timestamp()
    entries = []
    for doc_id, doc in documents.interviews:
        digest = _digest(orjson.dumps(doc))
        entry = reusable.get(digest)
        if entry is None or entry.offers != offers_digest or not entry.span.holds_at(moment):
            interview = record(doc_id, doc)
            actions, span = watched_actions(interview, policy, now, offers)
            entry = _entry(digest, interview, offers_digest, span, actions)
        entries.append(entry)
    return meta, _Span.of(offers_span), tuple(entries)


def _worked_out(pipeline: Pipeline, now: datetime) -> OpenActions:
    from app.engine import compute_actions

    actions = compute_actions(pipeline.interviews, pipeline.policy, now)
    names = {(i.id, c.id): c.name or c.id for i in pipeline.interviews for c in i.contacts}
    return OpenActions(actions, names)


# --------------------------------------------------------------------------- what is kept


class _ReadInFull(Exception):
    """The file must be read as a whole to say what is wrong with it."""


class _Span(msgspec.Struct, array_like=True, frozen=True, gc=False):
    at: float
    after: float
    before: float

    @classmethod
    def of(cls, span: Span) -> _Span:
        return cls(span.at, span.after, span.before)

    def holds_at(self, moment: float) -> bool:
        return moment == self.at or self.after < moment < self.before


class _KeptAction(msgspec.Struct, array_like=True, frozen=True, gc=False):
    id: str
    kind: ActionKind
    contact: str | None
    round: str | None
    promise: str | None
    channel: Channel | None
    due_from: str
    due_by: str
    zone: str
    state: State
    reason: str
    sequence: str | None


class _KeptInterview(msgspec.Struct, array_like=True, frozen=True, gc=False):
    digest: bytes
    interview: str
    company: str
    offers: bytes
    span: _Span
    actions: tuple[_KeptAction, ...]
    names: dict[str, str]


class _Kept(msgspec.Struct, array_like=True, frozen=True, gc=False):
    version: int
    code: bytes
    identity: tuple[int, ...]
    content: bytes
    zone: str
    meta: bytes
    offers_span: _Span
    interviews: tuple[_KeptInterview, ...]


_decoder = msgspec.msgpack.Decoder(_Kept)
_encoder = msgspec.msgpack.Encoder()


def _entry(
    digest: bytes, interview: Interview, offers: bytes, span: Span, actions: Sequence[Action]
) -> _KeptInterview:
    kept = []
    for action in actions:
        zone = action.due_from.tzinfo
        if not isinstance(zone, ZoneInfo) or action.due_by.tzinfo is not zone:
            span = Span(span.at, span.at, span.at)  # kept as it is only with its zone's name
            zone_name = ""
        else:
            zone_name = zone.key
        kept.append(
            _KeptAction(
                action.id,
                action.kind,
                action.contact,
                action.round,
                action.promise,
                action.channel,
                action.due_from.isoformat(),
                action.due_by.isoformat(),
                zone_name,
                action.state,
                action.reason,
                action.sequence,
            )
        )
    contacts = {a.contact for a in actions if a.contact is not None}
    names = {c.id: c.name or c.id for c in interview.contacts if c.id in contacts}
    return _KeptInterview(
        digest, interview.id, interview.company, offers, _Span.of(span), tuple(kept), names
    )


def _given(entries: Iterable[_KeptInterview]) -> OpenActions:
    actions: list[Action] = []
    names: Names = {}
    for entry in entries:
        for kept in entry.actions:
            zone = zone_info(kept.zone) if kept.zone else None
            actions.append(
                Action(
                    id=kept.id,
                    interview=entry.interview,
                    company=entry.company,
                    kind=kept.kind,
                    contact=kept.contact,
                    round=kept.round,
                    promise=kept.promise,
                    channel=kept.channel,
                    due_from=_moment(kept.due_from, zone),
                    due_by=_moment(kept.due_by, zone),
                    state=kept.state,
                    reason=kept.reason,
                    sequence=kept.sequence,
                )
            )
        for contact, name in entry.names.items():
            names[entry.interview, contact] = name
    actions.sort(key=sort_key)
    return OpenActions(actions, names)


def _moment(text: str, zone: ZoneInfo | None) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if zone is None else moment.astimezone(zone)


def _digest(content: bytes) -> bytes:
    return hashlib.sha256(content).digest()


@cache
def _code() -> bytes:
    """Which engine worked the answers out: this followup's code that reads an interview and
    works out its actions, and the holiday calendars it uses. An upgrade of either makes what
    was kept useless, without anyone having to remember to say so."""
    from importlib.util import find_spec

    import app

    root = Path(app.__file__).parent
    sources = [*sorted((root / "domain").rglob("*.py")), *sorted((root / "engine").rglob("*.py"))]
    # The holidays package is found, not imported: importing it costs more than the answers.
    calendars = find_spec("holidays")
    if calendars is not None and calendars.origin is not None:
        sources.extend(sorted(Path(calendars.origin).parent.glob("*.py")))
    parts = [app.__version__]
    for source in sources:
        status = source.stat()
        parts.append(f"{source} {status.st_size} {status.st_mtime_ns}")
    return _digest("\n".join(parts).encode())


def _read_kept(path: Path) -> _Kept | None:
    try:
        with open(path, "rb") as file:
            kept = _decoder.decode(file.read())
    except (OSError, msgspec.DecodeError, ValueError):
        return None
    return kept if kept.version == VERSION else None


def _write_kept(path: Path, kept: _Kept) -> None:
    from app.store.atomic import atomic_write, remove_leftover_temporaries

    remove_leftover_temporaries(path)
    # A folder that cannot take it: the next command works it out again.
    with contextlib.suppress(UserError):
        atomic_write(path, _encoder.encode(kept), backup=None)

"""The open actions of a database, kept beside it from one command to the next.

``due`` is the command run every morning, and most mornings most of the file is as it was. So
what the engine worked out is kept in ``<db>.actions-cache``, per interview, with the span of
time over which it holds (``engine.watch``), and given again instead of reading and working out
ten thousand interviews:

- The whole file unchanged (the same device, inode, size, modification and change times, and
  the same SHA-256 of its bytes) and every kept answer still holding at ``now``: the answers
  are given without parsing the file at all, nor importing what reads it or works it out.
- Otherwise the file is split into its documents (``store.documents``: none of them built),
  and an interview whose document has the digest of one kept (with the same profile, policy,
  zone, open offers and code) and whose answer holds at ``now`` keeps it; every other
  interview is read, checked and worked out, and the cache is written again.

The dashboard gives its memory the answers kept (``recall``) and keeps its own once the board
is shown (``keep``): ``due`` and the dashboard find each other's.

The cache is never trusted over the file: it is only used for the exact bytes it was worked
out from, which were read and checked in full then. Its header carries its own SHA-256 and
that of each part after it, so that a cache cut short, damaged or not written by followup
counts as none; one from another version of the code counts as none too. It is written
atomically, and deleting it only costs the next command the full work.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from functools import cache, cached_property
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import UserError
from app.files import read_regular
from app.memory import collector_paused
from app.store.beside import ACTIONS, beside_path, write_beside_bytes
from app.store.raw import FileDigest, file_digest, read_file

if TYPE_CHECKING:
    from app.domain.interchange import Pipeline
    from app.domain.records import Interview
    from app.engine.action import Action
    from app.engine.memo import ActionMemo
    from app.engine.rules.offers import Offer
    from app.engine.watch import Span
    from app.store.documents import Documents
    from app.store.repository import Repository

VERSION = 7
# Some 3 KB an action: far below this unless the file is not ours.
_MAX_BYTES = 1024 * 1024 * 1024
Names = dict[tuple[str, str], str]
SpanRow = list[float]
"""[at, after, before]: as ``engine.watch.Span``."""


def cache_path(database: Path) -> Path:
    """``<db>.actions-cache`` beside the file the database really is (through a link)."""
    return beside_path(database, ACTIONS)


class Listed:
    """One open action as kept: the object ``due --json`` prints for it, as printed, with its
    times as instants for ordering and choosing, and what the engine knows of it besides."""

    __slots__ = ("closes", "fields", "id", "opens", "promise", "sequence", "text", "zone")

    def __init__(self, row: list[Any]) -> None:
        # In the order of ``_ROW``.
        (
            self.id,
            self.opens,
            self.closes,
            self.text,
            self.promise,
            self.sequence,
            self.zone,
            self.fields,
        ) = row

    def action(self) -> Action:
        from app.domain.kinds import ActionKind, Channel
        from app.engine.action import Action, State

        interview, company, kind, contact, round_, channel, due_from, due_by, state, reason = (
            self.fields
        )
        return Action(
            id=self.id,
            interview=interview,
            company=company,
            kind=ActionKind(kind),
            contact=contact,
            round=round_,
            promise=self.promise,
            channel=None if channel is None else Channel(channel),
            due_from=_moment(due_from, self.zone),
            due_by=_moment(due_by, self.zone),
            state=State(state),
            reason=reason,
            sequence=self.sequence,
        )


class OpenActions:
    """Every open action: as ``due --json`` prints them, and as the engine's actions."""

    def __init__(
        self,
        entries: Callable[[], list[dict[str, Any]]],
        listing: list[tuple[float, str]] | None = None,
        *,
        again: Callable[[], OpenActions] | None = None,
    ) -> None:
        self._read_entries = entries
        self._listing = listing
        self._again = again
        """How to work them out afresh, should what was kept turn out not to be readable."""

    @cached_property
    def _entries(self) -> list[dict[str, Any]]:
        try:
            entries = self._read_entries()
            if all(_sound(entry) for entry in entries):
                return entries
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            pass
        if self._again is None:
            raise ValueError("the open actions cannot be read")
        return self._again()._entries

    def json_document(self, until: float) -> str:
        """What ``due --json`` prints: the actions that open by ``until`` (a timestamp)."""
        listing = self._listing
        if listing is None:
            listing = [(kept.opens, kept.text) for kept in self.listed]
        return json_document([text for opens, text in listing if opens <= until])

    def actions_opening_by(self, until: float) -> list[Action]:
        """The engine's actions that open by ``until`` (a timestamp), in its order."""
        return [kept.action() for kept in self.listed if kept.opens <= until]

    @cached_property
    def listed(self) -> list[Listed]:
        """Every open action, in the engine's order (by ``due_by``, ``due_from``, id)."""
        found = [Listed(row) for entry in self._entries for row in entry["actions"]]
        found.sort(key=lambda kept: (kept.closes, kept.opens, kept.id))
        return found

    @cached_property
    def names(self) -> Names:
        """(interview id, contact id) -> how the contact is named, for the actions'
        contacts."""
        return {
            (entry["interview"], contact): name
            for entry in self._entries
            for contact, name in entry["names"].items()
        }


def open_actions(
    path: Path, default_zone: str, now: datetime, repository: Callable[[], Repository]
) -> OpenActions:
    """Every open action at ``now``; raises what ``Repository.load`` raises for a file that
    cannot be read."""
    with collector_paused():
        try:
            seen = file_digest(path)
        except (OSError, UserError):
            seen = None  # said by ``load``, below, exactly as every other command says it
        if seen is None:
            return _worked_out(repository().load(), now)
        kept = _Kept.read(cache_path(path))
        try:
            if kept is not None and kept.holds(seen, default_zone, now):

                def again() -> OpenActions:
                    return _work_out_again(repository(), default_zone, now, None, None)

                return OpenActions(kept.entries, kept.listing(), again=again)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            kept = None  # not what followup writes: as if there were none
        return _work_out_again(repository(), default_zone, now, kept, seen)


def _holds(span: SpanRow, moment: float) -> bool:
    at, after, before = span
    return bool(moment == at or after < moment < before)


def _work_out_again(
    repo: Repository,
    default_zone: str,
    now: datetime,
    kept: _Kept | None,
    seen: FileDigest | None,
) -> OpenActions:
    from app.domain.errors import InvalidData

    if kept is not None:
        kept.parse_and_let_go()
    try:
        read = read_file(repo.path)
        if read is None:
            raise _ReadInFull
        documents = repo.documents(read.content)
        meta, offers_span, entries = _work_out(repo, documents, default_zone, now, kept)
    except (OSError, UserError, InvalidData, _ReadInFull):
        # The file's problem is said as every other command says it; a file that reads after
        # all (a race with a writer) is worked out from its records.
        return _worked_out(repo.load(), now)
    identity = read.identity
    # The bytes just hashed are these, unless the file was replaced in between.
    if seen is not None and seen.identity == identity:
        content = seen.digest
    else:
        content = _digest(read.content)
    # The file's bytes are let go before the answers are written out: the two at once were
    # the peak of a morning with nothing kept.
    del read, documents
    found = OpenActions(lambda: entries)
    _write(
        repo.path,
        identity=identity,
        content=content,
        zone=default_zone,
        meta=meta,
        offers_span=offers_span,
        entries=lambda: entries,
        listing=[(kept.opens, kept.text) for kept in found.listed],
    )
    return found


def _work_out(
    repo: Repository,
    documents: Documents,
    default_zone: str,
    now: datetime,
    kept: _Kept | None,
) -> tuple[str, SpanRow, list[dict[str, Any]]]:
    from app.domain.policy import Policy
    from app.engine.memo import watched_actions, watched_offers

    zone = documents.profile.timezone or default_zone
    policy = Policy.from_overrides(documents.policy_overrides)
    meta = _meta(documents, zone)
    ids = [document.id for document in documents.interviews]
    if not all(isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
        raise _ReadInFull  # a duplicate id: refused by ``load``, with its place
    # Only the offers' records are kept: every other is let go once its answer is worked out,
    # so that ten thousand of them are never in memory at once.
    offer_records = {
        document.doc_id: repo.read_document(documents, document)
        for document in documents.interviews
        if document.stage == "offer"
    }
    offers, offers_span = watched_offers(list(offer_records.values()), policy, now)
    offers_digest = _offers_digest(offers)
    reusable: dict[str, dict[str, Any]] = {}
    if kept is not None and kept.header.get("meta") == meta and kept.header.get("code") == _code():
        with contextlib.suppress(ValueError):
            reusable = {entry["digest"]: entry for entry in kept.entries() if _sound(entry)}
    moment = now.timestamp()
    entries = []
    for document in documents.interviews:
        digest = document.digest
        entry = reusable.get(digest)
        if entry is None or entry["offers"] != offers_digest or not _holds(entry["span"], moment):
            interview = offer_records.get(document.doc_id) or repo.read_document(
                documents, document
            )
            actions, span = watched_actions(interview, policy, now, offers)
            entry = _entry(digest, interview, offers_digest, span, actions)
        entries.append(entry)
    return meta, _span_row(offers_span), entries


def _meta(documents: Documents, zone: str) -> str:
    """The digest of what every interview's answer depends on besides its own document."""
    import orjson

    from app.domain.interchange import write_profile

    return _digest(
        orjson.dumps(
            [write_profile(documents.profile), documents.policy_overrides, zone],
            option=orjson.OPT_SORT_KEYS,
        )
    )


# --------------------------------------------------------------------------- the dashboard


class Recalled:
    """The answers kept for one version of the file, read before the file itself (``recalled``)
    so that what reading them takes and what reading the file takes are never in memory at
    once; given to the memory once the file is read (``recall``)."""

    def __init__(self, version: object, answers: list[_Answer]) -> None:
        self.version = version
        self.answers = answers


_Answer = tuple[str, str, SpanRow, list["Listed"]]
"""One interview's kept answer: its id, the offers it was worked out with, its span, and its
actions as kept (made actions only when they are given to the memory)."""


def recalled(repo: Repository, default_zone: str) -> Recalled | None:
    """The answers kept for the file as it is on disk now (None: none that describe it)."""
    with collector_paused():
        try:
            version = repo.disk_version()
            kept = _Kept.read(cache_path(repo.path))
            # Which file it describes is looked at before its bytes are hashed.
            if kept is None or version is None or tuple(kept.header["identity"][1:4]) != version:
                return None
            seen = file_digest(repo.path)
            if seen is None or not _describes(kept, seen, version, default_zone):
                return None
            answers = [_answer(entry) for entry in kept.entries()]
        except (OSError, UserError, KeyError, TypeError, ValueError, IndexError):
            return None  # what was kept is of no use: everything is worked out
    return Recalled(version, answers)


def recall(
    memo: ActionMemo,
    found: Recalled | None,
    repo: Repository,
    pipeline: Pipeline,
    now: datetime,
) -> None:
    """Give ``memo`` the answers ``found`` for the file ``pipeline`` was just read from, where
    they still hold at ``now``: the dashboard then starts without working out an interview that
    ``due`` (or an earlier dashboard) worked out."""
    from app.engine.memo import offers_key, watched_offers
    from app.engine.watch import Span

    # The file read may be another version than the one the answers were found for.
    if found is None or repo.version != found.version:
        return
    with collector_paused():
        policy = pipeline.policy
        offers, _ = watched_offers(pipeline.interviews, policy, now)
        offers_digest, key = _offers_digest(offers), offers_key(offers)
        by_id = {i.id: i for i in pipeline.interviews}
        moment = now.timestamp()
        for interview_id, offers_of, span, listed in found.answers:
            interview = by_id.get(interview_id)
            if interview is None or offers_of != offers_digest or not _holds(span, moment):
                continue
            try:
                actions = [kept.action() for kept in listed]
            except (KeyError, TypeError, ValueError, IndexError):
                continue  # kept in a shape that is not an action's: worked out instead
            memo.seed(interview, policy, key, Span(*span), actions)


def _answer(entry: dict[str, Any]) -> _Answer:
    """One kept answer, of the shape it must have; raises ``ValueError`` (or ``KeyError``,
    ``TypeError``) for one that is not."""
    interview, offers, span = entry["interview"], entry["offers"], entry["span"]
    if not (
        isinstance(interview, str)
        and isinstance(offers, str)
        and isinstance(span, list)
        and len(span) == 3
        and all(isinstance(bound, int | float) for bound in span)
    ):
        raise ValueError("not an answer")
    listed = [Listed(row) for row in entry["actions"]]
    for kept in listed:
        kept.text = ""  # what `due` prints: not needed here, and the most of what is kept
    return interview, offers, span, listed


def keep(
    memo: ActionMemo, repo: Repository, pipeline: Pipeline, default_zone: str, now: datetime
) -> None:
    """Keep the answers ``memo`` holds for ``pipeline`` beside the file it was read from, for
    the next command or dashboard (blocking: some 30 ms per thousand interviews)."""
    from app.engine.memo import offers_key, watched_offers

    read = repo.documents_read(pipeline)
    if read is None:
        return  # changed here since: the next start works it out
    documents, version = read
    with collector_paused():
        try:
            seen = file_digest(repo.path)
        except (OSError, UserError):
            return
        # The file on disk must still be the version the documents were read from: a save
        # meanwhile would have the cache describe the new file with the old answers.
        if seen is None or tuple(seen.identity[1:4]) != version:
            return
        zone = documents.profile.timezone or default_zone
        policy = pipeline.policy
        offers, offers_span = watched_offers(pipeline.interviews, policy, now)
        offers_digest, key = _offers_digest(offers), offers_key(offers)
        by_id = {i.id: i for i in pipeline.interviews}

        def entries() -> Iterator[dict[str, Any]]:
            # Made one at a time, each time the writing goes through them (``_Kept.write``):
            # ten thousand of them at once, and their JSON, were the dashboard's peak memory.
            for document in documents.interviews:
                interview = by_id.get(document.id) if isinstance(document.id, str) else None
                answer = None if interview is None else memo.kept(interview, policy, key)
                if interview is None or answer is None:
                    raise _NotAllWorkedOut
                span, actions = answer
                yield _entry(document.digest, interview, offers_digest, span, actions)

        with contextlib.suppress(_NotAllWorkedOut):  # nothing half kept
            _write(
                repo.path,
                identity=seen.identity,
                content=seen.digest,
                zone=default_zone,
                meta=_meta(documents, zone),
                offers_span=_span_row(offers_span),
                entries=entries,
            )


class _NotAllWorkedOut(Exception):
    """An interview of the file has no answer in the memory: this start did not work it out."""


def _describes(kept: _Kept, seen: FileDigest, version: object, zone: str) -> bool:
    """Whether ``kept`` was worked out from the file now on disk, which is the version the
    repository last read or wrote (its inode, size and modification time), in ``zone``."""
    header = kept.header
    return (
        header["code"] == _code()
        and header["identity"] == list(seen.identity)
        and header["content"] == seen.digest
        and header["zone"] == zone
        and tuple(seen.identity[1:4]) == version
    )


def _offers_digest(offers: list[Offer]) -> str:
    """What of the open offers an answer was worked out with."""
    from app.engine.memo import offers_key

    return _digest(_json(offers_key(offers)))


def _write(
    database: Path,
    *,
    identity: tuple[int, ...],
    content: str,
    zone: str,
    meta: str,
    offers_span: SpanRow,
    entries: Callable[[], Iterable[dict[str, Any]]],
    listing: list[tuple[float, str]] | None = None,
) -> None:
    """The cache of ``database`` replaced: ``entries()`` worked out from the file ``identity``
    names, whose bytes have the SHA-256 ``content``; ``listing`` is theirs, when already made
    (``_Kept.write``)."""
    header = {
        "version": VERSION,
        "code": _code(),
        "identity": list(identity),
        "content": content,
        "zone": zone,
        "meta": meta,
        "offers_span": offers_span,
    }
    _Kept.write(cache_path(database), header, entries, listing)


def _json(value: object) -> bytes:
    import orjson

    return orjson.dumps(value)


def _sound(entry: object) -> bool:
    """Whether a kept interview has the shape ``_entry`` gives it."""
    return (
        isinstance(entry, dict)
        and all(isinstance(entry.get(key), str) for key in _TEXT_KEYS)
        and isinstance(entry.get("names"), dict)
        and isinstance(entry.get("actions"), list)
        and all(isinstance(row, list) and len(row) == len(_ROW) for row in entry["actions"])
        and isinstance(entry.get("span"), list)
        and len(entry["span"]) == 3
        and all(isinstance(bound, int | float) for bound in entry["span"])
    )


_TEXT_KEYS = ("digest", "interview", "offers")


def _worked_out(pipeline: Pipeline, now: datetime) -> OpenActions:
    from app.engine import compute_actions
    from app.engine.watch import Span

    actions = compute_actions(pipeline.interviews, pipeline.policy, now)
    by_id = {i.id: i for i in pipeline.interviews}
    always = Span(now.timestamp(), -math.inf, math.inf)
    entries = [_entry("", by_id[action.interview], "", always, [action]) for action in actions]
    return OpenActions(lambda: entries)


# --------------------------------------------------------------------------- what is kept


class _ReadInFull(Exception):
    """The file must be read as a whole to say what is wrong with it."""


def _entry(
    digest: str, interview: Interview, offers: str, span: Span, actions: list[Action]
) -> dict[str, Any]:
    contacts = {a.contact for a in actions if a.contact is not None}
    return {
        "digest": digest,
        "interview": interview.id,
        "offers": offers,
        "span": _span_row(span),
        "actions": [_row(a) for a in actions],
        "names": {c.id: c.name or c.id for c in interview.contacts if c.id in contacts},
    }


def _row(action: Action) -> list[Any]:
    """An action as kept: ``Listed`` reads it back."""
    from zoneinfo import ZoneInfo

    zone = action.due_from.tzinfo
    # Without a zone's name, read back with the offset it was written with.
    zone_name = zone.key if isinstance(zone, ZoneInfo) and action.due_by.tzinfo is zone else ""
    listed = {
        "id": action.id,
        "interview": action.interview,
        "company": action.company,
        "kind": action.kind.value,
        "contact": action.contact,
        "round": action.round,
        "channel": None if action.channel is None else action.channel.value,
        "due_from": action.due_from.isoformat(),
        "due_by": action.due_by.isoformat(),
        "state": action.state.value,
        "reason": action.reason,
    }
    return [
        action.id,
        action.due_from.timestamp(),
        action.due_by.timestamp(),
        _json_object(listed),
        action.promise,
        action.sequence,
        zone_name,
        # What the object above says, as the engine's action has it (``Listed.action``).
        [listed[key] for key in _FIELDS],
    ]


_FIELDS = (
    "interview",
    "company",
    "kind",
    "contact",
    "round",
    "channel",
    "due_from",
    "due_by",
    "state",
    "reason",
)


def json_document(objects: list[str]) -> str:
    """What ``due --json`` prints of ``listed`` (SPEC section 8): exactly
    ``json.dumps([...], indent=2, ensure_ascii=False)`` of each action's object, with DEL and
    C1 escaped too. Each object is written once, when its action is worked out, and kept."""
    if not objects:
        return "[]"
    return "[\n" + ",\n".join(objects) + "\n]"


def _json_object(fields: dict[str, str | None]) -> str:
    """One object of the list ``json.dumps(..., indent=2, ensure_ascii=False)`` writes, with
    json's own quoting (its indenting runs in Python, some 30 times slower)."""
    from app.domain.text import CONTROL

    quote = json.encoder.encode_basestring
    text = (
        "  {\n"
        + ",\n".join(
            f"    {quote(key)}: {'null' if value is None else quote(value)}"
            for key, value in fields.items()
        )
        + "\n  }"
    )
    # json writes DEL and C1 as they are (outside ASCII it keeps text readable); here they are
    # \u escapes too, which read back as the same text and never reach a terminal.
    return CONTROL.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _span_row(span: Span) -> SpanRow:
    # JSON has no infinity: an unbounded side is a day beyond any date a file may hold.
    return [span.at, max(span.after, -_FAR), min(span.before, _FAR)]


def _moment(text: str, zone: str) -> datetime:
    from app.domain.times import zone_info

    moment = datetime.fromisoformat(text)
    return moment.astimezone(zone_info(zone)) if zone else moment


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _digest_of(parts: Iterable[bytes]) -> str:
    """The SHA-256 of ``parts`` one after another."""
    found = hashlib.sha256()
    for part in parts:
        found.update(part)
    return found.hexdigest()


def _json_list(
    entries: Iterable[dict[str, Any]], note: Callable[[dict[str, Any]], None] | None = None
) -> Iterator[bytes]:
    """The JSON of the list of ``entries``, in parts: a list's JSON is its items' JSON between
    commas (as ``orjson.dumps(list(entries))``, without all of it at once). ``note`` sees each
    entry as its part is made."""
    import orjson

    yield b"["
    for index, entry in enumerate(entries):
        if note is not None:
            note(entry)
        if index:
            yield b","
        yield orjson.dumps(entry)
    yield b"]"


def _records(listing: list[tuple[float, str]]) -> Iterator[bytes]:
    """The texts of ``listing`` as the cache keeps them, in parts: one record each."""
    for index, (_, text) in enumerate(listing):
        if index:
            yield _RECORD.encode()
        yield text.encode()


@cache
def _code() -> str:
    """Which engine worked the answers out: this followup's code that reads an interview and
    works out its actions, the holiday calendars and the time zone rules it uses. An upgrade of
    any makes what was kept useless, without anyone having to remember to say so."""
    from importlib.util import find_spec
    from zoneinfo import TZPATH

    import app

    root = Path(app.__file__).parent
    sources = [*sorted((root / "domain").rglob("*.py")), *sorted((root / "engine").rglob("*.py"))]
    sources.append(Path(__file__))
    # The holidays package is found, not imported: importing it costs more than the answers.
    calendars = find_spec("holidays")
    if calendars is not None and calendars.origin is not None:
        sources.extend(sorted(Path(calendars.origin).parent.glob("*.py")))
    # The zone rules: the system's folders (an update replaces their files, which changes the
    # folders' times) and the tzdata package where Python falls back on it.
    rules = find_spec("tzdata")
    if rules is not None and rules.origin is not None:
        sources.append(Path(rules.origin))
    sources.extend(Path(folder) for folder in TZPATH if Path(folder).is_dir())
    parts = [app.__version__]
    for source in sources:
        status = source.stat()
        parts.append(f"{source} {status.st_size} {status.st_mtime_ns}")
    return _digest("\n".join(parts).encode())


class _Kept:
    """The cache file: the SHA-256 of the header on the first line, then the header (which
    file, which code, which zone, the span of the offers, and the SHA-256 of each part after
    it), the interviews' answers, and the listing ``due --json`` prints, in the engine's order.
    A command on an unchanged file parses the header and splits the listing; the answers are
    checked and parsed only when they are needed."""

    def __init__(self, header: dict[str, Any], answers: bytes, listing: bytes) -> None:
        self.header = header
        self._answers = answers
        self._listing = listing
        self._entries: list[dict[str, Any]] | None = None

    @classmethod
    def read(cls, path: Path) -> _Kept | None:
        try:
            # Through the bounded reader: a FIFO put there is refused, never waited on.
            content = read_regular(path, _MAX_BYTES)
        except (OSError, UserError):
            return None
        parts = content.split(b"\n", 3)
        if len(parts) != 4:
            return None
        check, line, answers, listing = parts
        if check.decode("ascii", "replace") != _digest(line):
            return None
        try:
            header = json.loads(line)
        except ValueError:
            return None
        if not isinstance(header, dict) or header.get("version") != VERSION:
            return None
        return cls(header, answers, listing)

    @staticmethod
    def write(
        path: Path,
        header: dict[str, Any],
        entries: Callable[[], Iterable[dict[str, Any]]],
        listing: list[tuple[float, str]] | None = None,
    ) -> None:
        """The cache written, each part made as it is written: ``entries()`` is gone through
        twice, once for what the header says of the answers (their SHA-256, their spans, and
        the listing, unless ``listing`` gives it: when each action opens and what ``due --json``
        prints of it, in the engine's order), then once more to write them. The answers whole,
        and their JSON, were the dashboard's peak memory. An answer made differently the second
        time (the memory changed meanwhile) does not match the header: the cache counts as
        none, and the next start works it out."""
        import orjson

        spans = [header["offers_span"]]
        gathered: list[tuple[float, float, str, str]] = []

        def note(entry: dict[str, Any]) -> None:
            spans.append(entry["span"])
            if listing is None:
                # Of each action only what is listed, and what orders it.
                for action, opens, closes, text in (row[:4] for row in entry["actions"]):
                    gathered.append((closes, opens, action, text))

        answers = _digest_of(_json_list(entries(), note))
        if listing is None:
            # As the engine orders actions (``OpenActions.listed``): by ``due_by``, ``due_from``
            # and id, in a stable sort.
            gathered.sort(key=lambda kept: kept[:3])
            listing = [(opens, text) for _, opens, _, text in gathered]
            del gathered
        ranges = [span for span in spans if not span[0] == span[1] == span[2]]
        header = {
            **header,
            # Where every answer holds at once, one comparison on the next command's start:
            # between the latest start and the earliest end of the spans, and at the instant
            # of each answer that holds at one instant only (a comparison equal to now).
            "holds": [
                max((span[1] for span in ranges), default=-_FAR),
                min((span[2] for span in ranges), default=_FAR),
            ],
            "exact": sorted({span[0] for span in spans if span[0] == span[1] == span[2]}),
            "opens": [opens for opens, _ in listing],
            "answers": answers,
            "listing": _digest_of(_records(listing)),
        }
        line = orjson.dumps(header)
        parts = chain(
            (_digest(line).encode(), b"\n", line, b"\n"),
            _json_list(entries()),
            (b"\n",),
            _records(listing),
        )
        # A folder that cannot take it: the next command works it out again.
        with contextlib.suppress(UserError):
            write_beside_bytes(path, parts)

    def holds(self, seen: FileDigest, zone: str, now: datetime) -> bool:
        """Whether the answers kept are the answers for this file and zone at ``now``."""
        header = self.header
        if (
            header["code"] != _code()
            or header["identity"] != list(seen.identity)
            or header["content"] != seen.digest
            or header["zone"] != zone
        ):
            return False
        moment = now.timestamp()
        after, before = header["holds"]
        if after < moment < before and all(moment == at for at in header["exact"]):
            return True
        return _holds(header["offers_span"], moment) and all(
            _holds(entry["span"], moment) for entry in self.entries()
        )

    def entries(self) -> list[dict[str, Any]]:
        if self._entries is None:
            if _digest(self._answers) != self.header["answers"]:
                raise ValueError("the answers are not those the header names")
            # orjson: three times as fast as json on the answers of ten thousand interviews.
            import orjson

            entries = orjson.loads(self._answers)
            if not isinstance(entries, list):
                raise ValueError("not a list")
            self._entries = entries
        return self._entries

    def parse_and_let_go(self) -> None:
        """The answers parsed (if they can be) and the bytes they were parsed from let go, with
        the listing's: before the file is read to work out what changed. Both at once beside
        the file's bytes were the peak memory of a command."""
        with contextlib.suppress(ValueError):
            self.entries()
        self._answers = self._listing = b""

    def listing(self) -> list[tuple[float, str]]:
        if _digest(self._listing) != self.header["listing"]:
            raise ValueError("the listing is not the one the header names")
        opens = self.header["opens"]
        texts = self._listing.decode().split(_RECORD) if self._listing else []
        if len(opens) != len(texts):
            raise ValueError("the listing and its times do not agree")
        return list(zip(opens, texts, strict=True))


# JSON escapes every control character in text, so this never occurs inside a listed object.
_RECORD = "\x1e"


_ROW = ("id", "opens", "closes", "text", "promise", "sequence", "zone", "fields")
"""What a kept action holds, in order (``_row``, ``Listed``)."""

_FAR = 1e12
"""Some 31,700 years after 1970: beyond every instant a database may hold."""

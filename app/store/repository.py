"""The one door to the database: records go in and come out as dataclasses.

The file is a TinyDB database with three tables: ``meta``, one document holding the profile and
the policy overrides; ``interviews``, one document per interview in the interchange form
(``app.domain.interchange`` converts both ways, here and nowhere else) but for the texts of sent
messages; and ``texts``, which holds those (``store.texts``). What is read is validated like an
imported file, so a hand-edited mistake is reported with its place, not as a traceback.

Every write goes through ``update``: under the lock, it reads the file as it is now, applies the
change and writes the result in one atomic replacement, so two instances never lose each other's
writes and a crash never leaves half a change.

A repository remembers the file as it last read or wrote it, records included, and trusts that
memory for as long as the file on disk is the one it saw (same inode, size and modification
time): a long-lived repository, as the dashboard's, then reads a large file once, and a save
costs little more than writing the bytes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import orjson

from app.domain.copies import field_names, replace
from app.domain.errors import InvalidData, Problems
from app.domain.interchange import (
    Pipeline,
    read_interview,
    read_profile,
    typed_document,
    typed_interview,
    write_interview,
    write_profile,
)
from app.domain.interchange.typed import plain
from app.domain.policy import read_overrides
from app.domain.records import Event, Interview, Profile
from app.errors import UserError
from app.files import check_regular
from app.memory import collector_paused
from app.store.atomic import remove_leftover_temporaries
from app.store.documents import INTERVIEWS, META, TEXTS, Document, Documents
from app.store.errors import UnreadableDatabase
from app.store.paths import backup_path
from app.store.texts import apart, check, event_times, kept_texts, together

if TYPE_CHECKING:
    from app.store.lock import DatabaseLock

META_KEYS = {"profile", "policy"}

Change = Callable[[Pipeline], Pipeline]
Table = dict[str, dict[str, Any]]
Stored = dict[str, Document]
"""The interviews (or texts) table as the storage gives it: each document kept as its JSON."""


class UnknownInterview(UserError):
    def __init__(self, interview_id: str, path: Path) -> None:
        super().__init__(f'there is no interview "{interview_id}" in {path}')
        self.interview_id = interview_id


class InterviewExists(UserError):
    def __init__(self, interview_id: str, path: Path) -> None:
        super().__init__(f'there is an interview "{interview_id}" in {path} already')
        self.interview_id = interview_id


class InterviewsExist(UserError):
    """An import would overwrite interviews that are already there."""

    def __init__(self, ids: list[str], path: Path) -> None:
        more = f" (and {len(ids) - 1} more)" if len(ids) > 1 else ""
        super().__init__(f'interview "{ids[0]}"{more} is already in {path}')
        self.ids = ids


@dataclass(frozen=True, slots=True)
class FirstPart:
    """What of a large file to read first, and show before the rest is read."""

    choose: Callable[[list[tuple[object, object]]], set[object]]
    """The ids to read first, from the id and stage of every stored interview (as stored, in
    the file's order)."""
    show: Callable[[Pipeline, int], None]
    """Given those interviews alone, and how many the file holds."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    profile_fields: tuple[str, ...] = ()
    policy_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """The file as read: the records, the documents they came from (by interview id), and the
    documents left unread because the change is about one interview only."""

    pipeline: Pipeline
    tables: dict[str, Any]
    doc_ids: dict[str, str]
    carried: Stored


class Repository:
    def __init__(self, path: Path, *, default_zone: str) -> None:
        self._path = path
        self._default_zone = default_zone
        self._db: Any = None
        # The records decoded from the tables the storage last returned or wrote, and those
        # tables: the storage hands back the same object for as long as the file is unchanged.
        self._known: tuple[object, _Snapshot] | None = None
        # The last whole file decoded and the zone it was read in: its records are reused for
        # the documents a later version of the file holds unchanged, so that reading the file
        # again after another followup changed one interview reads that interview alone.
        self._earlier: tuple[str, _Snapshot] | None = None
        self._busy = threading.RLock()
        # Made once: building a lock resolves the path and looks up filelock's lock for it,
        # which cost a save at 100 interviews as much as its fsync of the folder.
        self._lock: DatabaseLock | None = None
        self.saw_other_writes = False
        """Whether the last change found the file other than this repository last saw it."""
        self.writes = 0
        """How many times this repository has written the file."""

    @property
    def path(self) -> Path:
        return self._path

    @property
    def backup_path(self) -> Path:
        return backup_path(self._path)

    # ----------------------------------------------------------------------- reading

    def load(self, first: FirstPart | None = None, *, texts: bool = False) -> Pipeline:
        """The database as it is now; empty if there is no file. Never writes anything but the
        removal of what a killed writer left behind. With ``first``, the interviews it picks
        are read first and shown before the others are read.

        The records' sent messages have no text (nothing on the daily path reads one) unless
        ``texts`` is set, as for an export; a change to a record read without them keeps them.
        """
        if check_regular(self._path) is None:
            # A first write killed before its rename leaves only a temporary behind.
            remove_leftover_temporaries(Path(os.path.realpath(self._path)))
            return Pipeline()
        # Parsing a large file makes millions of objects, none in a cycle: see collector_paused.
        with collector_paused(), self._open() as db:
            try:
                raw = db.storage.read()
                snapshot = self._snapshot(raw, first=first)
                return self._with_texts(snapshot) if texts else snapshot.pipeline
            finally:
                db.storage.release()

    def whole_interview(self, interview_id: str) -> Interview | None:
        """The interview as the file holds it, with the texts of its sent messages (None: not
        there): what putting it back after a deletion needs, read for it alone."""
        if check_regular(self._path) is None:
            return None
        with collector_paused(), self._open() as db:
            try:
                snapshot = self._snapshot(db.storage.read())
                doc_id = snapshot.doc_ids.get(interview_id)
                if doc_id is None:
                    return None
                said: Stored = snapshot.tables.get(TEXTS) or {}
                if doc_id not in said:
                    return next(i for i in snapshot.pipeline.interviews if i.id == interview_id)
                docs: Stored = snapshot.tables.get(INTERVIEWS) or {}
                zone = self._zone(snapshot.pipeline.profile)
                try:
                    return self._complete(docs[doc_id], said[doc_id], zone)
                except InvalidData as bad:
                    self._unreadable(f"holds data followup cannot read: {bad}")
            finally:
                db.storage.release()

    def _with_texts(self, snapshot: _Snapshot) -> Pipeline:
        said: Stored = snapshot.tables.get(TEXTS) or {}
        docs: Stored = snapshot.tables.get(INTERVIEWS) or {}
        pipeline = snapshot.pipeline
        zone = self._zone(pipeline.profile)
        problems = Problems()
        interviews = []
        for interview in pipeline.interviews:
            doc_id = snapshot.doc_ids[interview.id]
            if doc_id not in said:
                interviews.append(interview)
                continue
            try:
                interviews.append(self._complete(docs[doc_id], said[doc_id], zone))
            except InvalidData as bad:
                problems.items.extend(bad.problems)
        if problems:
            self._unreadable(f"holds data followup cannot read: {InvalidData(problems.items)}")
        return replace(pipeline, interviews=tuple(interviews))

    def _complete(self, doc: Document, said: Document, zone: str) -> Interview:
        """The interview of ``doc`` with the texts ``said`` holds for it; raises
        ``InvalidData``."""
        where, said_where = f'{INTERVIEWS}["{doc.doc_id}"]', f'{TEXTS}["{said.doc_id}"]'
        # Each read once: a document kept where it is in the file is read back at each ask.
        raw, said_raw = doc.raw, said.raw
        merged = together(self._json(raw, where), self._json(said_raw, said_where), said_where)
        typed = typed_interview(merged, zone) if plain(raw) and plain(said_raw) else None
        return typed or read_interview(merged, zone, where)

    def load_profile(self) -> Profile:
        """Only the profile: the file is parsed, but no interview is read."""
        if check_regular(self._path) is None:
            return Profile()
        with self._open() as db:
            try:
                raw = db.storage.read()
            finally:
                db.storage.release()
        if raw is None:
            return Profile()
        problems = Problems()
        profile, _ = _read_meta(_table(raw, META), problems)
        if problems:
            self._unreadable(f"holds data followup cannot read: {InvalidData(problems.items)}")
        return profile

    def documents(self, content: bytes) -> Documents:
        """``content``'s profile, policy and interview documents, the interviews not read yet
        (``read_document``). Raises ``UnreadableDatabase`` as ``load`` would."""
        from app.store import documents
        from app.store.codec import decode

        found = documents.split(content, self._meta)
        if found is not None:
            return found
        tables = decode(content, self._path, self.backup_path)
        profile, policy = self._meta(_table(tables, META))
        return documents.parsed(profile, policy, _table(tables, INTERVIEWS))

    def _meta(self, meta: Table) -> tuple[Profile, dict[str, Any]]:
        problems = Problems()
        profile, policy = _read_meta(meta, problems)
        if problems:
            self._unreadable(f"holds data followup cannot read: {InvalidData(problems.items)}")
        return profile, policy

    def documents_read(self, pipeline: Pipeline) -> tuple[Documents, object] | None:
        """The documents ``pipeline`` was read from and the version of the file they are, if
        it is what this repository last read or wrote of the whole file (None otherwise)."""
        from app.store import documents

        with self._busy:
            known, version = self._known, self.version
        if known is None or known[1].pipeline is not pipeline:
            return None
        docs = known[1].tables.get(INTERVIEWS) or {}
        policy = dict(pipeline.policy_overrides)
        return Documents(pipeline.profile, policy, documents.in_order(docs)), version

    def read_document(self, documents: Documents, document: Document) -> Interview:
        """One interview document of ``documents``; raises ``InvalidData``."""
        zone = documents.profile.timezone or self._default_zone
        # Each document looked at alone: a text elsewhere in the file that the typed reader
        # would refuse sends no other document the long way.
        raw = document.raw
        typed = typed_document(raw, zone) if plain(raw) else None
        where = f'{INTERVIEWS}["{document.doc_id}"]'
        return typed or read_interview(self._parsed(document, where), zone, where)

    def _parsed(self, document: Document, where: str) -> Any:
        return self._json(document.raw, where)

    def _json(self, raw: bytes, where: str) -> Any:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            # JSON that msgspec split but orjson refuses (an integer past 64 bits).
            self._unreadable(f"is not valid JSON at {where} ({error})")

    # ----------------------------------------------------------------------- writing

    def update(self, change: Change, *, texts: bool = False) -> Pipeline:
        """Apply ``change`` to the current file under the lock; write only if it changed.

        With ``texts``, ``change`` is given the records with the texts of their sent messages
        and gives back records whose texts are all they hold (an import, which may replace
        them); without, the texts an event had are kept (``Repository.load``)."""
        return self._update(change, only=None, texts=texts)

    def import_pipeline(self, incoming: Pipeline, *, replace: bool) -> ImportReport:
        """Add the interviews of ``incoming``, all or none.

        An interview id already in the database is refused unless ``replace``. The profile's
        empty fields are filled from ``incoming``, and policy keys the database does not set are
        added; with ``replace``, ``incoming`` wins for every field and key it sets.
        """
        reports: list[ImportReport] = []

        def change(current: Pipeline) -> Pipeline:
            merged, report = merge(current, incoming, replace=replace, path=self._path)
            reports.append(report)
            return merged

        self.update(change, texts=True)
        return reports[-1]

    def put_interview(self, interview: Interview) -> None:
        """Store ``interview``, replacing the one with its id or adding it."""

        def change(current: Pipeline) -> Pipeline:
            return replace(current, interviews=_upsert(current.interviews, interview))

        self._update(change, only=interview.id)

    def add_interview(self, interview: Interview) -> None:
        """Store ``interview``, which the file must not hold yet (raises ``InterviewExists``)."""

        def change(current: Pipeline) -> Pipeline:
            if any(i.id == interview.id for i in current.interviews):
                raise InterviewExists(interview.id, self._path)
            return replace(current, interviews=(*current.interviews, interview))

        self._update(change, only=interview.id)

    def change_interview(
        self, interview_id: str, fn: Callable[[Interview], Interview]
    ) -> Interview:
        """Apply ``fn`` to the stored interview, as it is in the file now."""
        changed: list[Interview] = []

        def change(current: Pipeline) -> Pipeline:
            interviews = list(current.interviews)
            for index, interview in enumerate(interviews):
                if interview.id == interview_id:
                    interviews[index] = fn(interview)
                    changed.append(interviews[index])
                    return replace(current, interviews=tuple(interviews))
            raise UnknownInterview(interview_id, self._path)

        self._update(change, only=interview_id)
        return changed[-1]

    def remove_interview(
        self, interview_id: str, check: Callable[[Interview], None] | None = None
    ) -> None:
        """Take an interview out, its texts with it; absent already is fine. ``check`` sees
        the stored interview first, and may raise to keep it."""

        def change(current: Pipeline) -> Pipeline:
            kept = tuple(i for i in current.interviews if i.id != interview_id)
            if check is not None:
                for stored in current.interviews:
                    if stored.id == interview_id:
                        check(stored)
            return replace(current, interviews=kept)

        self._update(change, only=interview_id)

    def append_event(self, interview_id: str, event: Event) -> Interview:
        """Add ``event`` to an interview's history, which stays in time order."""
        return self.change_interview(interview_id, lambda i: i.with_events(event))

    # ----------------------------------------------------------------------- the file

    def _update(self, change: Change, *, only: str | None, texts: bool = False) -> Pipeline:
        """``update``; with ``only``, ``change`` sees just that interview (if stored), and the
        other documents are written back as they were, unread: a change to one interview then
        costs a parse and a write of the file rather than reading ten thousand records."""
        check_regular(self._path)  # a FIFO or a device is refused before it is locked
        with self._locked(), collector_paused(), self._open() as db:
            try:
                return self._change(db, change, only, texts)
            finally:
                db.storage.release()

    def _change(self, db: Any, change: Change, only: str | None, texts: bool) -> Pipeline:
        """The change under the lock, on the file as it is now."""
        seen = db.storage.trusted_version
        raw = db.storage.read()
        known = self._known is not None and self._known[0] is raw
        # Another writer changed the file if it is not the version last read or written
        # here (a file that is still not there is the one seen: a new database).
        self.saw_other_writes = db.storage.trusted_version != seen
        before = self._snapshot(raw) if known else self._decode(raw, only)
        if texts:
            before = replace(before, pipeline=self._with_texts(before))
        after = change(before.pipeline)
        if after is before.pipeline or after == before.pipeline:
            return after
        tables, doc_ids = self._encode(before, after, texts_given=texts)
        db.storage.write(tables)
        self.writes += 1
        # Only a change that saw every interview leaves records that stand for the file.
        whole = not before.carried
        self._known = None
        if whole:
            written = _Snapshot(after, tables, doc_ids, {})
            self._known = (tables, written)
            self._earlier = (self._zone(after.profile), written)
        return after

    def _locked(self) -> DatabaseLock:
        from app.store.lock import DatabaseLock

        if self._lock is None:
            self._lock = DatabaseLock(self._path)
        return self._lock

    @contextmanager
    def _open(self) -> Iterator[Any]:
        """The TinyDB database, kept open between calls so that its storage's memory of the
        file lasts; forgotten after any failure, so that the next call starts from the file."""
        from tinydb import TinyDB

        from app.store.storage import SafeJSONStorage

        # One call at a time: the dashboard saves in one worker thread while it may read the
        # file again in another, and what is remembered of the file is shared by both.
        with self._busy:
            if self._db is None:
                self._db = TinyDB(
                    self._path, storage=SafeJSONStorage, keep_written=True, documents=True
                )
            try:
                yield self._db
            except (UserError, InvalidData):
                raise  # a refused change: the file and what is remembered of it are unchanged
            except BaseException:
                self.forget()
                raise

    @property
    def version(self) -> object:
        """The version of the file this repository last read or wrote (None: not yet)."""
        return None if self._db is None else self._db.storage.trusted_version

    def disk_version(self) -> object:
        """The version of the file on disk now, to compare with ``version``."""
        from app.store.storage import file_version

        return file_version(self._path)

    def forget(self) -> None:
        """Drop what this repository remembers of the file; the next call reads it again."""
        if self._db is not None:
            self._db.close()
        self._db = None
        self._known = None
        self._lock = None  # the path is resolved again, as the storage's is

    def _snapshot(
        self, raw: Mapping[str, Any] | None, *, first: FirstPart | None = None
    ) -> _Snapshot:
        """The whole file's records, decoded once per version of the file."""
        if self._known is not None and self._known[0] is raw:
            return self._known[1]
        snapshot = self._decode(raw, None, first)
        self._known = (raw, snapshot)
        self._earlier = (self._zone(snapshot.pipeline.profile), snapshot)
        return snapshot

    def _decode(
        self, raw: Mapping[str, Any] | None, only: str | None, first: FirstPart | None = None
    ) -> _Snapshot:
        if raw is None:
            return _Snapshot(Pipeline(), {}, {}, {})
        with collector_paused():
            return self._decode_tables(raw, only, first)

    def _decode_tables(
        self, raw: Mapping[str, Any], only: str | None, first: FirstPart | None
    ) -> _Snapshot:
        problems = Problems()
        tables = dict(raw)
        meta = _table(tables, META)
        docs: Stored = tables.get(INTERVIEWS) or {}
        said: Stored = tables.get(TEXTS) or {}
        profile, policy = _read_meta(meta, problems)
        zone = self._zone(profile)
        earlier = _reusable(self._earlier, zone) if only is None else {}
        order = sorted(docs, key=_doc_order)
        for doc_id in sorted(set(said) - set(docs), key=_doc_order):
            problems.add(f'{TEXTS}["{doc_id}"]', "sits beside no interview")

        def read(doc_id: str) -> Interview | None:
            doc = docs[doc_id]
            where = f'{INTERVIEWS}["{doc_id}"]'
            same = earlier.get(doc_id)
            if same is not None and same[0] == doc.digest:
                return same[1]
            texts = said.get(doc_id)
            if texts is not None and texts.source is None:
                # A file read the long way (an older schema, a hand edit) is read whole, as it
                # always was: its texts too, each checked where it is.
                try:
                    return self._complete(doc, texts, zone)
                except InvalidData as bad:
                    problems.items.extend(bad.problems)
                    return None
            # The typed reader where it may (nearly always): about ten times faster.
            stored = doc.raw
            interview = typed_document(stored, zone) if plain(stored) else None
            if interview is None:
                try:
                    interview = read_interview(self._parsed(doc, where), zone, where)
                except InvalidData as bad:
                    problems.items.extend(bad.problems)
            return interview

        read_first: dict[str, Interview | None] = {}
        if first is not None and only is None and not problems:
            wanted = first.choose([(docs[doc_id].id, docs[doc_id].stage) for doc_id in order])
            read_first = {d: read(d) for d in order if _ident(docs[d].id) in wanted}
            if not problems:
                shown = {i.id: i for i in read_first.values() if i is not None}
                first.show(Pipeline(profile, policy, tuple(shown.values())), len(order))
        interviews: list[Interview] = []
        doc_ids: dict[str, str] = {}
        carried: Stored = {}
        for doc_id in order:
            if only is not None and docs[doc_id].id != only:
                # Written back unread, but never unless it is JSON the full reader would
                # read: a file followup cannot read is not written over.
                self._parsed(docs[doc_id], f'{INTERVIEWS}["{doc_id}"]')
                carried[doc_id] = docs[doc_id]
                continue
            where = f'{INTERVIEWS}["{doc_id}"]'
            interview = read_first[doc_id] if doc_id in read_first else read(doc_id)
            if interview is None:
                continue
            if interview.id in doc_ids:
                problems.add(f"{where}.id", f'duplicate interview id "{interview.id}"')
                continue
            doc_ids[interview.id] = doc_id
            interviews.append(interview)
        if problems:
            self._unreadable(f"holds data followup cannot read: {InvalidData(problems.items)}")
        pipeline = Pipeline(profile, policy, tuple(interviews))
        return _Snapshot(pipeline, tables, doc_ids, carried)

    def _encode(
        self, before: _Snapshot, after: Pipeline, *, texts_given: bool = False
    ) -> tuple[dict[str, Any], dict[str, str]]:
        """The new tables, with the document id of each interview: documents of unchanged
        interviews kept as they were, by doc id. With ``texts_given``, each record holds all
        its texts; otherwise those the file holds for its events are kept."""
        _check_ids(after, {_ident(doc.id) for doc in before.carried.values()})
        old = {i.id: i for i in before.pipeline.interviews}
        stored: Stored = before.tables.get(INTERVIEWS) or {}
        said: Stored = before.tables.get(TEXTS) or {}
        next_id = max((_doc_order(k) for k in stored), default=0) + 1
        table: Stored = dict(before.carried)
        texts: Stored = {}
        doc_ids: dict[str, str] = {}
        problems = Problems()
        for interview in after.interviews:
            doc_id = before.doc_ids.get(interview.id)
            if doc_id is not None and (
                old[interview.id] is interview or old[interview.id] == interview
            ):
                table[doc_id] = stored[doc_id]
                doc_ids[interview.id] = doc_id
                continue
            if doc_id is None:
                doc_id, next_id = str(next_id), next_id + 1
            doc_ids[interview.id] = doc_id
            try:
                whole = interview if texts_given else self._texts_kept(interview, doc_id, before)
                written = write_interview(whole)
                # What is written must read back: a dangling reference is refused here, not
                # discovered on the next start. The typed reader accepts what the full one
                # does, and the full one says what is wrong.
                if typed_interview(written, self._default_zone) is None:
                    read_interview(written, self._default_zone, f'interview "{interview.id}"')
            except InvalidData as bad:
                problems.items.extend(bad.problems)
                continue
            doc, own = apart(written)
            table[doc_id] = Document(doc_id, interview.id, doc.get("stage"), orjson.dumps(doc))
            if own is not None:
                texts[doc_id] = Document(doc_id, interview.id, None, orjson.dumps(own))
                texts[doc_id].fits = table[doc_id].digest  # made from the same record
        unchecked: list[str] = []
        for doc_id, document in table.items():
            if doc_id in said and document is stored.get(doc_id):
                texts[doc_id] = said[doc_id]
                if said[doc_id].fits != document.digest:
                    unchecked.append(doc_id)
        for doc_id in unchecked:
            # Written back unread with its interview: never unless it is what followup
            # writes, so that a file followup cannot read is not written over.
            self._check_texts(said[doc_id], stored[doc_id])
        profile = write_profile(after.profile)
        if after.profile != before.pipeline.profile:
            try:
                read_profile(profile)
            except InvalidData as bad:
                problems.items.extend(bad.problems)
        if after.policy_overrides != before.pipeline.policy_overrides:
            read_overrides(after.policy_overrides, "policy", problems)
        problems.raise_if_any()
        tables = dict(before.tables)
        tables[META] = {"1": {"profile": profile, "policy": dict(after.policy_overrides)}}
        tables[INTERVIEWS] = dict(sorted(table.items(), key=lambda item: _doc_order(item[0])))
        tables.pop(TEXTS, None)
        if texts:
            # In the interviews' order, which is the document ids'.
            tables[TEXTS] = {key: texts[key] for key in tables[INTERVIEWS] if key in texts}
        return tables, doc_ids

    def _texts_kept(self, interview: Interview, doc_id: str, before: _Snapshot) -> Interview:
        """``interview``, about to be written as ``doc_id``, with the texts its events have
        in the file (it may have been read without them): those of its events still there are
        kept, and no other. Raises ``UnreadableDatabase``."""
        said: Stored = before.tables.get(TEXTS) or {}
        if doc_id not in said:
            return interview
        stored: Stored = before.tables.get(INTERVIEWS) or {}
        zone = self._zone(before.pipeline.profile)
        try:
            whole = self._complete(stored[doc_id], said[doc_id], zone)
        except InvalidData as bad:
            # The file's fault, not the change's: nothing is written over it.
            self._unreadable(f"holds data followup cannot read: {bad}")
        return kept_texts(interview, whole)

    def _check_texts(self, said: Document, beside: Document) -> None:
        """Raise ``UnreadableDatabase`` unless ``said`` is a texts document followup writes for
        the interview document ``beside``: each text where an event of it is, at its time."""
        where = f'{TEXTS}["{said.doc_id}"]'
        try:
            check(self._parsed(said, where), beside.id, event_times(beside.raw), where)
        except InvalidData as bad:
            self._unreadable(f"holds data followup cannot read: {bad}")
        said.fits = beside.digest

    def _zone(self, profile: Profile) -> str:
        return profile.timezone or self._default_zone

    def _unreadable(self, problem: str) -> NoReturn:
        raise UnreadableDatabase(self._path, self.backup_path, problem)


# --------------------------------------------------------------------------- pure helpers


def merge(
    current: Pipeline, incoming: Pipeline, *, replace: bool, path: Path
) -> tuple[Pipeline, ImportReport]:
    """``current`` with ``incoming`` imported into it (see ``Repository.import_pipeline``)."""
    stored = {i.id for i in current.interviews}
    clashes = [i.id for i in incoming.interviews if i.id in stored]
    if clashes and not replace:
        raise InterviewsExist(clashes, path)
    replacing = {i.id: i for i in incoming.interviews if i.id in stored}
    interviews = (
        *(replacing.get(i.id, i) for i in current.interviews),
        *(i for i in incoming.interviews if i.id not in stored),
    )
    profile, profile_fields = merge_profile(current.profile, incoming.profile, replace_all=replace)
    policy = dict(current.policy_overrides)
    policy_keys = []
    for key, value in incoming.policy_overrides.items():
        if (key not in policy or replace) and policy.get(key, _MISSING) != value:
            policy[key] = value
            policy_keys.append(key)
    report = ImportReport(
        added=tuple(i.id for i in incoming.interviews if i.id not in stored),
        replaced=tuple(clashes),
        profile_fields=profile_fields,
        policy_keys=tuple(policy_keys),
    )
    return Pipeline(profile, policy, interviews), report


def merge_profile(
    current: Profile, incoming: Profile, *, replace_all: bool
) -> tuple[Profile, tuple[str, ...]]:
    """``current`` with ``incoming``'s non-empty fields: where it has none, or everywhere."""
    changes: dict[str, Any] = {}
    for name in field_names(Profile):
        mine, theirs = getattr(current, name), getattr(incoming, name)
        if theirs and theirs != mine and (replace_all or not mine):
            changes[name] = theirs
    return replace(current, **changes), tuple(changes)


def _reusable(earlier: tuple[str, _Snapshot] | None, zone: str) -> dict[str, tuple[str, Interview]]:
    """Document id -> (the digest of the document's JSON, its record) of the file as it was
    last decoded in ``zone``."""
    if earlier is None or earlier[0] != zone:
        return {}
    snapshot = earlier[1]
    docs: Stored = snapshot.tables.get(INTERVIEWS) or {}
    by_id = {i.id: i for i in snapshot.pipeline.interviews}
    return {
        doc_id: (docs[doc_id].digest, by_id[interview_id])
        for interview_id, doc_id in snapshot.doc_ids.items()
        if doc_id in docs
    }


def _upsert(interviews: tuple[Interview, ...], interview: Interview) -> tuple[Interview, ...]:
    for index, old in enumerate(interviews):
        if old.id == interview.id:
            return (*interviews[:index], interview, *interviews[index + 1 :])
    return (*interviews, interview)


def _check_ids(pipeline: Pipeline, taken: set[object]) -> None:
    """No two interviews with one id, counting those of the documents left unread."""
    problems = Problems()
    seen = set(taken)
    for interview in pipeline.interviews:
        if interview.id in seen:
            problems.add(f'interview "{interview.id}"', "duplicate interview id")
        seen.add(interview.id)
    problems.raise_if_any()


def _table(tables: Mapping[str, Any], name: str) -> Table:
    # The storage has checked the layout: every table maps numeric ids to objects.
    table: Table = tables.get(name) or {}
    return table


def _read_meta(meta: Table, problems: Problems) -> tuple[Profile, dict[str, Any]]:
    if not meta:
        return Profile(), {}
    doc_id = min(meta, key=_doc_order)
    where = f'{META}["{doc_id}"]'
    doc = meta[doc_id]
    if len(meta) > 1:
        problems.add(META, "holds more than one document")
    for key in doc:
        if key not in META_KEYS:
            problems.add(f"{where}.{key}", "unknown field; expected policy or profile")
    try:
        profile = read_profile(doc.get("profile"), f"{where}.profile")
    except InvalidData as bad:
        problems.items.extend(bad.problems)
        profile = Profile()
    policy = doc.get("policy") or {}
    read_overrides(policy, f"{where}.policy", problems)
    return profile, dict(policy) if isinstance(policy, Mapping) else {}


def _ident(stored: object) -> str | None:
    """An id as stored, where it is one (a hand edit may have put anything there)."""
    return stored if isinstance(stored, str) else None


def _doc_order(doc_id: str) -> int:
    # TinyDB's document ids are numbers stored as text: "10" comes after "9".
    return int(doc_id)


_MISSING = object()

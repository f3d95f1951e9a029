"""What ``due`` keeps beside the database: the same answers as working everything out, read
again only for what changed, and never trusted over the file."""

from __future__ import annotations

import hashlib
import json
import math
import os
import stat
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.commands.context import machine_zone
from app.domain.text import CONTROL
from app.engine import compute_actions
from app.services import open_actions as kept_module
from app.services.open_actions import cache_path, open_actions
from app.store.repository import Repository
from tests.cli_runs import cli, demo_database

AT = "2026-12-04T09:00:00+00:00"
LATER = [
    "2026-12-04T09:00:00+00:00",
    "2026-12-04T15:30:00+00:00",
    "2026-12-06T08:00:00+00:00",
    "2026-12-11T12:00:00+00:00",
    "2026-12-01T10:00:00+00:00",
    "2026-12-04T09:00:00+00:00",
]


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return demo_database(tmp_path, capsys, AT)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the file was parsed, and which interview documents were read."""
    counted: dict[str, int] = {"parsed": 0}
    documents, read_document = Repository.documents, Repository.read_document

    def counting_documents(self, content):  # type: ignore[no-untyped-def]
        counted["parsed"] += 1
        return documents(self, content)

    def counting_read(self, documents, document):  # type: ignore[no-untyped-def]
        counted[document.id] = counted.get(document.id, 0) + 1
        return read_document(self, documents, document)

    monkeypatch.setattr(Repository, "documents", counting_documents)
    monkeypatch.setattr(Repository, "read_document", counting_read)
    return counted


def due(capsys: pytest.CaptureFixture[str], db: Path, at: str, *more: str) -> str:
    code, out, err = cli(capsys, "due", "--db", str(db), "--at", at, *more)
    assert code == 0, err
    return out


def worked_out_afresh(capsys: pytest.CaptureFixture[str], db: Path, at: str, *more: str) -> str:
    cache_path(db).unlink(missing_ok=True)
    return due(capsys, db, at, *more)


@pytest.mark.parametrize("form", [("--json",), ()], ids=["json", "text"])
def test_what_is_kept_gives_what_working_it_out_gives(capsys, db, form):
    for at in LATER:
        given = due(capsys, db, at, *form)
        assert given == worked_out_afresh(capsys, db, at, *form)
        assert given.strip()


def test_an_unchanged_file_is_not_even_parsed(capsys, db, reads):
    first = due(capsys, db, AT, "--json")
    assert reads["parsed"] == 1
    again = due(capsys, db, AT, "--json")
    assert again == first
    assert reads["parsed"] == 1
    assert len(json.loads(again)) > 5


def test_a_change_to_one_interview_reads_that_interview_alone(capsys, db, reads):
    listed = json.loads(due(capsys, db, AT, "--json"))
    action = next(a for a in listed if a["state"] != "upcoming" and a["kind"] == "thank_you")
    code, _, err = cli(capsys, "sent", action["id"], "--db", str(db), "--at", AT)
    assert code == 0, err
    offered = {
        i["id"]
        for i in json.loads(cli(capsys, "export", "--db", str(db))[1])["interviews"]
        if i["stage"] == "offer"
    }
    before = {k: v for k, v in reads.items() if k != "parsed"}
    after_change = json.loads(due(capsys, db, AT, "--json"))
    read_now = {k: v - before.get(k, 0) for k, v in reads.items() if k != "parsed"}
    read_now = {k for k, v in read_now.items() if v}
    # The offers every interview is told about are read from their interviews every time.
    assert read_now == {action["interview"]} | offered
    assert action["id"] not in {a["id"] for a in after_change}
    assert after_change == json.loads(worked_out_afresh(capsys, db, AT, "--json"))


def test_time_moving_on_reads_only_the_interviews_whose_answer_ran_out(capsys, db, reads):
    due(capsys, db, AT, "--json")
    total = len(json.loads(cli(capsys, "export", "--db", str(db))[1])["interviews"])
    first = {k: v for k, v in reads.items() if k != "parsed"}
    assert len(first) == total
    due(capsys, db, "2026-12-04T09:00:01+00:00", "--json")
    again = {k for k, v in reads.items() if k != "parsed" and v > first.get(k, 0)}
    assert len(again) < total


def digest(part: bytes) -> str:
    return hashlib.sha256(part).hexdigest()


def checked(header: bytes, rest: bytes = b"\n") -> bytes:
    """A cache file with ``header``, and the digest that makes it look like followup's own."""
    return digest(header).encode() + b"\n" + header + b"\n" + rest


def parts(db: Path) -> list[bytes]:
    """The header, the interviews' answers and the listing of the cache."""
    return cache_path(db).read_bytes().partition(b"\n")[2].split(b"\n", 2)


def kept_with(db: Path, *, entries: object = None, listing: bytes | None = None, **header):
    """The cache of ``db`` with a header, answers or listing of our choosing, each with the
    digests that make them look like followup's own."""
    old_header, old_entries, old_listing = parts(db)
    answers = old_entries if entries is None else json.dumps(entries).encode()
    listing = old_listing if listing is None else listing
    new_header = {
        **json.loads(old_header),
        "answers": digest(answers),
        "listing": digest(listing),
        **header,
    }
    return checked(json.dumps(new_header).encode(), answers + b"\n" + listing)


DAMAGE = {
    "empty": lambda db: b"",
    "zeros": lambda db: b"\x00" * 100,
    "garbage": lambda db: b"not a cache at all",
    "cut-short": lambda db: cache_path(db).read_bytes()[:-100],
    "changed": lambda db: cache_path(db).read_bytes().replace(b'"state": "due"', b'"state": "x"'),
    "other-shape": lambda db: checked(b'{"version": 6}', b"[]\n"),
    "a-list": lambda db: checked(b"[1, 2, 3]"),
    "bad-answers": lambda db: kept_with(db, entries=[{"span": "always"}, 7]),
    "not-a-list": lambda db: kept_with(db, entries={"a": 1}),
    "bad-listing": lambda db: kept_with(db, listing=b"soon\x1f{}"),
    "bad-header": lambda db: kept_with(db, holds="always", offers_span=None),
    "other-version": lambda db: kept_with(db, version=99),
    "bad-and-stale": lambda db: kept_with(db, content="0" * 64, entries=[{"digest": 1}, None]),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
@pytest.mark.parametrize("form", [("--json",), ()], ids=["json", "text"])
def test_a_damaged_cache_is_worked_out_again(capsys, db, damage, form):
    right = due(capsys, db, AT, *form)
    cache_path(db).write_bytes(damage(db))
    assert due(capsys, db, AT, *form) == right
    assert due(capsys, db, AT, *form) == right


def test_a_deleted_cache_is_written_again_privately(capsys, db):
    right = due(capsys, db, AT)
    cache_path(db).unlink()
    assert due(capsys, db, AT) == right
    assert stat.S_IMODE(cache_path(db).stat().st_mode) == 0o600


def test_the_cache_of_other_bytes_is_never_used(capsys, tmp_path, db):
    """A cache that names this file but was worked out from other bytes (the same inode and
    times, a rewrite in place) is not believed: the digest of the bytes decides."""
    due(capsys, db, AT, "--json")
    other = demo_database(tmp_path / "other", capsys, "2026-11-20T09:00:00+00:00")
    due(capsys, other, AT, "--json")
    # The other database's answers, dressed up as this file's.
    identity = json.loads(parts(db)[0])["identity"]
    cache_path(db).write_bytes(kept_with(other, identity=identity))
    assert due(capsys, db, AT, "--json") == worked_out_afresh(capsys, db, AT, "--json")


def test_a_bad_file_is_refused_as_it_was_whatever_was_kept(capsys, db):
    due(capsys, db, AT)
    document = json.loads(db.read_bytes())
    first = next(iter(document["interviews"].values()))
    first["company"] = 7
    db.write_text(json.dumps(document))
    code, out, err = cli(capsys, "due", "--db", str(db), "--at", AT)
    cache_path(db).unlink()
    assert (code, out, err) == cli(capsys, "due", "--db", str(db), "--at", AT)
    assert code == 1 and "company" in err


def test_a_cache_that_cannot_be_written_leaves_the_answer_alone(capsys, db):
    right = due(capsys, db, AT)
    cache_path(db).unlink()
    cache_path(db).mkdir()  # neither read nor replaced
    assert due(capsys, db, AT) == right
    assert cache_path(db).is_dir()


def test_spans_follow_the_interview_clock(capsys, db):
    """Around a DST change the answers still match (times kept with their zone's name)."""
    for at in ("2027-03-28T00:30:00+00:00", "2027-03-28T01:30:00+00:00"):
        assert due(capsys, db, at, "--json") == worked_out_afresh(capsys, db, at, "--json")


text_or_null = st.one_of(st.none(), st.text())


@given(st.lists(st.fixed_dictionaries(dict.fromkeys(("id", "reason", "company"), text_or_null))))
def test_the_document_is_what_json_writes(objects):
    """Each object is written by hand, once: byte for byte what json.dumps writes, with DEL
    and C1 escaped too (they read back as the same text)."""
    document = kept_module.json_document([kept_module._json_object(o) for o in objects])
    expected = json.dumps(objects, indent=2, ensure_ascii=False)
    assert document == CONTROL.sub(lambda c: f"\\u{ord(c.group()):04x}", expected)
    assert json.loads(document) == objects


@pytest.fixture(scope="module")
def kept_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import demo_pipeline

    path = tmp_path_factory.mktemp("kept") / "db.json"
    now = pendulum.parse(AT)
    Repository(path, default_zone="Europe/London").import_pipeline(
        demo_pipeline(now, "Europe/London"), replace=False
    )
    return path


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(min_value=-40 * 24 * 60, max_value=120 * 24 * 60))
def test_at_any_moment_in_any_order_the_kept_answers_are_the_engines(kept_db, minutes):
    """One cache, asked about moments in a random order over five months: each answer is the
    engine's at that moment."""
    now = pendulum.parse(AT).add(minutes=minutes)
    repo = Repository(kept_db, default_zone="Europe/London")
    given_back = open_actions(kept_db, "Europe/London", now, lambda: repo).actions_opening_by(
        math.inf
    )
    pipeline = repo.load()
    fresh = compute_actions(pipeline.interviews, pipeline.policy, now)
    assert [(a.id, a.state, a.due_from, a.due_by, a.reason) for a in given_back] == [
        (a.id, a.state, a.due_from, a.due_by, a.reason) for a in fresh
    ]
    assert [a.due_from.isoformat() for a in given_back] == [a.due_from.isoformat() for a in fresh]


def test_a_fifo_where_the_cache_goes_is_never_waited_on(capsys, db):
    """Read through the bounded reader, the cache is no file to wait on: ``due`` answers."""
    right = worked_out_afresh(capsys, db, AT, "--json")
    cache_path(db).unlink()
    os.mkfifo(cache_path(db))
    assert due(capsys, db, AT, "--json") == right


# What ``due`` keeps its answers for: the machine's zone, which the command reads.
ZONE = machine_zone()[0]


def _workspace(db: Path):  # type: ignore[no-untyped-def]
    from app.services.opening import open_workspace

    now = pendulum.parse(AT)
    return open_workspace(db, clock=lambda: now, default_zone=ZONE)


def test_the_dashboard_starts_from_what_due_kept(capsys, db):
    due(capsys, db, AT)
    workspace = _workspace(db)
    workspace.load()
    assert workspace._memo.worked_out == 0
    pipeline = workspace.pipeline
    assert workspace.actions == compute_actions(pipeline.interviews, pipeline.policy, workspace.now)


def test_answers_read_for_another_version_of_the_file_are_not_used(capsys, db):
    """The answers are read before the file: a file written in between is worked out."""
    from app.domain.records import Event, EventKind
    from app.engine.memo import ActionMemo, offers_key, watched_offers

    due(capsys, db, AT)
    repo = Repository(db, default_zone=ZONE)
    found = kept_module.recalled(repo, ZONE)
    assert found is not None and found.answers
    someone = Repository(db, default_zone=ZONE)
    first = someone.load().interviews[0]
    at = pendulum.parse("2026-12-03T09:00:00+00:00")
    someone.append_event(first.id, Event(at=at, kind=EventKind.REPLY, summary="Thanks!"))
    pipeline = repo.load()
    memo = ActionMemo()
    now = pendulum.parse(AT)
    kept_module.recall(memo, found, repo, pipeline, now)
    offers, _ = watched_offers(pipeline.interviews, pipeline.policy, now)
    key = offers_key(offers)
    assert all(memo.kept(i, pipeline.policy, key) is None for i in pipeline.interviews)
    # The same answers, for the version they describe, are used.
    due(capsys, db, AT)
    repo = Repository(db, default_zone=ZONE)
    found = kept_module.recalled(repo, ZONE)
    pipeline = repo.load()
    kept_module.recall(memo, found, repo, pipeline, now)
    offers, _ = watched_offers(pipeline.interviews, pipeline.policy, now)
    key = offers_key(offers)
    assert all(memo.kept(i, pipeline.policy, key) is not None for i in pipeline.interviews)


@pytest.mark.parametrize("changed", [False, True], ids=["same", "changed"])
def test_answers_that_change_while_they_are_kept_are_not_believed(capsys, db, changed):
    """The dashboard goes through its answers twice to keep them (once for what the header
    says of them, once to write them): answers made differently the second time do not match
    the header, and the next start works them out."""
    workspace = _workspace(db)
    workspace.load()
    assert not cache_path(db).exists()
    made: list[str] = []
    entry = kept_module._entry

    def changing(*args):  # type: ignore[no-untyped-def]
        found = entry(*args)
        made.append(found["interview"])
        if changed and len(made) > len(workspace.pipeline.interviews):
            found["span"] = [0.0, -1e12, 1e12]  # the second time through, other answers
        return found

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(kept_module, "_entry", changing)
        workspace.keep_answers()
    assert cache_path(db).exists()
    assert len(made) == 2 * len(workspace.pipeline.interviews)

    later = _workspace(db)
    later.load()
    assert (later._memo.worked_out > 0) == changed
    pipeline = later.pipeline
    assert later.actions == compute_actions(pipeline.interviews, pipeline.policy, later.now)

"""What goes in comes out: export, import into an empty database, export again, same bytes;
and the repository keeps what it is given, writes only what changed, and loses nothing."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from app.cli import main
from app.commands.context import machine_zone
from app.commands.export import render
from app.demo import demo_pipeline
from app.domain.copies import replace
from app.domain.interchange import read_pipeline, write_pipeline
from app.domain.records import Event, EventKind, Round, Stage
from app.errors import UserError
from app.store.repository import Repository
from tests.strategies import interchange_files

NOW = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def export(db: Path) -> str:
    code, out, err = run("export", "--db", str(db))
    assert code == 0, err
    return out


def import_file(document: Any, folder: Path, db: Path) -> None:
    source = folder / "in.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("import", str(source), "--db", str(db))
    assert code == 0, err


def assert_round_trip(document: Any, folder: Path) -> str:
    import_file(document, folder, folder / "first.json")
    first = export(folder / "first.json")
    import_file(json.loads(first), folder, folder / "second.json")
    second = export(folder / "second.json")
    assert second == first
    return first


def test_demo_round_trips(tmp_path: Path) -> None:
    document = write_pipeline(demo_pipeline(NOW, "Europe/London"))
    first = assert_round_trip(document, tmp_path)
    assert read_pipeline(json.loads(first)) == read_pipeline(document)


def test_demo_command_output_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "demo.json"
    assert run("demo", "--db", str(db), "--at", "2026-03-29T09:30:00+01:00")[0] == 0
    exported = export(db)
    assert assert_round_trip(json.loads(exported), tmp_path) == exported


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=interchange_files())
def test_any_valid_file_round_trips(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = assert_round_trip(document, Path(folder))
    # Nothing was lost or changed on the way in, either.
    zone, _ = machine_zone()
    assert read_pipeline(json.loads(first), zone) == read_pipeline(document, zone)


@settings(max_examples=60, deadline=None)
@given(document=interchange_files())
def test_export_text_is_json_dumps_with_indent_2(document: dict[str, Any]) -> None:
    canonical = write_pipeline(read_pipeline(document))
    assert render(canonical) == json.dumps(canonical, indent=2, ensure_ascii=False) + "\n"


def test_bare_date_times_are_read_in_the_interview_zone(tmp_path: Path) -> None:
    document = {
        "format": "followup/1",
        "profile": {"timezone": "Asia/Tokyo"},
        "interviews": [
            {
                "id": "ny",
                "company": "Acme",
                "role": "PM",
                "timezone": "America/New_York",
                "rounds": [{"id": "r1", "starts": "2026-07-01T10:00"}],
                "promises": [{"id": "p1", "what": "deck", "due": "2026-12-01T09:00:00"}],
            },
            # No zone of its own: the profile's.
            {
                "id": "tokyo",
                "company": "Acme",
                "role": "PM",
                "rounds": [{"id": "r1", "starts": "2026-07-01T10:00:00"}],
            },
        ],
    }
    out = json.loads(assert_round_trip(document, tmp_path))
    ny, tokyo = out["interviews"]
    assert ny["rounds"][0]["starts"] == "2026-07-01T10:00:00-04:00"
    assert ny["promises"][0]["due"] == "2026-12-01T09:00:00-05:00"
    assert tokyo["timezone"] == "Asia/Tokyo"
    assert tokyo["rounds"][0]["starts"] == "2026-07-01T10:00:00+09:00"


def test_times_with_an_offset_are_shown_in_the_interview_zone(tmp_path: Path) -> None:
    document = {
        "format": "followup/1",
        "interviews": [
            {
                "id": "ldn",
                "company": "Acme",
                "role": "PM",
                "timezone": "Europe/London",
                "rounds": [{"id": "r1", "starts": "2026-07-01T10:00:00Z"}],
            }
        ],
    }
    out = json.loads(assert_round_trip(document, tmp_path))
    assert out["interviews"][0]["rounds"][0]["starts"] == "2026-07-01T11:00:00+01:00"


# --------------------------------------------------------------------------- the repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository(tmp_path / "db.json", default_zone="UTC")
    repository.import_pipeline(demo_pipeline(NOW, "Europe/London"), replace=False)
    return repository


def test_load_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "db.json"
    assert Repository(path, default_zone="UTC").load().interviews == ()
    assert not (tmp_path / "not").exists()


def test_loaded_records_equal_what_was_stored(repo: Repository) -> None:
    assert repo.load() == demo_pipeline(NOW, "Europe/London")


def test_a_change_that_changes_nothing_does_not_write(repo: Repository) -> None:
    before = repo.path.stat()
    backup = repo.backup_path.exists()
    repo.update(lambda pipeline: pipeline)
    repo.import_pipeline(repo.load(), replace=True)
    after = repo.path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert repo.backup_path.exists() == backup


def test_only_changed_interviews_are_rewritten(repo: Repository) -> None:
    raw_before = json.loads(repo.path.read_text())
    repo.change_interview("harbor-analytics", lambda i: replace(i, role="X"))
    raw_after = json.loads(repo.path.read_text())
    changed = [
        doc_id
        for doc_id, doc in raw_after["interviews"].items()
        if raw_before["interviews"].get(doc_id) != doc
    ]
    assert [raw_after["interviews"][d]["id"] for d in changed] == ["harbor-analytics"]
    assert json.loads(repo.backup_path.read_text()) == raw_before


def test_append_event_keeps_history_in_time_order(repo: Repository) -> None:
    early = Event(at=datetime(2020, 1, 1, tzinfo=UTC), kind=EventKind.REPLY, summary="old")
    late = Event(at=NOW, kind=EventKind.REPLY, summary="new")
    repo.append_event("fernhill-insights", late)
    interview = repo.append_event("fernhill-insights", early)
    assert interview.events[0] == early
    assert interview.events[-1] == late
    assert repo.load().interviews[6] == interview


def test_unknown_interview_is_a_user_error(repo: Repository) -> None:
    with pytest.raises(UserError, match='no interview "nope"'):
        repo.append_event("nope", Event(at=NOW, kind=EventKind.REPLY))


def test_put_interview_adds_or_replaces(repo: Repository) -> None:
    first = repo.load().interviews[0]
    repo.put_interview(replace(first, stage=Stage.WAITING))
    repo.put_interview(replace(first, id="copy"))
    ids = [i.id for i in repo.load().interviews]
    assert ids[0] == first.id and ids[-1] == "copy"
    assert repo.load().interviews[0].stage is Stage.WAITING


def test_a_change_that_would_not_read_back_is_refused(repo: Repository) -> None:
    from app.domain.errors import InvalidData

    before = repo.path.read_bytes()
    first = repo.load().interviews[0]
    ghost = Round(id="r9", starts=NOW, interviewers=("ghost",))
    broken = replace(first, rounds=(*first.rounds, ghost))
    with pytest.raises(InvalidData, match="ghost"):
        repo.put_interview(broken)
    assert repo.path.read_bytes() == before


def test_import_merges_profile_and_policy(tmp_path: Path) -> None:
    from app.domain.interchange import Pipeline
    from app.domain.records import Profile

    repo = Repository(tmp_path / "db.json", default_zone="UTC")
    repo.update(lambda p: Pipeline(Profile(name="Me", email=""), {"max_unanswered": 3}, ()))
    incoming = Pipeline(
        Profile(name="Other", email="me@x.example"),
        {"max_unanswered": 1, "follow_up_gap_days": 5},
        (),
    )
    report = repo.import_pipeline(incoming, replace=False)
    loaded = repo.load()
    assert (loaded.profile.name, loaded.profile.email) == ("Me", "me@x.example")
    assert loaded.policy_overrides == {"max_unanswered": 3, "follow_up_gap_days": 5}
    assert report.profile_fields == ("email",)
    assert report.policy_keys == ("follow_up_gap_days",)
    repo.import_pipeline(incoming, replace=True)
    loaded = repo.load()
    assert loaded.profile.name == "Other"
    assert loaded.policy_overrides["max_unanswered"] == 1


def test_changing_one_interview_cannot_take_another_ones_id(repo: Repository) -> None:
    from app.domain.errors import InvalidData

    before = repo.path.read_bytes()
    with pytest.raises(InvalidData, match="duplicate interview id"):
        repo.change_interview("harbor-analytics", lambda i: replace(i, id="tidewell-data"))
    assert repo.path.read_bytes() == before


def test_changing_one_interview_keeps_every_other_document(repo: Repository) -> None:
    raw_before = json.loads(repo.path.read_text())["interviews"]
    repo.put_interview(replace(repo.load().interviews[0], id="brand-new"))
    raw_after = json.loads(repo.path.read_text())["interviews"]
    assert {k: v for k, v in raw_after.items() if k in raw_before} == raw_before
    assert [doc["id"] for doc in raw_after.values()][-1] == "brand-new"

"""Dates far in the future or the past are refused where they come in (a file, --until, --at),
in one line that names the field, so that nothing the engine cannot compute is ever stored;
the first and last days of the years kept work everywhere."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

AT = "2026-11-20T10:00:00+00:00"
CHECK_IN = "acme/check_in/r1"


def document(**fields: Any) -> dict[str, Any]:
    return {
        "format": "followup/1",
        "profile": {"timezone": "Europe/London"},
        "interviews": [
            {
                "id": "acme",
                "company": "Acme",
                "role": "PM",
                "stage": "waiting",
                "rounds": [
                    {"id": "r1", "starts": "2026-11-09T14:00:00+00:00", "interviewers": ["jane"]}
                ],
                "contacts": [{"id": "jane", "name": "Jane", "role": "recruiter"}],
                **fields,
            },
            {
                "id": "globex",
                "company": "Globex",
                "role": "Analyst",
                "stage": "offer",
                "rounds": [{"id": "r1", "starts": "2026-11-02T10:00:00+00:00"}],
            },
        ],
    }


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document()))
    path = tmp_path / "followup.json"
    assert run(capsys, "import", str(source), "--db", str(path))[0] == 0
    source.unlink()
    return path


def due_ids(capsys: pytest.CaptureFixture[str], db: Path, at: str = AT) -> list[str]:
    code, out, err = run(capsys, "due", "--json", "--days", "100000", "--db", str(db), "--at", at)
    assert code == 0, err
    return [action["id"] for action in json.loads(out)]


def test_snooze_until_the_end_of_the_calendar_is_refused(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    assert CHECK_IN in due_ids(capsys, db)
    before = snapshot(db.parent)
    code, out, err = run(
        capsys, "snooze", CHECK_IN, "--until", "9999-12-31T23:59", "--db", str(db), "--at", AT
    )
    assert (code, out) == (1, "")
    assert err.startswith(
        "followup: --until: '9999-12-31T23:59' is not a date between 1900 and 2199; try: "
    )
    assert err.count("\n") == 1
    assert snapshot(db.parent) == before
    # Nothing stored that would break the next command.
    assert CHECK_IN in due_ids(capsys, db)


@pytest.mark.parametrize("command", ["due", "calendar", "skip"])
@pytest.mark.parametrize("at", ["9999-12-31T23:59", "0001-01-01T00:00:00+01:00", "2200-01-01"])
def test_an_at_outside_the_years_is_one_line(
    capsys: pytest.CaptureFixture[str], db: Path, command: str, at: str
) -> None:
    before = snapshot(db.parent)
    argv = [command, *([CHECK_IN] if command == "skip" else []), "--db", str(db), "--at", at]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert err == f"followup: --at: not a date-time between 1900 and 2199: {at!r}\n"
    assert snapshot(db.parent) == before


def test_an_import_with_a_far_deadline_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    source = tmp_path / "offer.json"
    source.write_text(json.dumps(document(stage="offer", offer_deadline="9999-12-31")))
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "import", str(source), "--replace", "--db", str(db))
    assert (code, out) == (1, "")
    assert err == (
        f"followup: {source}: interviews[0].offer_deadline: "
        'not a date between 1900 and 2199: "9999-12-31"\n'
    )
    assert snapshot(tmp_path) == before
    assert CHECK_IN in due_ids(capsys, db)


def test_a_database_holding_a_far_date_says_where(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    # As an earlier followup, which let such a date in, may have left it.
    tables = json.loads(db.read_text())
    [doc_id] = [k for k, v in tables["interviews"].items() if v["id"] == "globex"]
    tables["interviews"][doc_id]["offer_deadline"] = "9999-12-31"
    db.write_text(json.dumps(tables))
    code, out, err = run(capsys, "due", "--db", str(db), "--at", AT)
    assert (code, out) == (1, "")
    assert "internal error" not in err and err.count("\n") == 1
    assert f'interviews["{doc_id}"].offer_deadline: not a date between 1900 and 2199' in err


def test_the_last_day_kept_works_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    source = tmp_path / "edge.json"
    edge = document(decision_by="2199-12-31", preferences={"no_contact_before": "2199-12-31"})
    edge["interviews"][1]["offer_deadline"] = "2199-12-31"
    source.write_text(json.dumps(edge))
    assert run(capsys, "import", str(source), "--replace", "--db", str(db))[0] == 0
    code, out, err = run(
        capsys, "snooze", CHECK_IN, "--until", "2199-12-31T23:59", "--db", str(db), "--at", AT
    )
    assert code == 0, err
    assert out.startswith(f"Snoozed: {CHECK_IN} until 2199-12-31T23:59"), out
    for at in (AT, "2199-12-31T23:59", "1900-01-01T00:00"):
        due_ids(capsys, db, at)
        code, _, err = run(capsys, "calendar", "--db", str(db), "--at", at)
        assert code == 0, err
    assert "acme/update_others/globex" in due_ids(capsys, db)

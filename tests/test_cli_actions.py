"""due, sent, reply, snooze and skip through the command line, as scripts use them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runs import cli, imported

KEYS = {
    "id",
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
}


def data() -> dict[str, Any]:
    return {
        "format": "followup/1",
        "profile": {"name": "Alex Morgan", "timezone": "Europe/London"},
        "interviews": [
            {
                "id": "initech",
                "company": "Initech",
                "role": "Backend Engineer",
                "stage": "waiting",
                "timezone": "Europe/London",
                "decision_by": "2026-11-27",
                "rounds": [
                    {
                        "id": "r1",
                        "starts": "2026-11-16T10:00:00+00:00",
                        "kind": "onsite",
                        "interviewers": ["bob"],
                    }
                ],
                "contacts": [
                    {"id": "bob", "name": "Bob Slydell", "role": "interviewer"},
                    {"id": "amy", "name": "Amy Chen", "role": "recruiter"},
                ],
                "promises": [
                    {
                        "id": "p1",
                        "what": "Send my references",
                        "to": "amy",
                        "due": "2026-11-28T09:00:00+00:00",
                    }
                ],
                "events": [
                    {
                        "at": "2026-11-16T15:00:00+00:00",
                        "kind": "sent",
                        "action": "thank_you",
                        "round": "r1",
                        "contact": "bob",
                    }
                ],
            }
        ],
    }


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return imported(tmp_path, capsys, data())


def due(capsys: pytest.CaptureFixture[str], db: Path, at: str) -> list[dict[str, Any]]:
    code, out, _ = cli(capsys, "due", "--json", "--days", "3650", "--at", at, "--db", str(db))
    assert code == 0
    return json.loads(out)


def exported(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, Any]:
    code, out, _ = cli(capsys, "export", "--db", str(db))
    assert code == 0
    return json.loads(out)["interviews"][0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_due_json_has_exactly_the_contract_keys_sorted_by_due_by(capsys, db):
    actions = due(capsys, db, "2026-11-27T16:00:00+00:00")
    assert actions and all(set(a) == KEYS for a in actions)
    assert [a["due_by"] for a in actions] == sorted(a["due_by"] for a in actions)
    check = next(a for a in actions if a["kind"] == "check_in")
    assert check["due_from"] == "2026-11-30T09:00:00+00:00"
    assert check["contact"] == "amy" and check["state"] == "upcoming"


def test_due_days_limits_what_is_upcoming(capsys, db):
    code, out, _ = cli(
        capsys, "due", "--json", "--days", "0", "--at", "2026-11-27T16:00:00+00:00", "--db", str(db)
    )
    assert code == 0
    kinds = {a["kind"] for a in json.loads(out)}
    assert "keep_promise" in kinds and "check_in" not in kinds


def test_due_for_people_is_grouped_and_fits_80_columns(capsys, db):
    code, out, _ = cli(capsys, "due", "--at", "2026-11-30T10:00:00+00:00", "--db", str(db))
    assert code == 0
    assert "Overdue (1)" in out and "Open now (1)" in out
    assert "check-in to Amy Chen by email · Initech" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_sent_records_the_event_and_the_sequence_moves_on(capsys, db):
    check = next(a for a in due(capsys, db, "2026-11-30T10:00:00+00:00") if a["kind"] == "check_in")
    code, out, _ = cli(
        capsys,
        "sent",
        check["id"],
        "--at",
        "2026-11-30T10:00:00+00:00",
        "--channel",
        "phone",
        "--db",
        str(db),
    )
    assert code == 0 and check["id"] in out
    event = exported(capsys, db)["events"][-1]
    assert event == {
        "at": "2026-11-30T10:00:00+00:00",
        "kind": "sent",
        "action": "check_in",
        "id": check["id"],
        "contact": "amy",
        "channel": "phone",
    }
    kinds = {a["kind"] for a in due(capsys, db, "2026-12-01T10:00:00+00:00")}
    assert "check_in" not in kinds and "value_add" in kinds


def test_sent_on_a_promise_marks_it_done(capsys, db):
    promise = next(
        a for a in due(capsys, db, "2026-11-27T16:00:00+00:00") if a["kind"] == "keep_promise"
    )
    assert (
        cli(capsys, "sent", promise["id"], "--at", "2026-11-27T16:00:00+00:00", "--db", str(db))[0]
        == 0
    )
    assert exported(capsys, db)["promises"][0]["done_at"] == "2026-11-27T16:00:00+00:00"


def test_sent_on_move_on_closes_the_interview_and_can_keep_it_warm(capsys, db):
    at = "2026-11-30T10:00:00+00:00"
    for kind, moment in (("check_in", at), ("value_add", "2026-12-07T11:00:00+00:00")):
        action = next(a for a in due(capsys, db, moment) if a["kind"] == kind)
        assert cli(capsys, "sent", action["id"], "--at", moment, "--db", str(db))[0] == 0
    move = next(a for a in due(capsys, db, "2026-12-14T12:00:00+00:00") if a["kind"] == "move_on")
    code, _, _ = cli(
        capsys,
        "sent",
        move["id"],
        "--keep-warm",
        "--at",
        "2026-12-14T12:00:00+00:00",
        "--db",
        str(db),
    )
    assert code == 0
    interview = exported(capsys, db)
    assert (interview["stage"], interview["outcome"], interview["keep_warm"]) == (
        "closed",
        "moved_on",
        True,
    )
    assert interview["events"][-1]["kind"] == "stage"
    assert {a["kind"] for a in due(capsys, db, "2027-01-20T12:00:00+00:00")} == {"nurture"}


def test_reply_restarts_the_sequence(capsys, db):
    assert (
        cli(
            capsys,
            "reply",
            "initech",
            "--contact",
            "amy",
            "--summary",
            "Still deciding",
            "--at",
            "2026-12-02T09:00:00+00:00",
            "--db",
            str(db),
        )[0]
        == 0
    )
    event = exported(capsys, db)["events"][-1]
    assert event["kind"] == "reply" and event["summary"] == "Still deciding"
    check = next(a for a in due(capsys, db, "2026-12-03T09:00:00+00:00") if a["kind"] == "check_in")
    assert check["due_from"] == "2026-12-10T09:00:00+00:00"


def test_snooze_takes_a_phrase_in_the_interviews_zone(capsys, db):
    at = "2026-11-30T10:00:00+00:00"
    check = next(a for a in due(capsys, db, at) if a["kind"] == "check_in")
    assert (
        cli(capsys, "snooze", check["id"], "--until", "wednesday 2pm", "--at", at, "--db", str(db))[
            0
        ]
        == 0
    )
    again = next(a for a in due(capsys, db, at) if a["kind"] == "check_in")
    assert again["due_from"] == "2026-12-02T14:00:00+00:00" and again["state"] == "upcoming"


def test_snoozing_a_promise_past_its_due_time_warns_that_it_will_be_late(capsys, db):
    at = "2026-11-27T16:00:00+00:00"
    promise = next(a for a in due(capsys, db, at) if a["kind"] == "keep_promise")
    args = ("--at", at, "--db", str(db))
    code, out, err = cli(capsys, "snooze", promise["id"], "--until", "2026-11-28 08:00", *args)
    assert code == 0 and out.startswith("Snoozed:") and err == ""
    code, out, err = cli(capsys, "snooze", promise["id"], "--until", "2026-11-29 10:00", *args)
    assert code == 0 and out.startswith("Snoozed:")
    # Still done as asked (the user's choice), with a word that they are counting on it.
    assert err == (
        "followup: warning: initech/keep_promise/p1 is due by 2026-11-28T09:00+00:00: "
        "it will be late\n"
    )
    again = next(a for a in due(capsys, db, at) if a["kind"] == "keep_promise")
    assert again["due_from"] == "2026-11-29T10:00:00+00:00"


def test_skip_removes_the_action_for_good(capsys, db):
    at = "2026-11-27T16:00:00+00:00"
    promise = next(a for a in due(capsys, db, at) if a["kind"] == "keep_promise")
    assert cli(capsys, "skip", promise["id"], "--at", at, "--db", str(db))[0] == 0
    assert all(a["kind"] != "keep_promise" for a in due(capsys, db, "2026-12-30T10:00:00+00:00"))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sent", "initech/check_in/nope"], "no open action has the id"),
        (["skip", "nothing"], "no open action has the id"),
        (["snooze", "initech/check_in/r1", "--until", "03/04/2027"], "ambiguous"),
        (["snooze", "initech/check_in/r1", "--until", "2020-01-01"], "not after now"),
        (["reply", "initech", "--contact", "zed"], "has no contact 'zed'"),
        (["reply", "globex"], 'no interview "globex"'),
        (["sent", "initech/keep_promise/p1", "--keep-warm"], "--keep-warm"),
    ],
)
def test_bad_requests_are_one_line_and_write_nothing(capsys, db, argv, message):
    before = digest(db)
    code, out, err = cli(capsys, *argv, "--at", "2026-11-30T10:00:00+00:00", "--db", str(db))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("followup: ") and message in err
    assert digest(db) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["reply", "acme"],
        ["sent", "acme/check_in/r1"],
        ["skip", "acme/check_in/r1"],
        ["snooze", "acme/check_in/r1", "--until", "2026-12-10T10:00"],
    ],
)
def test_a_change_to_no_database_is_refused_and_leaves_nothing_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    db = tmp_path / "new" / "db.json"
    code, out, err = cli(capsys, *argv, "--db", str(db), "--at", "2026-12-01T10:00:00+00:00")
    assert code == 1 and out == ""
    assert err.startswith("followup: ") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # no folder, no lock file, no database

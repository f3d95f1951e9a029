"""Times in what the command line says to a person are to the minute, in one form that reads
back through --at; what it prints for programs keeps its full form."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pendulum
import pytest

from app.when.describe import to_the_minute
from tests.cli_runs import cli, imported
from tests.test_cli_actions import data

# Seconds and a fraction that no message may show.
AT = "2026-11-30T10:00:31.123456+00:00"
SHOWN = "2026-11-30T10:00+00:00"
SECONDS = re.compile(r"\d\d:\d\d:\d\d|\.\d{3,}")


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return imported(tmp_path, capsys, data())


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        (datetime(2026, 12, 4, 15, 20, 31, 123456, tzinfo=UTC), "2026-12-04T15:20+00:00"),
        (
            datetime(2026, 7, 1, 9, 5, 59, tzinfo=timezone(timedelta(hours=-4))),
            "2026-07-01T09:05-04:00",
        ),
        (pendulum.datetime(2026, 7, 1, 9, 5, 59, tz="Europe/London"), "2026-07-01T09:05+01:00"),
        (datetime(2026, 12, 4, 15, 20, 59), "2026-12-04T15:20"),
    ],
)
def test_a_moment_is_said_to_the_minute_with_its_own_offset(moment, said):
    assert to_the_minute(moment) == said
    # What is said reads back through --at as the minute it names.
    assert datetime.fromisoformat(said) == moment.replace(second=0, microsecond=0)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["sent", "initech/check_in/nope"],
            f"no open action has the id 'initech/check_in/nope' at {SHOWN}",
        ),
        (["draft", "initech/check_in/nope"], f'no open action "initech/check_in/nope" at {SHOWN}'),
        (
            ["snooze", "initech/check_in/r1", "--until", "2026-11-29 08:00"],
            f"--until: '2026-11-29 08:00' is 2026-11-29T08:00+00:00, not after now ({SHOWN})",
        ),
    ],
)
def test_errors_show_times_to_the_minute(capsys, db, argv, expected):
    code, out, err = cli(capsys, *argv, "--at", AT, "--db", str(db))
    assert (code, out) == (1, "")
    assert expected in err
    assert not SECONDS.search(err), err


def test_an_action_done_says_when_to_the_minute(capsys, db):
    assert cli(capsys, "sent", "initech/keep_promise/p1", "--at", AT, "--db", str(db))[0] == 0
    code, _, err = cli(capsys, "skip", "initech/keep_promise/p1", "--at", AT, "--db", str(db))
    assert code == 1
    assert err.endswith(f"is no longer open: it was sent on {SHOWN}\n")
    # The record itself keeps the full time: only what is said is cut to the minute.
    code, out, _ = cli(capsys, "export", "--db", str(db))
    assert json.loads(out)["interviews"][0]["events"][-1]["at"] == AT
    code, out, _ = cli(capsys, "due", "--json", "--at", AT, "--db", str(db))
    assert all(re.fullmatch(r".{10}T\d\d:\d\d:\d\d\+00:00", a["due_by"]) for a in json.loads(out))


def test_the_demo_and_the_backups_say_their_times_to_the_minute(capsys, tmp_path):
    db = tmp_path / "demo.json"
    code, out, _ = cli(capsys, "demo", "--at", AT, "--db", str(db))
    assert code == 0
    assert f"sample interviews as of {SHOWN} (" in out
    assert cli(capsys, "profile", "--name", "Sam", "--db", str(db))[0] == 0  # now a backup
    code, out, _ = cli(capsys, "restore", "--db", str(db))
    assert code == 0
    line = next(line for line in out.splitlines() if ".bak" in line)
    assert re.search(r"  \d{4}-\d\d-\d\dT\d\d:\d\d\+00:00  11 interviews$", line), line
    assert not SECONDS.search(out)

"""--at on the commands that record what happened: a phrase such as "yesterday 17:00" is read on
the real clock in the user's zone and may not be in the future; ISO 8601 replays any moment."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pendulum
import pytest

from app.when import parse_when
from app.when.describe import to_the_minute
from tests.cli_runs import cli, imported

# Far from UTC, so that a phrase read in the machine's zone would land on another hour.
ZONE = "Asia/Tokyo"


def interview() -> dict[str, Any]:
    """An interview three days ago: its thank-you is open (overdue) now and since yesterday."""
    starts = pendulum.now(ZONE).subtract(days=3).replace(hour=10, minute=0, second=0)
    return {
        "format": "followup/1",
        "profile": {"name": "Alex Morgan", "timezone": ZONE},
        "interviews": [
            {
                "id": "initech",
                "company": "Initech",
                "role": "Backend Engineer",
                "stage": "interviewed",
                "timezone": "Europe/London",
                "rounds": [{"id": "r1", "starts": starts.isoformat(), "interviewers": ["bob"]}],
                "contacts": [{"id": "bob", "name": "Bob Slydell", "role": "interviewer"}],
            }
        ],
    }


THANKS = "initech/thank_you/r1/bob"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return imported(tmp_path, capsys, interview())


def last_event(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, Any]:
    code, out, _ = cli(capsys, "export", "--db", str(db))
    assert code == 0
    return json.loads(out)["interviews"][0]["events"][-1]


def read_now(phrase: str) -> datetime:
    return parse_when(phrase, pendulum.now(ZONE), ZONE)


def dated(capsys, db: Path, phrase: str, *argv: str) -> datetime:
    """Run ``argv --at phrase`` and return when the event it recorded is dated."""
    before = read_now(phrase)
    code, _, err = cli(capsys, *argv, "--at", phrase, "--db", str(db))
    after = read_now(phrase)  # the same unless the clock passed midnight meanwhile
    assert code == 0, err
    at = datetime.fromisoformat(last_event(capsys, db)["at"])
    assert at in (before, after)
    return at


def test_sent_at_a_phrase_is_dated_on_the_clock_in_my_zone(capsys, db):
    at = dated(capsys, db, "yesterday 17:00", "sent", THANKS)
    local = pendulum.instance(at).in_timezone(ZONE)
    assert (local.hour, local.minute) == (17, 0)
    assert local.date() == pendulum.now(ZONE).subtract(days=1).date()


@pytest.mark.parametrize(
    "argv",
    [
        ["reply", "initech", "--summary", "Thanks for coming in"],
        ["skip", THANKS],
        ["snooze", THANKS, "--until", "2099-01-01"],
    ],
)
def test_reply_skip_and_snooze_take_a_phrase_too(capsys, db, argv):
    at = dated(capsys, db, "yesterday 9am", *argv)
    assert pendulum.instance(at).in_timezone(ZONE).hour == 9


@pytest.mark.parametrize("command", ["sent", "reply", "skip", "snooze"])
def test_a_phrase_in_the_future_is_refused_and_nothing_is_written(capsys, db, command):
    before = db.read_bytes()
    target = "initech" if command == "reply" else THANKS
    extra = ["--until", "2099-01-01"] if command == "snooze" else []
    code, out, err = cli(capsys, command, target, *extra, "--at", "tomorrow 9am", "--db", str(db))
    when = to_the_minute(read_now("tomorrow 9am"))
    assert (code, out) == (1, "")
    assert err == (
        f"followup: --at: 'tomorrow 9am' is {when}, in the future; "
        "an event is dated when it happened\n"
    )
    assert db.read_bytes() == before


def test_an_iso_time_in_the_future_stays_the_replay_clock(capsys, db):
    later = pendulum.now(ZONE).add(days=2).replace(microsecond=0)
    code, _, err = cli(capsys, "sent", THANKS, "--at", later.isoformat(), "--db", str(db))
    assert code == 0, err
    assert datetime.fromisoformat(last_event(capsys, db)["at"]) == later


def test_a_phrase_that_is_no_date_is_one_line(capsys, db):
    before = db.read_bytes()
    code, out, err = cli(capsys, "sent", THANKS, "--at", "when pigs fly", "--db", str(db))
    assert (code, out) == (1, "")
    assert err.startswith("followup: --at: cannot read 'when pigs fly' as a date; try: ")
    assert err.count("\n") == 1 and db.read_bytes() == before


@pytest.mark.parametrize("command", [["due"], ["draft", THANKS], ["calendar"]])
def test_commands_that_replay_a_moment_still_want_iso(capsys, db, command):
    code, out, err = cli(capsys, *command, "--at", "yesterday 17:00", "--db", str(db))
    assert (code, out) == (1, "")
    assert err.startswith("followup: --at: not an ISO 8601 date-time: 'yesterday 17:00'")

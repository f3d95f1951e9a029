"""``followup calendar setup|sync`` against a real Radicale: events for the open actions only,
followup's own events alone touched, nothing sent when nothing changed, and every failure one
line that changes nothing locally."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import cli
from tests.calendar.radicale_server import PASSWORD, USER, Radicale
from tests.cli_runs import demo_database
from tests.servers import free_port

AT = "2026-12-04T09:00:00Z"
LATER = "2026-12-04T09:05:00Z"
HAND_MADE = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//by hand//EN\r\nBEGIN:VEVENT\r\n"
    "UID:dentist-42@example.org\r\nDTSTAMP:20261201T080000Z\r\n"
    "DTSTART:20261205T080000Z\r\nDTEND:20261205T090000Z\r\nSUMMARY:Dentist\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture(autouse=True)
def _no_password_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOLLOWUP_CALDAV_PASSWORD", raising=False)


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The method and address of every request that changes the server, as sent."""
    from caldav.davclient import DAVClient

    sent: list[str] = []
    original = DAVClient.request

    def counting(self: DAVClient, url: str, method: str = "GET", *rest: Any, **kw: Any) -> Any:
        if method.upper() in ("PUT", "DELETE", "MKCALENDAR", "PROPPATCH", "MOVE", "COPY"):
            sent.append(f"{method} {url}")
        return original(self, url, method, *rest, **kw)

    monkeypatch.setattr(DAVClient, "request", counting)
    yield sent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def set_up(
    capsys: pytest.CaptureFixture[str],
    db: Path,
    url: str,
    password: str = PASSWORD,
    *more: str,
) -> None:
    # Beside the data folder, not in it, as a keyring keeps it: that folder must never hold it.
    secret = db.parent.parent / f"{db.parent.name}.secret"
    secret.write_text(password + "\n")
    code, out, err = run(
        capsys, "calendar", "setup", "--db", str(db), "--url", url, "--user", USER,
        "--password-command", f"cat {secret}", *more,
    )  # fmt: skip
    assert code == 0, err
    assert "never stored" in out


def events(server: Radicale) -> dict[str, str]:
    """Every event in the calendar, by UID: its whole text."""
    from caldav.davclient import DAVClient

    client = DAVClient(url=server.root, username=USER, password=PASSWORD, timeout=10)
    calendar = client.calendar(url=server.calendar_url)
    found: dict[str, str] = {}
    for item in calendar.events():
        text = item.data.replace("\r\n ", "")
        uid = re.search(r"^UID:(.*?)\r?$", text, re.M)
        assert uid is not None
        found[uid.group(1)] = text
    return found


def open_actions(db: Path, at: str) -> list[Any]:
    from datetime import datetime

    from app.engine import compute_actions
    from app.services.records import Records

    pipeline = Records(db, default_zone="UTC").load()
    return compute_actions(pipeline.interviews, pipeline.policy, datetime.fromisoformat(at))


def uid_of(action_id: str) -> str:
    from app.feeds.ical import event_uid

    return event_uid(action_id)


def dtstart(text: str) -> str:
    found = re.search(r"^DTSTART[^:]*:(.*?)\r?$", text, re.M)
    assert found is not None
    return found.group(1)


def sync(capsys: pytest.CaptureFixture[str], db: Path, at: str) -> str:
    code, out, err = run(capsys, "calendar", "sync", "--db", str(db), "--at", at)
    assert code == 0, err
    return out.strip()


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return demo_database(tmp_path, capsys, AT)


def test_sync_creates_one_event_per_open_action_and_a_second_sync_writes_nothing(
    radicale: Radicale, db: Path, capsys: pytest.CaptureFixture[str], writes: list[str]
) -> None:
    set_up(capsys, db, radicale.calendar_url)
    actions = open_actions(db, AT)
    assert actions
    assert sync(capsys, db, AT) == f"synced: {len(actions)} created, 0 updated, 0 deleted"
    assert set(events(radicale)) == {uid_of(a.id) for a in actions}
    assert [w.split()[0] for w in writes] == ["PUT"] * len(actions)
    writes.clear()
    assert sync(capsys, db, AT) == "nothing to change"
    assert writes == []


def test_a_sent_action_loses_its_event_and_a_snoozed_one_moves(
    radicale: Radicale, db: Path, capsys: pytest.CaptureFixture[str], writes: list[str]
) -> None:
    set_up(capsys, db, radicale.calendar_url)
    sync(capsys, db, AT)
    actions = open_actions(db, AT)
    done, moved = actions[0], actions[1]
    before = events(radicale)
    writes.clear()
    # Each change is followed by a sync of its own: the calendar is up to date at once.
    code, out, err = run(capsys, "sent", done.id, "--db", str(db), "--at", LATER)
    assert code == 0, err
    assert "Calendar synced: " in out and "1 deleted" in out
    assert f"DELETE {radicale.calendar_url}" in " ".join(writes)
    code, out, err = run(
        capsys, "snooze", moved.id, "--until", "2026-12-20T10:00:00Z", "--db", str(db),
        "--at", LATER,
    )  # fmt: skip
    assert code == 0, err
    assert re.search(r"\b[1-9][0-9]* updated", out), out
    assert sync(capsys, db, LATER) == "nothing to change"
    after = events(radicale)
    assert uid_of(done.id) in before
    assert uid_of(done.id) not in after
    assert dtstart(after[uid_of(moved.id)]) != dtstart(before[uid_of(moved.id)])
    # Sending may open the next action of its sequence: the calendar follows the open actions.
    assert set(after) == {uid_of(a.id) for a in open_actions(db, LATER)}


def test_an_event_made_by_hand_is_never_touched(
    radicale: Radicale, db: Path, capsys: pytest.CaptureFixture[str], writes: list[str]
) -> None:
    from caldav.davclient import DAVClient

    client = DAVClient(url=radicale.root, username=USER, password=PASSWORD, timeout=10)
    mine = radicale.calendar_url + "dentist.ics"
    assert client.put(mine, HAND_MADE, {"Content-Type": "text/calendar"}).status == 201
    etag = client.request(mine, "GET").headers["ETag"]
    set_up(capsys, db, radicale.calendar_url)
    sync(capsys, db, AT)
    writes.clear()
    for action in open_actions(db, AT)[:3]:
        run(capsys, "skip", action.id, "--db", str(db), "--at", LATER)
    assert sum(w.startswith("DELETE") for w in writes) >= 3
    assert sync(capsys, db, LATER) == "nothing to change"
    assert not any("dentist" in w for w in writes)
    assert "SUMMARY:Dentist" in events(radicale)["dentist-42@example.org"]
    assert client.request(mine, "GET").headers["ETag"] == etag


def test_a_calendar_chosen_by_name_from_the_server_address(
    radicale: Radicale, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(capsys, db, radicale.root, PASSWORD, "--calendar", "followups")
    assert sync(capsys, db, AT).startswith("synced: ")
    assert len(events(radicale)) == len(open_actions(db, AT))


def _unchanged_after_failure(capsys: pytest.CaptureFixture[str], db: Path, expected: str) -> None:
    state = db.with_name(db.name + ".calendar.json")
    before = (db.read_bytes(), state.read_bytes())
    code, out, err = run(capsys, "calendar", "sync", "--db", str(db), "--at", LATER)
    assert code != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert expected in lines[0]
    assert PASSWORD not in err and "wrong-pw" not in err
    assert (db.read_bytes(), state.read_bytes()) == before


def test_a_wrong_password_is_one_line_and_changes_nothing(
    radicale: Radicale, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(capsys, db, radicale.calendar_url)
    sync(capsys, db, AT)
    set_up(capsys, db, radicale.calendar_url, password="wrong-pw")
    run(capsys, "skip", open_actions(db, AT)[0].id, "--db", str(db), "--at", LATER)
    _unchanged_after_failure(capsys, db, "wrong user name or password")


def test_an_unreachable_server_is_one_line_and_changes_nothing(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(capsys, db, f"http://127.0.0.1:{free_port()}/jo/followups/")
    _unchanged_after_failure(capsys, db, "cannot reach the CalDAV server")


def test_the_password_is_in_no_file_under_the_data_folder(
    radicale: Radicale, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(capsys, db, radicale.calendar_url)
    sync(capsys, db, AT)
    state = db.with_name(db.name + ".calendar.json")
    assert state.stat().st_mode & 0o777 == 0o600
    for path in db.parent.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_a_sync_whose_memory_was_lost_takes_its_events_over_without_doubling_them(
    radicale: Radicale, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.services.calendar_state import (
        CalendarState,
        load_calendar_state,
        save_calendar_state,
    )

    set_up(capsys, db, radicale.calendar_url)
    sync(capsys, db, AT)
    first = events(radicale)
    # As after a sync that wrote to the server and failed before saving what it pushed.
    save_calendar_state(db, CalendarState(load_calendar_state(db).settings, {}))
    assert sync(capsys, db, AT).startswith("synced: ")
    assert set(events(radicale)) == set(first)
    assert sync(capsys, db, AT) == "nothing to change"


def test_a_change_with_the_server_away_is_made_and_says_why_the_calendar_was_not_synced(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(capsys, db, f"http://127.0.0.1:{free_port()}/jo/followups/")
    action = open_actions(db, AT)[0]
    code, out, err = run(capsys, "sent", action.id, "--db", str(db), "--at", LATER)
    # The change is made (exit 0); the calendar catches up at the next sync.
    assert code == 0 and out == f"Marked sent: {action.id}\n"
    assert err.startswith("followup: warning: the calendar was not synced (cannot reach")
    assert err.count("\n") == 1


def test_a_sync_with_nothing_to_send_asks_for_no_password_and_sends_nothing(
    radicale: Radicale, db: Path, capsys: pytest.CaptureFixture[str], writes: list[str]
) -> None:
    set_up(capsys, db, radicale.calendar_url)
    sync(capsys, db, AT)
    # A password command that fails: a sync that needs it says so, one that does not, not.
    secret = db.parent.parent / f"{db.parent.name}.secret"
    secret.unlink()
    writes.clear()
    assert sync(capsys, db, AT) == "nothing to change"
    assert writes == []


def test_whatever_command_writes_the_database_the_calendar_follows_and_no_other(
    radicale: Radicale, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(capsys, db, radicale.calendar_url)
    sync(capsys, db, AT)
    code, out, err = run(capsys, "due", "--db", str(db), "--at", AT)
    assert code == 0, err
    assert "Calendar" not in out
    code, out, err = run(capsys, "profile", "--name", "Jordan A. Ellis", "--db", str(db))
    assert code == 0, err
    assert "Calendar" in out
    code, out, err = run(capsys, "restore", "1", "--yes", "--db", str(db))
    assert code == 0, err
    assert "Calendar" in out

"""The calendar file as every calendar shows it (issue 20): a VEVENT for each open action, 15
minutes when it opens with a reminder, or all day on the day it is due by; a summary that says
what, to whom and where; a description that says why and how to mark it done; UIDs of followup's
own and stable; the to-dos only when asked for; an action done leaves the next file."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar, Event

from app.domain.interchange import zone
from app.feeds.ical import UID_PREFIX, event_uid
from tests.cli_runs import cli, demo_database

AT = "2026-12-04T09:00:00+00:00"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return demo_database(tmp_path, capsys, AT)


def feed(capsys: pytest.CaptureFixture[str], db: Path, *options: str) -> Calendar:
    out = db.with_name("feed.ics")
    code, _, err = cli(capsys, "calendar", *options, "--out", str(out), "--at", AT, "--db", str(db))
    assert code == 0, err
    return Calendar.from_ical(out.read_bytes())


def due(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict[str, Any]]:
    code, out, err = cli(capsys, "due", "--json", "--days", "100000", "--at", AT, "--db", str(db))
    assert code == 0, err
    listed: list[dict[str, Any]] = json.loads(out)
    return listed


def events(document: Calendar) -> list[Event]:
    return list(document.walk("VEVENT"))


def test_each_open_action_is_one_event_in_the_order_of_due(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    actions = due(capsys, db)
    document = feed(capsys, db)
    found = events(document)
    assert [str(e["UID"]) for e in found] == [event_uid(a["id"]) for a in actions]
    assert all(str(e["UID"]).startswith(UID_PREFIX) for e in found)
    assert len({str(e["UID"]) for e in found}) == len(found) >= 15
    assert list(document.walk("VTODO")) == []


def test_an_event_is_15_minutes_when_the_action_opens_with_a_reminder(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    actions = {event_uid(a["id"]): a for a in due(capsys, db)}
    for found in events(feed(capsys, db)):
        action = actions[str(found["UID"])]
        starts = found.decoded("dtstart")
        assert isinstance(starts, datetime)
        assert starts == datetime.fromisoformat(action["due_from"])
        assert found.decoded("dtend") - starts == timedelta(minutes=15)
        [alarm] = found.walk("VALARM")
        assert alarm.decoded("trigger") == timedelta(0)
        assert str(found["TRANSP"]) == "TRANSPARENT"


def test_the_summary_says_what_to_whom_where_and_the_description_how(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    by_uid = {str(e["UID"]): e for e in events(feed(capsys, db))}
    thanks = by_uid[event_uid("brightwater-pm/thank_you/r2/hana")]
    assert str(thanks["SUMMARY"]) == "Thank-you to Hana Okafor (Brightwater Analytics)"
    text = str(thanks["DESCRIPTION"])
    assert "a thank-you is due within 24 hours" in text
    assert "followup sent brightwater-pm/thank_you/r2/hana" in text
    check_in = by_uid[event_uid("harbor-analytics/check_in/r2")]
    assert str(check_in["SUMMARY"]) == "Check-in with Sofia Marsh (Harbor Lane Logistics)"


def test_all_day_puts_each_on_the_day_it_is_due_by(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    actions = {event_uid(a["id"]): a for a in due(capsys, db)}
    for found in events(feed(capsys, db, "--all-day")):
        action = actions[str(found["UID"])]
        day = found.decoded("dtstart")
        assert isinstance(day, date) and not isinstance(day, datetime)
        due_by = datetime.fromisoformat(action["due_by"])
        assert day == due_by.date()
        assert found.decoded("dtend") == day + timedelta(days=1)


def test_todos_are_added_for_to_do_apps(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    document = feed(capsys, db, "--todos")
    todos = list(document.walk("VTODO"))
    assert len(todos) == len(events(document)) >= 15
    assert {str(t["UID"]) for t in todos}.isdisjoint({str(e["UID"]) for e in events(document)})


def test_an_action_done_leaves_the_next_file_and_the_others_stay_as_they_were(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    before = {str(e["UID"]): e.to_ical() for e in events(feed(capsys, db))}
    sent = "brightwater-pm/thank_you/r2/hana"
    assert cli(capsys, "sent", sent, "--at", AT, "--db", str(db))[0] == 0
    after = {str(e["UID"]): e.to_ical() for e in events(feed(capsys, db))}
    assert event_uid(sent) in before and event_uid(sent) not in after
    stamp = b"DTSTAMP"
    for uid, written in after.items():
        if uid in before and b"keep_promise" not in written:
            assert _without(written, stamp) == _without(before[uid], stamp), uid


def _without(data: bytes, field: bytes) -> bytes:
    return b"\r\n".join(line for line in data.split(b"\r\n") if not line.startswith(field))


def test_times_are_in_the_interviews_zone(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    document = feed(capsys, db)
    zones = {str(z["TZID"]) for z in document.walk("VTIMEZONE")}
    kestrel = next(e for e in events(document) if "Kestrel" in str(e["SUMMARY"]))
    starts = kestrel.decoded("dtstart")
    assert str(kestrel["DTSTART"].params.get("TZID")) in zones
    assert starts.utcoffset() == starts.astimezone(zone("America/Toronto")).utcoffset()

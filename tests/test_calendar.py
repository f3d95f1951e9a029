"""``followup calendar``: the open actions as an iCalendar file, read back with icalendar."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pendulum
import pytest
from icalendar import Calendar, Event, Todo

from app.cli import main
from app.demo import demo_pipeline
from app.domain.interchange import Pipeline
from app.drafts import compose
from app.engine import compute_actions
from app.store import atomic
from app.store.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)  # a Friday morning
AT = NOW.isoformat()
DTSTAMP = re.compile(rb"^DTSTAMP:.*\r\n", re.MULTILINE)
NEW_INTERVIEW = {
    "format": "followup/1",
    "interviews": [
        {
            "id": "newco-pm",
            "company": "Newco",
            "role": "Product Manager",
            "timezone": "Asia/Tokyo",
            "stage": "scheduled",
            "rounds": [
                {
                    "id": "r1",
                    "starts": "2026-11-26T10:00:00+09:00",
                    "kind": "video",
                    "interviewers": ["kim"],
                }
            ],
            "contacts": [
                {
                    "id": "kim",
                    "name": "Kim Park",
                    "email": "kim@newco.example",
                    "role": "interviewer",
                }
            ],
        }
    ],
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "followup.json"
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    return path


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, bytes, str]:
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    return code, captured.out, captured.err.decode()


def stored(path: Path) -> Pipeline:
    return Repository(path, default_zone=ZONE).load()


def due_json(capsysbinary: pytest.CaptureFixture[bytes], db: Path) -> list[dict[str, Any]]:
    code, out, err = run(
        capsysbinary, "due", "--json", "--days", "100000", "--db", str(db), "--at", AT
    )
    assert code == 0, err
    actions: list[dict[str, Any]] = json.loads(out)
    return actions


def todos(data: bytes) -> list[Todo]:
    return list(Calendar.from_ical(data).walk("VTODO"))


def events(data: bytes) -> list[Event]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def by_uid(data: bytes) -> dict[str, bytes]:
    """Each to-do as written, without its DTSTAMP, by its UID."""
    return {str(t["UID"]): DTSTAMP.sub(b"", t.to_ical()) for t in todos(data)}


def calendar_of(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, options: tuple[str, ...] = ("--todos",)
) -> bytes:
    """The file `followup calendar` prints; with the to-dos (--todos) unless ``options`` say
    otherwise: most of what is tested here is what each to-do and event hold alike."""
    code, out, err = run(capsysbinary, "calendar", *options, "--db", str(db), "--at", AT)
    assert code == 0, err
    assert err == ""
    return out


# --------------------------------------------------------------------------- what is in it


def test_every_open_action_is_one_todo_in_the_order_of_due(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path
) -> None:
    expected = due_json(capsysbinary, db)
    data = calendar_of(capsysbinary, db)
    uids = [str(t["UID"]) for t in todos(data)]
    assert len(expected) >= 15
    assert uids == [a["id"] for a in expected]
    assert len(set(uids)) == len(uids)
    # The same list the engine gives, however far ahead an action opens.
    pipeline = stored(db)
    assert uids == [a.id for a in compute_actions(pipeline.interviews, pipeline.policy, NOW)]
    assert {a["state"] for a in expected} == {"overdue", "due", "upcoming"}


def test_the_calendar_says_who_made_it(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path
) -> None:
    data = calendar_of(capsysbinary, db)
    document = Calendar.from_ical(data)
    assert str(document["VERSION"]) == "2.0"
    assert str(document["PRODID"]) == "-//followup//followup calendar//EN"
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    # RFC 5545: CRLF after every line, and no line longer than 75 octets.
    lines = data.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75


def test_start_and_due_are_the_actions_times_in_the_interviews_zone(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path
) -> None:
    expected = {a["id"]: a for a in due_json(capsysbinary, db)}
    zones = {i.id: i.timezone for i in stored(db).interviews}
    data = calendar_of(capsysbinary, db)
    document = Calendar.from_ical(data)
    used: set[str] = set()
    for todo in todos(data):
        action = expected[str(todo["UID"])]
        zone = zones[action["interview"]]
        for prop, key in (("DTSTART", "due_from"), ("DUE", "due_by")):
            written = todo[prop]
            value = written.dt
            wanted = datetime.fromisoformat(action[key])
            assert value == wanted, (action["id"], prop)
            # The interview's own wall clock and zone, not the instant moved to UTC.
            assert written.params["TZID"] == zone, (action["id"], prop)
            assert str(value.tzinfo) == zone
            assert value.replace(tzinfo=None) == wanted.replace(tzinfo=None)
            used.add(zone)
    assert used == {"Europe/London", "America/Toronto"}
    # A VTIMEZONE for each zone named, and its rules give each time its offset.
    timezones = {str(tz["TZID"]): tz for tz in document.walk("VTIMEZONE")}
    assert set(timezones) == used
    assert document.get_missing_tzids() == set()
    for todo in todos(data):
        start = todo["DTSTART"]
        rules = timezones[start.params["TZID"]].to_tz()
        wall = start.dt.replace(tzinfo=None)
        assert wall.replace(tzinfo=rules).utcoffset() == start.dt.utcoffset()


def test_summary_names_the_company_and_the_person_then_the_subject_or_what_to_do(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path
) -> None:
    data = calendar_of(capsysbinary, db)
    summaries = {str(t["UID"]): str(t["SUMMARY"]) for t in todos(data)}
    pipeline = stored(db)
    interviews = {i.id: i for i in pipeline.interviews}
    subjects = 0
    for action in compute_actions(pipeline.interviews, pipeline.policy, NOW):
        title = summaries[action.id]
        contact = interviews[action.interview].contact(action.contact)
        who = f"{action.company} · {contact.name}" if contact else action.company
        assert title.startswith(f"{who}: "), title
        if not action.contacting:
            continue
        subject = compose(action, pipeline, NOW).subject
        if subject is not None:
            assert title == f"{who}: {subject}"
            subjects += 1
    assert subjects >= 10
    # One round, three interviewers, one subject line: three to-dos that say whose each is.
    thanks = [summaries[f"brightwater-pm/thank_you/r2/{c}"] for c in ("hana", "marcus", "tom")]
    assert len(set(thanks)) == 3
    assert thanks[0] == (
        "Brightwater Analytics · Hana Okafor: Jordan Ellis – Thank you for the interview – "
        "Senior Product Manager"
    )
    # No subject on LinkedIn, and no draft at all for what contacts no one.
    assert (
        summaries["marlow-ops/connect/amira"] == "Marlow & Pike · Amira Haddad: Connect on LinkedIn"
    )
    assert (
        summaries["fernhill-insights/move_on/r1"]
        == "Fernhill Retail Group: Decide whether to move on"
    )
    assert (
        summaries["cobalt-security/prepare/r1"]
        == "Cobalt Ridge Security: Prepare for the interview"
    )


def test_description_is_the_reason_then_what_it_is_about(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path
) -> None:
    expected = {a["id"]: a for a in due_json(capsysbinary, db)}
    data = calendar_of(capsysbinary, db)
    interviews = {i.id: i for i in stored(db).interviews}
    for todo in todos(data):
        action = expected[str(todo["UID"])]
        interview = interviews[action["interview"]]
        lines = str(todo["DESCRIPTION"]).split("\n")
        assert lines[0] == action["reason"]
        assert f"Company: {action['company']}" in lines
        assert f"Role: {interview.role}" in lines
        contact = interview.contact(action["contact"])
        if contact is not None:
            assert f"Contact: {contact.name}, {contact.title}" in lines
        if action["channel"]:
            assert f"Channel: {action['channel']}" in lines
        assert lines[-1] == f"When done: followup sent {action['id']}"
        assert str(todo["STATUS"]) == "NEEDS-ACTION"
        assert [str(c) for c in todo["CATEGORIES"].cats] == [action["kind"]]
        assert todo["DTSTAMP"].dt.utcoffset().total_seconds() == 0
        [alarm] = todo.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt.total_seconds() == 0
        assert alarm["TRIGGER"].params["RELATED"] == "START"
    hana = str(
        next(t for t in todos(data) if t["UID"] == "brightwater-pm/thank_you/r2/hana")[
            "DESCRIPTION"
        ]
    )
    assert hana.split("\n")[1:] == [
        "Company: Brightwater Analytics",
        "Role: Senior Product Manager",
        "Contact: Hana Okafor, Engineering Manager, Data Platform",
        "Channel: email",
        "When done: followup sent brightwater-pm/thank_you/r2/hana",
    ]


# --------------------------------------------------------------------------- stable output


def test_same_database_and_time_give_the_same_bytes(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path
) -> None:
    first = calendar_of(capsysbinary, db)
    second = calendar_of(capsysbinary, db)
    # One stamp for each to-do and each event, made at the --at given: a replay is the same.
    assert first.count(b"\r\nDTSTAMP:") == 2 * first.count(b"BEGIN:VTODO") >= 30
    stamp = pendulum.parse(AT).in_tz("UTC").format("YYYYMMDD[T]HHmmss[Z]").encode()
    assert set(DTSTAMP.findall(first)) == {b"DTSTAMP:" + stamp + b"\r\n"}
    assert first == second


def test_a_change_elsewhere_leaves_every_todo_as_it_was(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, tmp_path: Path
) -> None:
    before = by_uid(calendar_of(capsysbinary, db))
    source = tmp_path / "new.json"
    source.write_text(json.dumps(NEW_INTERVIEW))
    assert run(capsysbinary, "import", str(source), "--db", str(db))[0] == 0
    after = by_uid(calendar_of(capsysbinary, db))
    assert {uid: after[uid] for uid in before} == before
    added = set(after) - set(before)
    assert "newco-pm/prepare/r1" in added
    assert all(uid.startswith("newco-pm/") for uid in added)


def test_marking_one_sent_takes_out_only_that_one(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path
) -> None:
    before = by_uid(calendar_of(capsysbinary, db))
    gone = "brightwater-pm/thank_you/r2/hana"
    code, _, err = run(capsysbinary, "sent", gone, "--db", str(db), "--at", AT)
    assert code == 0, err
    after = by_uid(calendar_of(capsysbinary, db))
    assert gone in before and gone not in after
    untouched = {uid for uid in before if not uid.startswith("brightwater-pm/")}
    assert len(untouched) >= 10
    assert {uid: after[uid] for uid in untouched} == {uid: before[uid] for uid in untouched}


# --------------------------------------------------------------------------- --out


def test_out_writes_the_file_and_leaves_no_temporary(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "feed"
    folder.mkdir()
    out = folder / "followup.ics"
    code, printed, err = run(
        capsysbinary, "calendar", "--out", str(out), "--db", str(db), "--at", AT
    )
    assert code == 0, err
    count = len(due_json(capsysbinary, db))
    assert printed.decode() == f"Wrote {count} open actions to {out}.\n"
    printed_too = calendar_of(capsysbinary, db, options=())
    assert DTSTAMP.sub(b"", out.read_bytes()) == DTSTAMP.sub(b"", printed_too)
    assert [p.name for p in folder.iterdir()] == ["followup.ics"]
    # Replaced, not appended to: a later time gives the later list.
    later = NOW.add(days=30).isoformat()
    assert run(capsysbinary, "calendar", "--out", str(out), "--db", str(db), "--at", later)[0] == 0
    assert len(events(out.read_bytes())) < count
    assert [p.name for p in folder.iterdir()] == ["followup.ics"]


def test_a_failed_write_leaves_the_previous_file_as_it_was(
    capsysbinary: pytest.CaptureFixture[bytes],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "feed" / "followup.ics"
    out.parent.mkdir()
    assert run(capsysbinary, "calendar", "--out", str(out), "--db", str(db), "--at", AT)[0] == 0
    previous = out.read_bytes()

    def half_then_full(descriptor: int, data: bytes) -> None:
        os.write(descriptor, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", half_then_full)
    later = NOW.add(days=30).isoformat()
    code, printed, err = run(
        capsysbinary, "calendar", "--out", str(out), "--db", str(db), "--at", later
    )
    assert code == 1
    assert printed == b""
    assert err == (
        f"followup: could not save {out} (No space left on device); the file was left unchanged\n"
    )
    assert out.read_bytes() == previous
    assert [p.name for p in out.parent.iterdir()] == ["followup.ics"]


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_an_unwritable_out_path_is_named(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, tmp_path: Path, where: str
) -> None:
    out = tmp_path / "nowhere" / "followup.ics" if where == "missing folder" else tmp_path
    before = sorted(p.name for p in tmp_path.iterdir())
    code, printed, err = run(
        capsysbinary, "calendar", "--out", str(out), "--db", str(db), "--at", AT
    )
    assert code == 1
    assert printed == b""
    said = {
        "missing folder": f"there is no folder {out.parent}",
        "a folder": "is a folder: give the path of a file in it",
    }[where]
    assert err.startswith(f"followup: --out {out}") and said in err
    assert err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_out_never_writes_over_the_database(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path
) -> None:
    before = db.read_bytes()
    code, printed, err = run(capsysbinary, "calendar", "--out", str(db), "--db", str(db))
    assert (code, printed) == (1, b"")
    assert err == f"followup: --out {db} is the database itself: give another file\n"
    code, _, err = run(capsysbinary, "calendar", "--out", " ", "--db", str(db))
    assert code == 1
    assert err == "followup: --out is empty: give the path of the file to write\n"
    assert db.read_bytes() == before


@pytest.mark.parametrize(("suffix", "what"), [(".bak", "backup"), (".lock", "lock")])
def test_out_never_writes_over_the_backup_or_the_lock(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, suffix: str, what: str
) -> None:
    target = db.with_name(db.name + suffix)
    before = target.read_bytes() if target.exists() else None
    code, _, err = run(capsysbinary, "calendar", "--out", str(target), "--db", str(db))
    assert code == 1
    assert err == f"followup: --out {target} is the database's {what}: give another file\n"
    assert (target.read_bytes() if target.exists() else None) == before


def test_out_through_a_link_replaces_the_file_it_leads_to(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real"
    published = tmp_path / "published"
    real.mkdir()
    published.mkdir()
    target = real / "followup.ics"
    target.write_bytes(b"an old feed")
    link = published / "feed.ics"
    link.symlink_to(target)
    code, printed, err = run(
        capsysbinary, "calendar", "--out", str(link), "--db", str(db), "--at", AT
    )
    assert code == 0, err
    count = len(due_json(capsysbinary, db))
    assert printed.decode() == f"Wrote {count} open actions to {link} (a link to {target}).\n"
    assert link.is_symlink() and link.resolve() == target
    printed_too = calendar_of(capsysbinary, db, options=())
    assert DTSTAMP.sub(b"", target.read_bytes()) == DTSTAMP.sub(b"", printed_too)
    # The link keeps following the feed: a later run is read through it.
    later = NOW.add(days=30).isoformat()
    assert run(capsysbinary, "calendar", "--out", str(link), "--db", str(db), "--at", later)[0] == 0
    assert link.is_symlink() and len(events(link.read_bytes())) < count
    assert [p.name for p in real.iterdir()] == ["followup.ics"]
    assert [p.name for p in published.iterdir()] == ["feed.ics"]


def test_out_through_a_link_to_a_file_not_made_yet_makes_it(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "followup.ics"
    link = tmp_path / "feed.ics"
    link.symlink_to(target)
    code, _, err = run(capsysbinary, "calendar", "--out", str(link), "--db", str(db), "--at", AT)
    assert code == 0, err
    assert link.is_symlink() and events(target.read_bytes())


def test_out_through_a_link_never_writes_over_the_database(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, tmp_path: Path
) -> None:
    before = db.read_bytes()
    link = tmp_path / "feed.ics"
    link.symlink_to(db)
    code, printed, err = run(capsysbinary, "calendar", "--out", str(link), "--db", str(db))
    assert (code, printed) == (1, b"")
    assert err == f"followup: --out {link} is the database itself: give another file\n"
    assert db.read_bytes() == before and link.is_symlink()


def test_out_a_loop_of_links_is_one_line(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    first.symlink_to(second)
    second.symlink_to(first)
    code, printed, err = run(capsysbinary, "calendar", "--out", str(first), "--db", str(db))
    assert (code, printed) == (1, b"")
    assert err == f"followup: --out {first} is a link that leads back to itself\n"
    assert first.is_symlink() and second.is_symlink()


def test_help_says_what_the_file_holds(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, printed, _ = run(capsysbinary, "calendar", "--help")
    assert code == 0
    text = " ".join(printed.decode().split())
    for promise in (
        "one event for each open action (upcoming, due or overdue",
        "--todos adds a to-do for each",
        "Each UID is stable",
        "--at replays another moment",
        "--out replaces the file in one step",
        "a link is followed and the file it leads to is replaced",
    ):
        assert promise in text


# --------------------------------------------------------------------------- bad input


def test_an_unknown_database_is_one_line_and_writes_nothing(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    missing = tmp_path / "typo.json"
    out = tmp_path / "followup.ics"
    code, printed, err = run(
        capsysbinary, "calendar", "--db", str(missing), "--at", AT, "--out", str(out)
    )
    assert (code, printed) == (1, b"")
    assert err == (
        f"followup: no database at {missing}: give the right --db, or make one with "
        "`followup import` or `followup demo`\n"
    )
    assert sorted(tmp_path.iterdir()) == []


def test_a_bad_at_is_one_line(capsysbinary: pytest.CaptureFixture[bytes], db: Path) -> None:
    code, printed, err = run(capsysbinary, "calendar", "--db", str(db), "--at", "friday-ish")
    assert (code, printed) == (1, b"")
    assert err == (
        "followup: --at: not an ISO 8601 date-time: 'friday-ish' "
        "(e.g. 2026-11-20T09:00 or 2026-11-20T09:00:00+00:00)\n"
    )


# --------------------------------------------------------------------------- as a program


def run_process(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
    environment.update(PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path / "xdg"))
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        check=False,
        capture_output=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
    )


def test_the_program_prints_the_same_calendar(
    capsysbinary: pytest.CaptureFixture[bytes], db: Path, tmp_path: Path
) -> None:
    done = run_process(tmp_path, "calendar", "--db", str(db), "--at", AT)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    printed_too = calendar_of(capsysbinary, db, options=())
    assert DTSTAMP.sub(b"", done.stdout) == DTSTAMP.sub(b"", printed_too)
    # The calendar command stays away from the terminal UI, like the other scripted ones.
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, app.cli\n"
            f"code = app.cli.main(['calendar', '--db', {str(db)!r}, '--at', {AT!r}])\n"
            "sys.stdout.flush()\n"
            "assert 'textual' not in sys.modules, 'the calendar loaded textual'\n"
            "sys.exit(code)\n",
        ],
        check=False,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert probe.returncode == 0, probe.stderr


def test_the_program_reports_a_missing_database_in_one_line(tmp_path: Path) -> None:
    done = run_process(tmp_path, "calendar", "--db", str(tmp_path / "typo.json"), "--at", AT)
    assert done.returncode == 1
    assert done.stdout == b""
    assert done.stderr.decode().startswith(f"followup: no database at {tmp_path / 'typo.json'}")
    assert done.stderr.count(b"\n") == 1

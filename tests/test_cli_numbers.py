"""The numbers of `followup due`: every command that takes an action id takes the number the
last listing of that database gave it, and refuses a number that no longer names an open one."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from tests.cli_runs import cli, imported
from tests.test_cli_actions import data

AT = "2026-11-30T10:00:00+00:00"
LATER = "2026-11-30T11:00:00+00:00"
PROMISE = "initech/keep_promise/p1"
LISTING_SUFFIX = ".due-listing.json"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return imported(tmp_path, capsys, data())


def listing(db: Path) -> Path:
    return db.with_name(db.name + LISTING_SUFFIX)


def numbered(capsys: pytest.CaptureFixture[str], db: Path, at: str = AT) -> dict[int, str]:
    """`due` as a person reads it: each number and the id printed under it."""
    code, out, err = cli(capsys, "due", "--at", at, "--db", str(db))
    assert code == 0, err
    found: dict[int, str] = {}
    number = None
    for line in out.splitlines():
        head = re.match(r"  +(\d+)  \S", line)
        if head:
            number = int(head.group(1))
        elif line.strip().startswith("id: "):
            assert number is not None
            found[number] = line.strip().removeprefix("id: ")
            number = None
    return found


def events(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict[str, Any]]:
    code, out, _ = cli(capsys, "export", "--db", str(db))
    assert code == 0
    return json.loads(out)["interviews"][0]["events"]


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_due_numbers_its_actions_in_the_order_shown_and_keeps_them_beside_the_database(capsys, db):
    code, out, _ = cli(capsys, "due", "--at", AT, "--db", str(db))
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == [
        "Overdue (1)",
        "  1  keep-promise to Amy Chen by email · Initech · due by Sat 28 Nov at 09:00",
    ]
    assert "  2  check-in to Amy Chen by email · Initech · due by " in out
    # What a number's line says lines up under its headline, clear of the number column.
    assert "     id: initech/keep_promise/p1" in lines
    assert max(len(line) for line in lines) <= 80
    assert numbered(capsys, db) == {1: PROMISE, 2: "initech/check_in/r1"}
    kept = listing(db)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert [e["id"] for e in json.loads(kept.read_text())["actions"]] == [
        PROMISE,
        "initech/check_in/r1",
    ]
    # Written in one step: nothing of the write is left beside it (the actions due worked
    # out are kept beside it too).
    assert sorted(p.name for p in db.parent.iterdir()) == sorted(
        ["in.json", "db.json", "db.json.lock", "db.json.actions-cache", kept.name]
    )


def test_a_listing_made_readable_to_others_is_kept_for_me_alone_again(capsys, db):
    numbered(capsys, db)
    listing(db).chmod(0o644)
    numbered(capsys, db)
    assert stat.S_IMODE(listing(db).stat().st_mode) == 0o600


def test_due_json_keeps_its_keys_and_leaves_the_numbers_alone(capsys, db):
    numbered(capsys, db)
    before = listing(db).read_bytes()
    code, out, _ = cli(capsys, "due", "--json", "--at", LATER, "--days", "0", "--db", str(db))
    assert code == 0
    assert all("number" not in a for a in json.loads(out))
    assert listing(db).read_bytes() == before


def test_many_numbers_stay_in_one_column_at_80_columns(capsys, tmp_path):
    db = tmp_path / "demo.json"
    assert main(["demo", "--db", str(db), "--at", AT]) == 0
    capsys.readouterr()
    code, out, _ = cli(capsys, "due", "--at", AT, "--db", str(db), "--days", "60")
    assert code == 0
    heads = [line for line in out.splitlines() if re.match(r" +\d+  \S", line)]
    assert len(heads) >= 10
    # Right-aligned: one and two digits end in the same column.
    assert {line.index("  ", 2) for line in heads} == {4}
    assert max(len(line) for line in out.splitlines()) <= 80


def test_sent_takes_the_number_and_records_that_action(capsys, db):
    ids = numbered(capsys, db)
    code, out, err = cli(capsys, "sent", "2", "--at", LATER, "--db", str(db))
    assert code == 0, err
    assert out == f"Marked sent: {ids[2]}\n"
    assert events(capsys, db)[-1]["id"] == ids[2]


def test_draft_takes_the_number_and_with_takes_numbers_too(capsys, db):
    ids = numbered(capsys, db)
    by_id = cli(capsys, "draft", ids[2], "--with", ids[1], "--at", LATER, "--db", str(db))
    by_number = cli(capsys, "draft", "2", "--with", "1", "--at", LATER, "--db", str(db))
    assert by_number == by_id and by_id[0] == 0
    assert "references" in by_id[1]  # the promise's part is in the one message


def test_sent_with_numbers_records_each_action_of_the_message(capsys, db):
    numbered(capsys, db)
    code, out, err = cli(capsys, "sent", "2", "--with", "1", "--at", LATER, "--db", str(db))
    assert code == 0, err
    assert out.splitlines() == ["Marked sent: initech/check_in/r1", f"Marked sent: {PROMISE}"]
    assert [e["id"] for e in events(capsys, db)[-2:]] == ["initech/check_in/r1", PROMISE]


def test_snooze_and_skip_take_the_number(capsys, db):
    numbered(capsys, db)
    code, out, _ = cli(
        capsys, "snooze", "2", "--until", "2026-12-02 14:00", "--at", LATER, "--db", str(db)
    )
    assert (code, out) == (0, "Snoozed: initech/check_in/r1 until 2026-12-02T14:00+00:00\n")
    code, out, _ = cli(capsys, "skip", "1", "--at", LATER, "--db", str(db))
    assert (code, out) == (0, f"Skipped: {PROMISE}\n")
    assert [e["kind"] for e in events(capsys, db)[-2:]] == ["snooze", "skip"]


def test_reply_takes_the_number_of_an_action_and_is_from_its_contact(capsys, db):
    ids = numbered(capsys, db)
    assert ids[2] == "initech/check_in/r1"
    code, out, err = cli(
        capsys, "reply", "2", "--summary", "Decision on Friday", "--at", LATER, "--db", str(db)
    )
    assert (code, out) == (0, "Recorded a reply from Initech\n"), err
    last = events(capsys, db)[-1]
    # The check-in was to the recruiter, Amy: hers was the answer.
    assert (last["kind"], last["contact"]) == ("reply", "amy")
    assert last["summary"] == "Decision on Friday"
    # The employer answered: the check-in is no longer due.
    assert "initech/check_in/r1" not in numbered(capsys, db, LATER).values()


def test_reply_by_number_takes_another_contact_when_told(capsys, db):
    numbered(capsys, db)
    code, _, err = cli(capsys, "reply", "2", "--contact", "bob", "--at", LATER, "--db", str(db))
    assert code == 0, err
    assert events(capsys, db)[-1]["contact"] == "bob"


def test_reply_refuses_a_number_no_longer_open_and_writes_nothing(capsys, db):
    numbered(capsys, db)
    assert cli(capsys, "sent", "1", "--at", LATER, "--db", str(db))[0] == 0
    err = refused(capsys, db, "reply", "1", "--at", LATER)
    assert "is no longer open: it was sent" in err


def test_reply_to_an_interview_whose_id_is_a_number_is_to_that_interview(capsys, tmp_path):
    numbered_data = data()
    numbered_data["interviews"][0]["id"] = "2"
    db = imported(tmp_path, capsys, numbered_data)
    numbered(capsys, db)
    code, out, err = cli(capsys, "reply", "2", "--at", LATER, "--db", str(db))
    assert (code, out) == (0, "Recorded a reply from Initech\n"), err
    assert "contact" not in events(capsys, db)[-1]


def refused(capsys, db: Path, *argv: str) -> str:
    """Run a command that must fail: exit 1, one line, and no file of the folder changed."""
    before = files(db.parent)
    code, out, err = cli(capsys, *argv, "--db", str(db))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith("followup: ")
    assert files(db.parent) == before
    return err


def test_a_number_of_an_action_done_since_says_which_and_why(capsys, db):
    numbered(capsys, db)
    assert cli(capsys, "sent", "1", "--at", LATER, "--db", str(db))[0] == 0
    for argv in (["sent", "1"], ["draft", "1"], ["draft", "2", "--with", "1"], ["skip", "1"]):
        err = refused(capsys, db, *argv, "--at", LATER)
        assert err == (
            "followup: 1 in the last `followup due` listing (keep-promise to Amy Chen · "
            f"Initech, {PROMISE}) is no longer open: it was sent on 2026-11-30T11:00+00:00\n"
        )


def test_a_skipped_action_says_it_was_skipped(capsys, db):
    numbered(capsys, db)
    assert cli(capsys, "skip", "2", "--at", LATER, "--db", str(db))[0] == 0
    err = refused(capsys, db, "snooze", "2", "--until", "tomorrow", "--at", LATER)
    assert "is no longer open: it was skipped on 2026-11-30T11:00+00:00" in err


def test_an_action_of_a_closed_interview_says_it_is_closed(capsys, db):
    ids = numbered(capsys, db)
    code, _, err = cli(
        capsys, "import", "--replace", str(_closed(db.parent / "closed.json")), "--db", str(db)
    )
    assert code == 0, err
    err = refused(capsys, db, "sent", "2", "--at", LATER)
    assert f"(check-in to Amy Chen · Initech, {ids[2]}) is no longer open: " in err
    assert err.endswith("the interview with Initech is closed (rejected)\n")


def _closed(path: Path) -> Path:
    closed = data()
    closed["interviews"][0].update(stage="closed", outcome="rejected")
    path.write_text(json.dumps(closed))
    return path


def test_a_number_the_listing_did_not_give_is_refused(capsys, db):
    numbered(capsys, db)
    err = refused(capsys, db, "sent", "3", "--at", LATER)
    assert err == (
        "followup: there is no 3 in the last `followup due` listing (it numbered 1 to 2): "
        "run `followup due` again\n"
    )
    assert "there is no 0 in" in refused(capsys, db, "draft", "0", "--at", LATER)


def test_a_number_before_any_listing_asks_for_one(capsys, db):
    err = refused(capsys, db, "sent", "1", "--at", LATER)
    assert err == (
        "followup: 1 stands for an action of the last `followup due` listing, and "
        f"{db} has none yet: run `followup due` to number the actions\n"
    )


def test_a_listing_is_kept_for_its_own_database_only(capsys, db, tmp_path):
    numbered(capsys, db)
    other = tmp_path / "other" / "db.json"
    other.parent.mkdir()
    source = tmp_path / "in.json"
    assert main(["import", str(source), "--db", str(other)]) == 0
    capsys.readouterr()
    assert "has none yet: run `followup due`" in refused(capsys, other, "sent", "1", "--at", LATER)


def test_an_empty_listing_removes_the_numbers_before_it(capsys, db):
    numbered(capsys, db)
    assert listing(db).exists()
    code, out, _ = cli(
        capsys, "due", "--at", "2020-01-01T09:00:00+00:00", "--days", "0", "--db", str(db)
    )
    assert (code, out) == (0, "Nothing to do in the next 0 days.\n")
    assert not listing(db).exists()
    assert "has none yet" in refused(capsys, db, "sent", "1", "--at", LATER)


def test_the_listing_is_never_trusted_over_the_database(capsys, db):
    """A listing edited by hand can name an action, never open one that is not."""
    numbered(capsys, db)
    kept = json.loads(listing(db).read_text())
    kept["actions"][0]["id"] = "initech/check_in/r9"
    listing(db).write_text(json.dumps(kept))
    err = refused(capsys, db, "sent", "1", "--at", LATER)
    assert "(keep-promise to Amy Chen · Initech, initech/check_in/r9) is no longer open" in err


@pytest.mark.parametrize("content", ["not json", '{"format": "other"}', '{"actions": 3}', "[]"])
def test_a_listing_followup_did_not_write_is_one_line(capsys, db, content):
    numbered(capsys, db)
    listing(db).write_text(content)
    err = refused(capsys, db, "sent", "1", "--at", LATER)
    assert err == (
        f"followup: the last `followup due` listing {listing(db)} is not one followup wrote: "
        "run `followup due` again (the file is safe to delete)\n"
    )
    # An id still works: the listing is only read for a number.
    assert cli(capsys, "sent", PROMISE, "--at", LATER, "--db", str(db))[0] == 0


def test_a_listing_that_cannot_be_kept_is_shown_without_numbers(capsys, db):
    listing(db).mkdir()  # nothing can be renamed over a folder
    code, out, err = cli(capsys, "due", "--at", AT, "--db", str(db))
    assert code == 0
    assert "followup: warning: the actions are not numbered: " in err
    # It could not be removed either: the user is told to, so that no number names an old one.
    assert err.count("\n") == 1 and f"; remove {listing(db)}, or a number may" in err
    assert "  keep-promise to Amy Chen by email · Initech · due by Sat 28 Nov at 09:00" in out
    assert not re.search(r"^ +\d+  ", out, re.MULTILINE)
    assert "followup sent 1" not in out


def test_an_id_that_was_sent_says_so_too(capsys, db):
    assert cli(capsys, "sent", PROMISE, "--at", LATER, "--db", str(db))[0] == 0
    err = refused(capsys, db, "sent", PROMISE, "--at", LATER)
    assert err == (
        f"followup: '{PROMISE}' is no longer open: it was sent on 2026-11-30T11:00+00:00\n"
    )


@pytest.mark.parametrize(("command", "option"), [("calendar", "--out"), ("draft", "--eml")])
def test_an_output_file_is_never_the_listing_or_a_temporary(capsys, db, command, option):
    numbered(capsys, db)
    argv = ["calendar"] if command == "calendar" else ["draft", "1"]
    err = refused(capsys, db, *argv, option, str(listing(db)), "--at", AT)
    assert err == (
        f"followup: {option} {listing(db)} is the numbers of the database's last "
        "`followup due` listing: give another file\n"
    )
    for name in (".db.json.tmp-1234abcd", ".db.json.due-listing.json.tmp-99"):
        target = db.parent / name
        err = refused(capsys, db, *argv, option, str(target), "--at", AT)
        assert "is a temporary file of a write to the database: give another file" in err
        assert not target.exists()


def test_an_output_file_through_a_link_to_the_listing_is_refused(capsys, db, tmp_path):
    numbered(capsys, db)
    link = tmp_path / "feed.ics"
    link.symlink_to(listing(db))
    err = refused(capsys, db, "calendar", "--out", str(link), "--at", AT)
    assert "is the numbers of the database's last `followup due` listing" in err

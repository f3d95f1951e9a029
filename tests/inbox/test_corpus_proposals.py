"""Every message of the corpus (tests/inbox/corpus.py: messages shaped like the real ones),
read from a Maildir and from an mbox by `followup inbox scan`, gets the right proposal or none:
machines' messages propose nothing, the employer's replies and invitations do, a stranger at the
company is a new contact, the thank-you found in the sent mail marks its action, and text with
terminal escapes reaches the terminal as escapes."""

from __future__ import annotations

import json
import mailbox
import re
from pathlib import Path

import pytest

from tests.cli_runs import cli, imported
from tests.inbox.corpus import CORPUS
from tests.inbox.test_imap_end_to_end import AT, INTERCHANGE

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(params=["maildir", "mbox"])
def corpus_source(request: pytest.FixtureRequest, tmp_path: Path) -> list[str]:
    if request.param == "maildir":
        box: mailbox.Mailbox[mailbox.Message] = mailbox.Maildir(tmp_path / "Mail", create=True)
        where = ["--maildir", str(tmp_path / "Mail")]
    else:
        box = mailbox.mbox(tmp_path / "mail.mbox", create=True)
        where = ["--mbox", str(tmp_path / "mail.mbox")]
    for make in CORPUS.values():
        box.add(make())
    box.flush()
    box.close()
    return where


def scan(capsys: pytest.CaptureFixture[str], db: Path, source: list[str], *json_flag: str) -> str:
    code, out, err = cli(capsys, "inbox", "scan", *source, *json_flag, "--at", AT, "--db", str(db))
    assert code == 0, err
    return out


def test_each_message_of_the_corpus_proposes_what_it_should(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus_source: list[str]
) -> None:
    db = imported(tmp_path, capsys, INTERCHANGE)
    found = json.loads(scan(capsys, db, corpus_source, "--json"))
    by_subject: dict[str, set[tuple[str, str | None]]] = {}
    for proposal in found:
        by_subject.setdefault(proposal["subject"], set()).add(
            (proposal["kind"], proposal["contact"])
        )
    subjects = set(by_subject)
    # Machines' messages and a message with no sender propose nothing.
    for silent in ("Automatic reply", "Undeliverable", "Delivery Status", "newsletter", "Who sent"):
        assert not any(silent.lower() in subject.lower() for subject in subjects), silent
    assert by_subject["Re: Thank you for today"] == {("reply", "jane")}
    thank_you = next(p for p in found if p["kind"] == "sent")
    assert (thank_you["contact"], thank_you["action"]) == ("jane", "acme-pm/thank_you/r1/jane")
    assert by_subject["Acme - second round"] == {("reply", "jane"), ("round", "jane")}
    outlook = next(
        p for p in found if p["kind"] == "round" and p["subject"] == "Acme - second round"
    )
    assert outlook["round"]["minutes"] == 60 and outlook["round"]["id"] is None
    # A cancelled invitation of a round never recorded takes nothing back.
    cancelled = [s for s in subjects if s.startswith("Canceled event")]
    assert cancelled and all(all(kind != "round" for kind, _ in by_subject[s]) for s in cancelled)
    # Strangers at the company: a reply and a new contact, names decoded.
    new_people = {p["from"] for p in found if p["kind"] == "contact"}
    assert "Inês Carvalho <ines.carvalho@acme.example>" in new_people
    assert "Renée Dupré <renee@acme.example>" in new_people
    # Terminal escapes in a name and a subject are escapes, not commands.
    eve = next(p for p in found if "eve@acme.example" in p["from"])
    assert "\\x1b" in eve["subject"] and not RAW_CONTROL.search(eve["subject"] + eve["from"])
    assert not RAW_CONTROL.search(scan(capsys, db, corpus_source))


def test_random_bytes_as_messages_are_skipped_and_counted_never_fatal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = imported(tmp_path, capsys, INTERCHANGE)
    box = mailbox.Maildir(tmp_path / "Mail", create=True)
    for n in range(30):
        box.add(bytes((n * 37 + i * 11) % 256 for i in range(200 + n * 13)))
    box.add(CORPUS["gmail_reply"]())
    out = scan(capsys, db, ["--maildir", str(tmp_path / "Mail")])
    assert "1 proposal; 31 new messages read." in out

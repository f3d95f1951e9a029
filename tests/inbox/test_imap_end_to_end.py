"""The inbox against a real IMAP server (Dovecot, started by the tests): `followup inbox scan`
proposes the employer's reply, the thank-you sent from the phone and the invitation; `apply`
records them, and the thank-you and the check-in the reply answered leave `due`; a second scan
proposes nothing; no message's \\Seen flag changed; the password is in no file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runs import cli, imported
from tests.inbox import corpus
from tests.inbox.dovecot import Dovecot

AT = "2026-12-10T12:00:00+00:00"
INTERCHANGE = {
    "format": "followup/1",
    "profile": {"name": "Alex Morgan", "email": "alex@morgan.example", "timezone": "Europe/London"},
    "interviews": [
        {
            "id": "acme-pm",
            "company": "Acme Ltd",
            "role": "Product Manager",
            "stage": "waiting",
            "timezone": "Europe/London",
            "decision_by": "2026-12-07",
            "rounds": [
                {
                    "id": "r1",
                    "starts": "2026-12-08T10:00:00+00:00",
                    "minutes": 60,
                    "kind": "onsite",
                    "interviewers": ["jane"],
                }
            ],
            "contacts": [
                {
                    "id": "jane",
                    "name": "Jane Doe",
                    "email": "jane@acme.example",
                    "role": "interviewer",
                },
                {"id": "sam", "name": "Sam Lee", "email": "sam@acme.example", "role": "recruiter"},
            ],
        }
    ],
}


def due_ids(capsys: pytest.CaptureFixture[str], db: Path) -> set[str]:
    code, out, err = cli(capsys, "due", "--json", "--at", AT, "--db", str(db))
    assert code == 0, err
    return {action["id"] for action in json.loads(out)}


def flags(server: Dovecot) -> dict[str, dict[int, tuple[bytes, ...]]]:
    client = server.client()
    seen: dict[str, dict[int, tuple[bytes, ...]]] = {}
    try:
        for folder in ("INBOX", "Sent"):
            client.select_folder(folder, readonly=True)  # type: ignore[attr-defined]
            uids = client.search("ALL")  # type: ignore[attr-defined]
            fetched = client.fetch(uids, ["FLAGS"])  # type: ignore[attr-defined]
            seen[folder] = {uid: tuple(data[b"FLAGS"]) for uid, data in fetched.items()}
    finally:
        client.logout()  # type: ignore[attr-defined]
    return seen


def test_a_scan_of_imap_proposes_what_happened_and_apply_records_it_once(
    dovecot: Dovecot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = imported(tmp_path, capsys, INTERCHANGE)
    for message in (corpus.gmail_reply, corpus.google_invitation, corpus.out_of_office):
        dovecot.append(message())
    dovecot.append(corpus.newsletter(), flags=[b"\\Seen"])
    dovecot.append(corpus.sent_follow_up(), folder="Sent", flags=[b"\\Seen"])
    before_flags = flags(dovecot)
    assert {"acme-pm/thank_you/r1/jane", "acme-pm/check_in/r1"} <= due_ids(capsys, db)

    code, out, err = cli(
        capsys, "inbox", "setup", "--host", "127.0.0.1", "--port", str(dovecot.port),
        "--user", dovecot.user, "--password-command", "false", "--security", "none",
        "--db", str(db),
    )  # fmt: skip
    assert code == 0, err
    # The password comes from the environment here; the command is never run then.
    monkeypatch.setenv("FOLLOWUP_IMAP_PASSWORD", dovecot.password)
    before = db.read_bytes()
    code, out, err = cli(capsys, "inbox", "scan", "--json", "--at", AT, "--db", str(db))
    assert code == 0, err
    found = json.loads(out)
    assert db.read_bytes() == before  # a scan changes nothing in the database
    kinds = {(p["kind"], p["contact"], p["action"]) for p in found}
    assert ("reply", "jane", None) in kinds
    assert ("sent", "jane", "acme-pm/thank_you/r1/jane") in kinds
    [round_proposal] = [p for p in found if p["kind"] == "round"]
    assert round_proposal["round"]["starts"] == "2026-12-16T16:00:00+00:00"
    assert round_proposal["round"]["minutes"] == 45
    # Oldest message first.
    assert [p["at"] for p in found] == sorted(p["at"] for p in found)

    code, out, err = cli(capsys, "inbox", "apply", "--all", "--at", AT, "--db", str(db))
    assert code == 0, err
    due_now = due_ids(capsys, db)
    assert "acme-pm/thank_you/r1/jane" not in due_now
    assert "acme-pm/check_in/r1" not in due_now  # the reply reset the clock

    code, out, err = cli(capsys, "inbox", "scan", "--json", "--at", AT, "--db", str(db))
    assert (code, json.loads(out)) == (0, [])
    assert flags(dovecot) == before_flags
    for path in db.parent.iterdir():
        if path.is_file():
            assert dovecot.password.encode() not in path.read_bytes(), path

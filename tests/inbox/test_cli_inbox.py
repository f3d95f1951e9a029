"""`followup inbox` through a Maildir and an mbox (SPEC sections 8 and 11): a scan lists what
the mail proposes and changes nothing in the database; apply records the chosen proposals, each
once, and the check-in that a reply answered leaves `due`; dismiss remembers; the JSON has
exactly the keys of the contract; the password is never in a file."""

from __future__ import annotations

import json
import mailbox
from pathlib import Path

import pytest

from tests.cli_runs import cli, demo_database
from tests.inbox.corpus import new_person_writes_twice, to_jordan

AT = "2026-12-04T09:00:00+00:00"
KEYS = {"id", "kind", "interview", "contact", "action", "at", "from", "subject", "reason", "round"}
CHECK_IN = "harbor-analytics/check_in/r2"


MESSAGES = [
    to_jordan(
        "Sofia Marsh <sofia.marsh@harborlane.example>",
        "Re: Product Analytics Lead",
        "Hi Jordan,\n\nWe will decide by Friday, thank you for waiting.\n\nSofia\n",
        "Thu, 03 Dec 2026 15:00:00 +0000",
        "<reply-1@harborlane.example>",
    ),
    to_jordan(
        "Sofia Marsh <sofia.marsh@harborlane.example>",
        "Automatic reply: Re: Product Analytics Lead",
        "I am out of the office until Monday.",
        "Thu, 03 Dec 2026 15:01:00 +0000",
        "<ooo-1@harborlane.example>",
    ),
    to_jordan(
        "Deals <deals@gmail.com>",
        "Deals",
        "buy now",
        "Thu, 03 Dec 2026 16:00:00 +0000",
        "<spam@gmail.com>",
    ),
]


@pytest.fixture(params=["maildir", "mbox"])
def source(request: pytest.FixtureRequest, tmp_path: Path) -> list[str]:
    if request.param == "maildir":
        box: mailbox.Mailbox[mailbox.Message] = mailbox.Maildir(tmp_path / "Mail", create=True)
    else:
        box = mailbox.mbox(tmp_path / "mail.mbox", create=True)
    for made in MESSAGES:
        box.add(made)
    box.flush()
    box.close()
    if request.param == "maildir":
        return ["--maildir", str(tmp_path / "Mail")]
    return ["--mbox", str(tmp_path / "mail.mbox")]


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return demo_database(tmp_path, capsys, AT)


def due_ids(capsys: pytest.CaptureFixture[str], db: Path) -> set[str]:
    code, out, err = cli(capsys, "due", "--json", "--at", AT, "--db", str(db))
    assert code == 0, err
    return {action["id"] for action in json.loads(out)}


def scanned(
    capsys: pytest.CaptureFixture[str], db: Path, source: list[str]
) -> list[dict[str, object]]:
    code, out, err = cli(capsys, "inbox", "scan", *source, "--json", "--at", AT, "--db", str(db))
    assert code == 0, err
    found: list[dict[str, object]] = json.loads(out)
    return found


def test_a_reply_by_mail_is_proposed_applied_and_the_check_in_leaves_due(
    capsys: pytest.CaptureFixture[str], db: Path, source: list[str]
) -> None:
    assert CHECK_IN in due_ids(capsys, db)
    before = db.read_bytes()
    [proposal] = scanned(capsys, db, source)
    # The scan changed nothing in the database; the out-of-office and the stranger propose nothing.
    assert db.read_bytes() == before
    assert set(proposal) == KEYS
    assert (proposal["kind"], proposal["interview"], proposal["contact"]) == (
        "reply",
        "harbor-analytics",
        "sofia",
    )
    assert proposal["at"] == "2026-12-03T15:00:00+00:00"
    code, out, err = cli(capsys, "inbox", "apply", str(proposal["id"]), "--at", AT, "--db", str(db))
    assert (code, err) == (0, "")
    assert out.startswith("Recorded a reply from Harbor Lane Logistics")
    assert CHECK_IN not in due_ids(capsys, db)
    # Read again, the mail proposes nothing; the reply is on file once, from its message.
    assert scanned(capsys, db, source) == []
    code, out, _ = cli(capsys, "export", "--db", str(db))
    harbor = next(i for i in json.loads(out)["interviews"] if i["id"] == "harbor-analytics")
    replies = [e for e in harbor["events"] if e.get("source") == "<reply-1@harborlane.example>"]
    assert len(replies) == 1 and replies[0]["summary"].startswith("We will decide by Friday")


def test_a_dismissed_proposal_is_never_proposed_again(
    capsys: pytest.CaptureFixture[str], db: Path, source: list[str]
) -> None:
    [proposal] = scanned(capsys, db, source)
    code, out, _ = cli(capsys, "inbox", "dismiss", str(proposal["id"]), "--db", str(db))
    assert (code, out) == (0, "Dismissed 1 proposal: never proposed again\n")
    assert scanned(capsys, db, source) == []
    assert CHECK_IN in due_ids(capsys, db)


def test_apply_all_and_a_proposal_the_scan_did_not_give(
    capsys: pytest.CaptureFixture[str], db: Path, source: list[str]
) -> None:
    code, _, err = cli(capsys, "inbox", "apply", "m0000000000", "--db", str(db))
    assert code == 1 and err.startswith("followup: nothing to apply")
    scanned(capsys, db, source)
    before = db.read_bytes()
    code, _, err = cli(capsys, "inbox", "apply", "m0000000000", "--db", str(db))
    assert code == 1 and err.count("\n") == 1 and "no proposal m0000000000" in err
    assert db.read_bytes() == before
    code, out, _ = cli(capsys, "inbox", "apply", "--all", "--at", AT, "--db", str(db))
    assert code == 0 and out.count("\n") == 1


def test_setup_keeps_where_the_mail_is_and_never_the_password(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    secret = "correct horse battery staple"
    kept = tmp_path_factory.mktemp("keyring") / "mail-password"
    kept.write_text(secret + "\n")
    command = f"cat {kept}"
    code, out, err = cli(
        capsys, "inbox", "setup", "--host", "imap.example.invalid", "--user", "jordan",
        "--password-command", command, "--db", str(db),
    )  # fmt: skip
    assert code == 0, err
    assert "jordan at imap.example.invalid:993 (ssl)" in out and secret not in out
    state = db.with_name(db.name + ".inbox.json")
    assert state.stat().st_mode & 0o777 == 0o600
    assert json.loads(state.read_text())["settings"]["password_command"] == command
    # A scan runs the command (the server is not there: one line, and never the password).
    code, out, err = cli(capsys, "inbox", "scan", "--at", AT, "--db", str(db))
    assert code == 1 and err.count("\n") == 1 and secret not in err
    for path in db.parent.iterdir():
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


@pytest.mark.parametrize("port", ["0", "99999", "imap"])
def test_a_port_no_server_can_have_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], db: Path, port: str
) -> None:
    code, out, err = cli(
        capsys, "inbox", "setup", "--host", "imap.example.invalid", "--user", "jordan",
        "--password-command", "true", "--port", port, "--db", str(db),
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert "--port: not a port number" in err and repr(port) in err
    assert not db.with_name(db.name + ".inbox.json").exists()


def test_no_account_and_no_folder_is_one_line(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = cli(capsys, "inbox", "scan", "--at", AT, "--db", str(db))
    assert (code, out) == (1, "")
    assert err.startswith("followup: no mail account is set up") and err.count("\n") == 1


def test_an_output_file_is_never_the_inbox_state(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    state = db.with_name(db.name + ".inbox.json")
    code, _, err = cli(capsys, "calendar", "--out", str(state), "--at", AT, "--db", str(db))
    assert code == 1 and "the inbox's settings and proposals" in err


def test_a_second_scan_of_a_maildir_reads_only_what_is_new(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    box = mailbox.Maildir(tmp_path / "Mail", create=True)
    for made in MESSAGES:
        box.add(made)
    source = ["--maildir", str(tmp_path / "Mail")]
    code, out, _ = cli(capsys, "inbox", "scan", *source, "--at", AT, "--db", str(db))
    assert code == 0 and "1 proposal; 3 new messages read." in out
    code, out, _ = cli(capsys, "inbox", "scan", *source, "--at", AT, "--db", str(db))
    # Nothing read again, and what the first scan proposed is still there to apply.
    assert code == 0 and "1 proposal; 0 new messages read." in out
    box.add(
        to_jordan(
            "Daniel Osei <daniel.osei@harborlane.example>",
            "Re: next steps",
            "Hello Jordan,\n\nCould you do Tuesday at 2pm?\n",
            "Thu, 03 Dec 2026 17:00:00 +0000",
            "<reply-2@harborlane.example>",
        )
    )
    code, out, _ = cli(capsys, "inbox", "scan", *source, "--at", AT, "--db", str(db))
    assert code == 0 and "2 proposals; 1 new message read." in out


def test_apply_says_which_interview_a_message_about_two_is_about(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    from app.domain.copies import replace
    from app.services.records import Records

    def twin(pipeline):  # type: ignore[no-untyped-def]
        fern = next(i for i in pipeline.interviews if i.id == "fernhill-insights")
        extra = replace(fern.contacts[0], id="omar", email="omar@harborlane.example")
        fern = replace(fern, contacts=(*fern.contacts, extra))
        return replace(
            pipeline, interviews=tuple(fern if i.id == fern.id else i for i in pipeline.interviews)
        )

    Records(db, default_zone="Europe/London").update(twin)
    box = mailbox.Maildir(tmp_path / "Mail", create=True)
    box.add(to_jordan("Rita Stone <rita@harborlane.example>", "Both", "Both teams.",
                    "Thu, 03 Dec 2026 17:00:00 +0000", "<rita@harborlane.example>"))  # fmt: skip
    found = scanned(capsys, db, ["--maildir", str(tmp_path / "Mail")])
    reply = next(p for p in found if p["kind"] == "reply")
    assert sorted(reply["interview"]) == ["fernhill-insights", "harbor-analytics"]
    code, out, _ = cli(capsys, "inbox", "apply", str(reply["id"]), "--at", AT, "--db", str(db))
    assert code == 0 and f"say which: {reply['id']}=INTERVIEW" in out
    code, _, err = cli(capsys, "inbox", "apply", f"{reply['id']}=kestrel-tpm", "--db", str(db))
    assert code == 1 and "not kestrel-tpm" in err
    choice = f"{reply['id']}=fernhill-insights"
    code, out, err = cli(capsys, "inbox", "apply", choice, "--at", AT, "--db", str(db))
    assert code == 0 and out.startswith("Recorded a reply from Fernhill"), err


def test_review_findings_since_contacts_first_and_usage(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    """--since filters what was kept from earlier scans too; --all records a new person before
    their reply (which is then from them); neither ids nor --all is a usage error (2)."""
    box = mailbox.Maildir(tmp_path / "Mail", create=True)
    box.add(to_jordan("Kim New <kim@harborlane.example>", "Hello", "Hi Jordan,\n\nWelcome.\n",
                    "Thu, 03 Dec 2026 10:00:00 +0000", "<kim@harborlane.example>"))  # fmt: skip
    box.add(to_jordan("Sofia Marsh <sofia.marsh@harborlane.example>", "Earlier", "An old note.\n",
                    "Tue, 01 Dec 2026 10:00:00 +0000", "<old@harborlane.example>"))  # fmt: skip
    source = ["--maildir", str(tmp_path / "Mail")]
    assert len(scanned(capsys, db, source)) == 3
    code, out, err = cli(capsys, "inbox", "scan", *source, "--since", "2026-12-02", "--json",
                         "--at", AT, "--db", str(db))  # fmt: skip
    assert code == 0, err
    assert {p["from"] for p in json.loads(out)} == {"Kim New <kim@harborlane.example>"}
    code, out, err = cli(capsys, "inbox", "apply", "--all", "--at", AT, "--db", str(db))
    assert code == 0 and "recorded already" not in out, out
    exported = json.loads(cli(capsys, "export", "--db", str(db))[1])
    harbor = next(i for i in exported["interviews"] if i["id"] == "harbor-analytics")
    kim = next(c for c in harbor["contacts"] if c["email"] == "kim@harborlane.example")
    reply = next(e for e in harbor["events"] if e.get("source") == "<kim@harborlane.example>")
    assert reply["contact"] == kim["id"]
    code, _, err = cli(capsys, "inbox", "apply", "--db", str(db))
    assert code == 2 and "usage:" in err


def test_an_update_scanned_with_its_invitation_moves_the_round_once_it_is_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.cli_runs import imported
    from tests.inbox import corpus
    from tests.inbox.test_imap_end_to_end import INTERCHANGE

    db = imported(tmp_path, capsys, INTERCHANGE)  # Acme, whom the corpus's invitations are from
    box = mailbox.Maildir(tmp_path / "Invites", create=True)
    for message in (corpus.google_invitation(), corpus.updated_invitation()):
        box.add(message)
    box.close()
    source = ["--maildir", str(tmp_path / "Invites")]
    first, update = (p for p in scanned(capsys, db, source) if p["kind"] == "round")
    assert first["round"]["id"] is None and update["round"]["id"] is None  # type: ignore[index]
    code, _, err = cli(capsys, "inbox", "apply", str(first["id"]), "--at", AT, "--db", str(db))
    assert code == 0, err
    # Scanned again, the update is said as the file now has it (SPEC section 11: the round's
    # id is null only for a new round).
    [again] = [p for p in scanned(capsys, db, source) if p["kind"] == "round"]
    made = again["round"]["id"]  # type: ignore[index]
    assert made is not None and "it moves the round of " in str(again["reason"])
    assert made not in str(again["reason"])  # the user knows a round by its time, not its id


def test_a_new_person_who_wrote_twice_is_proposed_until_one_is_accepted(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    source = ["--maildir", str(new_person_writes_twice(tmp_path / "Mail", "Thu, 03 Dec 2026"))]
    contacts = [p for p in scanned(capsys, db, source) if p["kind"] == "contact"]
    assert len(contacts) == 2
    code, _, err = cli(
        capsys, "inbox", "apply", str(contacts[0]["id"]), "--at", AT, "--db", str(db)
    )
    assert code == 0, err
    # The other would add the same person again: it is settled, not applied with --all (nor
    # said to be a contact already, with its internal id), and no longer proposed.
    code, out, err = cli(capsys, "inbox", "apply", "--all", "--at", AT, "--db", str(db))
    assert code == 0, err
    assert str(contacts[1]["id"]) not in out and "already" not in out
    assert [p for p in scanned(capsys, db, source) if p["kind"] == "contact"] == []


def _invited(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, list[str]]:
    """Acme's database and a Maildir holding its invitation to a round."""
    from tests.cli_runs import imported
    from tests.inbox import corpus
    from tests.inbox.test_imap_end_to_end import INTERCHANGE

    db = imported(tmp_path, capsys, INTERCHANGE)
    box = mailbox.Maildir(tmp_path / "Invites", create=True)
    box.add(corpus.google_invitation())
    box.close()
    return db, ["--maildir", str(tmp_path / "Invites")]


def test_an_invitation_recorded_as_a_round_is_not_proposed_again_as_a_reply(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, source = _invited(capsys, tmp_path)
    proposals = scanned(capsys, db, source)
    kinds = sorted(str(p["kind"]) for p in proposals)
    assert "round" in kinds and "reply" in kinds, kinds
    [round_] = [p for p in proposals if p["kind"] == "round"]
    code, _, err = cli(capsys, "inbox", "apply", str(round_["id"]), "--at", AT, "--db", str(db))
    assert code == 0, err
    assert scanned(capsys, db, source) == []


def test_a_cancellation_recorded_leaves_its_reply_to_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.inbox import corpus

    db, source = _invited(capsys, tmp_path)
    [made] = [p for p in scanned(capsys, db, source) if p["kind"] == "round"]
    assert cli(capsys, "inbox", "apply", str(made["id"]), "--at", AT, "--db", str(db))[0] == 0
    box = mailbox.Maildir(tmp_path / "Invites")
    box.add(corpus.cancelled_invitation())
    box.close()
    proposals = scanned(capsys, db, source)
    [cancel] = [p for p in proposals if p["kind"] == "round"]
    replies = [p for p in proposals if p["kind"] == "reply"]
    assert cli(capsys, "inbox", "apply", str(cancel["id"]), "--at", AT, "--db", str(db))[0] == 0
    # They wrote to call it off: that is an answer still to record.
    again = [p["id"] for p in scanned(capsys, db, source) if p["kind"] == "reply"]
    assert again == [p["id"] for p in replies] and again


def test_since_reads_again_the_mail_that_answered_an_interview_added_after_it_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    box = mailbox.Maildir(tmp_path / "Mail", create=True)
    box.add(
        to_jordan(
            "Jo Park <jo.park@quasarlabs.example>",
            "Your application",
            "Hi Jordan,\n\nThanks for applying; we will be in touch next week.\n\nJo\n",
            "Thu, 03 Dec 2026 15:00:00 +0000",
            "<jo-1@quasarlabs.example>",
        )
    )
    box.close()
    source = ["--maildir", str(tmp_path / "Mail")]
    assert scanned(capsys, db, source) == []  # nobody at Quasar is known yet
    quasar = {
        "format": "followup/1",
        "interviews": [
            {"id": "quasar", "company": "Quasar Labs", "role": "Engineer",
             "contacts": [{"id": "jo", "name": "Jo Park", "email": "jo.park@quasarlabs.example"}]}
        ],
    }  # fmt: skip
    (tmp_path / "quasar.json").write_text(json.dumps(quasar))
    code, _, err = cli(capsys, "import", str(tmp_path / "quasar.json"), "--db", str(db))
    assert code == 0, err
    assert scanned(capsys, db, source) == []  # read once already
    code, out, err = cli(
        capsys, "inbox", "scan", *source, "--since", "2026-12-01", "--json", "--at", AT,
        "--db", str(db),
    )  # fmt: skip
    assert code == 0, err
    [reply] = json.loads(out)
    assert (reply["kind"], reply["interview"], reply["contact"]) == ("reply", "quasar", "jo")

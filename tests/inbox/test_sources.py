"""Where mail comes from: a real Dovecot for IMAP, temporary Maildirs and mbox files."""

from __future__ import annotations

import email.utils
import mailbox
import os
import re
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from app.errors import UserError
from app.inbox.mail import Address
from app.inbox.settings_file import Cursor, Settings
from app.inbox.sources import (
    INBOX,
    SENT,
    Found,
    Tally,
    imap_messages,
    maildir_messages,
    mbox_messages,
    password_for,
)
from tests.inbox.dovecot import Dovecot, running_dovecot
from tests.servers import free_port

EMPLOYER = "sam@acme.example"
ELSEWHERE = "news@shop.example"


def message(sender: str, subject: str, *, at: datetime | None = None, body: str = "") -> bytes:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "jo@home.example"
    mail["Subject"] = subject
    mail["Date"] = email.utils.format_datetime(at or datetime(2025, 3, 4, 9, 0, tzinfo=UTC))
    mail["Message-ID"] = email.utils.make_msgid(domain="test.example")
    mail.set_content(body or f"About {subject}.\n")
    return mail.as_bytes()


def from_employer(addresses: tuple[Address, ...]) -> bool:
    return any(a.email == EMPLOYER for a in addresses)


def everything(addresses: tuple[Address, ...]) -> bool:
    return True


def settings_of(server: Dovecot, **changes: Any) -> Settings:
    given: dict[str, Any] = {
        "host": server.host,
        "port": server.port,
        "user": server.user,
        "security": "none",
    }
    given.update(changes)
    return Settings(**given)


def subjects(found: list[Found]) -> list[str]:
    return [re.search(rb"^Subject: (.*?)\r?$", f.raw, re.M)[1].decode() for f in found]  # type: ignore[index]


def seen_flags(server: Dovecot, folder: str = "INBOX") -> dict[int, bool]:
    """Each message's \\Seen flag, by a connection of its own that fetches FLAGS only."""
    client: Any = server.client()
    try:
        client.select_folder(folder, readonly=True)
        flags = client.fetch(client.search(["ALL"]), ["FLAGS"])
        return {uid: b"\\Seen" in value[b"FLAGS"] for uid, value in flags.items()}
    finally:
        client.logout()


def bodies_fetched(server: Dovecot) -> int:
    """How many message bodies the one session that fetched headers fetched: the scan's
    (filling the mailbox fetches nothing), as Dovecot counts them when the session ends."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        scans = re.findall(r"Logged out .* hdr_count=[1-9]\d* .*body_count=(\d+)", server.log())
        if scans:
            assert len(scans) == 1
            return int(scans[0])
        time.sleep(0.02)  # the server logs a session a moment after it ends
    raise AssertionError(f"no scan in the log of dovecot: {server.log()}")


# --------------------------------------------------------------------------- IMAP


def test_headers_first_and_only_wanted_bodies(dovecot: Dovecot) -> None:
    dovecot.append(message(EMPLOYER, "Next steps"))
    dovecot.append(message(ELSEWHERE, "Sale"))
    dovecot.append(message(f"Sam <{EMPLOYER}>", "Schedule"), flags=[b"\\Seen"])
    asked: list[tuple[Address, ...]] = []

    def wanted(addresses: tuple[Address, ...]) -> bool:
        asked.append(addresses)
        return from_employer(addresses)

    found, cursors = imap_messages(settings_of(dovecot), dovecot.password, {}, wanted=wanted)

    assert subjects(found) == ["Next steps", "Schedule"]
    assert [f.folder for f in found] == [INBOX, INBOX]
    assert all(f.received is not None and f.received.tzinfo is not None for f in found)
    assert [a[0].email for a in asked] == [EMPLOYER, ELSEWHERE, EMPLOYER]
    assert bodies_fetched(dovecot) == 2
    assert cursors["INBOX"]["last_uid"] == 3


def test_a_scan_changes_no_flag(dovecot: Dovecot) -> None:
    for number in range(4):
        flags = [b"\\Seen"] if number % 2 else []
        dovecot.append(message(EMPLOYER, f"Message {number}"), flags=flags)
    dovecot.deliver(message(EMPLOYER, "Delivered"))
    before = seen_flags(dovecot)
    assert before == {1: False, 2: True, 3: False, 4: True, 5: False}

    found, _ = imap_messages(settings_of(dovecot), dovecot.password, {}, wanted=everything)

    assert len(found) == 5
    assert seen_flags(dovecot) == before


def test_resumes_where_the_last_scan_stopped(dovecot: Dovecot) -> None:
    settings = settings_of(dovecot)
    dovecot.append(message(EMPLOYER, "First"))
    dovecot.append(message(EMPLOYER, "Second"))
    found, cursors = imap_messages(settings, dovecot.password, {}, wanted=everything)
    assert subjects(found) == ["First", "Second"]

    again, same = imap_messages(settings, dovecot.password, cursors, wanted=everything)
    assert (again, same) == ([], cursors)

    dovecot.append(message(EMPLOYER, "Third"))
    new, after = imap_messages(settings, dovecot.password, same, wanted=everything)
    assert subjects(new) == ["Third"]
    assert after["INBOX"]["last_uid"] == 3


def test_an_unwanted_message_moves_the_cursor_too(dovecot: Dovecot) -> None:
    dovecot.append(message(ELSEWHERE, "Sale"))
    found, cursors = imap_messages(settings_of(dovecot), dovecot.password, {}, wanted=from_employer)
    assert found == []
    assert cursors["INBOX"]["last_uid"] == 1


def test_since_reads_again_what_an_earlier_scan_passed_over(dovecot: Dovecot) -> None:
    # Read when it named nobody known, then asked for again once it may (a contact added).
    dovecot.append(message(ELSEWHERE, "Sale"))
    settings = settings_of(dovecot)
    found, cursors = imap_messages(settings, dovecot.password, {}, wanted=from_employer)
    assert found == [] and cursors["INBOX"]["last_uid"] == 1
    again, _ = imap_messages(settings, dovecot.password, cursors, wanted=everything)
    assert again == []
    since = datetime.now(UTC) - timedelta(days=2)
    read, after = imap_messages(settings, dovecot.password, cursors, wanted=everything, since=since)
    assert subjects(read) == ["Sale"]
    assert after == cursors


def test_a_changed_uidvalidity_starts_over(dovecot: Dovecot) -> None:
    dovecot.append(message(EMPLOYER, "First"))
    settings = settings_of(dovecot)
    _, cursors = imap_messages(settings, dovecot.password, {}, wanted=everything)
    stale = {"INBOX": Cursor(uidvalidity=cursors["INBOX"]["uidvalidity"] + 1, last_uid=99)}

    found, after = imap_messages(settings, dovecot.password, stale, wanted=everything)

    assert subjects(found) == ["First"]
    assert after == cursors


def test_the_sent_folder_is_found_and_read(dovecot: Dovecot) -> None:
    dovecot.append(message(EMPLOYER, "Question"))
    dovecot.append(message("jo@home.example", "Answer"), folder="Sent", flags=[b"\\Seen"])

    found, cursors = imap_messages(settings_of(dovecot), dovecot.password, {}, wanted=everything)

    assert [(f.folder, s) for f, s in zip(found, subjects(found), strict=True)] == [
        (INBOX, "Question"),
        (SENT, "Answer"),
    ]
    assert set(cursors) == {"INBOX", "Sent"}
    assert seen_flags(dovecot, "Sent") == {1: True}


def test_a_named_sent_folder_that_is_missing_is_an_error(dovecot: Dovecot) -> None:
    settings = settings_of(dovecot, sent_folder="Outbox")
    with pytest.raises(UserError, match="no folder 'Outbox'"):
        imap_messages(settings, dovecot.password, {}, wanted=everything)


def test_an_oversized_message_is_counted_and_never_fetched(dovecot: Dovecot) -> None:
    dovecot.append(message(EMPLOYER, "Small"))
    dovecot.append(message(EMPLOYER, "Large", body="x" * 5000 + "\n"))
    tally = Tally()

    found, cursors = imap_messages(
        settings_of(dovecot), dovecot.password, {}, wanted=everything, tally=tally, limit=2000
    )

    assert subjects(found) == ["Small"]
    assert tally.too_large == 1
    assert bodies_fetched(dovecot) == 1
    assert cursors["INBOX"]["last_uid"] == 2


def test_a_wrong_password_is_one_line_without_it(dovecot: Dovecot) -> None:
    wrong = "not the 53cret"
    with pytest.raises(UserError) as caught:
        imap_messages(settings_of(dovecot), wrong, {}, wanted=everything)
    said = str(caught.value)
    assert "refused the login of 'jo'" in said
    assert "\n" not in said
    assert wrong not in said and "53cret" not in said


def test_nothing_listening_is_one_line() -> None:
    settings = Settings(host="127.0.0.1", port=free_port(), user="jo", security="none")
    with pytest.raises(UserError) as caught:
        imap_messages(settings, "pw", {}, wanted=everything)
    assert str(caught.value) == (
        f"cannot read mail from the IMAP server 127.0.0.1:{settings.port}: "
        "the connection was refused (nothing listens there)"
    )


def test_tls_to_a_server_without_it_is_one_line(dovecot: Dovecot) -> None:
    with pytest.raises(UserError, match="TLS failed") as caught:
        imap_messages(settings_of(dovecot, security="ssl"), "pw", {}, wanted=everything)
    assert "\n" not in str(caught.value)


def test_a_server_that_never_answers_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.inbox.sources.TIMEOUT_SECONDS", 0.3)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings = Settings(
            host="127.0.0.1", port=silent.getsockname()[1], user="jo", security="none"
        )
        with pytest.raises(UserError, match=r"no answer within 0 s"):
            imap_messages(settings, "pw", {}, wanted=everything)


def test_starttls_on_loopback_without_it_goes_on(dovecot: Dovecot) -> None:
    dovecot.append(message(EMPLOYER, "Local"))
    found, _ = imap_messages(
        settings_of(dovecot, security="starttls"), dovecot.password, {}, wanted=everything
    )
    assert subjects(found) == ["Local"]


def outward_address() -> str:
    """An address of this machine that is not a loopback one; skips when it has none."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: it only picks a route
        except OSError:
            pytest.skip("needs a network address other than the loopback")
        address: str = probe.getsockname()[0]
    if address.startswith("127."):
        pytest.skip("needs a network address other than the loopback")
    return address


@pytest.fixture
def reachable_dovecot() -> Iterator[Dovecot]:
    with running_dovecot(listen="*") as server:
        yield server


def test_plaintext_elsewhere_is_refused_unless_security_none(
    reachable_dovecot: Dovecot,
) -> None:
    server = reachable_dovecot
    server.append(message(EMPLOYER, "Remote"))
    host = outward_address()
    settings = settings_of(server, host=host, security="starttls")
    with pytest.raises(UserError) as caught:
        imap_messages(settings, server.password, {}, wanted=everything)
    assert "does not offer STARTTLS" in str(caught.value)
    deadline = time.monotonic() + 5
    while f"rip={host}," not in server.log() and time.monotonic() < deadline:
        time.sleep(0.05)  # the server logs the disconnection a moment after it
    assert f"rip={host}," in server.log()
    assert not re.search(rf"Login: user=<jo>.* rip={re.escape(host)},", server.log())

    found, _ = imap_messages(
        settings_of(server, host=host, security="none"), server.password, {}, wanted=everything
    )
    assert subjects(found) == ["Remote"]


# --------------------------------------------------------------------------- the password


def test_the_password_comes_from_the_environment_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_IMAP_PASSWORD", "from env")
    assert password_for(Settings(host="h", user="u", password_command="false")) == "from env"


def test_the_password_command_runs_without_a_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOLLOWUP_IMAP_PASSWORD", raising=False)
    settings = Settings(host="h", user="u", password_command="printf 'a b;$HOME\\nsecond'")
    assert password_for(settings) == "a b;$HOME"


def test_a_failing_password_command_hides_its_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOLLOWUP_IMAP_PASSWORD", raising=False)
    command = "sh -c 'echo hunter2; echo hunter3 >&2; exit 3'"
    with pytest.raises(UserError) as caught:
        password_for(Settings(host="h", user="u", password_command=command))
    assert str(caught.value) == "the password command 'sh' failed (exit status 3)"


def test_a_missing_password_command_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOLLOWUP_IMAP_PASSWORD", raising=False)
    settings = Settings(host="h", user="u", password_command="no-such-pass-tool show imap")
    with pytest.raises(UserError, match="'no-such-pass-tool' was not found"):
        password_for(settings)


# --------------------------------------------------------------------------- Maildir and mbox


def fill_maildir(path: Path, messages: list[bytes]) -> mailbox.Maildir:
    box = mailbox.Maildir(path, create=True)
    for raw in messages:
        box.add(raw)
    return box


def test_a_maildir_is_read_oldest_first_and_left_as_it_was(tmp_path: Path) -> None:
    box = fill_maildir(tmp_path / "mail", [])
    for number, subject in enumerate(["Old", "New"]):
        key = box.add(message(EMPLOYER, subject))
        file = tmp_path / "mail" / "new" / key
        os.utime(file, (1_700_000_000 + number, 1_700_000_000 + number))
    before = sorted(p.name for p in (tmp_path / "mail").rglob("*"))

    found = list(maildir_messages(tmp_path / "mail", since=None))

    assert subjects(found) == ["Old", "New"]
    assert found[0].received == datetime.fromtimestamp(1_700_000_000, UTC)
    assert sorted(p.name for p in (tmp_path / "mail").rglob("*")) == before


def test_since_passes_over_older_mail(tmp_path: Path) -> None:
    day = datetime(2025, 3, 1, tzinfo=UTC)
    fill_maildir(
        tmp_path / "mail",
        [
            message(EMPLOYER, "Before", at=day - timedelta(days=2)),
            message(EMPLOYER, "After", at=day + timedelta(days=2)),
        ],
    )
    box = mailbox.mbox(tmp_path / "mbox")
    for subject, at in [("Before", day - timedelta(days=2)), ("After", day + timedelta(days=2))]:
        box.add(message(EMPLOYER, subject, at=at))
    box.close()

    assert subjects(list(maildir_messages(tmp_path / "mail", since=day))) == ["After"]
    assert subjects(list(mbox_messages(tmp_path / "mbox", since=day))) == ["After"]


def test_an_oversized_message_is_skipped_and_counted(tmp_path: Path) -> None:
    fill_maildir(tmp_path / "mail", [message(EMPLOYER, "Large", body="x" * 5000 + "\n")])
    box = mailbox.mbox(tmp_path / "mbox")
    box.add(message(EMPLOYER, "Large", body="x" * 5000 + "\n"))
    box.add(message(EMPLOYER, "Small"))
    box.close()
    tally = Tally()

    assert list(maildir_messages(tmp_path / "mail", since=None, tally=tally, limit=2000)) == []
    found = list(mbox_messages(tmp_path / "mbox", since=None, tally=tally, limit=2000))

    assert subjects(found) == ["Small"]
    assert tally.too_large == 2


def test_a_fifo_in_a_maildir_is_passed_over(tmp_path: Path) -> None:
    fill_maildir(tmp_path / "mail", [message(EMPLOYER, "Real")])
    os.mkfifo(tmp_path / "mail" / "cur" / "1.fifo:2,S")
    tally = Tally()

    found = list(maildir_messages(tmp_path / "mail", since=None, tally=tally))

    assert subjects(found) == ["Real"]
    assert tally.unreadable == 1


def test_an_mbox_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "mbox")
    with pytest.raises(UserError, match="is a FIFO, not a regular file"):
        list(mbox_messages(tmp_path / "mbox", since=None))


def test_an_mbox_is_read_in_order_without_a_lock(tmp_path: Path) -> None:
    box = mailbox.mbox(tmp_path / "mbox")
    box.add(mailbox.mboxMessage(message(EMPLOYER, "One")))
    box.add(message(ELSEWHERE, "Two"))
    box.close()
    before = (tmp_path / "mbox").read_bytes()

    found = list(mbox_messages(tmp_path / "mbox", since=None))

    assert subjects(found) == ["One", "Two"]
    assert [f.key for f in found] == ["0", "1"]
    assert all(f.received is not None for f in found)
    assert (tmp_path / "mbox").read_bytes() == before
    assert not (tmp_path / "mbox.lock").exists()


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.mkdir(), "is not a Maildir"),
        (lambda p: p.write_bytes(b"{}"), "is not a Maildir"),
    ],
)
def test_a_folder_that_is_not_a_maildir(tmp_path: Path, make: Any, said: str) -> None:
    make(tmp_path / "x")
    with pytest.raises(UserError, match=said):
        list(maildir_messages(tmp_path / "x", since=None))


def test_a_file_that_is_not_an_mbox(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Dear diary\n")
    with pytest.raises(UserError, match="is not an mbox file"):
        list(mbox_messages(tmp_path / "notes.txt", since=None))
    with pytest.raises(UserError, match="no such mbox file"):
        list(mbox_messages(tmp_path / "missing", since=None))
    with pytest.raises(UserError, match="is a folder, not a regular file"):
        list(mbox_messages(tmp_path, since=None))


def test_a_thousand_messages_in_a_maildir(tmp_path: Path) -> None:
    fill_maildir(tmp_path / "mail", [message(EMPLOYER, f"M{n}") for n in range(1000)])
    started = time.perf_counter()
    found = list(maildir_messages(tmp_path / "mail", since=None))
    took = time.perf_counter() - started
    assert len(found) == 1000
    assert took < 5, f"{took:.2f} s"


def test_a_certificate_no_one_vouches_for_is_one_line_and_nothing_is_read() -> None:
    with running_dovecot(tls=True) as server:
        server.append(b"From: a@b.example\r\nSubject: x\r\n\r\nx\r\n")
        settings = Settings(
            host="127.0.0.1", port=server.tls_port, user=server.user, security="ssl"
        )
        with pytest.raises(UserError) as caught:
            imap_messages(settings, server.password, {}, wanted=everything)
    said = str(caught.value)
    assert "certificate" in said and "\n" not in said and server.password not in said

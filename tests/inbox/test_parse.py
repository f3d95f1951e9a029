"""Each message of the corpus reads as a person would read it, and no bytes at all make the
parser raise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.text import has_control
from app.inbox.invitation import invitations_in
from app.inbox.mail import Address, Mail, Method
from app.inbox.parse import MAX_TEXT, addresses_of, parse_mail
from app.inbox.parse_automatic import BULK, DELIVERY_FAILURE, NO_REPLY, OUT_OF_OFFICE
from app.inbox.parse_html import text_of_html
from app.inbox.parse_quotes import first_lines
from tests.inbox import corpus
from tests.inbox.corpus import CORPUS

JANE = Address("Jane Doe", "jane@acme.example")
SAM = Address("Sam Lee", "sam@acme.example")
ALEX = Address("Alex Morgan", "alex@morgan.example")
GOOGLE_UID = "7kukuqrfedlm2f9t8vimdjgnpk@google.com"


def parsed(name: str) -> Mail:
    mail = parse_mail(CORPUS[name]())
    assert mail is not None
    return mail


@pytest.fixture(scope="module")
def huge() -> bytes:
    return corpus.huge_attachment()


def test_gmail_reply_reads_without_history_or_signature() -> None:
    mail = parsed("gmail_reply")
    assert mail.sender == JANE
    assert mail.to == (ALEX, SAM)
    assert mail.subject == "Re: Thank you for today"
    assert mail.message_id == "<CAJ+jane-2@mail.gmail.com>"
    assert mail.at == datetime(2026, 12, 9, 9, 15, 2, tzinfo=UTC)
    assert mail.first_lines == (
        "Hi Alex,\nThanks for your note. We will get back to you by Friday with next steps.\n"
        "Best,\nJane"
    )
    assert "Thank you for taking the time" in mail.text  # the text keeps the history
    assert mail.automatic == ""
    assert mail.invitations == ()


def test_outlook_reply_in_html_alone_reads_without_styles_scripts_or_history() -> None:
    mail = parsed("outlook_reply")
    assert mail.sender == SAM
    assert mail.subject == "RE: Thank you for today"
    assert mail.first_lines == (
        "Hi Alex,\nGreat to meet you. Could you do a second round next week?\nRegards,\nSam"
    )
    assert "MsoNormal" not in mail.text
    assert "never shown" not in mail.text
    assert "Sent: Tuesday, December 8, 2026 2:10 PM" in mail.text
    assert mail.automatic == ""


def test_outlook_invitation_in_a_windows_zone_starts_at_the_right_utc_time() -> None:
    mail = parsed("outlook_invitation")
    assert mail.automatic == ""
    (invitation,) = mail.invitations
    assert invitation.method is Method.REQUEST
    assert invitation.uid.startswith("040000008200E00074C5B7101A82E008")
    assert invitation.sequence == 0
    assert invitation.starts == datetime(2026, 12, 15, 13, 0, tzinfo=UTC)
    assert invitation.starts.utcoffset() == timedelta(hours=1)
    assert invitation.minutes == 60
    assert invitation.summary == "Acme - second round"
    assert invitation.organizer == JANE  # the mailto: address lower-cased
    assert invitation.attendees == (ALEX, SAM)


def test_google_invitation_counts_once_though_attached_twice() -> None:
    mail = parsed("google_invitation")
    (invitation,) = mail.invitations
    assert invitation.method is Method.REQUEST
    assert invitation.uid == GOOGLE_UID
    assert invitation.sequence == 0
    assert invitation.starts == datetime(2026, 12, 16, 16, 0, tzinfo=UTC)
    assert invitation.minutes == 45
    assert invitation.organizer == SAM
    assert Address("alex@morgan.example", "alex@morgan.example") in invitation.attendees


def test_updated_invitation_has_the_same_uid_a_later_sequence_and_the_new_time() -> None:
    (invitation,) = parsed("updated_invitation").invitations
    assert (invitation.method, invitation.uid, invitation.sequence) == (
        Method.REQUEST,
        GOOGLE_UID,
        1,
    )
    assert invitation.starts == datetime(2026, 12, 17, 10, 0, tzinfo=UTC)
    assert invitation.minutes == 60


def test_cancelled_invitation_is_a_cancel() -> None:
    (invitation,) = parsed("cancelled_invitation").invitations
    assert (invitation.method, invitation.uid, invitation.sequence) == (
        Method.CANCEL,
        GOOGLE_UID,
        2,
    )


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("out_of_office", OUT_OF_OFFICE),
        ("bounce", DELIVERY_FAILURE),
        ("newsletter", BULK),
        ("gmail_reply", ""),
        ("outlook_reply", ""),
        ("sent_follow_up", ""),
    ],
)
def test_machine_sent_mail_says_why(name: str, reason: str) -> None:
    assert parsed(name).automatic == reason


def test_bounce_is_from_the_mail_daemon_and_reads_its_notice() -> None:
    mail = parsed("bounce")
    assert mail.sender.email == "mailer-daemon@mail.morgan.example"
    assert mail.first_lines.startswith("This is the mail system at host mail.morgan.example.")


@pytest.mark.parametrize(
    ("local", "reason"),
    [("noreply", NO_REPLY), ("no-reply", NO_REPLY), ("donotreply", NO_REPLY),
     ("do-not-reply", NO_REPLY), ("notifications", NO_REPLY), ("jane", ""),
     ("postmaster", DELIVERY_FAILURE)],
)  # fmt: skip
def test_no_reply_senders_are_machines(local: str, reason: str) -> None:
    raw = f"From: Acme <{local}@acme.example>\r\nSubject: Hello\r\n\r\nHi\r\n".encode()
    mail = parse_mail(raw)
    assert mail is not None
    assert mail.automatic == reason


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ("Auto-Submitted: auto-generated", "an automatic reply"),
        ("Auto-Submitted: no", ""),
        ("X-Autoreply: yes", OUT_OF_OFFICE),
        ("Precedence: list", BULK),
        ("List-Id: <jobs.acme.example>", BULK),
        ("Subject: Out of Office: back Monday", OUT_OF_OFFICE),
        ("Subject: Auto: Thank you", OUT_OF_OFFICE),
    ],
)
def test_headers_that_say_a_machine_sent_it(headers: str, reason: str) -> None:
    raw = f"From: {corpus.JANE}\r\n{headers}\r\n\r\nHi\r\n".encode()
    mail = parse_mail(raw)
    assert mail is not None
    assert mail.automatic == reason


def test_huge_attachment_is_skipped_and_the_text_read(huge: bytes) -> None:
    mail = parse_mail(huge)
    assert mail is not None
    assert mail.first_lines == "Hi Alex,\nhere is the case study for Tuesday."
    assert len(mail.text) <= MAX_TEXT


def test_huge_text_is_capped() -> None:
    raw = f"From: {corpus.JANE}\r\nSubject: Long\r\n\r\n".encode() + b"word " * 2_000_000
    mail = parse_mail(raw)
    assert mail is not None
    assert len(mail.text) == MAX_TEXT
    assert len(mail.first_lines) <= 300


def test_missing_boundary_is_found_from_the_first_delimiter() -> None:
    assert parsed("missing_boundary").first_lines == "Can you do Monday at 10?"


def test_bad_base64_reads_the_lines_that_are_base64() -> None:
    assert parsed("bad_base64").first_lines == "Can you do Monday at 10?\nHello wor"


@pytest.mark.parametrize(
    ("name", "sender_name", "subject", "first"),
    [
        ("latin1", "Renée Dupré", "Café après l'entretien",
         "Bonjour Alex, un café après l'entretien ?"),
        ("windows_1252", "Jane Doe", "The offer",
         "We’re happy to offer €90,000 – “subject to references”."),
        ("shift_jis", "田中", "面接について", "面接のお礼を申し上げます。"),
        ("encoded_name", "Inês Carvalho", "Re: Entrevista — próximos passos",
         "Olá Alex, falamos amanhã."),
        ("unknown_charset", "Sam Lee", "Next steps", "Next steps: a call on Monday. Café?"),
    ],
)  # fmt: skip
def test_charsets_and_encoded_words_decode(
    name: str, sender_name: str, subject: str, first: str
) -> None:
    mail = parsed(name)
    assert (mail.sender.name, mail.subject, mail.first_lines) == (sender_name, subject, first)


def test_encoded_name_has_its_address_lower_cased_and_a_made_up_message_id() -> None:
    mail = parsed("encoded_name")
    assert mail.sender.email == "ines.carvalho@acme.example"
    assert mail.message_id.startswith("<") and mail.message_id.endswith("@followup.invalid>")
    assert len(mail.message_id) == len("<@followup.invalid>") + 32
    assert parse_mail(corpus.encoded_name()) == mail  # the same every time


def test_control_characters_are_shown_as_escapes() -> None:
    mail = parsed("control_characters")
    assert mail.sender.name == "Eve \\x1b]0;pwned\\x07"
    assert mail.subject == "Hello \\x1b[2J\\x1b]52;c;ZWNobyBoaQ==\\x07 there"
    assert mail.first_lines == "Look \\x1b[31mred\\x1b[0m and \\x9b1m C1 too"


def test_a_message_without_a_sender_is_not_read() -> None:
    assert parse_mail(corpus.no_sender()) is None


def test_the_date_falls_back_to_when_it_was_received_then_the_epoch() -> None:
    raw = f"From: {corpus.JANE}\r\nDate: not a date\r\n\r\nHi\r\n".encode()
    received = datetime(2026, 12, 9, 8, 0, tzinfo=timezone(timedelta(hours=2)))
    assert (mail := parse_mail(raw, received=received)) is not None
    assert mail.at == received
    assert (mail := parse_mail(raw, received=datetime(2026, 12, 9, 8, 0))) is not None
    assert mail.at == datetime(2026, 12, 9, 8, 0, tzinfo=UTC)
    assert (mail := parse_mail(raw)) is not None
    assert mail.at == datetime(1970, 1, 1, tzinfo=UTC)
    unknown_zone = f"From: {corpus.JANE}\r\nDate: Wed, 9 Dec 2026 09:15:02 -0000\r\n\r\n"
    assert (mail := parse_mail(unknown_zone.encode())) is not None
    assert mail.at == datetime(2026, 12, 9, 9, 15, 2, tzinfo=UTC)


def test_folder_is_kept() -> None:
    assert (mail := parse_mail(corpus.sent_follow_up(), folder="sent")) is not None
    assert mail.folder == "sent"


def test_addresses_of_headers_alone() -> None:
    headers = corpus.gmail_reply().split(b"\r\n\r\n")[0] + b"\r\n\r\n"
    assert addresses_of(headers) == (JANE, ALEX, SAM)
    assert addresses_of(b"\xff\x00garbage") == ()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Thanks!\n\nOn Tue, 8 Dec 2026 at 14:03, Jane Doe <jane@acme.example> wrote:\n> Hi",
         "Thanks!"),
        ("Sure.\n-----Original Message-----\nFrom: Jane\nSent: Monday\n\nHi", "Sure."),
        ("Yes\n________________________________\nFrom: Jane Doe\nSent: Monday\nHi", "Yes"),
        ("Monday works.\n\nSent from my iPhone\n\n> On Tue", "Monday works."),
        ("> quoted first\nmy answer\n> more quoted\nmy second answer",
         "my answer\nmy second answer"),
        ("Hi\n--\nJane Doe\nAcme", "Hi"),
        ("Am Di., 8. Dez. 2026 um 14:03 Uhr schrieb Jane Doe <jane@acme.example>:", ""),
    ],
)  # fmt: skip
def test_first_lines_rules(text: str, first: str) -> None:
    assert first_lines(text) == first


def test_first_lines_are_capped_with_an_ellipsis() -> None:
    found = first_lines("word " * 200)
    assert len(found) == 300
    assert found.endswith("…")


def test_html_keeps_line_breaks_and_marks_blockquotes_as_quoted() -> None:
    html = (
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<p>One<br>Two</p><div>Three &amp; four</div>"
        "<blockquote>Old<br>older</blockquote><script>alert(1)</script></body></html>"
    )
    assert text_of_html(html) == "One\nTwo\n\nThree & four\n\n> Old\n> older"


FLOATING = b"""BEGIN:VCALENDAR\r
METHOD:REQUEST\r
BEGIN:VEVENT\r
UID:floating-1\r
DTSTART:20261215T140000\r
DURATION:PT30M\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:all-day\r
DTSTART;VALUE=DATE:20261215\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:unknown-zone\r
DTSTART;TZID=Nowhere/Land:20261215T140000\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_floating_time_is_utc_a_date_alone_is_no_meeting() -> None:
    floating, unknown_zone = invitations_in(FLOATING)
    assert floating.uid == "floating-1"
    assert floating.starts == datetime(2026, 12, 15, 14, 0, tzinfo=UTC)
    assert floating.minutes == 30
    assert unknown_zone.starts == datetime(2026, 12, 15, 14, 0, tzinfo=UTC)
    assert unknown_zone.minutes is None


def test_an_unknown_zone_takes_the_standard_offset_of_its_vtimezone() -> None:
    # icalendar cannot follow a VTIMEZONE whose observance has no start.
    ics = (
        b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:Made Up\r\n"
        b"BEGIN:STANDARD\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\n"
        b"END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Made Up:20261215T140000\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (invitation,) = invitations_in(ics)
    assert invitation.starts == datetime(2026, 12, 15, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "ics",
    [
        b"",
        b"not a calendar",
        FLOATING.replace(b"METHOD:REQUEST", b"METHOD:REPLY"),
        FLOATING.replace(b"20261215T140000\r", b"garbage\r"),
        b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n",
    ],
)
def test_calendars_that_ask_nothing_or_cannot_be_read_give_no_invitation(ics: bytes) -> None:
    found = invitations_in(ics)
    assert all(one.uid != "floating-1" for one in found)


def _texts(mail: Mail) -> list[str]:
    addresses = [mail.sender, *mail.to]
    texts = [mail.message_id, mail.subject, mail.first_lines, mail.text, mail.automatic]
    texts += [one.name for one in addresses] + [one.email for one in addresses]
    for invitation in mail.invitations:
        people = [*invitation.attendees]
        if invitation.organizer is not None:
            people.append(invitation.organizer)
        texts += [invitation.uid, invitation.summary]
        texts += [one.name for one in people] + [one.email for one in people]
    return texts


@pytest.mark.parametrize("name", sorted(set(CORPUS) - {"huge_attachment"}))
def test_no_text_holds_a_control_character(name: str) -> None:
    mail = parse_mail(CORPUS[name]())
    if mail is None:
        return
    for text in _texts(mail):
        assert not has_control(text), text
    assert mail.at.tzinfo is not None
    assert all(one.email == one.email.lower() for one in (mail.sender, *mail.to))


def _checked(mail: Mail | None) -> None:
    assert mail is None or isinstance(mail, Mail)
    if mail is not None:
        assert mail.at.utcoffset() is not None
        assert len(mail.text) <= MAX_TEXT
        for text in _texts(mail):
            assert not has_control(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_any_bytes_give_mail_or_none(raw: bytes) -> None:
    _checked(parse_mail(raw))
    assert isinstance(addresses_of(raw), tuple)
    assert isinstance(invitations_in(raw), tuple)


_SMALL = sorted(set(CORPUS) - {"huge_attachment"})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(_SMALL),
    st.lists(
        st.tuples(st.integers(min_value=0), st.integers(0, 40), st.binary(max_size=20)),
        max_size=8,
    ),
)
def test_mutated_corpus_messages_give_mail_or_none(
    name: str, edits: list[tuple[int, int, bytes]]
) -> None:
    raw = bytearray(CORPUS[name]())
    for at, cut, insert in edits:
        start = at % (len(raw) + 1)
        raw[start : start + cut] = insert
    _checked(parse_mail(bytes(raw)))
    _checked(parse_mail(bytes(raw), received=datetime(2026, 1, 1)))

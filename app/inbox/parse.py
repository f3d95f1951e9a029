"""Raw mail bytes made into a ``Mail``: the sender and recipients, the date, the subject, the
text and its first lines, whether a machine sent it and the invitations in it.

A mailbox holds whatever anyone sent, so every message is read as hostile: any bytes give a
``Mail`` or None, never an exception; an encoding or a charset that cannot be read is read
with replacement characters; every text is made printable and bounded; and no part is decoded
past ``MAX_PART`` bytes, so a message with a 20 MB attachment costs what its text costs."""

from __future__ import annotations

import base64
import binascii
import codecs
import email
import email.header
import email.utils
import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import Message
from email.policy import default as modern

from app.domain.text import printable
from app.inbox.invitation import invitations_in
from app.inbox.mail import Address, Invitation, Mail
from app.inbox.parse_automatic import automatic_reason
from app.inbox.parse_html import text_of_html
from app.inbox.parse_quotes import first_lines

MAX_TEXT = 20_000
"""The interchange format's MAX_TEXT (a million characters) is for notes a person keeps;
a message's text is shown and recorded, and its start is what matters."""
MAX_PART = 1_000_000
MAX_PARTS = 200
MAX_SUBJECT = 500
MAX_NAME = 200
MAX_EMAIL = 320
MAX_ADDRESSES = 200
MAX_MESSAGE_ID = 998

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_CALENDAR_TYPES = frozenset({"text/calendar", "application/ics"})
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/]*=*")


def parse_mail(raw: bytes, *, folder: str = "", received: datetime | None = None) -> Mail | None:
    """The message in ``raw``, or None when it cannot be read at all (it names no sender)."""
    try:
        return _parse(raw, folder, received)
    except Exception:
        return None


def addresses_of(raw_headers: bytes) -> tuple[Address, ...]:
    """The From, To and Cc addresses of a message's headers (its body may follow or not), each
    once: enough to tell whether a message concerns a contact before its body is fetched."""
    try:
        message = email.message_from_bytes(raw_headers, policy=modern)
        found = [*_addresses(message, "from"), *_addresses(message, "to"),
                 *_addresses(message, "cc")]  # fmt: skip
        return _unique(found)
    except Exception:
        return ()


def _parse(raw: bytes, folder: str, received: datetime | None) -> Mail | None:
    message = email.message_from_bytes(raw, policy=modern)
    senders = _addresses(message, "from") or _addresses(message, "sender")
    if not senders:
        return None
    sender = senders[0]
    subject = _one_line(_header(message, "subject"), MAX_SUBJECT)
    text, calendars = _body(message)
    invitations: list[Invitation] = []
    for calendar in calendars:
        invitations.extend(invitations_in(calendar))
    return Mail(
        message_id=_message_id(message, raw),
        at=_date(message, received),
        sender=sender,
        to=_unique([*_addresses(message, "to"), *_addresses(message, "cc")]),
        subject=subject,
        first_lines=printable(first_lines(text)),
        text=printable(text)[:MAX_TEXT],
        automatic=automatic_reason(message, sender, subject),
        invitations=tuple(dict.fromkeys(invitations)),
        folder=folder,
    )


def _header(message: Message, name: str) -> str:
    """A header's decoded value; its raw bytes read as UTF-8 with replacement when the
    encoded words in it cannot be decoded; "" when it is missing."""
    try:
        value = message.get(name)
        return "" if value is None else str(value)
    except Exception:
        return _raw_header(message, name)


def _raw_header(message: Message, name: str) -> str:
    for key, value in message.raw_items():
        if key.lower() == name:
            return _from_surrogates(str(value))
    return ""


def _from_surrogates(text: str) -> str:
    """Text that the parser read with surrogate escapes for its non-ASCII bytes, read as
    UTF-8 instead."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _addresses(message: Message, name: str) -> list[Address]:
    """The addresses of one header, by the modern parser, else by the older, more forgiving
    one on the raw value."""
    try:
        header = message.get(name)
        if header is None:
            return []
        # The modern policy gives an address header its parsed addresses.
        parsed = header.addresses  # type: ignore[attr-defined]
        pairs = [(one.display_name, one.addr_spec) for one in parsed]
    except Exception:
        raw = _raw_header(message, name)
        pairs = [(_decoded_words(one), address)
                 for one, address in email.utils.getaddresses([raw])]  # fmt: skip
    found: list[Address] = []
    for display, address in pairs[:MAX_ADDRESSES]:
        mailbox = printable("".join(_from_surrogates(address).split())).lower()[:MAX_EMAIL]
        if "@" in mailbox.strip("@"):
            found.append(Address(name=_one_line(_from_surrogates(display), MAX_NAME),
                                 email=mailbox))  # fmt: skip
    return found


def _decoded_words(text: str) -> str:
    try:
        return str(email.header.make_header(email.header.decode_header(text)))
    except Exception:
        return text


def _unique(addresses: list[Address]) -> tuple[Address, ...]:
    """Each address once, the first name it came with kept."""
    seen: dict[str, Address] = {}
    for address in addresses:
        seen.setdefault(address.email, address)
    return tuple(seen.values())


def _one_line(text: str, limit: int) -> str:
    return printable(" ".join(text.split()))[:limit]


def _message_id(message: Message, raw: bytes) -> str:
    found = "".join(_header(message, "message-id").split())
    if not found or found == "<>":
        return f"<{hashlib.sha256(raw).hexdigest()[:32]}@followup.invalid>"
    if not found.startswith("<"):
        found = f"<{found}>"
    return printable(found)[:MAX_MESSAGE_ID]


def _date(message: Message, received: datetime | None) -> datetime:
    raw = _raw_header(message, "date").strip()
    if raw:
        try:
            return _aware(email.utils.parsedate_to_datetime(raw))
        except Exception:
            pass
    if received is not None:
        return _aware(received)
    return _EPOCH


def _aware(moment: datetime) -> datetime:
    """A time with no zone (a Date of ``-0000``, which says the zone is unknown) read as
    UTC."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _body(message: Message) -> tuple[str, list[bytes]]:
    """The message's text (its first plain-text part, else its first HTML part reduced) and
    the contents of its calendar parts."""
    plain: str | None = None
    html: str | None = None
    calendars: list[bytes] = []
    for part in _leaves(message):
        kind = part.get_content_type()
        if part.get_content_maintype() == "multipart":
            kind = "multipart"
        if kind in _CALENDAR_TYPES:
            calendars.append(_payload(part))
            continue
        if _is_attachment(part):
            continue
        # A multipart part that could not be split is shown as it came.
        if kind in ("text/plain", "multipart") and plain is None:
            plain = _text_of(part)
        elif kind == "text/html" and html is None:
            html = _text_of(part)
    if plain is not None and plain.strip():
        text = plain
    elif html is not None:
        text = text_of_html(html)
    else:
        text = plain or ""
    return text[: MAX_TEXT * 2], calendars


def _leaves(message: Message, *, repair: bool = True) -> Iterator[Message]:
    """The message's parts that hold content, in order, at most ``MAX_PARTS`` of them. A
    multipart part whose header lost its boundary is read with the boundary its first
    delimiter line shows, as mail clients do."""
    for count, part in enumerate(message.walk()):
        if count >= MAX_PARTS:
            return
        if part.is_multipart():
            continue
        repaired = _with_found_boundary(part) if repair else None
        if repaired is not None:
            yield from _leaves(repaired, repair=False)
        else:
            yield part


def _with_found_boundary(part: Message) -> Message | None:
    if part.get_content_maintype() != "multipart":
        return None
    body = part.get_payload()
    if not isinstance(body, str):
        return None
    for line in body[:10_000].splitlines():
        if line.strip():
            boundary = line.strip()[2:]
            if not line.startswith("--") or not boundary or '"' in boundary:
                return None
            head = f'Content-Type: {part.get_content_type()}; boundary="{boundary}"\r\n\r\n'
            raw = head.encode() + body.encode("utf-8", "surrogateescape")
            repaired = email.message_from_bytes(raw, policy=modern)
            return repaired if repaired.is_multipart() else None
    return None


def _is_attachment(part: Message) -> bool:
    try:
        return part.get_content_disposition() == "attachment"
    except Exception:
        return False


def _text_of(part: Message) -> str:
    data = _payload(part)
    text = _decode(data, _charset(part))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _charset(part: Message) -> str:
    try:
        return str(part.get_content_charset("") or "")
    except Exception:
        return ""


def _decode(data: bytes, charset: str) -> str:
    """``data`` in its declared charset; one that is missing or says ASCII read as UTF-8
    when it is (clients send UTF-8 under either), else as Windows-1252; an unknown one as
    UTF-8; bytes that do not fit replaced."""
    if charset in ("", "us-ascii", "ascii"):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("windows-1252", "replace")
    try:
        codecs.lookup(charset)
        return data.decode(charset, "replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return data.decode("utf-8", "replace")


def _payload(part: Message) -> bytes:
    """The part's content decoded from its transfer encoding, at most ``MAX_PART`` bytes.
    Base64, the encoding that large attachments come in, is never decoded past that; the
    others are decoded by the standard library, whose cost is a copy."""
    try:
        encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
    except Exception:
        encoding = ""
    if encoding == "base64":
        encoded = part.get_payload()
        return _base64(encoded)[:MAX_PART] if isinstance(encoded, str) else b""
    data = part.get_payload(decode=True)
    return data[:MAX_PART] if isinstance(data, bytes) else b""


def _base64(encoded: str) -> bytes:
    """Base64 read as the mail clients read it: a line that is not base64 left out, each
    padded run decoded on its own (messages joined by careless tools have several), a cut
    last group read as far as it goes."""
    runs: list[str] = []
    run: list[str] = []
    size = 0
    for line in encoded[: MAX_PART * 3 // 2].splitlines():
        letters = line.strip()
        if not _BASE64_LINE.fullmatch(letters):
            continue
        run.append(letters.rstrip("="))
        size += len(letters)
        if letters.endswith("="):
            runs.append("".join(run))
            run = []
        if size > MAX_PART * 4 // 3 + 4:
            break
    runs.append("".join(run))
    return b"".join(_base64_run(one) for one in runs)


def _base64_run(letters: str) -> bytes:
    # One letter alone in the last group is no byte; two or three are.
    if len(letters) % 4 == 1:
        letters = letters[:-1]
    try:
        return base64.b64decode(letters + "=" * (-len(letters) % 4))
    except (binascii.Error, ValueError):
        return b""

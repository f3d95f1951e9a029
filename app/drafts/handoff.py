"""A draft handed to the user's mail program: an unsent RFC 5322 message (``.eml``, which mail
programs open as a draft) or a ``mailto:`` URL (RFC 6068). The standard library's ``email``
package writes the message, so that names and subjects outside ASCII are encoded as mail
programs expect (RFC 2047) and the body is sent as UTF-8."""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from urllib.parse import quote

from app.domain.records import Channel, Profile
from app.domain.text import printable
from app.drafts.compose import Draft


class HandOffError(ValueError):
    """A draft that no mail program can take: not an email, or no address to send it to."""


def _checked(draft: Draft) -> None:
    if draft.reminder:
        raise HandOffError("this promise is not kept by a message: there is nothing to send")
    if draft.channel is not Channel.EMAIL:
        raise HandOffError(
            f"this draft is for {draft.channel.value}, not email: a mail program cannot take it"
        )
    if not draft.to_address:
        who = draft.to_name or "this contact"
        raise HandOffError(f"no email address on file for {who}")


def as_eml(draft: Draft, profile: Profile, now: datetime, body: str | None = None) -> bytes:
    """The draft as an unsent message (``X-Unsent: 1``); ``body`` replaces the drafted one,
    such as the text the user edited."""
    _checked(draft)
    message = EmailMessage(policy=SMTP)
    # Every text from the records is escaped: a mail program shows it, and a header with a
    # control character in it is no header at all.
    try:
        message["To"] = Address(
            display_name=printable(draft.to_name), addr_spec=printable(draft.to_address)
        )
        if profile.email.strip():
            message["From"] = Address(
                display_name=printable(profile.name.strip()),
                addr_spec=printable(profile.email.strip()),
            )
    except (ValueError, IndexError) as problem:
        raise HandOffError(f"not an email address a mail program can take: {problem}") from None
    message["Subject"] = printable(draft.subject or "")
    message["Date"] = format_datetime(now)
    message["X-Unsent"] = "1"
    text = printable((draft.body if body is None else body).replace("\r\n", "\n"))
    message.set_content(text + "\n", charset="utf-8")
    return message.as_bytes()


def as_mailto(draft: Draft, body: str | None = None) -> str:
    """``mailto:jane@acme.example?subject=…&body=…``, every reserved character escaped and
    line breaks written as CRLF, as RFC 6068 asks."""
    _checked(draft)
    text = (draft.body if body is None else body).replace("\r\n", "\n")
    text = printable(text).replace("\n", "\r\n")
    fields = [("subject", printable(draft.subject or "")), ("body", text)]
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in fields if value)
    return f"mailto:{quote(draft.to_address, safe='@')}" + (f"?{query}" if query else "")

"""Why a machine sent a message, read from its headers, its sender and its subject: such a
message is never an employer's answer (SPEC section 11, "Not replies")."""

from __future__ import annotations

import re
from email.message import Message

from app.inbox.mail import Address

DELIVERY_FAILURE = "a delivery failure"
REPORT = "an automatic report"
OUT_OF_OFFICE = "an out-of-office reply"
AUTOMATIC = "an automatic reply"
BULK = "bulk or list mail"
NO_REPLY = "a no-reply sender"

_DAEMONS = frozenset({"mailer-daemon", "postmaster", "mail-daemon"})
_NO_REPLY = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?)([-_.+].*)?$", re.IGNORECASE
)
# The subjects that Outlook, Exchange, Gmail and the usual European clients give an
# out-of-office reply when its author left the default.
_AWAY_SUBJECT = re.compile(
    r"^\s*(automatic reply|auto[- ]?reply|auto:|out of (the )?office|autosvar|"
    r"abwesenheitsnotiz|réponse automatique|respuesta automática|risposta automatica|"
    r"automatisch antwoord|resposta automática)",
    re.IGNORECASE,
)
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})


def automatic_reason(message: Message, sender: Address, subject: str) -> str:
    """Why a machine sent ``message``, or "" when a person did."""
    local = sender.email.rpartition("@")[0]
    kind = _value(message, "content-type")
    if local in _DAEMONS:
        return DELIVERY_FAILURE
    if kind.startswith("multipart/report"):
        return DELIVERY_FAILURE if "delivery-status" in kind else REPORT
    if (
        _value(message, "x-autoreply")
        or _value(message, "x-autorespond")
        or _AWAY_SUBJECT.match(subject)
    ):
        return OUT_OF_OFFICE
    submitted = _value(message, "auto-submitted").split(";")[0].strip()
    if submitted and submitted != "no":
        return AUTOMATIC
    if (
        _value(message, "precedence") in _BULK_PRECEDENCE
        or _value(message, "list-id")
        or _value(message, "list-unsubscribe")
    ):
        return BULK
    if _NO_REPLY.match(local):
        return NO_REPLY
    return ""


def _value(message: Message, name: str) -> str:
    """A header's raw value, lower-cased and on one line; "" when missing. The raw value,
    because a header that the modern parser cannot read still says what it says."""
    for key, value in message.raw_items():
        if key.lower() == name:
            return " ".join(str(value).split()).lower()
    return ""

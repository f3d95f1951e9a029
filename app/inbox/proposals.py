"""What the inbox proposes to record (SPEC section 11): each a stable id, the interview (or the
interviews, when a message matches several), the contact, the open action a sent message fulfils,
the message's date, sender, subject and first lines, the reason (naming the rule), and for an
invitation the round it makes, moves or cancels.

``as_json`` is the contract of ``inbox scan --json``: exactly the keys of SPEC section 11.
``to_stored``/``from_stored`` keep a proposal in the inbox's state file between a scan and an
``apply``, with what applying it needs (the message's text, the new person's name).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class ProposalKind(StrEnum):
    REPLY = "reply"  # they wrote to me: the employer answered
    SENT = "sent"  # I wrote to them
    ROUND = "round"  # a calendar invitation: a round made, moved or cancelled
    CONTACT = "contact"  # a new person at the company


@dataclass(frozen=True, slots=True)
class RoundChange:
    """``id`` is None for a new round; ``cancel`` removes the round ``id``."""

    id: str | None
    starts: datetime
    minutes: int | None
    interviewers: tuple[str, ...]
    uid: str  # the invitation's UID, which its updates and cancellation carry
    cancel: bool = False
    # The people invited who are not contacts yet (their addresses): each proposed as a new
    # contact, and one of the round's interviewers once accepted, whichever is accepted first.
    guests: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposal:
    id: str
    kind: ProposalKind
    interviews: tuple[str, ...]
    contact: str | None
    action: str | None
    at: datetime
    sender: str  # "Name <address>", as the message says
    subject: str
    reason: str
    message_id: str
    first_lines: str = ""
    text: str = ""  # of a sent message: kept on its event
    new_name: str = ""  # of a contact proposal: the person to add
    new_email: str = ""
    round: RoundChange | None = None
    for_round: str = ""  # of a contact proposal: the round the person is invited to, by its id

    @property
    def gist(self) -> str:
        """The message's first line that says something: past a greeting ("Hi Jordan,")."""
        lines = [line.strip() for line in self.first_lines.splitlines() if line.strip()]
        said = [line for line in lines if not (line.endswith(",") and len(line.split()) <= 4)]
        return (said or lines or [""])[0]

    def as_json(self) -> dict[str, Any]:
        """The object ``inbox scan --json`` prints (SPEC section 11), keys exactly these."""
        one = self.interviews[0] if len(self.interviews) == 1 else list(self.interviews)
        return {
            "id": self.id,
            "kind": self.kind.value,
            "interview": one,
            "contact": self.contact,
            "action": self.action,
            "at": self.at.isoformat(),
            "from": self.sender,
            "subject": self.subject,
            "reason": self.reason,
            "round": None
            if self.round is None
            else {
                "id": self.round.id,
                "starts": self.round.starts.isoformat(),
                "minutes": self.round.minutes,
                "interviewers": list(self.round.interviewers),
            },
        }

    def to_stored(self) -> dict[str, Any]:
        stored = self.as_json()
        stored.update(
            interview=list(self.interviews),
            message_id=self.message_id,
            first_lines=self.first_lines,
            text=self.text,
            new_name=self.new_name,
            new_email=self.new_email,
            for_round=self.for_round,
        )
        if self.round is not None:
            stored["round"].update(
                uid=self.round.uid, cancel=self.round.cancel, guests=list(self.round.guests)
            )
        return stored


def from_stored(stored: dict[str, Any]) -> Proposal:
    """A proposal kept by ``to_stored``; raises KeyError or ValueError for one that is not."""
    raw_round = stored.get("round")
    change = None
    if raw_round is not None:
        change = RoundChange(
            id=raw_round["id"],
            starts=datetime.fromisoformat(raw_round["starts"]),
            minutes=raw_round["minutes"],
            interviewers=tuple(raw_round["interviewers"]),
            uid=raw_round["uid"],
            cancel=bool(raw_round.get("cancel", False)),
            guests=tuple(raw_round.get("guests", ())),
        )
    return Proposal(
        id=stored["id"],
        kind=ProposalKind(stored["kind"]),
        interviews=tuple(stored["interview"]),
        contact=stored["contact"],
        action=stored["action"],
        at=datetime.fromisoformat(stored["at"]),
        sender=stored["from"],
        subject=stored["subject"],
        reason=stored["reason"],
        message_id=stored["message_id"],
        first_lines=stored.get("first_lines", ""),
        text=stored.get("text", ""),
        new_name=stored.get("new_name", ""),
        new_email=stored.get("new_email", ""),
        round=change,
        for_round=stored.get("for_round", ""),
    )


def proposal_id(message_id: str, kind: ProposalKind, interviews: tuple[str, ...]) -> str:
    """Stable across scans: the same message, read again, proposes the same thing by the same
    id, so a dismissed one is known when it comes back."""
    digest = hashlib.sha256(f"{message_id}\n{kind.value}\n{','.join(interviews)}".encode())
    return f"m{digest.hexdigest()[:10]}"

"""What the mail shows, as proposals (SPEC section 11): a pure function of the messages read,
the interviews, their open actions and what the user did with earlier proposals.

Matching: a message from or to a contact's address belongs to that contact's interview; one from
an address at a contact's company domain belongs to that interview, the sender a possible new
contact; webmail domains match by whole address only. A message that matches two interviews is
proposed with both, for the user to choose.

Per message: from the user (or found in the sent folder), a ``sent`` that fulfils the open action
to that person it follows, else a check-in sent by mail; from the employer and written by a
person, a ``reply`` (never from a machine: out-of-office, bounce, list, no-reply), and a
``contact`` for a sender who is not one yet; each invitation, a ``round``. A message whose
Message-ID is already on an event, or a proposal the user dismissed or applied, is not proposed
again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from app.domain.kinds import ACTION_LABELS
from app.domain.records import ActionKind, Channel, Contact, EventKind, Interview, Round, Stage
from app.drafts.addresses import is_personal
from app.engine import Action
from app.engine.describe import day, moment
from app.inbox.mail import Address, Invitation, Mail, Method
from app.inbox.proposals import Proposal, ProposalKind, RoundChange, proposal_id

# A message marked sent by hand is dated when it was marked, which may be the next morning.
_SAME_MESSAGE = timedelta(hours=24)
# How much of two texts is compared, and how alike they must be, to count as one message.
_COMPARED = 300
_ALIKE = 0.6

SENT_FOLDER = "sent"


@dataclass(frozen=True, slots=True)
class Known:
    """What the proposals are made against.

    ``me``: the user's own addresses (the profile's). ``done``: the ids of proposals dismissed
    or applied. ``recorded``: the Message-IDs already on an event.
    """

    interviews: Sequence[Interview]
    actions: Sequence[Action]
    me: frozenset[str]
    done: frozenset[str]
    recorded: frozenset[str]


def interested(
    interviews: Sequence[Interview], me: Collection[str]
) -> Callable[[Iterable[Address]], bool]:
    """Whether a message with these addresses (from its headers alone) may propose anything:
    so that only those are read whole."""
    index = _Index(interviews)

    def wanted(addresses: Iterable[Address]) -> bool:
        return any(a.email in me or index.people(a) for a in addresses)

    return wanted


def mentioned(interviews: Sequence[Interview]) -> Callable[[bytes], bool]:
    """Whether a message's raw headers name any contact's address or company domain: a scan
    of ten thousand messages parses only those (a search in C over each header, where parsing
    every message took most of a second per thousand)."""
    index = _Index(interviews)
    needles = sorted(
        {*index.by_address, *(f"@{domain}" for domain in index.by_domain)}, key=len, reverse=True
    )
    if not needles:
        return lambda _headers: False
    pattern = re.compile(
        b"|".join(re.escape(n.encode("utf-8", "replace")) for n in needles), re.IGNORECASE
    )

    def found(headers: bytes) -> bool:
        return pattern.search(headers) is not None

    return found


def recorded_sources(interviews: Iterable[Interview]) -> frozenset[str]:
    return frozenset(e.source for i in interviews for e in i.events if e.source)


def round_id_for(uid: str) -> str:
    """The id of the round an invitation makes: the same for its updates and cancellation,
    which carry its UID, so that they find the round it made."""
    return "cal-" + hashlib.sha256(uid.encode()).hexdigest()[:8]


def propose(mails: Iterable[Mail], known: Known) -> list[Proposal]:
    """The proposals the messages make, oldest message first (SPEC section 11)."""
    index = _Index(known.interviews)
    proposals: list[Proposal] = []
    seen: set[str] = set()
    for mail in sorted(mails, key=lambda m: m.at):
        if mail.message_id in known.recorded:
            continue
        for proposal in _of(mail, known, index):
            if proposal.id not in known.done and proposal.id not in seen:
                seen.add(proposal.id)
                proposals.append(proposal)
    return proposals


class _Index:
    """Interviews by their contacts' addresses and by their employers' domains."""

    def __init__(self, interviews: Sequence[Interview]) -> None:
        self.by_address: dict[str, list[tuple[Interview, Contact]]] = {}
        self.by_domain: dict[str, list[Interview]] = {}
        for interview in interviews:
            if interview.stage is Stage.CLOSED and not interview.keep_warm:
                continue
            for contact in interview.contacts:
                email = contact.email.strip().lower()
                if not email:
                    continue
                self.by_address.setdefault(email, []).append((interview, contact))
                if not is_personal(email):
                    domain = email.rpartition("@")[2]
                    found = self.by_domain.setdefault(domain, [])
                    if interview not in found:
                        found.append(interview)

    def people(self, address: Address) -> list[tuple[Interview, Contact | None]]:
        """The interviews ``address`` belongs to, with the contact it is where it is one."""
        exact = self.by_address.get(address.email)
        if exact:
            return [(interview, contact) for interview, contact in exact]
        if is_personal(address.email):
            return []
        return [(interview, None) for interview in self.by_domain.get(address.domain, [])]


def _of(mail: Mail, known: Known, index: _Index) -> list[Proposal]:
    mine = mail.folder == SENT_FOLDER or mail.sender.email in known.me
    proposals: list[Proposal] = []
    if mine:
        proposals += _sent(mail, known, index)
    elif not mail.automatic:
        proposals += _reply_and_contact(mail, index)
    for invitation in mail.invitations:
        proposal = _round(mail, invitation, known, index)
        if proposal is not None:
            proposals.append(proposal)
            proposals += _new_guests(mail, invitation, proposal.interviews, known, index)
            if proposal.round is not None and proposal.round.guests:
                made = round_id_for(invitation.uid)
                proposals = [_invited(p, proposal.round.guests, made) for p in proposals]
    return proposals


def _invited(proposal: Proposal, guests: tuple[str, ...], made: str) -> Proposal:
    """A new contact invited to the round ``made``: accepted, they are one of its interviewers
    (the sender's own proposal too, made by the reply rule)."""
    if proposal.kind is ProposalKind.CONTACT and proposal.new_email in guests:
        return replace(proposal, for_round=made)
    return proposal


def _new_guests(
    mail: Mail,
    invitation: Invitation,
    interviews: tuple[str, ...],
    known: Known,
    index: _Index,
) -> list[Proposal]:
    """The people an invitation asks to the round who work at the company and are not yet
    its contacts: each proposed as a new contact (the sender is proposed by the reply rule)."""
    proposals = []
    for guest in (invitation.organizer, *invitation.attendees):
        if guest is None or guest.email in known.me or guest.email == mail.sender.email:
            continue
        matches = index.people(guest)
        if not matches or any(contact is not None for _, contact in matches):
            continue
        ids = tuple(i.id for i, _ in matches if i.id in interviews) or interviews
        proposals.append(
            _new_contact(
                mail,
                guest,
                ids,
                # Several guests of one invitation: each its own proposal.
                (*ids, guest.email),
                reason=f"{_said(guest)} is invited to the round and is not one of the contacts yet",
                subject=mail.subject or invitation.summary,
            )
        )
    return proposals


def _sent(mail: Mail, known: Known, index: _Index) -> list[Proposal]:
    proposals = []
    for recipient in mail.to:
        matches = [(i, c) for i, c in index.people(recipient) if c is not None]
        for interview, contact in matches:
            action = _fulfilled(mail, interview, contact, known.actions)
            if action is None and _marked_by_hand(mail, interview, contact):
                continue
            ids = (interview.id,)
            who = contact.name or contact.email
            if action is not None:
                reason = (
                    f"you wrote to {who} on {day(mail.at.date())}, after the {_kind(action)} "
                    "to them was listed: it marks that one sent"
                )
            else:
                reason = (
                    f"you wrote to {who} on {day(mail.at.date())} and no open action to them is "
                    "listed: it records a check-in sent by mail"
                )
            proposals.append(
                Proposal(
                    id=proposal_id(mail.message_id, ProposalKind.SENT, (*ids, contact.id)),
                    kind=ProposalKind.SENT,
                    interviews=ids,
                    contact=contact.id,
                    action=action.id if action is not None else None,
                    at=mail.at,
                    sender=_said(mail.sender),
                    subject=mail.subject,
                    reason=reason,
                    message_id=mail.message_id,
                    first_lines=mail.first_lines,
                    text=mail.text,
                )
            )
    return proposals


def _marked_by_hand(mail: Mail, interview: Interview, contact: Contact) -> bool:
    """Whether the user already marked a message to ``contact`` sent, within a day of this
    one, without a mail behind it: this is that message, whose action is no longer open, and
    recording it again would count one message as two."""
    return any(
        e.kind is EventKind.SENT
        and not e.source
        and e.contact == contact.id
        # A mail: a call, a LinkedIn note or a letter marked sent is another message.
        and e.channel in (None, Channel.EMAIL)
        and e.action is not ActionKind.CONNECT
        and abs(e.at - mail.at) <= _SAME_MESSAGE
        and not _other_words(e.text, mail.text)
        for e in interview.events
    )


def _other_words(marked: str | None, mailed: str) -> bool:
    """Whether the text recorded with a message marked sent by hand is plainly not this
    mail's: another message to the same person that day (a promise kept beside a thank-you).
    With no text recorded, nothing tells them apart."""
    if not marked or not mailed.strip():
        return False
    from difflib import SequenceMatcher

    def opening(text: str) -> str:
        return " ".join(text.split())[:_COMPARED].casefold()

    return SequenceMatcher(None, opening(marked), opening(mailed)).ratio() < _ALIKE


def _fulfilled(
    mail: Mail, interview: Interview, contact: Contact, actions: Sequence[Action]
) -> Action | None:
    """The open action to ``contact`` that the message does: listed before it was sent (its
    window opened), the most pressing first."""
    candidates = [
        a
        for a in actions
        if a.interview == interview.id
        and a.contact == contact.id
        and a.contacting
        # An invitation to connect is sent on LinkedIn: a mail is never one.
        and a.kind is not ActionKind.CONNECT
        and (a.due_from <= mail.at or _kept_early(a, interview, mail))
    ]
    return min(candidates, key=lambda a: a.due_by, default=None)


def _kept_early(action: Action, interview: Interview, mail: Mail) -> bool:
    """Whether ``mail`` may keep the promise of ``action`` before its window opened: a
    promise kept early is kept, once it was made."""
    promise = interview.promise(action.promise)
    made = promise.created if promise is not None else None
    return action.kind is ActionKind.KEEP_PROMISE and made is not None and made <= mail.at


def _reply_and_contact(mail: Mail, index: _Index) -> list[Proposal]:
    matches = index.people(mail.sender)
    if not matches:
        return []
    ids = tuple(interview.id for interview, _ in matches)
    contact = next((c for _, c in matches if c is not None), None)
    # Two processes at one company: the company answered, whichever it is about.
    company = " or ".join(dict.fromkeys(interview.company for interview, _ in matches))
    who = _said(mail.sender)
    if contact is not None:
        reason = f"{contact.name or who} wrote on {day(mail.at.date())}: {company} answered"
    else:
        reason = (
            f"{who} wrote from {company}'s address on {day(mail.at.date())}: {company} answered"
        )
    proposals = [
        Proposal(
            id=proposal_id(mail.message_id, ProposalKind.REPLY, ids),
            kind=ProposalKind.REPLY,
            interviews=ids,
            contact=contact.id if contact is not None else None,
            action=None,
            at=mail.at,
            sender=who,
            subject=mail.subject,
            reason=reason,
            message_id=mail.message_id,
            first_lines=mail.first_lines,
        )
    ]
    if contact is None:
        proposals.append(
            _new_contact(
                mail,
                mail.sender,
                ids,
                ids,
                reason=f"{who} wrote from {company}'s address and is not one of its contacts",
                subject=mail.subject,
            )
        )
    return proposals


def _new_contact(
    mail: Mail,
    person: Address,
    interviews: tuple[str, ...],
    id_parts: tuple[str, ...],
    *,
    reason: str,
    subject: str,
) -> Proposal:
    """``person``, who is not a contact yet, proposed as one of ``interviews``: from the
    message that names them (its sender, its first lines), whoever sent it."""
    return Proposal(
        id=proposal_id(mail.message_id, ProposalKind.CONTACT, id_parts),
        kind=ProposalKind.CONTACT,
        interviews=interviews,
        contact=None,
        action=None,
        at=mail.at,
        sender=_said(mail.sender),
        subject=subject,
        reason=reason,
        message_id=mail.message_id,
        first_lines=mail.first_lines,
        new_name=person.name,
        new_email=person.email,
    )


def _round(mail: Mail, invitation: Invitation, known: Known, index: _Index) -> Proposal | None:
    people = [a for a in (invitation.organizer, *invitation.attendees, mail.sender) if a]
    interviews: list[Interview] = []
    for person in people:
        if person.email in known.me:
            continue
        for interview, _ in index.people(person):
            if interview not in interviews:
                interviews.append(interview)
    made = round_id_for(invitation.uid)
    holding = [i for i in known.interviews if any(r.id == made for r in i.rounds)]
    if holding:
        interviews = holding[:1]
    if not interviews:
        return None
    ids = tuple(i.id for i in interviews)
    round_id = made if holding else None
    cancel = invitation.method is Method.CANCEL
    if cancel and round_id is None:
        return None  # nothing of it was recorded: nothing to take back
    held = next((r for r in holding[0].rounds if r.id == made), None) if holding else None
    as_said = held is not None and (held.starts, held.minutes) == (
        invitation.starts,
        invitation.minutes or 60,
    )
    if not cancel and as_said:
        return None  # the round is as the invitation says already
    interviewers = _interviewers(invitation, interviews[0], known.me)
    guests = _guests(invitation, interviews[0], known.me)
    when = moment(invitation.starts)
    if cancel:
        reason = f"the invitation for {when} was cancelled: it removes that round"
    elif held is not None:
        reason = _moving(when, held, invitation.starts)
    else:
        reason = f"an invitation for {when}: it adds a round"
    kind_key = f"{ProposalKind.ROUND.value}:{invitation.uid}:{invitation.sequence}"
    sender = next((c for _, c in index.people(mail.sender) if c is not None), None)
    return Proposal(
        id=proposal_id(mail.message_id, ProposalKind.ROUND, (*ids, kind_key)),
        kind=ProposalKind.ROUND,
        interviews=ids,
        contact=sender.id if sender is not None else None,
        action=None,
        at=mail.at,
        sender=_said(mail.sender),
        subject=mail.subject or invitation.summary,
        reason=reason,
        message_id=mail.message_id,
        first_lines=mail.first_lines,
        round=RoundChange(
            id=round_id,
            starts=invitation.starts,
            minutes=invitation.minutes,
            interviewers=interviewers,
            uid=invitation.uid,
            cancel=cancel,
            guests=guests,
        ),
    )


def settled(proposal: Proposal, interviews: Iterable[Interview]) -> bool:
    """Whether the file already holds what ``proposal`` would record, though not from its
    message: a new person another proposal (or the user) has made a contact since."""
    if proposal.kind is not ProposalKind.CONTACT or not proposal.new_email:
        return False
    named = [i for i in interviews if i.id in proposal.interviews]
    email = proposal.new_email.strip().lower()
    return bool(named) and all(
        any(c.email.strip().lower() == email for c in i.contacts) for i in named
    )


def as_it_stands(proposal: Proposal, interviews: Iterable[Interview]) -> Proposal:
    """``proposal``, made at its scan, as the file now has it: an invitation that added a
    round when it was read moves that round once an earlier message's proposal made it."""
    change = proposal.round
    if proposal.kind is not ProposalKind.ROUND or change is None or change.id is not None:
        return proposal
    made = round_id_for(change.uid)
    held = [r for i in interviews if i.id in proposal.interviews for r in i.rounds if r.id == made]
    if not held:
        return proposal
    when = moment(change.starts)
    if held[0].starts == change.starts and held[0].minutes == (change.minutes or 60):
        reason = f"the invitation for {when} is the round as recorded: it changes nothing"
    else:
        reason = _moving(when, held[0], change.starts)
    return replace(proposal, round=replace(change, id=made), reason=reason)


def _moving(when: str, held: Round, starts: datetime) -> str:
    """The reason of an invitation that moves ``held``."""
    return f"the invitation was changed to {when}: it moves the round of {held_at(held, starts)}"


def held_at(held: Round, starts: datetime) -> str:
    """When ``held`` is, as the user knows a round (not by its id), in the zone of the
    invitation about it (whose time is ``starts``)."""
    return moment(held.starts.astimezone(starts.tzinfo))


def _interviewers(
    invitation: Invitation, interview: Interview, me: Collection[str]
) -> tuple[str, ...]:
    """The attendees who are contacts of the interview, by id (new people are proposed as
    contacts by their own messages)."""
    by_email = {c.email.strip().lower(): c.id for c in interview.contacts if c.email}
    found = []
    for person in (invitation.organizer, *invitation.attendees):
        if person is None or person.email in me:
            continue
        ident = by_email.get(person.email)
        if ident is not None and ident not in found:
            found.append(ident)
    return tuple(found)


def _guests(invitation: Invitation, interview: Interview, me: Collection[str]) -> tuple[str, ...]:
    """The addresses of the attendees who are not contacts of the interview yet."""
    known = {c.email.strip().lower() for c in interview.contacts if c.email}
    found: list[str] = []
    for person in (invitation.organizer, *invitation.attendees):
        if person is None or person.email in me or person.email in known:
            continue
        if person.email not in found:
            found.append(person.email)
    return tuple(found)


def _said(address: Address) -> str:
    return f"{address.name} <{address.email}>" if address.name else address.email


def _kind(action: Action) -> str:
    return ACTION_LABELS[action.kind]

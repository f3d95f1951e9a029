"""The inbox's one door for the command line and the dashboard (SPEC section 11): read the
mail into proposals, recording nothing; record the proposals the user accepts, each once; forget
the ones the user dismisses.

A scan keeps its proposals in the inbox's state file beside the database, so that ``apply`` and
``dismiss`` take their ids; the database changes only in ``apply``, under its lock, on the file
as it is then. An event recorded from a message carries its Message-ID (``source``): a message
already recorded (by an earlier apply, in any order of scans, applies and imports) is never
recorded again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.copies import replace
from app.domain.ids import slug, unique
from app.domain.interchange import Pipeline
from app.domain.kinds import ACTION_LABELS
from app.domain.records import ActionKind, Contact, ContactRole, Event, EventKind, Interview, Round
from app.engine import Action, compute_actions
from app.engine.describe import moment
from app.errors import UserError
from app.inbox.mail import Mail
from app.inbox.matching import (
    Known,
    as_it_stands,
    held_at,
    propose,
    recorded_sources,
    round_id_for,
    settled,
)
from app.inbox.proposals import Proposal, ProposalKind, from_stored
from app.services import operations
from app.services.records import Records


@dataclass(frozen=True, slots=True)
class Scanned:
    proposals: list[Proposal]
    read: int  # messages read
    skipped: int  # messages that could not be read (malformed), counted, never fatal


def propose_from(
    mails: Iterable[Mail],
    pipeline: Pipeline,
    now: datetime,
    done: Iterable[str],
    recorded: frozenset[str] | None = None,
) -> list[Proposal]:
    """The proposals ``mails`` make against the database as it is (nothing written);
    ``recorded`` is ``recorded_sources`` of its interviews, where it is known already."""
    actions = compute_actions(pipeline.interviews, pipeline.policy, now)
    known = Known(
        interviews=pipeline.interviews,
        actions=actions,
        me=_me(pipeline),
        done=frozenset(done),
        recorded=recorded_sources(pipeline.interviews) if recorded is None else recorded,
    )
    return propose(mails, known)


def _me(pipeline: Pipeline) -> frozenset[str]:
    """The user's own addresses, as the profile gives them."""
    return frozenset({pipeline.profile.email.strip().lower()} - {""})


def chosen(kept: Sequence[Proposal], ids: Sequence[str] | None) -> list[Proposal]:
    """The proposals ``ids`` name (all of them for None); an id the last scan did not give is
    refused, saying which."""
    if ids is None:
        return list(kept)
    by_id = {p.id: p for p in kept}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise UserError(
            f"no proposal {missing[0]} in the last `followup inbox scan`: scan again "
            "to see what is proposed now"
        )
    return [by_id[i] for i in dict.fromkeys(ids)]


class Pending(str):
    """What was said of a proposal that was not recorded and stays to be applied later (once
    the user says which interview it is about, say); every other is settled either way."""

    __slots__ = ()


def apply_proposals(records: Records, proposals: Sequence[Proposal], now: datetime) -> list[str]:
    """Record ``proposals`` in one write, each on the file as it is now; what was recorded,
    a line each (one already recorded, or no longer possible, says so and records nothing)."""
    said: dict[str, str] = {}
    # New people first, so that a reply from one of them is recorded as from that contact.
    ordered = sorted(proposals, key=lambda p: p.kind is not ProposalKind.CONTACT)

    def change(pipeline: Pipeline) -> Pipeline:
        said.clear()
        actions = compute_actions(pipeline.interviews, pipeline.policy, now)
        interviews = {i.id: i for i in pipeline.interviews}
        for proposal in ordered:
            line, changed = _applied(proposal, interviews, actions)
            said[proposal.id] = line
            if changed is not None:
                interviews[changed.id] = changed
        return replace(pipeline, interviews=tuple(interviews[i.id] for i in pipeline.interviews))

    records.update(change)
    return [said[p.id] for p in proposals]


def _applied(
    proposal: Proposal, interviews: dict[str, Interview], actions: Sequence[Action]
) -> tuple[str, Interview | None]:
    if len(proposal.interviews) != 1:
        options = ", ".join(proposal.interviews)
        return (
            Pending(
                f"{proposal.id}: matches {options}: not recorded "
                f"(say which: {proposal.id}=INTERVIEW)"
            ),
            None,
        )
    interview = interviews.get(proposal.interviews[0])
    if interview is None:
        return f"{proposal.id}: {proposal.interviews[0]} is no longer in the database", None
    recorded = proposal.message_id in recorded_sources([interview])
    if proposal.kind in (ProposalKind.REPLY, ProposalKind.SENT) and recorded:
        return f"{proposal.id}: recorded already", None
    if proposal.kind is ProposalKind.REPLY:
        contact = proposal.contact if interview.contact(proposal.contact or "") else None
        # A new person added by the same apply (contacts are applied first) is who wrote.
        contact = contact or _contact_by_address(interview, proposal.sender)
        summary = proposal.gist[:200]
        changed = operations.record_reply(
            interview, proposal.at, contact=contact, summary=summary, source=proposal.message_id
        )
        return f"Recorded a reply from {interview.company} ({proposal.sender})", changed
    if proposal.kind is ProposalKind.SENT:
        return _sent(proposal, interview, actions)
    if proposal.kind is ProposalKind.CONTACT:
        return _contact(proposal, interview)
    return _round(proposal, interview)


def _contact_by_address(interview: Interview, sender: str) -> str | None:
    """The contact whose address ``sender`` ("Name <address>") holds, if any."""
    address = sender.rpartition("<")[2].rstrip(">").strip().lower()
    found = next((c for c in interview.contacts if c.email.strip().lower() == address), None)
    return found.id if found is not None else None


def _sent(
    proposal: Proposal, interview: Interview, actions: Sequence[Action]
) -> tuple[str, Interview | None]:
    action = next((a for a in actions if a.id == proposal.action), None)
    if proposal.action is not None and action is None:
        return Pending(f"{proposal.id}: {proposal.action} is no longer open: not recorded"), None
    if action is not None:
        changed = operations.mark_sent(
            interview, action, proposal.at, text=proposal.text, source=proposal.message_id
        )
        what = ACTION_LABELS[action.kind]
        contact = interview.contact(action.contact or "")
        who = f" to {contact.name or contact.id}" if contact is not None else ""
        return f"Marked sent from your mail: the {what}{who} · {interview.company}", changed
    event = Event(
        at=proposal.at,
        kind=EventKind.SENT,
        action=ActionKind.CHECK_IN,
        contact=proposal.contact,
        text=proposal.text,
        source=proposal.message_id,
    )
    return (
        f"Recorded a message you sent to {interview.company}",
        interview.with_events(event),
    )


def _contact(proposal: Proposal, interview: Interview) -> tuple[str, Interview | None]:
    email = proposal.new_email
    if any(c.email.strip().lower() == email for c in interview.contacts):
        return f"{proposal.id}: {email} is a contact of {interview.company} already", None
    ident = unique(
        slug(proposal.new_name or email.partition("@")[0], fallback="contact"),
        (c.id for c in interview.contacts),
    )
    contact = Contact(ident, proposal.new_name, email=email, role=ContactRole.OTHER)
    # Invited to a round already accepted: one of its interviewers, owed a thank-you too.
    rounds = tuple(
        replace(r, interviewers=(*r.interviewers, ident)) if r.id == proposal.for_round else r
        for r in interview.rounds
    )
    changed = replace(interview, contacts=(*interview.contacts, contact), rounds=rounds)
    return f"Added {proposal.new_name or email} to {interview.company}'s contacts", changed


def _round(proposal: Proposal, interview: Interview) -> tuple[str, Interview | None]:
    change = proposal.round
    if change is None:
        return f"{proposal.id}: no round in it", None
    made = round_id_for(change.uid)
    existing = next((r for r in interview.rounds if r.id == made), None)
    when = moment(change.starts)
    if change.cancel:
        if existing is None:
            return f"{proposal.id}: that round is not in the database", None
        kept = tuple(r for r in interview.rounds if r.id != made)
        line = f"Removed the round with {interview.company} on {held_at(existing, change.starts)}"
        return line, replace(interview, rounds=kept)
    minutes = change.minutes if change.minutes is not None else 60
    if existing is not None:
        moved = replace(existing, starts=change.starts, minutes=minutes)
        rounds = tuple(moved if r.id == made else r for r in interview.rounds)
        before = held_at(existing, change.starts)
        line = f"Moved the round with {interview.company} from {before} to {when}"
        return line, replace(interview, rounds=rounds)
    # Guests accepted as contacts before the round are its interviewers too.
    invited = [
        c.id
        for c in interview.contacts
        if c.email.strip().lower() in change.guests and c.id not in change.interviewers
    ]
    new = Round(made, change.starts, minutes, interviewers=(*change.interviewers, *invited))
    added = tuple(sorted((*interview.rounds, new), key=lambda r: r.starts))
    return f"Added a round with {interview.company} on {when}", replace(interview, rounds=added)


def scan(
    records: Records,
    *,
    maildir: Path | None = None,
    mbox: Path | None = None,
    since: datetime | None = None,
    now: datetime,
) -> Scanned:
    """Read the mail (the Maildir, the mbox file, else the IMAP account set up) and keep what
    it proposes, with what earlier scans proposed and nobody applied or dismissed yet, for
    ``apply`` and ``dismiss``. The database is only read."""
    from app.inbox.matching import interested, mentioned
    from app.inbox.parse import parse_mail
    from app.inbox.settings_file import load_inbox_state, save_inbox_state
    from app.inbox.sources import Tally, imap_messages, maildir_messages, mbox_messages

    db = records.path
    state = load_inbox_state(db)
    pipeline = records.load()
    tally = Tally()
    if maildir is not None:
        place = str(maildir.resolve())
        # --since asks for the mail since then, read again: one that named nobody known when
        # it was read may answer an interview added since.
        known = set(state.seen.get(place, ())) if since is None else set()
        found = list(maildir_messages(maildir, since=since, tally=tally, known=known))
        # Read once: the proposals they made are kept below until applied or dismissed.
        state.seen[place] = sorted(known | {item.key for item in found})
    elif mbox is not None:
        found = list(mbox_messages(mbox, since=since, tally=tally))
    else:
        if state.settings is None:
            raise UserError(
                "no mail account is set up: run `followup inbox setup --host H --user U "
                "--password-command CMD`, or scan a --maildir or an --mbox"
            )
        from app.inbox.sources import password_for

        wanted = interested(pipeline.interviews, _me(pipeline))
        found, state.cursors = imap_messages(
            state.settings,
            password_for(state.settings),
            state.cursors,
            wanted=wanted,
            since=since,
            tally=tally,
        )
    named = mentioned(pipeline.interviews)
    candidates = [item for item in found if named(_headers(item.raw))]
    mails = [
        mail
        for item in candidates
        if (mail := parse_mail(item.raw, folder=item.folder, received=item.received)) is not None
    ]
    recorded = recorded_sources(pipeline.interviews)
    fresh = propose_from(mails, pipeline, now, state.dismissed, recorded)
    pending = [
        as_it_stands(p, pipeline.interviews)
        for p in kept_proposals(state.proposals)
        if p.id not in state.dismissed
        and p.message_id not in recorded
        and not settled(p, pipeline.interviews)
    ]
    merged = {p.id: p for p in (*pending, *fresh)}
    ordered = sorted(merged.values(), key=lambda p: p.at)
    state.proposals = [p.to_stored() for p in ordered]
    save_inbox_state(db, state)
    skipped = len(candidates) - len(mails) + tally.too_large + tally.unreadable
    # All are kept for apply; those of messages before ``since`` are not what was asked for.
    shown = [p for p in ordered if since is None or p.at >= since]
    return Scanned(shown, read=len(found), skipped=skipped)


def _headers(raw: bytes) -> bytes:
    """The header block of a raw message (up to the first blank line), with its folded lines
    as they are: enough to find an address in."""
    ends = [at for at in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if at >= 0]
    return raw[: min(ends)] if ends else raw[:65536]


def apply(
    records: Records,
    ids: Sequence[str] | None,
    now: datetime,
    *,
    interviews: Mapping[str, str] | None = None,
) -> list[str]:
    """Record the proposals of the last scans that ``ids`` name (all for None), then forget
    them; a line for each. ``interviews`` chooses, for a proposal that matches several, the
    one it is about (proposal id to interview id)."""
    from app.inbox.settings_file import load_inbox_state, save_inbox_state

    db = records.path
    state = load_inbox_state(db)
    kept = kept_proposals(state.proposals)
    if not kept:
        raise UserError("nothing to apply: `followup inbox scan` lists what your mail proposes")
    picked = [_narrowed(p, (interviews or {}).get(p.id)) for p in chosen(kept, ids)]
    if ids is None:
        # All of them: one that the file holds already (a new person another made a contact)
        # is settled with nothing said (one named by its id still says why).
        holds = records.load().interviews
        settles = {p.id for p in picked if settled(p, holds)}
        picked = [p for p in picked if p.id not in settles]
        state.dismissed = sorted({*state.dismissed, *settles})
        kept = [p for p in kept if p.id not in settles]
    said = apply_proposals(records, picked, now)
    done = {p.id for p, line in zip(picked, said, strict=True) if not isinstance(line, Pending)}
    # An invitation recorded as a round is recorded (SPEC 11: never proposed again): its
    # reply, which a round made or moved does the work of (it pauses the follow-ups), goes
    # with it. A cancellation, or a round that changed nothing, leaves the reply to record.
    invited = {
        (p.message_id, p.interviews)
        for p, line in zip(picked, said, strict=True)
        if p.kind is ProposalKind.ROUND
        and p.round is not None
        and not p.round.cancel
        and line.startswith(("Added a round", "Moved the round"))
    }
    done |= {
        p.id
        for p in kept
        if p.kind is ProposalKind.REPLY and (p.message_id, p.interviews) in invited
    }
    state.dismissed = sorted({*state.dismissed, *done})
    state.proposals = [p.to_stored() for p in kept if p.id not in done]
    save_inbox_state(db, state)
    return said


def _narrowed(proposal: Proposal, interview: str | None) -> Proposal:
    if interview is None:
        return proposal
    if interview not in proposal.interviews:
        options = ", ".join(proposal.interviews)
        raise UserError(f"{proposal.id} is about {options}, not {interview}")
    return replace(proposal, interviews=(interview,))


def dismiss(records: Records, ids: Sequence[str]) -> int:
    """Never propose these again; how many were dismissed."""
    from app.inbox.settings_file import load_inbox_state, save_inbox_state

    db = records.path
    state = load_inbox_state(db)
    kept = kept_proposals(state.proposals)
    picked = chosen(kept, ids)
    gone = {p.id for p in picked}
    state.dismissed = sorted({*state.dismissed, *gone})
    state.proposals = [p.to_stored() for p in kept if p.id not in gone]
    save_inbox_state(db, state)
    return len(gone)


def kept_proposals(stored: Iterable[dict[str, object]]) -> list[Proposal]:
    """The proposals of the last scan as the state file keeps them; one that is not readable
    is left out (the next scan makes it again)."""
    kept = []
    for item in stored:
        try:
            kept.append(from_stored(dict(item)))
        except (KeyError, ValueError, TypeError):
            continue
    return kept

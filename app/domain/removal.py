"""An interview without one of its rounds, contacts or promises: a round cancelled, a person
entered twice or by mistake, a promise that no longer stands.

What happened stays: the history's events keep naming what they named, as an imported file's may
name what it does not hold. What the interview still holds never names what is gone, so that the
file reads back: a contact removed is no longer a round's interviewer, and a promise made to
them, or a question they asked, is then to no one in particular.
"""

from __future__ import annotations

from app.domain.copies import replace
from app.domain.records import Interview


def without_round(interview: Interview, round_id: str) -> Interview:
    return replace(interview, rounds=tuple(r for r in interview.rounds if r.id != round_id))


def without_promise(interview: Interview, promise_id: str) -> Interview:
    kept = tuple(p for p in interview.promises if p.id != promise_id)
    return replace(interview, promises=kept)


def without_contact(interview: Interview, contact_id: str) -> Interview:
    rounds = tuple(
        replace(r, interviewers=tuple(i for i in r.interviewers if i != contact_id))
        if contact_id in r.interviewers
        else r
        for r in interview.rounds
    )
    promises = tuple(replace(p, to=None) if p.to == contact_id else p for p in interview.promises)
    questions = tuple(
        replace(q, asked_by=None) if q.asked_by == contact_id else q
        for q in interview.notes.open_questions
    )
    return replace(
        interview,
        contacts=tuple(c for c in interview.contacts if c.id != contact_id),
        rounds=rounds,
        promises=promises,
        notes=replace(interview.notes, open_questions=questions),
    )


def round_ids_taken(interview: Interview) -> frozenset[str]:
    """The ids a new round may not have: those held, and those the history still names (a
    round removed keeps its id, so that its thank-you, sent or skipped, is not a new one's)."""
    return frozenset(
        {r.id for r in interview.rounds} | {e.round for e in interview.events if e.round}
    )


def contact_ids_taken(interview: Interview) -> frozenset[str]:
    named = {e.contact for e in interview.events if e.contact}
    return frozenset({c.id for c in interview.contacts} | named)


def promise_ids_taken(interview: Interview) -> frozenset[str]:
    named = {e.promise for e in interview.events if e.promise}
    return frozenset({p.id for p in interview.promises} | named)

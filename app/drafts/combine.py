"""One message to one person doing the work of several drafts (SPEC section 5): thanks, then
the promised item, then the rest, under one greeting and one sign-off, so that nobody gets three
emails from the same candidate on one day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from app.domain.copies import replace
from app.domain.interchange import Pipeline
from app.domain.records import ActionKind
from app.drafts.compose import Draft, compose
from app.drafts.library import Library
from app.engine.action import Action

# What a combined message says first: thanks, then what was promised, then the questions.
ORDER = (
    ActionKind.THANK_YOU,
    ActionKind.KEEP_PROMISE,
    ActionKind.UPDATE_OTHERS,
    ActionKind.CHECK_IN,
    ActionKind.VALUE_ADD,
    ActionKind.NURTURE,
    ActionKind.CONNECT,
)
_GREETINGS = ("Hi ", "Dear ", "Hello ")


class CombineError(ValueError):
    """Actions that cannot be one message: to different people, or one with nothing to send."""


def check_one_person(actions: Sequence[Action]) -> None:
    """Raise ``CombineError`` unless every action goes to the same contact of one interview."""
    first = actions[0]
    for other in actions[1:]:
        if (other.interview, other.contact) != (first.interview, first.contact):
            raise CombineError(
                f"{first.id} goes to {first.contact or 'no one'} at {first.company} and "
                f"{other.id} to {other.contact or 'no one'} at {other.company}: one message "
                "goes to one person"
            )
        if other.id == first.id:
            raise CombineError(f"{other.id} is named twice")


def one_message(
    actions: Sequence[Action],
    pipeline: Pipeline,
    now: datetime,
    *,
    templates: Path | Library | None = None,
) -> Draft:
    """The draft of one action, or one message doing several (to one person, on the first
    action's channel). Raises ``DraftError`` or ``CombineError``."""
    check_one_person(actions)
    channel = actions[0].channel
    drafts = [compose(a, pipeline, now, channel=channel, templates=templates) for a in actions]
    if len(drafts) == 1:
        return drafts[0]
    return combine(list(zip(actions, drafts, strict=True)))


def combine(pairs: Sequence[tuple[Action, Draft]]) -> Draft:
    """The drafts of ``pairs`` as one message, in ``ORDER``; the first keeps its greeting,
    subject and sign-off."""
    check_one_person([action for action, _ in pairs])
    if any(draft.reminder for _, draft in pairs):
        raise CombineError("a promise kept at a meeting is not a message to combine")
    ordered = sorted(pairs, key=lambda pair: ORDER.index(pair[0].kind))
    drafts = [draft for _, draft in ordered]
    lead = drafts[0]
    split = [_parts(draft.body) for draft in drafts]
    parts = [part for part in split if part is not None]
    warnings = [w for draft in drafts for w in draft.warnings]
    if len(parts) < len(split):
        # Notes of one paragraph (LinkedIn, a text) have no middle to join: set side by side.
        body = "\n\n".join(draft.body for draft in drafts)
        warnings.append("these notes are set one after the other: read them through as one")
    else:
        head, _, tail = parts[0]
        middle: list[str] = []
        for index, (_, paragraphs, _) in enumerate(parts):
            for paragraph in paragraphs:
                if index and paragraph.startswith("I hope "):
                    continue  # one pleasantry is enough
                if paragraph not in middle:
                    middle.append(paragraph)
        body = "\n\n".join([*head, *middle, tail])
    placeholders = tuple(dict.fromkeys(p for draft in drafts for p in draft.placeholders))
    return replace(
        lead,
        body=body,
        voicemail=None,
        placeholders=tuple(p for p in placeholders if p in body or p in (lead.subject or "")),
        warnings=tuple(dict.fromkeys(warnings)),
        also=tuple(draft.action_id for draft in drafts[1:]),
        attach=next((draft.attach for draft in drafts if draft.attach), ""),
    )


def _parts(body: str) -> tuple[list[str], list[str], str] | None:
    """A message's paragraphs up to its greeting, between, and its sign-off; None for a note
    with no greeting paragraph of its own."""
    paragraphs = body.split("\n\n")
    greeting = next(
        (
            n
            for n, p in enumerate(paragraphs)
            if p.startswith(_GREETINGS) and p.endswith(",") and "\n" not in p
        ),
        None,
    )
    if greeting is None or len(paragraphs) - greeting < 3:
        return None
    return paragraphs[: greeting + 1], paragraphs[greeting + 1 : -1], paragraphs[-1]

"""One message to one person doing the work of several drafts (SPEC section 5): thanks, then
the promised item, then the rest, under one greeting and one sign-off, so that nobody gets three
emails from the same candidate on one day."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from app.domain.copies import replace
from app.domain.interchange import Pipeline
from app.domain.records import ActionKind, Channel
from app.drafts.compose import Draft, budget_for, compose, is_length_warning
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


def takes_the_place(one: ActionKind, other: ActionKind) -> bool:
    """Whether one of the two, sent alone, does the other's job: an update on my timeline asks
    where they are, so no check-in follows it (SPEC section 4), and sending both would count
    one message as two follow-ups."""
    return {one, other} == {ActionKind.UPDATE_OTHERS, ActionKind.CHECK_IN}


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
    if len(actions) == 1:
        return compose(actions[0], pipeline, now, channel=channel, templates=templates)
    # One message goes once, when the first of its parts is due: each part speaks as of then
    # ("as I promised earlier today", not as of when its own action would open).
    goes = max(now, min((a.due_from for a in actions), key=lambda m: m.timestamp()))
    # Brief as one message: each part gives up what it can, a step at a time, until the whole
    # fits (or nothing more can go, and the warning says so).
    for shorter in range(_MOST_STEPS + 1):
        drafts = [
            compose(
                a,
                pipeline,
                goes,
                channel=channel,
                templates=templates,
                shorter=shorter,
                sent_now=True,
            )
            for a in actions
        ]
        one = combine(list(zip(actions, drafts, strict=True)))
        if not any(is_length_warning(w) for w in one.warnings):
            break  # combine says the whole message's length, and no part's own
    return one


_MOST_STEPS = 8
"""More than ``fields.cuts`` ever has."""


def _too_long(ordered: Sequence[tuple[Action, Draft]], body: str) -> str | None:
    """What to say of ``body`` if it is longer than the first message's kind allows."""
    action, lead = ordered[0]
    budget = budget_for(action.kind, lead.channel)
    signature = lead.body.rsplit("\n\n", 1)[-1].partition("\n")[2]
    if budget is None or budget.fits(body, signature):
        return None
    return budget.over(body, signature)


def combine(pairs: Sequence[tuple[Action, Draft]]) -> Draft:
    """The drafts of ``pairs`` as one message, in ``ORDER``; the first keeps its greeting,
    subject and sign-off."""
    check_one_person([action for action, _ in pairs])
    if any(draft.reminder for _, draft in pairs):
        raise CombineError(
            "a promise kept at a meeting, or a thing to do, is not a message to combine"
        )
    ordered = sorted(pairs, key=lambda pair: ORDER.index(pair[0].kind))
    kinds = {action.kind for action, _ in ordered}
    drafts = [draft for _, draft in ordered]
    lead = drafts[0]
    # Each part's own length no longer matters: the whole message's is said below.
    warnings = [w for draft in drafts for w in draft.warnings if not is_length_warning(w)]
    # An update on my timeline asks where they are in the process: it does a check-in's job,
    # whose own question would ask it a second time (the rest of the check-in still goes).
    asked = ActionKind.UPDATE_OTHERS in kinds
    # A check-in that a lapsed promise of theirs opened keeps its question, which names it.
    # On LinkedIn the message goes as the invitation's note: it connects, and the connect's
    # own note (a thank-you again, "stay in touch") would be said twice.
    connects_by_itself = lead.channel is Channel.LINKEDIN and len(kinds - {ActionKind.CONNECT}) > 0
    bodies = [
        _without_question(draft.body)
        if asked and action.kind is ActionKind.CHECK_IN and action.promise is None
        else draft.body
        for action, draft in ordered
        if not (connects_by_itself and action.kind is ActionKind.CONNECT)
    ]
    body = _one_script(bodies) if lead.channel is Channel.PHONE else None
    if body is None:
        body = _one_body(bodies, thanked=ActionKind.THANK_YOU in kinds)
    if body is None:
        body = _one_note(bodies)
    if body is None:
        body = "\n\n".join(bodies)
        warnings.append("these notes are set one after the other: read them through as one")
    too_long = _too_long(ordered, body)
    if too_long is not None:
        warnings.append(too_long)
    placeholders = tuple(dict.fromkeys(p for draft in drafts for p in draft.placeholders))
    return replace(
        lead,
        body=body,
        # Left on a machine, the call asks for a call back: the first part's message says so.
        voicemail=lead.voicemail if lead.channel is Channel.PHONE else None,
        placeholders=tuple(p for p in placeholders if p in body or p in (lead.subject or "")),
        warnings=tuple(dict.fromkeys(warnings)),
        also=tuple(draft.action_id for draft in drafts[1:]),
        attach=next((draft.attach for draft in drafts if draft.attach), ""),
    )


def _one_script(bodies: list[str]) -> str | None:
    """Call scripts as one call: asked for and greeted once, then what each part says, then
    the last one's goodbye; None unless each opens by asking for the person."""
    split = [body.split("\n\n") for body in bodies]
    if any(len(parts) < 3 or not parts[0].startswith(_ASKS_FOR) for parts in split):
        return None
    said = split[0][:-1]
    for parts in split[1:-1]:
        said.extend(p for p in parts[2:-1] if p not in said)
    said.extend(p for p in split[-1][2:] if p not in said)
    return "\n\n".join(said)


_ASKS_FOR = "Hello, could I speak with "


def _one_body(bodies: list[str], *, thanked: bool = False) -> str | None:
    """Messages of paragraphs as one: the first one's greeting, then what each says (the
    pleasantries once), then the first one's closing line and sign-off; None unless each has a
    greeting paragraph, something to say and a sign-off."""
    split = [_parts(body) for body in bodies]
    parts = [part for part in split if part is not None]
    if len(parts) < len(split):
        return None
    head, lead_middle, tail = parts[0]
    closing = lead_middle[-1:] if len(lead_middle) > 1 and _closes(lead_middle[-1]) else []
    middle: list[str] = []
    # How keen I am is said once: a thank-you's closing says it, and so does an update on an
    # offer ("still very high on my list"); a check-in after them would say it again.
    keen = any(_KEEN.search(paragraph) for paragraph in closing)
    for index, (_, paragraphs, _) in enumerate(parts):
        # A closing line ("let me know if anything else would help") is said once: the first
        # message's closes them all, at the end, and the others' go. A last paragraph with
        # something to say (an invitation sent, "if your timeline doesn't allow it") stays
        # where it is, beside what it speaks of.
        for at, paragraph in enumerate(paragraphs):
            if at == len(paragraphs) - 1 and at > 0 and _closes(paragraph):
                continue  # the first message's closing line comes at the end
            kept = _without_pleasantry(paragraph) if index else paragraph
            if keen and index:
                kept = _without_keenness(kept, thanked=thanked)
            if kept and kept not in middle:
                middle.append(kept)
                keen = keen or _KEEN.search(kept) is not None
    return "\n\n".join([*head, *middle, *closing, tail])


_CLOSINGS = ("let me know", "look forward", "hear from you", "hearing from you")


def _closes(paragraph: str) -> bool:
    """Whether the last paragraph of a message is its closing line rather than something it
    has to say (an invitation to connect sent, a promise kept)."""
    return any(words in paragraph.lower() for words in _CLOSINGS)


def _without_question(body: str) -> str:
    """A check-in without its question (the first paragraph after the greeting that is more
    than a pleasantry), for a message that already asks it."""
    parts = _parts(body)
    if parts is None:
        # A note of one paragraph: its sentence that checks in (never its greeting).
        sentences = _SENTENCE_END.split(body)
        kept = [t for n, t in enumerate(sentences) if not (n and " check in " in f" {t} ")]
        return " ".join(kept)
    head, middle, tail = parts
    for index, paragraph in enumerate(middle):
        if _without_pleasantry(paragraph):
            return "\n\n".join([*head, *middle[:index], *middle[index + 1 :], tail])
    return body


_KEEN = re.compile(
    r"\b(?:still (?:very )?(?:interested|keen|high on my list)|remains? very (?:keen|high)"
    r"|(?:even|all the) more (?:excited|enthusiastic|keen))\b"
)
# A sentence that says nothing but that I am still keen ("I enjoyed our call on Friday, and
# I'm still very interested in the role"), as against one that goes on to ask something.
_ONLY_KEEN = re.compile(
    r"^(?:(?P<enjoyed>I enjoyed [^.!?]*), and )?"
    r"(?:I['’]m still|I am still|I remain) very (?:interested|keen)[^.!?]*[.!?]$"
)


def _without_keenness(paragraph: str, *, thanked: bool) -> str:
    """``paragraph`` without what only says I am still keen: "I enjoyed meeting Daniel, and
    I'm still very interested in the role." keeps "I enjoyed meeting Daniel." unless the
    message has thanked them for that meeting already."""
    said = []
    for sentence in _SENTENCE_END.split(paragraph):
        keen = _ONLY_KEEN.match(sentence)
        if keen is None:
            said.append(sentence)
        elif keen["enjoyed"] and not thanked:
            said.append(keen["enjoyed"] + ".")
    return " ".join(said).strip()


# A sentence ends at a stop and a space, but not after "Sr." or "Dr." (nor inside "Node.js").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bSr\.)(?<!\bJr\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bSt\.)\s+"
)


def _without_pleasantry(paragraph: str) -> str:
    """``paragraph`` without its opening "I hope you're well." (one is enough)."""
    if not paragraph.startswith("I hope "):
        return paragraph
    _, _, rest = paragraph.partition(". ")
    return rest.strip()


_NOTE_GREETING = re.compile(r"(?:Hi|Hello|Dear) [^,.!?]{1,80}, (?:it['’]s [^,.!?]{1,80}\. )?")
_NOTE_SIGN_OFF = re.compile(
    r"\s(?:Best|Best wishes|Kind regards|Thanks|Thank you|Cheers|All the best), [^,.!?]{1,80}$"
)


def _one_note(bodies: list[str]) -> str | None:
    """Notes of one paragraph (LinkedIn, a text) as one note: the first one's greeting, the
    last one's sign-off; None unless each has both."""
    if any("\n" in body for body in bodies):
        return None
    said: list[str] = []
    keen = False
    for index, body in enumerate(bodies):
        greeting, sign_off = _NOTE_GREETING.match(body), _NOTE_SIGN_OFF.search(body)
        if greeting is None or sign_off is None:
            return None
        start = greeting.end() if index else 0
        end = sign_off.start() if index < len(bodies) - 1 else len(body)
        part = body[start:end].strip()
        if index:
            part = _without_pleasantry(part[:1].upper() + part[1:])
            if keen:
                part = _without_keenness(part, thanked=True)
        if part:
            said.append(part)
            keen = keen or _KEEN.search(part) is not None
    return " ".join(said)


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
    # A letter signs off in a paragraph of its own ("Yours sincerely,"), above the signature.
    end = len(paragraphs) - 1
    if end - greeting >= 3 and _SIGN_OFF.fullmatch(paragraphs[end - 1]):
        end -= 1
    return paragraphs[: greeting + 1], paragraphs[greeting + 1 : end], "\n\n".join(paragraphs[end:])


_SIGN_OFF = re.compile(r"[A-Z][\w ]{2,30},")

"""A draft for one action: its template for the channel, filled from the records, with what is
still to fill in and what the user should know before sending it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.domain.interchange import Pipeline, zone
from app.domain.records import ActionKind, Channel, Contact, Interview, Round
from app.drafts import addresses, spoken
from app.drafts.fields import (
    LABELS,
    attachment,
    cuts,
    find_interview,
    meeting_phrase,
    third_person,
    values_for,
)
from app.drafts.library import PARTS, Library
from app.engine.action import Action
from app.engine.describe import lowered, told_back

LINKEDIN_LIMIT = 300
VOICEMAIL_HEADING = "If you reach their voicemail:"


class DraftError(ValueError):
    """An action that has no message to draft, or whose interview is not in the pipeline."""


@dataclass(frozen=True, slots=True)
class Draft:
    action_id: str
    channel: Channel
    recipient: str
    """Where it goes, for the user to read: "Jane Doe <jane@acme.example>"; "" if unknown."""
    subject: str | None
    """The email's subject line; None on every other channel."""
    body: str
    voicemail: str | None
    """On the phone: what to say to a voicemail, beside the call script in ``body``."""
    placeholders: tuple[str, ...]
    """The marked placeholders left in the text, such as "[recap point]"."""
    warnings: tuple[str, ...]
    """What to know before sending: a personal address, a note over LinkedIn's limit, a user
    template that could not be used."""
    limit: int | None = None
    """The most characters the channel takes (a LinkedIn note), else None."""
    reminder: bool = False
    """Nothing to send: what to bring to a meeting, for the user's own eyes."""
    to_name: str = ""
    to_address: str = ""
    """The recipient's name and email address, for a message handed to a mail program."""
    also: tuple[str, ...] = ()
    """The other actions this one message does (a combined draft), besides ``action_id``."""
    attach: str = ""
    """What the message says is attached, for the user to attach before sending it."""

    @property
    def text(self) -> str:
        """The whole draft as printed and copied: the subject line first for an email."""
        if self.subject is not None:
            return f"Subject: {self.subject}\n\n{self.body}"
        if self.voicemail is not None:
            return f"{self.body}\n\n{VOICEMAIL_HEADING}\n\n{self.voicemail}"
        return self.body

    @property
    def attach_reminder(self) -> str:
        """What to say once it is copied or handed on: "Attach … before you send it."."""
        return f"Attach {self.attach} before you send it." if self.attach else ""

    @property
    def missing(self) -> tuple[str, ...]:
        """The placeholders' labels, without their brackets: "recap point"."""
        return tuple(p[1:-1] for p in self.placeholders)

    def unfilled(self, text: str | None = None) -> tuple[str, ...]:
        """The placeholders still in ``text`` (the draft as the user edited it; by default as
        drafted): ask before copying while there are any."""
        current = self.text if text is None else text
        return tuple(p for p in self.placeholders if p in current)


def compose(
    action: Action,
    pipeline: Pipeline,
    now: datetime,
    *,
    channel: Channel | None = None,
    templates: Path | Library | None = None,
    shorter: int = 0,
    sent_now: bool = False,
) -> Draft:
    """The draft of ``action`` on ``channel`` (by default the action's own), at ``now``;
    ``shorter``: that many of the steps that shorten a long draft are taken even where it fits
    (for a message that says it with others); ``sent_now``: it goes at ``now`` whenever the
    action opens (with another that is due now), and speaks as of then.

    ``templates`` is the user's templates folder, or a ``Library`` of it already read; where
    it holds no usable file of a template's name, the built-in one is used.
    """
    if not action.contacting:
        raise DraftError(
            f"{action.id} is a {action.kind.value.replace('_', '-')} action: it contacts no one, "
            "so there is no message to draft"
        )
    try:
        interview = find_interview(pipeline, action.interview)
    except LookupError as missing:
        raise DraftError(str(missing)) from None
    channel = channel or action.channel or Channel.EMAIL
    library = templates if isinstance(templates, Library) else Library(templates)
    # A draft of an action that opens later speaks as it will when it is sent.
    written = now if sent_now else max(now, action.due_from, key=lambda m: m.timestamp())
    values = values_for(action, pipeline, written, channel)
    bring = meeting_for(action, interview, written)
    if bring is not None:
        return _reminder(action, interview, bring, values, written)
    if _a_task(action, values["promise"]):
        return _to_do(action, interview)
    warnings: list[str] = library.strays()
    subject, texts, placeholders = _render(library, action, channel, values, warnings)
    contact = interview.contact(action.contact)
    budget = budget_for(action.kind, channel)
    if budget is not None and (shorter or not budget.fits(texts[0], values["signature"])):
        # Brief (SPEC section 5): what can go goes, a step at a time, until the message fits.
        for step, cut in enumerate(cuts(action, pipeline, written, channel)):
            if step >= shorter and budget.fits(texts[0], values["signature"]):
                break
            shorter_values = {**values, **cut}
            rendered = _render(library, action, channel, shorter_values, [])
            if set(rendered[2]) - set(placeholders):
                continue  # it would leave a gap to fill: what it cut is what the message says
            values, (subject, texts, placeholders) = shorter_values, rendered
        if not budget.fits(texts[0], values["signature"]):
            warnings.append(budget.over(texts[0], values["signature"]))
    spoken_of = third_person(values["their_points"])
    if spoken_of is not None and contact is not None:
        warnings.append(
            f"what you noted about {_name_of(contact)} speaks of them as “{spoken_of}”, "
            "and the message is to them: read it through before sending"
        )
    attach = attachment(action, interview)
    if attach:
        warnings.append(
            f"have {attach} ready to send after the call: the script promises it"
            if channel is Channel.PHONE
            else f"attach {attach} before you send it: the message says it is attached"
        )
    warnings.extend(_channel_warnings(channel, contact))
    limit = LINKEDIN_LIMIT if channel is Channel.LINKEDIN else None
    return Draft(
        action_id=action.id,
        channel=channel,
        recipient=_recipient(channel, contact),
        to_name=_name_of(contact),
        to_address=contact.email.strip() if contact else "",
        subject=subject,
        body=texts[0],
        voicemail=texts[1] if len(texts) > 1 else None,
        placeholders=tuple(dict.fromkeys(placeholders)),
        warnings=tuple(warnings),
        limit=limit,
        attach=attach,
    )


THANK_YOU_WORDS = 150
EMAIL_WORDS = 200


@dataclass(frozen=True, slots=True)
class Budget:
    """How long a message may be: words from the greeting to the sign-off, or characters."""

    most: int
    words: bool
    what: str

    def size(self, body: str, signature: str) -> int:
        return _words(body, signature) if self.words else len(body)

    def fits(self, body: str, signature: str) -> bool:
        return self.size(body, signature) <= self.most

    def over(self, body: str, signature: str) -> str:
        """The warning for a message still too long once everything that can go has gone."""
        size = self.size(body, signature)
        if self.words:
            return f"this {self.what} is {size} words; at most {self.most} {_OVER_WORDS}"
        return f"this {self.what} is {size} characters; LinkedIn takes {self.most}: {_OVER_CHARS}"


_OVER_WORDS = "reads best: shorten it"
_OVER_CHARS = "shorten it before sending"


def is_length_warning(warning: str) -> bool:
    """Whether ``warning`` is one of ``Budget.over``'s."""
    return warning.endswith((_OVER_WORDS, _OVER_CHARS))


def budget_for(kind: ActionKind, channel: Channel) -> Budget | None:
    if channel is Channel.LINKEDIN:
        return Budget(LINKEDIN_LIMIT, words=False, what="LinkedIn note")
    if channel is Channel.EMAIL:
        if kind is ActionKind.THANK_YOU:
            return Budget(THANK_YOU_WORDS, words=True, what="thank-you")
        return Budget(EMAIL_WORDS, words=True, what="email")
    return None


def _render(
    library: Library, action: Action, channel: Channel, values: dict[str, str], warnings: list[str]
) -> tuple[str | None, list[str], list[str]]:
    placeholders: list[str] = []
    texts: list[str] = []
    subject: str | None = None
    for part in PARTS[channel]:
        loaded, problems = library.load(action.kind, part)
        warnings.extend(problems)
        if loaded.subject is not None:
            line = loaded.subject.render(values, LABELS)
            subject = " ".join(line.text.split())
            placeholders.extend(line.placeholders)
        rendered = loaded.body.render(values, LABELS)
        texts.append(_one_sign_off(rendered.text, values["signature"]))
        placeholders.extend(rendered.placeholders)
    return subject, texts, placeholders


def _one_sign_off(text: str, signature: str) -> str:
    """``text`` with the template's sign-off left out where the signature begins with one
    of its own ("Yours sincerely,\n\nAisha Rahman"): the user's words, said once."""
    first = signature.strip().split("\n", 1)[0].strip()
    at = text.rfind(signature) if signature else -1
    if at < 0 or not _SIGN_OFF.fullmatch(first):
        return text
    before = text[:at]
    ours = _LAST_LINE.search(before)
    if ours is None or not _SIGN_OFF.fullmatch(ours[1].strip()):
        return text
    return before[: ours.start(1)] + text[at:]


_SIGN_OFF = re.compile(
    r"(?:(?:with\s+)?(?:kind|kindest|warm|warmest|best|many|sincere|fond|all\s+the\s+best)\s+)?"
    r"(?:regards|wishes|thanks|best|cheers|sincerely|respectfully|thank\s+you|"
    r"all\s+the\s+best|yours(?:\s+(?:sincerely|faithfully|truly))?|sincerely\s+yours)[,.!]?",
    re.IGNORECASE,
)
# The last line of text before the signature, and the blank lines after it.
_LAST_LINE = re.compile(r"(?:^|\n)([^\n]*)\n(?:[ \t]*\n)*$")


def _words(body: str, signature: str) -> int:
    """Words from the greeting to the sign-off: the signature is not the message."""
    if signature and body.endswith(signature):
        body = body[: -len(signature)]
    return len(body.split())


def meeting_for(action: Action, interview: Interview, now: datetime) -> Round | None:
    """The booked meeting a promise falls due at, with the person it was made to: then it is
    something to bring, not to send."""
    promise = interview.promise(action.promise)
    if action.kind is not ActionKind.KEEP_PROMISE or promise is None or promise.to is None:
        return None
    for held in interview.rounds:
        ends = held.starts + timedelta(minutes=held.minutes)
        if (
            promise.to in held.interviewers
            and ends > now
            and held.starts - _BEFORE_A_MEETING <= promise.due <= ends
        ):
            return held
    return None


# A promise due this close before a meeting with its person is for that meeting.
_BEFORE_A_MEETING = timedelta(hours=2)


def _reminder(
    action: Action, interview: Interview, held: Round, values: dict[str, str], now: datetime
) -> Draft:
    tz = zone(interview.timezone)
    start = held.starts.astimezone(tz)
    contact = interview.contact(action.contact)
    who = values["name"] or (contact.id if contact else "them")
    day = spoken.day_phrase(start.date(), now.astimezone(tz).date())
    meeting = meeting_phrase(held.kind, ours=False)
    promise = interview.promise(action.promise)
    # For the user's own eyes: the promise in their words, not turned towards the reader.
    what = told_back(lowered(promise.what)) if promise and promise.what.strip() else ""
    what = what or "do what you said"
    body = (
        f"Nothing to send: bring it to {meeting} with {who} {day} at {start:%H:%M}. "
        f"You promised to {what}."
    )
    channel = action.channel or Channel.EMAIL
    return Draft(
        action_id=action.id,
        channel=channel,
        recipient=_recipient(channel, contact),
        subject=None,
        body=body,
        voicemail=None,
        placeholders=(),
        warnings=(f"this promise is due at your meeting with {who}: bring it, nothing to send",),
        reminder=True,
    )


# Deeds done, not said: a promise of one, made to no one in particular ("upload my portfolio
# to the candidate portal"), is a thing to do, not a message to write.
_TASKS = frozenset(
    ["upload", "complete", "fill", "finish", "apply", "register", "take", "sit", "do", "read",
     "research", "practise", "practice", "install", "print", "renew", "submit", "sign", "book",
     "prepare"]
)  # fmt: skip
_TO_SOMEONE = frozenset(["you", "them", "her", "him", "back"])
# "… and send it back", "… and let them know": the deed ends in a message after all.
_THEN_TELL = re.compile(
    r"\band\s+(?:then\s+)?(?:send|share|email|e-mail|forward|tell|let|update(?!\s+my\b)|reply|"
    r"get\s+back|confirm|mail)\b",
    re.IGNORECASE,
)


def _a_task(action: Action, promise: str) -> bool:
    if action.kind is not ActionKind.KEEP_PROMISE or action.contact is not None:
        return False
    verb, _, rest = promise.partition(" ")
    return (
        verb.casefold() in _TASKS
        and rest.split(" ", 1)[0].casefold() not in _TO_SOMEONE
        and _THEN_TELL.search(rest) is None
        # "Book a call with Sam": a meeting with someone is theirs to hear of.
        and _WITH_SOMEONE.search(rest) is None
    )


_WITH_SOMEONE = re.compile(r"\b(?:call|meeting|chat|time)\s+with\b", re.IGNORECASE)


def _to_do(action: Action, interview: Interview) -> Draft:
    promise = interview.promise(action.promise)
    # For the user's own eyes: the promise in their words.
    what = told_back(lowered(promise.what.strip().rstrip("."))) if promise else ""
    body = (
        f"Nothing to send: you told {interview.company} you would {what}. Do it, then mark it done."
    )
    return Draft(
        action_id=action.id,
        channel=action.channel or Channel.EMAIL,
        recipient="",
        subject=None,
        body=body,
        voicemail=None,
        placeholders=(),
        warnings=("this promise is a thing to do, not a message: there is nothing to send",),
        reminder=True,
    )


def placeholder_warning(placeholders: tuple[str, ...]) -> str:
    """One line telling the user what is still to fill in."""
    count = len(placeholders)
    noun = "placeholder" if count == 1 else "placeholders"
    return f"{count} {noun} still to fill in: {', '.join(placeholders)}"


def _name_of(contact: Contact | None) -> str:
    if contact is None:
        return ""
    return spoken.as_written(contact.name) or contact.title.strip() or contact.id


def _recipient(channel: Channel, contact: Contact | None) -> str:
    if contact is None:
        return ""
    name = _name_of(contact)
    where = {
        Channel.EMAIL: contact.email.strip(),
        Channel.PHONE: contact.phone.strip(),
        Channel.TEXT: contact.phone.strip(),
        Channel.LINKEDIN: contact.linkedin.strip(),
        Channel.LETTER: contact.title.strip(),
    }[channel]
    if not where:
        return name
    return f"{name} <{where}>" if channel is Channel.EMAIL else f"{name}, {where}"


def _channel_warnings(channel: Channel, contact: Contact | None) -> list[str]:
    if contact is None:
        return ["this action has no contact: fill in who it is for"]
    name = " ".join(contact.name.split()) or contact.id
    email = contact.email.strip()
    if channel is Channel.EMAIL:
        if not email:
            return [f"no email address on file for {name}"]
        if addresses.is_personal(email):
            return [
                f"{email} is a personal address: write to {name}'s business address if you "
                "can (recruiters expect business accounts)"
            ]
    elif channel in (Channel.PHONE, Channel.TEXT) and not contact.phone.strip():
        return [f"no phone number on file for {name}"]
    elif channel is Channel.LINKEDIN and not contact.linkedin.strip():
        return [f"no LinkedIn profile on file for {name}"]
    return []

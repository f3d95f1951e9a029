"""A draft for one action: its template for the channel, filled from the records, with what is
still to fill in and what the user should know before sending it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.interchange import Pipeline
from app.domain.records import Channel, Contact
from app.drafts import addresses
from app.drafts.fields import LABELS, find_interview, values_for
from app.drafts.library import PARTS, Library
from app.engine.action import Action

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

    @property
    def text(self) -> str:
        """The whole draft as printed and copied: the subject line first for an email."""
        if self.subject is not None:
            return f"Subject: {self.subject}\n\n{self.body}"
        if self.voicemail is not None:
            return f"{self.body}\n\n{VOICEMAIL_HEADING}\n\n{self.voicemail}"
        return self.body

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
) -> Draft:
    """The draft of ``action`` on ``channel`` (by default the action's own), at ``now``.

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
    values = values_for(action, pipeline, now)
    warnings: list[str] = library.strays()
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
        texts.append(rendered.text)
        placeholders.extend(rendered.placeholders)
    contact = interview.contact(action.contact)
    warnings.extend(_channel_warnings(channel, contact))
    limit = LINKEDIN_LIMIT if channel is Channel.LINKEDIN else None
    if limit is not None and len(texts[0]) > limit:
        warnings.append(
            f"this LinkedIn note is {len(texts[0])} characters; LinkedIn takes {limit}: "
            "shorten it before sending"
        )
    return Draft(
        action_id=action.id,
        channel=channel,
        recipient=_recipient(channel, contact),
        subject=subject,
        body=texts[0],
        voicemail=texts[1] if len(texts) > 1 else None,
        placeholders=tuple(dict.fromkeys(placeholders)),
        warnings=tuple(warnings),
        limit=limit,
    )


def placeholder_warning(placeholders: tuple[str, ...]) -> str:
    """One line telling the user what is still to fill in."""
    count = len(placeholders)
    noun = "placeholder" if count == 1 else "placeholders"
    return f"{count} {noun} still to fill in: {', '.join(placeholders)}"


def _recipient(channel: Channel, contact: Contact | None) -> str:
    if contact is None:
        return ""
    name = " ".join(contact.name.split()) or contact.title.strip() or contact.id
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

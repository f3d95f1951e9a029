"""How often each kind of follow-up got a reply.

A follow-up I sent counts as answered when the employer's next ``reply`` comes before anything
else happens: before I send another follow-up more than a day later, and before the next round
starts. So a reply is credited to the latest messages I sent; the ones sent within a day of each
other (the thank-yous to each interviewer of a panel, a thank-you and the promise kept an hour
later) share the reply that follows them; and a check-in followed by a value-add a week later
with no reply between counts as unanswered.
Which contact replied does not matter: a recruiter often answers for the team.

A follow-up with nothing after it yet is still open: too recent to tell while it is less than
``TOO_RECENT`` old and the interview is not closed, and unanswered after that. Preparing for a
round and moving on are not messages, so they are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from app.domain.records import ActionKind, Event, EventKind, Interview, Stage

TOO_RECENT = timedelta(days=7)
SAME_BATCH = timedelta(days=1)
NOT_MESSAGES = frozenset({ActionKind.PREPARE, ActionKind.MOVE_ON})


class _Verdict(Enum):
    ANSWERED = "answered"
    UNANSWERED = "unanswered"
    TOO_RECENT = "too recent"


@dataclass(frozen=True, slots=True)
class ReplyRate:
    kind: ActionKind
    sent: int
    answered: int
    too_recent: int = 0

    @property
    def settled(self) -> int:
        """The ones that can be judged: sent, less the ones too recent to tell."""
        return self.sent - self.too_recent

    @property
    def rate(self) -> float | None:
        return self.answered / self.settled if self.settled else None


def reply_rates(interviews: Iterable[Interview], now: datetime) -> list[ReplyRate]:
    """One rate for each kind of follow-up that was sent, in the order the kinds are listed."""
    sent: dict[ActionKind, int] = {}
    answered: dict[ActionKind, int] = {}
    recent: dict[ActionKind, int] = {}
    for interview in interviews:
        for kind, verdict in _verdicts(interview, now):
            sent[kind] = sent.get(kind, 0) + 1
            if verdict is _Verdict.ANSWERED:
                answered[kind] = answered.get(kind, 0) + 1
            elif verdict is _Verdict.TOO_RECENT:
                recent[kind] = recent.get(kind, 0) + 1
    return [
        ReplyRate(kind, sent[kind], answered.get(kind, 0), recent.get(kind, 0))
        for kind in ActionKind
        if kind in sent
    ]


def _verdicts(interview: Interview, now: datetime) -> list[tuple[ActionKind, _Verdict]]:
    history = [e for e in interview.events if e.at <= now]
    sends = [e for e in history if is_message(e)]
    replies = sorted(e.at for e in history if e.kind is EventKind.REPLY)
    starts = sorted(r.starts for r in interview.rounds if r.starts <= now)
    verdicts: list[tuple[ActionKind, _Verdict]] = []
    for index, send in enumerate(sends):
        assert send.action is not None
        cut = _cut_off(send, sends[index + 1 :], starts)
        reply = next((at for at in replies if at > send.at), None)
        if reply is not None and (cut is None or reply < cut):
            verdicts.append((send.action, _Verdict.ANSWERED))
        elif cut is None and now - send.at < TOO_RECENT and interview.stage is not Stage.CLOSED:
            verdicts.append((send.action, _Verdict.TOO_RECENT))
        else:
            verdicts.append((send.action, _Verdict.UNANSWERED))
    return verdicts


def is_message(event: Event) -> bool:
    """A follow-up I sent, of a known kind that is a message."""
    return (
        event.kind is EventKind.SENT
        and event.action is not None
        and event.action not in NOT_MESSAGES
    )


def _cut_off(send: Event, later: list[Event], starts: list[datetime]) -> datetime | None:
    """When something else happened after ``send``: a reply after this is not to it."""
    moments = [e.at for e in later if e.at - send.at > SAME_BATCH]
    moments.extend(at for at in starts if at > send.at)
    return min(moments, default=None)

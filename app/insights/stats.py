"""The stats view's numbers, worked out together: how long employers took to answer against
what they said, how often each kind of follow-up got a reply, the messages sent each week, and
how far the interviews got. Each part documents its own rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from app.domain.records import Interview
from app.insights.answers import CompanyAnswers, answer_times
from app.insights.funnel import OutcomeCount, StageCount, funnel, outcomes
from app.insights.replies import ReplyRate, reply_rates
from app.insights.weekly import WeekCount, sent_per_week

WEEKS = 12


@dataclass(frozen=True, slots=True)
class Stats:
    answers: tuple[CompanyAnswers, ...]
    replies: tuple[ReplyRate, ...]
    weeks: tuple[WeekCount, ...]
    funnel: tuple[StageCount, ...]
    outcomes: tuple[OutcomeCount, ...]


def compute_stats(interviews: Iterable[Interview], now: datetime, *, weeks: int = WEEKS) -> Stats:
    pipeline = tuple(interviews)
    return Stats(
        answers=tuple(answer_times(pipeline, now)),
        replies=tuple(reply_rates(pipeline, now)),
        weeks=tuple(sent_per_week(pipeline, now, weeks)),
        funnel=tuple(funnel(pipeline, now)),
        outcomes=tuple(outcomes(pipeline)),
    )

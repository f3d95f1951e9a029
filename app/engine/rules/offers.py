"""An offer with a deadline: tell the other employers, so that you may choose (002 #5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.records import ActionKind, EventKind, Interview, Stage
from app.engine.action import action_id
from app.engine.calendar import BusinessCalendar
from app.engine.candidate import Candidate, Window
from app.engine.describe import day
from app.engine.facts import Facts


@dataclass(frozen=True, slots=True)
class Offer:
    interview: Interview
    arrived: datetime
    deadline: date


def open_offers(interviews: list[Facts]) -> list[Offer]:
    """Offers whose deadline day has not ended, with when each arrived."""
    offers = []
    for facts in interviews:
        interview = facts.interview
        if interview.stage is not Stage.OFFER or interview.offer_deadline is None:
            continue
        if facts.now >= facts.calendar.end_of_day(interview.offer_deadline):
            continue
        moved = [
            e for e in interview.events if e.kind is EventKind.STAGE and e.to_stage is Stage.OFFER
        ]
        seen = [e for e in facts.of(EventKind.STAGE) if e.event.to_stage is Stage.OFFER]
        if seen:
            arrived = seen[-1].at
        elif moved:
            continue  # the offer arrives after now: not listed yet
        elif facts.rounds:
            arrived = max(r.ends for r in facts.rounds)
        else:
            continue
        offers.append(Offer(interview, arrived, interview.offer_deadline))
    return offers


def update_others(facts: Facts, offers: list[Offer]) -> list[Candidate]:
    interview = facts.interview
    if not any(r.ends <= facts.now for r in facts.rounds):
        return []
    found = []
    for offer in offers:
        if offer.interview.id == interview.id:
            continue
        closes = _closing(facts.calendar, offer.deadline)
        opens = offer.arrived.astimezone(facts.tz)
        found.append(
            Candidate(
                id=action_id(interview.id, ActionKind.UPDATE_OTHERS, offer.interview.id),
                kind=ActionKind.UPDATE_OTHERS,
                window=Window(opens, closes, fixed_close=True).fixed(facts.calendar),
                reason=(
                    f"{offer.interview.company} made you an offer on {day(opens.date())} that "
                    f"stands until {day(offer.deadline)}; tell {interview.company}, so that "
                    f"they can decide in time"
                ),
                contact=facts.recipient(),
                after=opens,
            )
        )
    return found


def _closing(calendar: BusinessCalendar, deadline: date) -> datetime:
    return calendar.at(calendar.business_day_before(deadline, 2), calendar.work_end)

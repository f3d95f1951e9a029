"""Around each round: prepare for it, thank each interviewer, then invite them to connect."""

from __future__ import annotations

from app.domain.records import ActionKind
from app.engine.action import action_id
from app.engine.candidate import Candidate, Expiry, Window
from app.engine.describe import day, meeting_named, moment
from app.engine.facts import Facts
from app.engine.timekeeping import add_days, add_elapsed


def prepare(facts: Facts) -> list[Candidate]:
    found = []
    company = facts.interview.company
    for held in facts.rounds:
        if facts.now >= held.starts:
            continue  # dropped once the round starts
        opens = add_days(held.starts, -facts.policy.prepare_days_before)
        found.append(
            Candidate(
                id=action_id(facts.interview.id, ActionKind.PREPARE, held.round.id),
                kind=ActionKind.PREPARE,
                window=Window(opens, held.starts).fixed(facts.calendar),
                reason=(
                    f"Your {meeting_named(held.round.kind)} with {company} is on "
                    f"{moment(held.starts)}; reread your notes, research them and prepare your "
                    "questions"
                ),
                round=held.round.id,
            )
        )
    return found


def thank_you(facts: Facts) -> list[Candidate]:
    policy = facts.policy
    delay, within = policy.thank_you_delay_hours, policy.thank_you_within_hours
    found = []
    for held in facts.rounds:
        if facts.now < held.starts and facts.now < facts.calendar.start_of_day(held.starts.date()):
            continue  # listed from 00:00 on the round's day
        window = Window(
            add_elapsed(held.ends, delay * 3600), add_elapsed(held.ends, within * 3600)
        ).fixed(facts.calendar)
        if facts.long_gone(ActionKind.THANK_YOU, window.due_from, window.due_by, WEEK):
            continue  # a week after it closed it no longer helps
        due = (
            f"within {_hours(within)} hours"
            if not delay
            else f"between {_hours(delay)} and {_hours(within)} hours after it"
        )
        interviewers = held.round.interviewers
        # The recipient as the round ends, not as now: it is part of the id, which must not
        # change when the round it thanks for ends (a snooze or skip made before would be lost).
        for contact in interviewers or (facts.recipient(at=held.ends),):
            if interviewers:
                reason = (
                    f"{facts.name(contact)} interviewed you on {moment(held.starts)}; "
                    f"a thank-you is due {due}"
                )
            else:
                reason = (
                    f"Your {meeting_named(held.round.kind)} with {facts.interview.company} was on "
                    f"{moment(held.starts)}; a thank-you to {facts.name(contact)} is due {due}"
                )
            found.append(
                Candidate(
                    id=action_id(
                        facts.interview.id, ActionKind.THANK_YOU, held.round.id, contact or "-"
                    ),
                    kind=ActionKind.THANK_YOU,
                    window=window,
                    reason=reason,
                    contact=contact,
                    round=held.round.id,
                    expiry=Expiry.WEEK_AFTER_CLOSE,
                    after=held.starts,
                )
            )
    return found


def connect(facts: Facts) -> list[Candidate]:
    if not facts.policy.suggest_connect:
        return []
    first_thanks: dict[str, object] = {}
    found = []
    for seen in facts.sent(ActionKind.THANK_YOU):
        contact = seen.event.contact
        if contact is None or contact in first_thanks or contact not in facts.contacts:
            continue
        first_thanks[contact] = seen
        if facts.long_gone(
            ActionKind.CONNECT, add_days(seen.at, 1), add_days(seen.at, 7), _CONNECT_MARGIN_DAYS
        ):
            continue
        found.append(
            Candidate(
                id=action_id(facts.interview.id, ActionKind.CONNECT, contact),
                kind=ActionKind.CONNECT,
                window=Window(add_days(seen.at, 1), add_days(seen.at, 7)),
                reason=(
                    f"You thanked {facts.name(contact)} on {day(seen.at.date())}; "
                    f"invite them to connect on LinkedIn, with a line on why"
                ),
                contact=contact,
                expiry=Expiry.AT_CLOSE,
                after=seen.at,
            )
        )
    return found


WEEK = 7
# A connect window is moved into work hours; no work week leaves a month without a work day.
_CONNECT_MARGIN_DAYS = 31


def _hours(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"

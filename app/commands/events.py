"""``sent``, ``reply``, ``snooze`` and ``skip``: what the user did, recorded as events.

Every change is made inside ``Repository.change_interview``, under the database lock, on the
file as it is now, so that another followup writing at the same time loses nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from app.commands.context import Context
from app.domain.interchange import Pipeline
from app.domain.records import (
    ActionKind,
    Channel,
    Event,
    EventKind,
    Interview,
    Outcome,
    Stage,
)
from app.engine import Action, compute_actions
from app.errors import UserError


def sent(args: argparse.Namespace, ctx: Context) -> int:
    now = ctx.now

    def change(interview: Interview, action: Action) -> Interview:
        channel = Channel(args.channel) if args.channel else action.channel
        events = [_about(action, EventKind.SENT, now, channel=channel)]
        promises = interview.promises
        if action.kind is ActionKind.KEEP_PROMISE:
            promises = tuple(
                replace(p, done_at=now) if p.id == action.promise else p for p in promises
            )
        stage, outcome, keep_warm = interview.stage, interview.outcome, interview.keep_warm
        if action.kind is ActionKind.MOVE_ON:
            events.append(
                Event(at=now, kind=EventKind.STAGE, from_stage=stage, to_stage=Stage.CLOSED)
            )
            stage, outcome = Stage.CLOSED, Outcome.MOVED_ON
            keep_warm = keep_warm or args.keep_warm
        elif args.keep_warm:
            raise UserError("--keep-warm goes with a move_on action only")
        return replace(
            interview,
            promises=promises,
            events=_appended(interview, events),
            stage=stage,
            outcome=outcome,
            keep_warm=keep_warm,
        )

    action = _change_action(ctx, args.id, change)
    ctx.say(f"Marked sent: {action.id}")
    if action.kind is ActionKind.MOVE_ON:
        ctx.say(f"Closed {action.company} as moved on" + (", kept warm" if args.keep_warm else ""))
    return 0


def skip(args: argparse.Namespace, ctx: Context) -> int:
    now = ctx.now
    action = _change_action(
        ctx,
        args.id,
        lambda interview, action: replace(
            interview, events=_appended(interview, [_about(action, EventKind.SKIP, now)])
        ),
    )
    ctx.say(f"Skipped: {action.id}")
    return 0


def snooze(args: argparse.Namespace, ctx: Context) -> int:
    from app.when import WhenError, parse_when

    now = ctx.now

    def change(interview: Interview, action: Action) -> Interview:
        try:
            until = parse_when(args.until, now, interview.timezone)
        except WhenError as err:
            raise UserError(f"--until: {err}") from None
        if until <= now:
            raise UserError(f"--until: {args.until!r} is not after now ({now.isoformat()})")
        event = _about(action, EventKind.SNOOZE, now, until=until)
        return replace(interview, events=_appended(interview, [event]))

    action = _change_action(ctx, args.id, change)
    ctx.say(f"Snoozed: {action.id}")
    return 0


def reply(args: argparse.Namespace, ctx: Context) -> int:
    now = ctx.now

    def change(interview: Interview) -> Interview:
        if args.contact is not None and interview.contact(args.contact) is None:
            known = ", ".join(c.id for c in interview.contacts) or "none"
            raise UserError(
                f"--contact: {interview.id} has no contact {args.contact!r} (contacts: {known})"
            )
        event = Event(
            at=now, kind=EventKind.REPLY, contact=args.contact, summary=args.summary or ""
        )
        return replace(interview, events=_appended(interview, [event]))

    interview = ctx.repo.change_interview(args.interview, change)
    ctx.say(f"Recorded a reply from {interview.company}")
    return 0


ChangeAction = Callable[[Interview, Action], Interview]


def _change_action(ctx: Context, action_id: str, change: ChangeAction) -> Action:
    """Find the open action ``action_id`` on the file as it is now, and change its interview."""
    now = ctx.now
    found: list[Action] = []

    def apply(pipeline: Pipeline) -> Pipeline:
        actions = compute_actions(pipeline.interviews, pipeline.policy, now)
        action = next((a for a in actions if a.id == action_id), None)
        if action is None:
            raise UserError(
                f"no open action has the id {action_id!r} at {now.isoformat()} (see `followup due`)"
            )
        found.append(action)
        interviews = tuple(
            change(i, action) if i.id == action.interview else i for i in pipeline.interviews
        )
        return replace(pipeline, interviews=interviews)

    ctx.repo.update(apply)
    return found[0]


def _about(
    action: Action,
    kind: EventKind,
    now: datetime,
    *,
    channel: Channel | None = None,
    until: datetime | None = None,
) -> Event:
    return Event(
        at=now,
        kind=kind,
        action=action.kind,
        action_id=action.id,
        round=action.round,
        contact=action.contact,
        promise=action.promise,
        channel=channel,
        until=until,
    )


def _appended(interview: Interview, events: list[Event]) -> tuple[Event, ...]:
    return tuple(sorted((*interview.events, *events), key=lambda e: e.at))

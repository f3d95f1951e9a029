"""``sent``, ``reply``, ``snooze`` and ``skip``: what the user did, recorded as events.

Every change is made inside ``Repository.change_interview``, under the database lock, on the
file as it is now, so that another followup writing at the same time loses nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace

from app.commands.context import Context
from app.domain.interchange import Pipeline
from app.domain.records import ActionKind, Channel, Interview
from app.engine import Action, compute_actions
from app.errors import UserError
from app.services import operations


def sent(args: argparse.Namespace, ctx: Context) -> int:
    now = ctx.now
    channel = Channel(args.channel) if args.channel else None
    action = _change_action(
        ctx,
        args.id,
        lambda interview, action: operations.mark_sent(
            interview, action, now, channel=channel, keep_warm=args.keep_warm
        ),
    )
    ctx.say(f"Marked sent: {action.id}")
    if action.kind is ActionKind.MOVE_ON:
        ctx.say(f"Closed {action.company} as moved on" + (", kept warm" if args.keep_warm else ""))
    return 0


def skip(args: argparse.Namespace, ctx: Context) -> int:
    now = ctx.now
    action = _change_action(
        ctx, args.id, lambda interview, action: operations.skip(interview, action, now)
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
        return operations.snooze(interview, action, now, until)

    action = _change_action(ctx, args.id, change)
    ctx.say(f"Snoozed: {action.id}")
    return 0


def reply(args: argparse.Namespace, ctx: Context) -> int:
    now = ctx.now

    def change(interview: Interview) -> Interview:
        try:
            return operations.record_reply(
                interview, now, contact=args.contact, summary=args.summary or ""
            )
        except UserError as err:
            raise UserError(f"--contact: {err}") from None

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

"""``sent``, ``reply``, ``snooze`` and ``skip``: what the user did, recorded as events.

Every change is made inside ``Repository.change_interview``, under the database lock, on the
file as it is now, so that another followup writing at the same time loses nothing.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from app.commands.context import Context, shown
from app.domain.records import ActionKind, Channel, Interview
from app.domain.text import control_problem
from app.engine import Action
from app.errors import UserError
from app.services import operations
from app.services.records import ChangeAction


def sent(args: argparse.Namespace, ctx: Context) -> int:
    """One action, or several done by one message (``--with``): each gets its ``sent`` event,
    at the same time, in one write."""
    now = ctx.now
    channel = Channel(args.channel) if args.channel else None
    done = _change_actions(
        ctx,
        [args.id, *(args.with_ids or [])],
        lambda interview, action: operations.mark_sent(
            interview, action, now, channel=channel, keep_warm=args.keep_warm
        ),
    )
    for action in done:
        ctx.say(f"Marked sent: {action.id}")
        if action.kind is ActionKind.MOVE_ON:
            closed = f"Closed {action.company} as moved on"
            ctx.say(closed + (", kept warm" if args.keep_warm else ""))
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
    from app.when.describe import to_the_minute

    now = ctx.now
    chosen: list[datetime] = []

    def change(interview: Interview, action: Action) -> Interview:
        try:
            until = parse_when(args.until, now, interview.timezone)
        except WhenError as err:
            raise UserError(f"--until: {err}") from None
        if until <= now:
            raise UserError(
                f"--until: {shown(args.until)} is {to_the_minute(until)}, "
                f"not after now ({to_the_minute(now)})"
            )
        chosen.append(until)
        return operations.snooze(interview, action, now, until)

    action = _change_action(ctx, args.id, change)
    until = chosen[-1]
    ctx.say(f"Snoozed: {action.id} until {to_the_minute(until)}")
    late_after = _deadline(ctx, action)
    if late_after is not None and until > late_after:
        ctx.warn(f"{action.id} is due by {to_the_minute(late_after)}: it will be late")
    return 0


def _deadline(ctx: Context, action: Action) -> datetime | None:
    """When ``action`` goes late (a thank-you, a promise), as the file now has it."""
    from app.engine.deadlines import DEADLINES, deadline

    if action.kind not in DEADLINES:
        return None
    pipeline = ctx.records.load()
    interview = pipeline.interview(action.interview)
    return None if interview is None else deadline(interview, action, pipeline.policy, ctx.now)


def reply(args: argparse.Namespace, ctx: Context) -> int:
    """The employer answered: an interview by its id, or by the number the last ``due``
    listing gave one of its open actions (the reply is then from that action's contact, unless
    ``--contact`` says who)."""
    from app.services.listing import is_number

    # Refused before anything is read: the summary is shown on the board and in the drafts.
    problem = control_problem(args.summary or "")
    if problem:
        raise UserError(f"--summary: {problem}")
    now = ctx.now

    def change(interview: Interview, contact: str | None) -> Interview:
        try:
            return operations.record_reply(
                interview, now, contact=contact, summary=args.summary or ""
            )
        except UserError as err:
            raise UserError(f"--contact: {err}") from None

    if is_number(args.interview) and all(
        interview.id != args.interview for interview in ctx.records.load().interviews
    ):
        action = _change_action(
            ctx,
            args.interview,
            lambda interview, action: change(interview, args.contact or action.contact),
        )
        ctx.say(f"Recorded a reply from {action.company}")
        return 0
    interview = ctx.records.change_interview(
        args.interview, lambda interview: change(interview, args.contact)
    )
    ctx.say(f"Recorded a reply from {interview.company}")
    return 0


def _change_action(ctx: Context, typed: str, change: ChangeAction) -> Action:
    """Find the open action ``typed`` names on the file as it is now, and change its
    interview."""
    return _change_actions(ctx, [typed], change)[0]


def _change_actions(ctx: Context, typed: list[str], change: ChangeAction) -> list[Action]:
    """``typed`` are ids, or numbers of the last ``due`` listing."""
    from app.services.listing import resolve

    now = ctx.now  # first: a bad --at must stop the command before anything is read
    return ctx.records.change_actions(resolve(ctx.db_path, typed), change, now)

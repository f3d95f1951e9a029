"""``followup calendar [--out FILE]``: the open actions as an iCalendar file, for a calendar app.

Every action ``due`` would list at the same ``--at``, however far ahead, becomes an event (and
a to-do too, with ``--todos``). With
``--out`` the file is replaced in one step, so a calendar app subscribed to it never reads half
of one; without it the file goes to stdout. An ``--out`` that is a link is followed: the file it
leads to is replaced, beside itself, and the link stays, so a feed published through a link
keeps updating.
"""

from __future__ import annotations

import argparse

from app.commands.context import Context
from app.commands.streams import write_bytes
from app.engine import compute_actions
from app.errors import UserError
from app.services.outputs import output_path, write_output


def run(args: argparse.Namespace, ctx: Context) -> int:
    if getattr(args, "calendar_command", None):
        from app.commands.calendar_sync import run as run_step

        return run_step(args, ctx)
    from app.feeds.ical import calendar
    from app.services.calendar_sync import draft_subjects

    out = output_path("--out", args.out, ctx.db_path)
    if not ctx.db_path.exists():
        # Unlike `due`, an empty answer here would empty the calendar of whoever subscribed.
        raise UserError(
            f"no database at {ctx.db_path}: give the right --db, or make one with "
            "`followup import` or `followup demo`"
        )
    pipeline = ctx.records.load()
    now = ctx.now
    actions = compute_actions(pipeline.interviews, pipeline.policy, now)
    data = calendar(
        actions,
        pipeline.interviews,
        subjects=draft_subjects(actions, pipeline, now),
        # When it was made: --at stands in for now, so that a replay gives the same bytes.
        stamp=now,
        all_day=args.all_day,
        todos=args.todos,
    )
    if out is None:
        # As bytes: the file's line ends are CRLF by RFC 5545, which a text stream on Windows
        # would turn into CR CR LF.
        write_bytes(ctx.out, data)
        return 0
    target = write_output("--out", out, data)
    count = len(actions)
    through = f" (a link to {target})" if out.is_symlink() else ""
    ctx.say(f"Wrote {count} open action{'' if count == 1 else 's'} to {out}{through}.")
    return 0

"""``followup due``: what to do now, what is late, and what is coming."""

from __future__ import annotations

import argparse

from app.commands.context import Context
from app.domain.text import printable


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.json:
        from app.engine.timekeeping import add_days

        moment = ctx.moment
        found = ctx.records.open_actions(moment)
        # Open now or overdue (opened by now), or opening by the horizon.
        until = max(moment, add_days(moment, args.days)).timestamp()
        ctx.out.write(found.json_document(until))
        ctx.out.write("\n")
        return 0
    now = ctx.now
    found = ctx.records.open_actions(now)
    horizon = now.add(days=args.days)
    # The listing for a person, and what it needs, is imported only for a person.
    from app.commands.due_text import as_text, in_groups, keep_numbers
    from app.engine import Urgency
    from app.engine.urgency import urgency

    actions = [
        a for a in found.actions if urgency(a, now) <= Urgency.OPEN_NOW or a.due_from <= horizon
    ]
    ordered = in_groups(actions, now)
    numbered = keep_numbers(ctx, ordered, found.names, now)
    ctx.out.write(printable(as_text(ordered, now, args.days, found.names, numbered=numbered)))
    return 0

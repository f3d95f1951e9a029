"""``followup due``: what to do now, what is late, and what is coming."""

from __future__ import annotations

import argparse

from app.commands.context import Context
from app.domain.text import printable


def run(args: argparse.Namespace, ctx: Context) -> int:
    from app.engine.timekeeping import add_days

    now = ctx.moment
    if not ctx.db_path.exists():
        # Nothing due, from a database not made yet: a mistyped --db shows up here.
        ctx.warn(
            f"{ctx.db_path} does not exist yet (`followup demo` or `followup import` makes it)"
        )
    found = ctx.records.open_actions(now)
    # Open now or overdue (opened by now), or opening by the horizon.
    until = max(now, add_days(now, args.days)).timestamp()
    if args.json:
        ctx.out.write(found.json_document(until))
        ctx.out.write("\n")
        return 0
    # The listing for a person, and what it needs, is imported only for a person.
    from app.commands.due_text import as_text, in_groups, keep_numbers

    ordered = in_groups(found.actions_opening_by(until), now)
    numbered = keep_numbers(ctx, ordered, found.names, now)
    ctx.out.write(printable(as_text(ordered, now, args.days, found.names, numbered=numbered)))
    return 0

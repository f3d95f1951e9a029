"""``calendar setup|sync`` (SPEC section 8): the open actions on the user's own CalDAV calendar.

``setup`` remembers which calendar (never the password: the command that prints it); ``sync``
creates, moves and deletes the events followup made there, and no other.
"""

from __future__ import annotations

import argparse
from urllib.parse import urlsplit

from app.commands.context import Context
from app.domain.text import printable
from app.errors import UserError


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.calendar_command == "setup":
        return _setup(args, ctx)
    return _sync(ctx)


def _setup(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.calendar_state import CalendarSettings
    from app.services.calendar_sync import setup

    url = args.url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(f"--url: give the CalDAV server's address, http(s)://…, not {url!r}")
    if not args.password_command.strip():
        raise UserError("--password-command: give the command that prints the password")
    name = args.calendar.strip() if args.calendar and args.calendar.strip() else None
    kept = setup(
        ctx.db_path,
        CalendarSettings(
            url=url, user=args.user, password_command=args.password_command, calendar=name
        ),
    )
    first_word = args.password_command.split()[0]
    which = f"calendar {printable(name)!r}" if name else "calendar at that address"
    ctx.say(
        f"From now on followup keeps its events on the {which} ({printable(args.user)} at "
        f"{printable(parts.netloc)}). The password is never stored: {printable(first_word)} "
        "prints it each time followup syncs."
    )
    if not kept:
        ctx.say("The events followup put on the calendar set up before stay there.")
    return 0


def _sync(ctx: Context) -> int:
    from app.services.calendar_sync import sync

    if not ctx.db_path.exists():
        # An empty pipeline would delete every event followup put on the calendar.
        raise UserError(
            f"no database at {ctx.db_path}: give the right --db, or make one with "
            "`followup import` or `followup demo`"
        )
    ctx.say(sync(ctx.records, ctx.now).line())
    return 0

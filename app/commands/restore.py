"""``followup restore``: list the backups of the database, and put one back after asking."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.commands.context import Context
from app.errors import UserError

if TYPE_CHECKING:
    from app.services.records import Backup


def run(args: argparse.Namespace, ctx: Context) -> int:
    backups = ctx.records.backups()
    if args.backup is None:
        if not backups:
            ctx.say(f"There are no backups of {ctx.db_path} yet.")
            return 0
        ctx.say(f"Backups of {ctx.db_path}, newest first:")
        for number, backup in enumerate(backups, 1):
            ctx.say(f"  {number}  {_line(backup)}")
        ctx.say("Restore one with `followup restore N`.")
        return 0
    chosen = _choose(args.backup, backups, ctx)
    if not chosen.readable:
        # Before asking: a "yes" must not be answered by a failure.
        raise UserError(
            f"{chosen.path} cannot be restored: it {chosen.problem}; pick another backup "
            "(`followup restore` lists them)"
        )
    if not args.yes and not _confirmed(chosen, ctx):
        ctx.say("Nothing was changed.")
        return 1
    kept = ctx.records.restore(chosen, datetime.now(UTC))
    ctx.say(f"Restored {ctx.db_path} from {chosen.path}.")
    if kept is not None:
        ctx.say(f"The file it replaced is kept as {kept}.")
    return 0


def _choose(wanted: str, backups: list[Backup], ctx: Context) -> Backup:
    if wanted.isdigit() and 1 <= int(wanted) <= len(backups):
        return backups[int(wanted) - 1]
    for backup in backups:
        if str(backup.path) == wanted or backup.path.name == wanted:
            return backup
    raise UserError(
        f"no backup {wanted!r} of {ctx.db_path} (`followup restore` lists them: "
        f"{len(backups)} found)"
    )


def _confirmed(backup: Backup, ctx: Context) -> bool:
    if not sys.stdin.isatty():
        raise UserError("restoring replaces the database: add --yes to do it without being asked")
    try:
        answer = input(
            f"Replace {ctx.db_path} with {_line(backup)}? The current file is kept. [y/N] "
        )
    except EOFError:
        # Ctrl-D: no answer, which is no.
        ctx.say("")
        return False
    return answer.strip().lower() in ("y", "yes")


def _line(backup: Backup) -> str:
    from app.when.describe import to_the_minute

    when = to_the_minute(backup.modified)
    what = (
        f"{backup.interviews} interview{'s' if backup.interviews != 1 else ''}"
        if backup.interviews is not None
        else f"cannot be restored: it {backup.problem}"
    )
    return f"{backup.path}  {when}  {what}"

"""``followup`` with no command: the dashboard, in a terminal."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.commands.context import Context
from app.errors import UserError

if TYPE_CHECKING:
    from app.ui.app import FollowupApp


def run(args: argparse.Namespace, ctx: Context) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(
            "the dashboard needs a terminal (standard input and output are not one); "
            "for scripts use `followup due`, `followup export` and the other commands"
        )
    app = build(ctx)
    app.run()
    return app.return_code or 0


def build(ctx: Context) -> FollowupApp:
    """The dashboard as ``followup`` runs it, with the warnings said so far (a ``TZ`` that
    names no zone) shown on screen too: once it takes over the terminal, stderr is hidden."""
    from app.ui.factory import make_app

    zone = ctx.local_zone
    if ctx.db_path.exists():
        # Refuse a file we cannot read before taking over the terminal: a cheap check of the
        # layout, while the full read happens behind the first screen.
        ctx.repo.load_profile()
    return make_app(ctx.db_path, default_zone=zone, load_first=False, warnings=ctx.warnings)

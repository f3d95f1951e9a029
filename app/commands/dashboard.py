"""``followup`` with no command: the dashboard, in a terminal."""

from __future__ import annotations

import argparse
import sys

from app.commands.context import Context
from app.errors import UserError


def run(args: argparse.Namespace, ctx: Context) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(
            "the dashboard needs a terminal (standard input and output are not one); "
            "for scripts use `followup due`, `followup export` and the other commands"
        )
    from app.ui.factory import make_app

    if ctx.db_path.exists():
        # Refuse a file we cannot read before taking over the terminal: a cheap check of the
        # layout, while the full read happens behind the first screen.
        ctx.repo.load_profile()
    app = make_app(ctx.db_path, default_zone=ctx.local_zone, load_first=False)
    app.run()
    return app.return_code or 0

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
    save_what_is_left(app)
    return app.return_code or 0


def save_what_is_left(app: FollowupApp) -> None:
    """Changes whose save failed (a full disk) are tried once more on the way out; if that
    fails too, the user is told, rather than the changes going quietly with the window."""
    count = app.workspace.pending
    if not count:
        return
    try:
        app.workspace.save_pending()
    except UserError as problem:
        changes = "1 change" if count == 1 else f"{count} changes"
        raise UserError(f"{changes} could not be saved before leaving: {problem}") from None


def build(ctx: Context) -> FollowupApp:
    """The dashboard as ``followup`` runs it, with the warnings said so far (a ``TZ`` that
    names no zone) shown on screen too: once it takes over the terminal, stderr is hidden."""
    from app.demo import demo_pipeline
    from app.paths import templates_dir
    from app.services.opening import open_workspace, quick_to_read, read_only_warning
    from app.ui.factory import make_app

    zone = ctx.local_zone
    if ctx.db_path.exists():
        # Refuse a file we cannot read before taking over the terminal: a cheap check of the
        # layout, while the full read happens behind the first screen.
        ctx.records.load_profile()
    workspace = open_workspace(
        ctx.db_path, default_zone=zone, samples=demo_pipeline, templates=templates_dir()
    )
    warnings = list(ctx.warnings)
    if (read_only := read_only_warning(ctx.db_path)) is not None:
        warnings.append(read_only)
    return make_app(workspace, load_first=quick_to_read(ctx.db_path), warnings=warnings)

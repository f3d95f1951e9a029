"""``followup draft ID [--copy]``: the drafted message of an action, printed and maybe copied.

stdout carries the draft alone (so that ``> file`` saves exactly it); where it goes, what is
still to fill in and how the copy went are said on stderr. With no one to ask on a command
line, a draft with placeholders left is copied anyway, under a clear warning.
"""

from __future__ import annotations

import argparse
import difflib
import shlex
from datetime import datetime
from typing import TextIO

from app.commands.context import Context
from app.engine import Action, compute_actions
from app.errors import UserError


def run(args: argparse.Namespace, ctx: Context) -> int:
    from app.drafts import DraftError, compose, placeholder_warning
    from app.paths import templates_dir

    pipeline = ctx.repo.load()
    now = ctx.now
    action = _find(compute_actions(pipeline.interviews, pipeline.policy, now), args.id, now)
    try:
        draft = compose(action, pipeline, now, templates=templates_dir())
    except DraftError as problem:
        raise UserError(str(problem)) from None
    ctx.out.write(draft.text + "\n")
    ctx.out.flush()
    kind = action.kind.value.replace("_", "-")
    to = f" to {draft.recipient}" if draft.recipient else ""
    _note(ctx, f"{kind}{to} by {draft.channel.value}")
    for warning in draft.warnings:
        ctx.warn(warning)
    if draft.placeholders and not args.copy:
        ctx.warn(placeholder_warning(draft.placeholders))
    if not args.copy:
        return 0
    return _copy(ctx, draft.text, draft.placeholders, action)


def _copy(ctx: Context, text: str, placeholders: tuple[str, ...], action: Action) -> int:
    from app.clipboard import copy_text, terminal_writer

    # OSC 52 only reaches a terminal; written into a pipe or a file it would be noise.
    terminal = terminal_writer(ctx.err) if _is_terminal(ctx.err) else None
    result = copy_text(text, terminal=terminal)
    _note(ctx, result.message)
    if not result.ok:
        _note(
            ctx,
            "the draft is printed above; to keep it in a file: "
            f"followup draft {shlex.quote(action.id)} > draft.txt",
        )
        return 1
    if placeholders:
        count = len(placeholders)
        ctx.warn(
            f"COPIED WITH {count} PLACEHOLDER{'S' if count > 1 else ''} STILL IN IT: "
            f"{', '.join(placeholders)}; fill {'them' if count > 1 else 'it'} in before you "
            "send it"
        )
    return 0


def _find(actions: list[Action], wanted: str, now: datetime) -> Action:
    for action in actions:
        if action.id == wanted:
            return action
    close = difflib.get_close_matches(wanted, [a.id for a in actions], n=1, cutoff=0.6)
    hint = f'; did you mean "{close[0]}"?' if close else "; `followup due` lists them"
    raise UserError(f'no open action "{wanted}" at {now.isoformat()}{hint}')


def _note(ctx: Context, line: str) -> None:
    ctx.err.write(f"followup: {line}\n")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):
        return False

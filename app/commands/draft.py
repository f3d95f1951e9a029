"""``followup draft ID [--copy] [--with ID ...] [--eml FILE | --mailto | --open]``: the drafted
message of an action, printed, maybe copied, maybe handed to the mail program.

stdout carries the draft alone (so that ``> file`` saves exactly it), or the ``mailto:`` URL
with ``--mailto``; where it goes, what is still to fill in and how the copy went are said on
stderr. With no one to ask on a command line, a draft with placeholders left is copied or
handed on anyway, under a clear warning.
"""

from __future__ import annotations

import argparse
import difflib
import shlex
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.commands.context import Context
from app.domain.text import printable
from app.engine import Action, compute_actions
from app.errors import UserError

if TYPE_CHECKING:
    from app.domain.interchange import Pipeline
    from app.drafts import Draft
    from app.services.listing import Wanted


def run(args: argparse.Namespace, ctx: Context) -> int:
    from app.drafts import placeholder_warning
    from app.services.listing import resolve
    from app.services.outputs import output_path

    # A file that must not be written is refused before the draft is printed, not after.
    eml = output_path("--eml", args.eml, ctx.db_path)
    wanted = resolve(ctx.db_path, [args.id, *(args.with_ids or [])])
    pipeline = ctx.records.load()
    now = ctx.now
    actions = compute_actions(pipeline.interviews, pipeline.policy, now)
    chosen = [_find(actions, one, pipeline, now) for one in wanted]
    draft = drafted(chosen, pipeline, now)
    # Made before anything is printed: a draft that cannot be a message file is refused whole.
    message = _eml(draft, pipeline, now) if eml is not None else None
    if args.mailto:
        ctx.out.write(_mailto(draft) + "\n")
    else:
        # Escaped: the drafts quote names and notes, which an old file may hold raw.
        ctx.out.write(printable(draft.text) + "\n")
    ctx.out.flush()
    kinds = " and ".join(a.kind.value.replace("_", "-") for a in chosen)
    to = f" to {draft.recipient}" if draft.recipient else ""
    _note(ctx, f"{kinds}{to} by {draft.channel.value}")
    for warning in draft.warnings:
        ctx.warn(printable(warning))
    if draft.placeholders:
        # Before any copy (SPEC section 5: copying warns first), and whether or not it works.
        ctx.warn(printable(placeholder_warning(draft.placeholders)))
    if eml is not None and message is not None:
        _write_eml(ctx, eml, message)
    if args.open:
        _open(ctx, draft)
    if not args.copy:
        return 0
    return _copy(ctx, draft.text, draft.placeholders, chosen[0])


def drafted(actions: list[Action], pipeline: Pipeline, now: datetime) -> Draft:
    from app.drafts import DraftError
    from app.drafts.combine import CombineError, one_message
    from app.paths import templates_dir

    try:
        return one_message(actions, pipeline, now, templates=templates_dir())
    except (DraftError, CombineError) as problem:
        raise UserError(printable(str(problem))) from None


def _mailto(draft: Draft) -> str:
    from app.drafts.handoff import HandOffError, as_mailto

    try:
        return as_mailto(draft)
    except HandOffError as problem:
        raise UserError(printable(str(problem))) from None


def _eml(draft: Draft, pipeline: Pipeline, now: datetime) -> bytes:
    from app.drafts.handoff import HandOffError, as_eml

    try:
        return as_eml(draft, pipeline.profile, now)
    except HandOffError as problem:
        raise UserError(printable(str(problem))) from None


def _write_eml(ctx: Context, out: Path, message: bytes) -> None:
    from app.services.outputs import write_output

    write_output("--eml", out, message)
    _note(ctx, f"wrote {out}: open it in your mail program, check it, and send it from there")


def _open(ctx: Context, draft: Draft) -> None:
    from app.services.desktop import open_mailto

    try:
        opener = open_mailto(_mailto(draft))
    except UserError as problem:
        raise UserError(f"{problem}; write it with --eml FILE and open that instead") from None
    _note(ctx, f"handed to your mail program through {opener}")


def _copy(ctx: Context, text: str, placeholders: tuple[str, ...], action: Action) -> int:
    from app.clipboard import copy_text, terminal_writer

    # OSC 52 only reaches a terminal; written into a pipe or a file it would be noise.
    terminal = terminal_writer(ctx.err) if _is_terminal(ctx.err) else None
    result = copy_text(text, terminal=terminal)
    _note(ctx, result.message)
    if not result.verified:
        _note(
            ctx,
            "the draft is printed above; to keep it in a file: "
            f"followup draft {shlex.quote(action.id)} > draft.txt",
        )
    if not result.ok:
        return 1
    if placeholders:
        count = len(placeholders)
        ctx.warn(
            printable(
                f"COPIED WITH {count} PLACEHOLDER{'S' if count > 1 else ''} STILL IN IT: "
                f"{', '.join(placeholders)}; fill {'them' if count > 1 else 'it'} in before you "
                "send it"
            )
        )
    return 0


def _find(actions: list[Action], wanted: Wanted, pipeline: Pipeline, now: datetime) -> Action:
    from app.services.listing import not_open, why_closed
    from app.when.describe import to_the_minute

    for action in actions:
        if action.id == wanted.id:
            return action
    if wanted.listed is not None or why_closed(wanted, pipeline) is not None:
        raise not_open(wanted, pipeline, now)
    close = difflib.get_close_matches(wanted.id, [a.id for a in actions], n=1, cutoff=0.6)
    hint = f'; did you mean "{close[0]}"?' if close else "; `followup due` lists them"
    raise UserError(printable(f'no open action "{wanted.id}" at {to_the_minute(now)}{hint}'))


def _note(ctx: Context, line: str) -> None:
    ctx.err.write(f"followup: {printable(line)}\n")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):
        return False

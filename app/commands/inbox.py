"""``inbox setup|scan|apply|dismiss`` (SPEC sections 8 and 11): where the mail is, what it
proposes to record, recording the chosen proposals, and forgetting the others."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.commands.context import Context
from app.domain.text import printable
from app.domain.times import zone_info
from app.engine.describe import moment
from app.errors import UserError


def run(args: argparse.Namespace, ctx: Context) -> int:
    step = args.inbox_command
    if step == "setup":
        return _setup(args, ctx)
    if step == "scan":
        return _scan(args, ctx)
    if step == "apply":
        return _apply(args, ctx)
    return _dismiss(args, ctx)


def _setup(args: argparse.Namespace, ctx: Context) -> int:
    from app.inbox.settings_file import Settings, load_inbox_state, save_inbox_state

    if not args.password_command.strip():
        raise UserError("--password-command: give the command that prints the password")
    settings = Settings(
        host=args.host.strip(),
        port=args.port,
        user=args.user,
        folder=args.folder,
        sent_folder=args.sent_folder,
        security=args.security,
        password_command=args.password_command,
    )
    state = load_inbox_state(ctx.db_path)
    state.settings = settings
    # Another account's places in its folders mean nothing here.
    state.cursors = {}
    save_inbox_state(ctx.db_path, state)
    first_word = args.password_command.split()[0]
    ctx.say(
        f"Saved where your mail is: {printable(args.user)} at {printable(settings.host)}:"
        f"{settings.effective_port} ({settings.security}). The password is never stored: "
        f"{printable(first_word)} prints it each time followup reads your mail."
    )
    return 0


def _scan(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.inbox import scan

    now = ctx.now
    since = None
    if args.since is not None:
        from app.when import WhenError, parse_when

        try:
            since = parse_when(args.since, now, ctx.home_zone)
        except WhenError as error:
            raise UserError(f"--since: {error}") from None
    scanned = scan(
        ctx.records,
        maildir=Path(args.maildir).expanduser() if args.maildir else None,
        mbox=Path(args.mbox).expanduser() if args.mbox else None,
        since=since,
        now=now,
    )
    if args.json:
        document = [p.as_json() for p in scanned.proposals]
        ctx.out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return 0
    lines = []
    for proposal in scanned.proposals:
        where = " or ".join(proposal.interviews)
        lines.append(
            f"  {proposal.id}  {proposal.kind.value} · {where} · "
            f"{moment(proposal.at.astimezone(zone_info(ctx.home_zone)))}"
        )
        lines.append(f"      From: {proposal.sender}")
        lines.append(f"      Subject: {proposal.subject}")
        if proposal.gist:
            lines.append(f"      {proposal.gist[:100]}")
        lines.append(f"      {proposal.reason}")
    count = len(scanned.proposals)
    skipped = f", {scanned.skipped} skipped (unreadable or too large)" if scanned.skipped else ""
    noun = "proposal" if count == 1 else "proposals"
    read = f"{scanned.read} new {'message' if scanned.read == 1 else 'messages'} read"
    lines.append(f"{count} {noun}; {read}{skipped}.")
    if count:
        lines.append(
            "Record one with `followup inbox apply ID`, all with --all; forget one with dismiss."
        )
    ctx.out.write("\n".join(lines) + "\n")
    return 0


def _apply(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.inbox import apply

    if not args.proposals and not args.all:
        raise UserError("give the ids of the proposals to record, or --all")
    # ID=INTERVIEW says which interview a message that matches several is about.
    ids = [token.partition("=")[0] for token in args.proposals]
    interviews = {
        ident: interview
        for ident, _, interview in (token.partition("=") for token in args.proposals)
        if interview
    }
    chosen = None if args.all else ids
    for line in apply(ctx.records, chosen, ctx.now, interviews=interviews):
        ctx.say(line)
    return 0


def _dismiss(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.inbox import dismiss

    count = dismiss(ctx.records, args.proposals)
    ctx.say(f"Dismissed {count} {'proposal' if count == 1 else 'proposals'}: never proposed again")
    return 0

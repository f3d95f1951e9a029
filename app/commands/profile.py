"""``followup profile``: print my profile, or set some of its fields.

The drafts sign with it and are written in its time zone, so a wrong value is refused with the
option that carries it, and nothing is written.
"""

from __future__ import annotations

import argparse
import sys

from app.commands.context import Context, shown
from app.domain.copies import replace
from app.domain.interchange import Pipeline
from app.domain.profile import FIELDS, LABELS, ProfileError, changed_profile
from app.domain.records import Profile
from app.domain.text import printable
from app.errors import UserError

OPTIONS = {name: f"--{name}" for name in FIELDS}
WIDTH = max(len(label) for label in LABELS.values())
MAX_SIGNATURE = 2_000  # a few lines: a pasted document is a mistake, not a signature


def run(args: argparse.Namespace, ctx: Context) -> int:
    changes = {name: getattr(args, name) for name in FIELDS if getattr(args, name) is not None}
    if not changes:
        ctx.out.write(printable(as_text(ctx.records.load_profile())))
        return 0
    if changes.get("signature") == "-":
        changes["signature"] = _read_signature()
    # Checked before the file is opened for writing: a refusal leaves it as it was.
    try:
        changed_profile(Profile(), **changes)
    except ProfileError as problem:
        typed = f": {shown(changes[problem.field])}" if problem.field == "email" else ""
        raise UserError(f"{OPTIONS[problem.field]}: {problem}{typed}") from None

    def change(current: Pipeline) -> Pipeline:
        return replace(current, profile=changed_profile(current.profile, **changes))

    saved = ctx.records.update(change).profile
    names = ", ".join(LABELS[name] for name in FIELDS if name in changes)
    ctx.say(f"Saved your {names} in {ctx.records.path}.")
    ctx.out.write(printable(as_text(saved)))
    return 0


def as_text(profile: Profile) -> str:
    """One field a line, as a person reads it; a signature's lines under each other."""
    lines = []
    for name in FIELDS:
        value = getattr(profile, name) or ""
        first, *rest = value.split("\n") if value else ["(not set)"]
        lines.append(f"{LABELS[name]:<{WIDTH}}  {first}")
        lines.extend(f"{'':<{WIDTH}}  {line}" for line in rest)
    return "\n".join(lines) + "\n"


def _read_signature() -> str:
    # The bytes as they are, read as UTF-8 whatever the locale says: a locale's own decoding
    # would refuse a valid é under C, and take invalid bytes for Latin-1 under another.
    most = 4 * (MAX_SIGNATURE + 1)  # bytes: as many characters at the fewest
    data = sys.stdin.buffer.read(most)
    try:
        text = data.decode("utf-8") if len(data) < most else ""
    except UnicodeDecodeError:
        raise UserError("--signature -: standard input is not valid UTF-8 text") from None
    if len(data) >= most or len(text) > MAX_SIGNATURE:
        raise UserError(
            f"--signature -: standard input holds more than {MAX_SIGNATURE} characters: "
            f"not a signature ({shown(data.decode('utf-8', 'replace'))})"
        )
    return text

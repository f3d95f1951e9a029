"""``followup import FILE``: add the interviews of an interchange file, all of them or none."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.commands.context import Context
from app.domain.errors import InvalidData
from app.domain.interchange import read_pipeline
from app.errors import UserError
from app.files import DEFAULT_MAX_BYTES, FileProblem, read_regular

# The one limit on what followup reads, the database's as well (FOLLOWUP_MAX_BYTES changes it).
MAX_BYTES = DEFAULT_MAX_BYTES


def run(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.records import InterviewsExist

    source = Path(args.file)
    raw = read_json_file(source)
    # An interview with no zone of its own, in a file whose profile names none, takes the
    # zone of this database's profile, else this machine's.
    try:
        incoming = read_pipeline(raw, default_zone=ctx.home_zone)
    except InvalidData as bad:
        raise UserError(f"{source}: {bad.summary()}") from None
    try:
        report = ctx.records.import_pipeline(incoming, replace=args.replace)
    except InterviewsExist as clash:
        raise UserError(f"{source}: {clash}; use --replace to replace it") from None
    parts = [f"{len(report.added)} added"]
    if report.replaced:
        parts.append(f"{len(report.replaced)} replaced")
    if report.profile_fields:
        parts.append(f"profile: {', '.join(report.profile_fields)}")
    if report.policy_keys:
        parts.append(f"policy: {', '.join(report.policy_keys)}")
    count = len(incoming.interviews)
    ctx.say(
        f"imported {count} interview{'' if count == 1 else 's'} from {source} "
        f"into {ctx.records.path} ({'; '.join(parts)})"
    )
    return 0


def read_json_file(path: Path) -> Any:
    """The parsed content of a JSON file, or a ``UserError`` that says what is wrong with it."""
    import orjson

    try:
        content = read_regular(path)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except PermissionError:
        raise UserError(f"{path}: not allowed to read it") from None
    except OSError as error:
        raise FileProblem(path, error) from None
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        line, column = _position(content, bad.start)
        raise UserError(f"{path}: not UTF-8 text (line {line}, column {column})") from None
    if not text.strip():
        raise UserError(f"{path}: the file is empty")
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as bad:
        raise UserError(
            f"{path}: not valid JSON at line {bad.lineno}, column {bad.colno}: {bad.msg}"
        ) from None


def _position(content: bytes, offset: int) -> tuple[int, int]:
    before = content[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column

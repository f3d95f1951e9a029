"""``followup export``: the whole database as an interchange file on stdout."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.commands.context import Context
from app.commands.streams import OutputFailed, write_bytes
from app.domain.interchange import write_pipeline
from app.errors import UserError


def run(args: argparse.Namespace, ctx: Context) -> int:
    if not ctx.db_path.exists():
        # Said on stderr so that stdout stays a valid file; a mistyped --db shows up here.
        ctx.warn(f"{ctx.db_path} does not exist yet; exporting an empty database")
    data = render_bytes(write_pipeline(ctx.records.load(texts=True)))
    try:
        write_bytes(ctx.out, data)
    except OutputFailed as failed:
        # A cut file must never pass for an export (`ulimit -f`, a full disk).
        raise UserError(f"could not write the export to {failed.name} ({failed.reason})") from None
    return 0


def render(document: dict[str, Any]) -> str:
    """The text of ``json.dumps(document, indent=2, ensure_ascii=False)`` and a newline."""
    return render_bytes(document).decode("utf-8")


def render_bytes(document: dict[str, Any]) -> bytes:
    """``render`` as UTF-8 bytes, whatever the locale.

    orjson writes the same text ten times faster, which matters for a large database. The two
    differ only on floats in exponent form (``1e-05`` against ``1e-5``), and floats occur only
    in the policy, so such a policy takes the slow road.
    """
    if any(isinstance(v, float) and "e" in repr(v) for v in document["policy"].values()):
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    import orjson

    return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)

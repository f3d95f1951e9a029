"""``followup export``: the whole database as an interchange file on stdout."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.commands.context import Context
from app.domain.interchange import write_pipeline
from app.errors import UserError


def run(args: argparse.Namespace, ctx: Context) -> int:
    if not ctx.db_path.exists():
        # Said on stderr so that stdout stays a valid file; a mistyped --db shows up here.
        ctx.warn(f"{ctx.db_path} does not exist yet; exporting an empty database")
    text = render(write_pipeline(ctx.records.load()))
    try:
        ctx.out.write(text)
        # Flushed here, so that a full disk is reported by this command and not lost at exit.
        ctx.out.flush()
    except BrokenPipeError:
        raise  # the reader left (`export | head`): the command line stops quietly
    except OSError as error:
        raise UserError(
            f"could not write the export to standard output ({error.strerror or error})"
        ) from None
    return 0


def render(document: dict[str, Any]) -> str:
    """The text of ``json.dumps(document, indent=2, ensure_ascii=False)`` and a newline.

    orjson writes the same text ten times faster, which matters for a large database. The two
    differ only on floats in exponent form (``1e-05`` against ``1e-5``), and floats occur only
    in the policy, so such a policy takes the slow road.
    """
    if any(isinstance(v, float) and "e" in repr(v) for v in document["policy"].values()):
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    import orjson

    return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()

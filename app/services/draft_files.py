"""Where a draft goes when no clipboard works (SPEC section 6: "offers to write the draft to a
file") or no program opens mail links: a folder of the database's own beside it
(``followup-drafts/`` beside ``followup.json``, so that two databases in one folder keep
theirs apart), readable by its owner only, as the database is (a draft quotes the notes it
was made from)."""

from __future__ import annotations

from pathlib import Path

from app.errors import UserError


def write_draft(database: Path, action_ids: list[str], text: str) -> Path:
    """Write ``text``, the draft of ``action_ids`` (one message), to a file of its own in the
    drafts folder, and return its path; raises ``UserError``."""
    from app.clipboard import save_draft
    from app.store.errors import os_reason
    from app.store.private import make_private_folder

    folder = database.parent / f"{database.stem}-drafts"
    try:
        make_private_folder(folder)
        return save_draft(text, folder, " ".join(action_ids))
    except OSError as problem:
        raise UserError(f"could not write the draft in {folder} ({os_reason(problem)})") from None

"""A database we may read but not write (its mode, a read-only mount) opens in the dashboard to
look at, says so at once, and is never replaced: a change made there is refused as it is saved,
in one line, and the file stays as it was."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from app.commands.context import Context
from app.commands.dashboard import build
from app.ui.widgets.board import Board
from tests.ui.conftest import listened


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_a_read_only_database_opens_to_look_and_is_never_replaced(db: Path) -> None:
    db.chmod(0o400)
    before, inode = digest(db), db.stat().st_ino
    ctx = Context(db_path=db, at=None, out=io.StringIO(), err=io.StringIO())
    app = build(ctx)
    said = listened(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("is read-only: you can look, but no change will be saved" in s for s in said)
        app.screen.query_one(Board).focus()
        await pilot.press("greater_than_sign")  # move the card on: a change, saved at once
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(s.startswith("Not saved:") and "read-only" in s for s in said), said
    assert digest(db) == before and db.stat().st_ino == inode

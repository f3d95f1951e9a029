"""A full disk under the dashboard: the change stays on screen marked "not saved", the database
file is not touched, and once there is space again ctrl+s writes it."""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Label

from app.domain.records import STAGES, EventKind
from app.errors import UserError
from app.store import atomic
from app.store.paths import temporary_prefix
from app.ui.widgets.board import Board
from app.ui.widgets.due import DuePanel
from tests.ui.conftest import stored
from tests.ui.test_dashboard import into_due_panel, settle

FULL = os.strerror(errno.ENOSPC)  # "No space left on device"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def temporaries(path: Path) -> list[str]:
    return [name for name in os.listdir(path.parent) if name.startswith(temporary_prefix(path))]


def no_space(*_: Any) -> Any:
    raise OSError(errno.ENOSPC, FULL)


# Where a full disk shows itself: writing the new content, or before that, making the file that
# receives it (a file system out of inodes).
WHERE = {"writing": "_write_all", "creating": "_create_temporary"}


@pytest.mark.parametrize("where", WHERE)
async def test_a_full_disk_keeps_the_changes_on_screen_and_the_file_as_it_was(
    make: Callable[..., Any], db: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    app = make()
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        status = app.screen.query_one("#status", Label)
        action_id = await into_due_panel(app, pilot)
        action = app.workspace.action(action_id)
        assert action is not None
        before = sha256(db)
        with monkeypatch.context() as disk:
            disk.setattr(atomic, WHERE[where], no_space)

            await pilot.press("s", "enter")  # mark the highlighted action sent, now
            await settle(app, pilot)
            app.screen.query_one(Board).select(action.interview)
            stage = app.workspace.interview(action.interview).stage
            await pilot.press("greater_than_sign")  # and move its card on
            await settle(app, pilot)
            moved_to = STAGES[STAGES.index(stage) + 1]

            # Both changes are on screen ...
            assert app.workspace.action(action_id) is None
            assert action_id not in {row.action_id for row in app.screen.query_one(DuePanel).rows}
            assert app.workspace.interview(action.interview).stage is moved_to
            # ... marked as not saved, with the reason, in the status line and a notification.
            assert status.has_class("-unsaved")
            line = str(status.render())
            assert line.startswith("Not saved (ctrl+s tries again):") and FULL in line
            toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
            assert any("Not saved" in toast and FULL in toast for toast in toasts)
            # The file is byte for byte what it was, with nothing left beside it.
            assert sha256(db) == before
            assert temporaries(db) == []
            assert app.workspace.pending == 2

            await pilot.press("ctrl+s")  # still full: refused again, nothing lost
            await settle(app, pilot)
            assert sha256(db) == before and app.workspace.pending == 2

        # Space again.
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not status.has_class("-unsaved")
        assert "Not saved" not in str(status.render())
        assert app.workspace.pending == 0
    assert sha256(db) != before and temporaries(db) == []
    interview = next(i for i in stored(db).interviews if i.id == action.interview)
    sent = [e for e in interview.events if e.kind is EventKind.SENT and e.action_id == action_id]
    assert len(sent) == 1
    assert interview.stage is moved_to
    # Written in the order they were made: the stage event after the sent one.
    assert interview.events[-1].kind is EventKind.STAGE


async def test_a_change_left_unsaved_is_saved_on_leaving_once_there_is_space(
    make: Callable[..., Any], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.commands.dashboard import save_what_is_left

    app = make()
    before = sha256(db)
    with monkeypatch.context() as disk:
        disk.setattr(atomic, "_write_all", no_space)
        async with app.run_test(size=(140, 40)) as pilot:
            selected = app.screen.query_one(Board).selected
            stage = app.workspace.interview(selected).stage
            await pilot.press("greater_than_sign")
            await settle(app, pilot)
            assert app.workspace.pending == 1
        # Left while the disk was full: tried again, refused again, and said.
        with pytest.raises(
            UserError, match=rf"^1 change could not be saved before leaving: .*{FULL}"
        ):
            save_what_is_left(app)
        assert sha256(db) == before
    # Had there been space by then, it would have been written.
    save_what_is_left(app)
    assert app.workspace.pending == 0
    interview = next(i for i in stored(db).interviews if i.id == selected)
    assert interview.stage is STAGES[STAGES.index(stage) + 1]

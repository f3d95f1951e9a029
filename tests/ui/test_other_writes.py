"""A command run in another terminal while the dashboard is open: its write shows up on the
dashboard, and the dashboard's own saves never undo it."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from app.cli import main
from app.demo import demo_pipeline
from app.ui.widgets.due import DuePanel
from tests.ui.conftest import NOW, listened, stored


def due_ids(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.action_id for row in app.screen.query_one(DuePanel).rows if row.action_id]


async def test_a_command_marking_sent_elsewhere_shows_and_survives_a_save_here(make, db: Path):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first, other = app.workspace.actions[0], app.workspace.actions[-1]
        assert first.interview != other.interview
        assert main(["sent", first.id, "--db", str(db), "--at", NOW.isoformat()]) == 0
        app._check_the_file()  # what the app's timer does every couple of seconds
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert first.id not in due_ids(app)
        # A change here, saved: the sent event written elsewhere stays in the file.
        app.workspace.snooze(other.id, NOW.add(days=3))
        app.screen.save()
        await app.workers.wait_for_complete()
        await pilot.pause()
    events = next(i for i in stored(db).interviews if i.id == first.interview).events
    assert any(e.action_id == first.id for e in events)
    snoozed = next(i for i in stored(db).interviews if i.id == other.interview).events
    assert any(e.action_id == other.id and e.until is not None for e in snoozed)


async def test_the_demo_fill_is_not_announced_as_changes_made_elsewhere(make):
    """The file's watch fires while the demo data is being written and read back: the new
    file is ours, so it is not read again as another's and nothing says so."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        written, go_on = threading.Event(), threading.Event()
        repo = app.workspace._repo
        real = repo.import_pipeline

        def import_then_wait(*args, **kwargs):  # type: ignore[no-untyped-def]
            result = real(*args, **kwargs)
            written.set()
            go_on.wait(10)
            return result

        repo.import_pipeline = import_then_wait
        # Samples of another week, so that the fill really writes the file.
        app.workspace._samples = lambda _now, zone: demo_pipeline(NOW.subtract(weeks=1), zone)
        told = listened(app)
        app.dashboard.load_demo()
        assert await asyncio.to_thread(written.wait, 10)
        app._check_the_file()  # the watch's tick, between the write and the read back
        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert not any("elsewhere" in m for m in told), told


async def test_the_file_watch_firing_as_the_app_ends_does_nothing(make, db: Path):
    """The timer that looks at the file may fire once more while the app ends, its screens
    already gone: it reads nothing and raises nothing (it ended a run with a traceback)."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = app.workspace.actions[0]
    assert not app.screen_stack
    assert main(["sent", first.id, "--db", str(db), "--at", NOW.isoformat()]) == 0
    app._check_the_file()
    assert not app.workers
    assert first.id in {action.id for action in app.workspace.actions}

"""A command run in another terminal while the dashboard is open: its write shows up on the
dashboard, and the dashboard's own saves never undo it."""

from __future__ import annotations

from pathlib import Path

from app.cli import main
from app.ui.widgets.due import DuePanel
from tests.ui.conftest import NOW, stored


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

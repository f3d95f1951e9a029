"""After a change saved in the dashboard, the user's CalDAV calendar follows in the save's own
worker (never holding a key); a sync that fails says why and changes nothing here."""

from __future__ import annotations

from collections.abc import Callable

from app.ui.app import FollowupApp
from app.ui.widgets.due import DuePanel
from tests.ui.conftest import listened
from tests.ui.test_dashboard import into_due_panel


async def test_a_change_saved_is_followed_by_a_sync_and_a_failure_is_said(
    make: Callable[..., FollowupApp],
) -> None:
    app = make()
    synced: list[int] = []

    def sync_calendar() -> tuple[bool, str] | None:
        synced.append(app.workspace.pending)
        return False, "the calendar was not synced (cannot reach the CalDAV server)"

    app.workspace.sync_calendar = sync_calendar  # type: ignore[method-assign]
    said = listened(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await into_due_panel(app, pilot)
        assert app.screen.query_one(DuePanel).selected is not None
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    # Once, after the save (nothing left pending), and its failure shown.
    assert synced == [0]
    assert any(line.startswith("the calendar was not synced") for line in said)

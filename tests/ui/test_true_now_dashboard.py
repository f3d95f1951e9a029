"""The dashboard acts on what is true now: an action marked sent in another terminal a moment
before ``s`` here (within the two seconds before the dashboard looks at the file again) is not
recorded a second time; the dashboard says so and shows the file as it is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.cli import main
from app.domain.records import EventKind
from app.ui.app import FollowupApp
from app.ui.widgets.due import DuePanel
from tests.ui.conftest import NOW, listened, stored
from tests.ui.test_dashboard import into_due_panel


async def test_s_after_a_send_in_another_terminal_records_nothing_twice(
    make: Callable[..., FollowupApp], db: Path
) -> None:
    app = make()
    said = listened(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await into_due_panel(app, pilot)
        action_id = app.screen.query_one(DuePanel).selected
        assert action_id is not None
        assert main(["sent", action_id, "--db", str(db), "--at", NOW.isoformat()]) == 0
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = [row.action_id for row in app.screen.query_one(DuePanel).rows]
    sent = [
        event
        for interview in stored(db).interviews
        for event in interview.events
        if event.action_id == action_id and event.kind is EventKind.SENT
    ]
    assert len(sent) == 1
    assert any(line.startswith("Not recorded: Marked sent") for line in said), said
    # The file is shown: the action is done, not back in the list.
    assert action_id not in shown

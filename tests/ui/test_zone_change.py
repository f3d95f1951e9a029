"""An interview's zone changed in its details: the times typed in the old zone are kept as
typed, or as the same moments, as the user answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input

from app.store.repository import Repository
from app.ui.forms import ConfirmDialog, InterviewForm
from tests.ui.conftest import ZONE
from tests.ui.test_remove_parts import _highlight, _stored


async def _new_zone(app: App[None], pilot: object, name: str) -> None:
    """Interview details opened from the edit menu, its zone typed over, saved."""
    await _highlight(app, pilot, "Interview details")
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, InterviewForm)
    field = app.screen.query_one("#timezone", Input)
    field.focus()
    await pilot.press("end", "ctrl+u", *name, "ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("answer", "starts", "due"),
    [
        # 10:00 and 10:00 in London were typed: in New York they are 10:00 there.
        ("y", datetime(2026, 11, 24, 15, tzinfo=UTC), datetime(2026, 11, 25, 15, tzinfo=UTC)),
        # The same moments: 05:00 in New York.
        ("n", datetime(2026, 11, 24, 10, tzinfo=UTC), datetime(2026, 11, 25, 10, tzinfo=UTC)),
    ],
)
async def test_a_new_zone_asks_whether_the_times_typed_stay_as_typed(
    tmp_path: Path, make: Callable[..., App[None]], answer: str, starts: datetime, due: datetime
) -> None:
    assert ZONE == "Europe/London"  # the rounds below were typed in it: UTC in November
    path = _stored(tmp_path)
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _new_zone(app, pilot, "America/New_York")
        assert isinstance(app.screen, ConfirmDialog)
        assert "(10:00 stays 10:00)" in app.screen.question
        assert "(10:00 becomes 05:00)" in app.screen.question
        await pilot.press(answer)
        await app.workers.wait_for_complete()
        await pilot.pause()
    stored = Repository(path, default_zone=ZONE).load().interviews[0]
    assert stored.timezone == "America/New_York"
    assert stored.rounds[0].starts == starts
    assert stored.promises[0].due == due


async def test_cancel_on_the_question_goes_back_to_the_form_as_edited_and_saves_nothing(
    tmp_path: Path, make: Callable[..., App[None]]
) -> None:
    path = _stored(tmp_path)
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _new_zone(app, pilot, "America/New_York")
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        assert app.screen.query_one("#timezone", Input).value == "America/New_York"
    assert Repository(path, default_zone=ZONE).load().interviews[0].timezone == ZONE

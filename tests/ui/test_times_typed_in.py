"""A time typed into a form is a pendulum value until the file is read again; the views and the
engine read it as they read a stored one, on any machine's clock (a round just added once ended
the waiting and stats views with a TypeError)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from app.ui.app import FollowupApp
from app.ui.screens.dashboard import DashboardScreen
from app.ui.screens.stats import StatsScreen
from app.ui.screens.waiting import WaitingScreen
from tests.ui.test_quick_add import company_and_role, tab_to, type_text


@pytest.fixture
def elsewhere(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's own clock in New York, far from the interviews' zone."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("key", "shown"), [("w", WaitingScreen), ("t", StatsScreen)])
async def test_a_round_just_added_is_read_by_the_views(
    make: Callable[..., FollowupApp], elsewhere: None, key: str, shown: type
) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await company_and_role(pilot)
        await tab_to(pilot, "starts")
        await type_text(pilot, "yesterday 10:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        added = app.workspace.interview("acme-ltd-product-manager")
        assert added is not None and added.rounds
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, shown)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)

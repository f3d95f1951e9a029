"""Rapid resizes on every screen, down to sizes no one works at, raise nothing."""

from __future__ import annotations

import pytest

from app.ui.screens.dashboard import DashboardScreen

SIZES = [(120, 40), (80, 24), (40, 12), (20, 5), (7, 3), (1, 1), (200, 60)]


@pytest.mark.parametrize("key", [None, "r", "w", "t", "question_mark", "e", "a", "z"])
async def test_every_screen_survives_rapid_resizes(make, key: str | None) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if key == "z":
            await pilot.press("tab", "tab")  # to the due panel, where an action is selected
        if key is not None:
            await pilot.press(key)
            await pilot.pause()
        opened = type(app.screen)
        for _ in range(2):
            for size in SIZES:
                await pilot.resize_terminal(*size)  # no pause: one after another
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert type(app.screen) is opened
        await pilot.press("escape")
        await pilot.pause()
        if key in (None, "e", "a", "z"):
            assert isinstance(app.screen, DashboardScreen)

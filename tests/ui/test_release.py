"""Closed screens are let go of: Textual holds a removed widget in the lists of watchers of the
node it watched and in a cache of drawing caches, and over a day of opening dialogs and moving
the focus the cycle collector's every pass walked thousands of dead widgets more."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from textual._styles_cache import StylesCache
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from app.ui.app import FollowupApp


def alive(kind: type[Any]) -> int:
    gc.collect()
    return sum(isinstance(thing, kind) for thing in gc.get_objects())


async def test_dialogs_opened_and_closed_leave_nothing_behind(
    make: Callable[..., FollowupApp],
) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        async def open_and_close(key: str) -> None:
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is not app.dashboard, key
            await pilot.press("escape")
            await pilot.pause()
            await pilot.pause()
            assert app.screen is app.dashboard, key

        # The profile has a text area (a watcher of the theme); quick add is the largest form.
        for key in ("P", "a"):
            await open_and_close(key)
        widgets, caches = alive(Widget), alive(StylesCache)
        for _ in range(4):
            for key in ("P", "a", "question_mark"):
                await open_and_close(key)
        # Twelve dialogs of 40 to 130 widgets each: none of them is still held.
        assert alive(Widget) <= widgets + 5
        assert alive(StylesCache) <= caches + 5


async def test_the_footer_keys_replaced_as_the_focus_moves_are_let_go_of(
    make: Callable[..., FollowupApp],
) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "tab")
        await pilot.pause()
        keys = alive(FooterKey)
        for _ in range(6):
            await pilot.press("tab")
            await pilot.pause()
        assert alive(FooterKey) <= keys + 5

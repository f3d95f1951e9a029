"""Text stored before control characters were refused (an old database, a file edited by hand)
reaches the dashboard as its escapes: no name, note or draft drives the terminal, on any screen
a morning's use shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from rich.segment import Segment

from app.ui.app import FollowupApp
from tests.test_text_is_data import spoiled_db  # noqa: F401  (the fixture)

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def drawn(app: FollowupApp) -> str:
    """Every character of the frame on screen, as the terminal would get it."""
    update = app.screen._compositor.render_update(full=True)
    return "".join(
        segment.text
        for line in update.strips  # type: ignore[attr-defined]
        for strip in line
        for segment in strip
        if isinstance(segment, Segment) and not segment.control
    )


async def test_no_screen_draws_a_stored_control_character(
    make: Callable[..., FollowupApp],
    spoiled_db: Path,  # noqa: F811
) -> None:
    app = make(spoiled_db)
    frames: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:

        async def look(*keys: str) -> None:
            await pilot.press(*keys)
            await pilot.pause()
            frames.append(drawn(app))

        await look()
        # The board's cards, the detail pane, the due panel and its draft preview; the whole
        # draft; the edit form; the review; the waiting list.
        await look("tab", "tab")
        await look("enter")
        await look("escape", "e")
        await look("enter")
        await look("escape", "escape", "r")
        await look("escape", "w")
    text = "\n".join(frames)
    assert "\\x1b" in text  # the escapes are shown, so the payload was on screen
    found = RAW.search(text)
    assert found is None, repr(text[max(0, found.start() - 40) : found.end() + 40])

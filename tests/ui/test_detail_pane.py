"""The detail pane wraps only what is on screen, and keeps recent interviews wrapped: what it
shows and how far it scrolls must not depend on which of the two happened."""

from __future__ import annotations

from app.domain.records import Stage
from app.ui.widgets.board import Board
from app.ui.widgets.detail import DetailPane


async def _wrapped_whole(pilot, pane: DetailPane) -> int:
    """Scroll to the end (which wraps the rest), back to the top; the pane's length."""
    pane.scroll_end(animate=False, immediate=True)
    await pilot.pause()
    pane.scroll_home(animate=False, immediate=True)
    await pilot.pause()
    return pane.virtual_size.height


async def test_scrolling_reaches_the_last_line_and_a_card_seen_again_keeps_its_length(make):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        board = app.screen.query_one(Board)
        pane = app.screen.query_one(DetailPane)
        while board.stage is not Stage.WAITING:
            await pilot.press("l")
        first = board.selected
        length = await _wrapped_whole(pilot, pane)
        # The whole text, wrapped: its last line is on screen at the end.
        last = pane.text.rstrip("\n").splitlines()[-1].strip()
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        shown = [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]
        assert any(last[:30] in line for line in shown)

        await pilot.press("j")
        await pilot.pause()
        other = await _wrapped_whole(pilot, pane)
        assert board.selected != first and other != length
        await pilot.press("k")  # back to the first card: shown from what was kept
        await pilot.pause()
        assert board.selected == first
        assert pane.virtual_size.height == length
        assert pane.vertical_scrollbar.window_virtual_size == length

"""A change of theme reaches the text the widgets style themselves: the detail pane (which keeps
its wrapped lines), the review's context and the help's keys are drawn again in the new theme's
colours, from their component classes."""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.color import Color
from textual.widget import Widget

from app.domain.records import Stage
from app.ui.screens.help import KeyTable
from app.ui.screens.review import ContextView
from app.ui.widgets.board import Board
from app.ui.widgets.detail import DetailPane

THEME = "gruvbox"


def segments(widget: Widget) -> list[Segment]:
    """What the widget draws on screen, as segments: for the detail pane its own lines, before
    dim is turned into a colour."""
    height = widget.scrollable_content_region.height
    if isinstance(widget, DetailPane):
        strips = [widget.render_line(y) for y in range(height)]
    else:
        strips = widget.render_lines(widget.size.region)[:height]
    return [segment for strip in strips for segment in strip]


def styled(widget: Widget, text: str, *, whole: bool = False) -> Style:
    """The style of the first segment that begins with ``text`` (or is all of it, ``whole``),
    padding aside."""
    found = [
        s.style
        for s in segments(widget)
        if s.style and (s.text.strip() == text if whole else s.text.strip().startswith(text))
    ]
    assert found, f"{text!r} is not on screen"
    return found[0]


def accent(app: App[None]) -> RichColor | None:
    """The theme's accent, as the stylesheet has it."""
    return Color.parse(app.get_css_variables()["accent"]).rich_color


async def test_the_detail_pane_redraws_its_kept_lines_in_the_new_theme(make):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("l", "l", "enter")
        await pilot.pause()
        pane = app.screen.query_one(DetailPane)
        before = pane.get_component_rich_style("detail--heading")
        drawn = styled(pane, "Next")
        assert drawn.bold and drawn.underline and drawn.color == before.color

        app.theme = THEME
        await pilot.pause()
        after = pane.get_component_rich_style("detail--heading")
        assert after.color != before.color
        drawn = styled(pane, "Next")
        assert drawn.bold and drawn.underline and drawn.color == after.color
        # Dim and bold parts too, and none of the lines is left in the old theme's colour.
        assert styled(pane, "Waiting · ").dim
        assert all(s.style.color != before.color for s in segments(pane) if s.style)


async def test_an_interview_seen_before_the_change_is_not_shown_from_old_lines(make):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        board = app.screen.query_one(Board)
        pane = app.screen.query_one(DetailPane)
        while board.stage is not Stage.WAITING:
            await pilot.press("l")
        # Wrapped whole (scrolled to its end), the first card is among those the pane keeps.
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        pane.scroll_home(animate=False, immediate=True)
        await pilot.press("j")
        await pilot.pause()
        old = pane.get_component_rich_style("detail--heading").color

        app.theme = THEME
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        new = pane.get_component_rich_style("detail--heading").color
        assert new != old
        assert styled(pane, "Next").color == new
        assert all(s.style.color != old for s in segments(pane) if s.style)


async def test_a_theme_variable_in_the_stylesheet_reaches_the_detail_heading(make):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        app.stylesheet.add_source(
            "DetailPane > .detail--heading { color: $accent; }", read_from=("test", "")
        )
        app.refresh_css()
        await pilot.press("l", "l", "enter")
        await pilot.pause()
        pane = app.screen.query_one(DetailPane)
        before = styled(pane, "Next").color
        assert before == accent(app)

        app.theme = THEME
        await pilot.pause()
        assert styled(pane, "Next").color == accent(app) != before


async def test_the_review_context_takes_the_new_theme(make):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        app.stylesheet.add_source(
            "ContextView > .review-context--heading { color: $accent; }", read_from=("test", "")
        )
        app.refresh_css()
        await pilot.press("r")
        await pilot.pause()
        context = app.screen.query_one(ContextView)
        drawn = styled(context, "Why now")
        assert drawn.bold and drawn.underline and drawn.color == accent(app)

        app.theme = THEME
        await pilot.pause()
        assert styled(context, "Why now").color == accent(app) != drawn.color


async def test_the_help_keys_take_the_new_theme(make):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        app.stylesheet.add_source(
            "KeyTable > .help--key { color: $accent; }", read_from=("test", "")
        )
        app.refresh_css()
        await pilot.press("question_mark")
        await pilot.pause()
        keys = app.screen.query_one(KeyTable)
        assert styled(keys, "Keys").bold
        drawn = styled(keys, "a", whole=True)
        assert drawn.bold and drawn.color == accent(app)
        before = drawn.color

        app.theme = THEME
        await pilot.pause()
        assert styled(keys, "a", whole=True).color == accent(app) != before

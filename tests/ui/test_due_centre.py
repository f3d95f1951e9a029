"""The due panel as the centre of the dashboard: its highlight is what the keys act on, and
what the detail pane and the draft preview show; every list key moves that highlight."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from app.ui.screens.dashboard import DashboardScreen
from app.ui.screens.draft import DraftScreen
from app.ui.screens.review import ReviewScreen
from app.ui.widgets.board import Board
from app.ui.widgets.detail import FOCUS, DetailPane
from app.ui.widgets.draft_view import DraftHeader, DraftPreview, DraftView
from app.ui.widgets.due import DuePanel
from app.ui.widgets.footer import KeysFooter, OverFooter
from tests.ui.conftest import stored
from tests.ui.test_dashboard import into_due_panel as focus_due_panel

SIZES = [(80, 24), (160, 45)]


async def into_due_panel(app, pilot) -> DuePanel:
    """The due panel, with the focus, once the dashboard is drawn."""
    await pilot.pause()
    await focus_due_panel(app, pilot)
    return app.screen.query_one(DuePanel)


def action_rows(panel: DuePanel) -> list[int]:
    return [n for n, row in enumerate(panel.rows) if row.action_id is not None]


def shown_lines(pane: DetailPane) -> list[str]:
    """The detail pane's lines on screen, as plain text."""
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


def preview_text(app) -> str:
    view = app.screen.query_one("#preview", DraftPreview)
    fields = " ".join(f"{k}: {v}" for k, v in view.fields)
    lines = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
    assert lines[0].startswith("To:") or not view.fields  # drawn, not only held
    return f"{fields}\n{view.body}"


@pytest.mark.parametrize("size", SIZES)
async def test_home_and_end_move_the_highlight_and_x_skips_what_is_highlighted(make, db, size):
    app = make()
    async with app.run_test(size=size) as pilot:
        panel = await into_due_panel(app, pilot)
        rows = action_rows(panel)
        assert len(rows) > 3
        await pilot.press("end")
        assert panel.cursor == rows[-1]
        last = panel.selected
        # The highlighted row is on screen: what x acts on is what the user sees.
        top = panel.scroll_offset.y // panel.ROW_HEIGHT
        assert top <= panel.cursor < top + panel.size.height // panel.ROW_HEIGHT + 1
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert last not in {a.id for a in app.workspace.actions}
        await pilot.press("home")
        assert panel.cursor == rows[0]
        await pilot.press("pagedown")
        assert panel.cursor > rows[0] and panel.selected is not None
        await pilot.press("pageup", "pageup")
        assert panel.cursor == rows[0]
    skipped = [e for i in stored(db).interviews for e in i.events if e.action_id == last]
    assert [e.kind.value for e in skipped] == ["skip"]


@pytest.mark.parametrize("size", SIZES)
async def test_the_detail_pane_and_the_preview_follow_the_highlight(make, size):
    app = make()
    async with app.run_test(size=size) as pilot:
        panel = await into_due_panel(app, pilot)
        pane = app.screen.query_one(DetailPane)
        seen = set()
        for _ in action_rows(panel)[:6]:
            action = app.workspace.action(panel.selected)
            interview = app.workspace.interview(action.interview)
            assert pane.text.startswith(interview.company)
            # The action itself is marked and on screen, its reason in full beside it.
            lines = shown_lines(pane)
            assert any(line.startswith(FOCUS) for line in lines), lines
            assert " ".join(" ".join(lines).split()).count(action.reason.split()[0]) >= 1
            assert app.screen.query_one(Board).selected == action.interview
            if action.contacting:
                draft = app.workspace.draft(action)
                assert draft.body.splitlines()[0] in preview_text(app)
                if draft.subject:
                    assert draft.subject in preview_text(app)
            seen.add(action.interview)
            await pilot.press("j")
        assert len(seen) > 1
        # Back on the board, the detail pane is the board's card again, unmarked.
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        assert isinstance(app.focused, Board)
        assert FOCUS not in pane.text


async def test_the_detail_pane_shows_the_whole_reason_of_the_action_copied(make, clipboard):
    """c copies the draft of the action whose reason and draft are on screen."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await into_due_panel(app, pilot)
        while not app.workspace.action(panel.selected).contacting:
            await pilot.press("j")
        await pilot.press("j")
        while not app.workspace.action(panel.selected).contacting:
            await pilot.press("j")
        action = app.workspace.action(panel.selected)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert clipboard.copied == [app.workspace.draft(action).body]
        assert app.workspace.draft(action).body.splitlines()[0] in preview_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_enter_in_the_due_panel_opens_the_whole_draft(make, clipboard, size):
    app = make()
    async with app.run_test(size=size) as pilot:
        panel = await into_due_panel(app, pilot)
        while not app.workspace.action(panel.selected).contacting:
            await pilot.press("j")
        action = app.workspace.action(panel.selected)
        draft = app.workspace.draft(action)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        view = screen.query_one(DraftView)
        assert view.body == draft.body
        assert ("To", draft.recipient) in view.query_one(DraftHeader).fields
        # Its body takes the keys, so a long draft scrolls.
        scroll = view.query_one(".draft-view-scroll", VerticalScroll)
        assert app.focused is scroll
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert clipboard.copied == [draft.body]
        assert panel.selected == action.id


async def test_j_and_k_scroll_the_detail_pane(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(DetailPane)
        pane.focus()
        await pilot.pause()
        assert pane.max_scroll_y > 2
        await pilot.press("j", "j", "j")
        assert pane.scroll_offset.y == 3
        await pilot.press("k")
        assert pane.scroll_offset.y == 2


@pytest.mark.parametrize("size", SIZES)
async def test_every_key_of_the_footer_is_on_screen_help_first(make, size):
    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        width, height = size
        keys = {}
        for key in footer.query("FooterKey"):
            region = key.region
            assert region.width > 0 and region.x >= 0 and region.right <= width
            assert region.y < height
            keys[key.key_display or key.key] = region
            # Whole: a label cut short says nothing.
            label = f"{key.key_display} {key.description}"
            assert region.width >= len(label), label
        # Every fixed key of SPEC section 10's table (w and t added), and the widgets' own.
        fixed = [
            "?",
            "q",
            "w",
            "t",
            "r",
            "c",
            "C",
            "o",
            "m",
            "s",
            "z",
            "x",
            "R",
            "u",
            "a",
            "e",
            "/",
            "<",
            ">",
            "i",
            "P",
            "←↑↓→",
            "tab",
            "⏎",
        ]
        assert set(fixed) <= set(keys), sorted(set(fixed) - set(keys))
        first = min(keys.values(), key=lambda r: (r.y, r.x))
        assert keys["?"] == first


@pytest.mark.parametrize("size", SIZES)
async def test_every_key_of_the_review_is_in_its_footer(make, size):
    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.press("r")
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        shown = {}
        for key in footer.query("FooterKey"):
            region = key.region
            assert region.x >= 0 and region.right <= size[0] and region.y < size[1]
            assert region.width >= len(f"{key.key_display} {key.description}")
            shown[key.key_display or key.key] = region
        fixed = ["c", "C", "s", "z", "x", "e", "E", "o", "m", "n", "p", "u", "?", "esc"]
        assert set(fixed) <= set(shown), sorted(set(fixed) - set(shown))


async def test_board_columns_share_a_wide_screen(make):
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(Board)
        widths = board.widths()
        assert sum(widths) == board.size.width
        current = widths[board.column]
        others = [w for n, w in enumerate(widths) if n != board.column]
        assert min(others) >= 16 and current > max(others)


async def test_the_reviews_draft_scrolls_from_the_keyboard(make, tmp_path):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        scroll = screen.query_one("#draft-scroll", VerticalScroll)
        # Find a draft longer than its pane, as most are at 80x24.
        for _ in range(len(screen.items)):
            if scroll.max_scroll_y > 0:
                break
            await pilot.press("n")
            await pilot.pause()
        assert scroll.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.wait_for_scheduled_animations()
        assert scroll.scroll_offset.y > 0
        await pilot.press("K")
        await pilot.pause()
        assert scroll.scroll_offset.y == 0
        await pilot.press("J")
        await pilot.pause()
        assert scroll.scroll_offset.y > 0
        await pilot.press("n")
        await pilot.pause()
        assert scroll.scroll_offset.y == 0  # the next draft starts at its top


async def test_after_a_snooze_the_highlight_goes_on_to_the_next_action(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await into_due_panel(app, pilot)
        await pilot.press("j")
        snoozed = panel.selected
        place = panel.cursor
        below = next(row.action_id for row in panel.rows[place + 1 :] if row.action_id)
        await pilot.press("z", "2")  # tomorrow morning
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.selected != snoozed
        assert panel.selected == below and place <= panel.cursor <= place + 1


async def test_home_brings_the_first_heading_into_sight(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await into_due_panel(app, pilot)
        await pilot.press("end", "home")
        assert panel.cursor == action_rows(panel)[0]
        assert panel.scroll_offset.y == 0  # "Overdue · N" above it is on screen


async def test_the_preview_wraps_again_when_the_terminal_grows(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await into_due_panel(app, pilot)
        preview = app.screen.query_one("#preview", DraftPreview)
        narrow = preview.scrollable_content_region.width
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        await pilot.pause()
        wide = preview.scrollable_content_region.width
        assert wide > narrow
        line = preview.render_line(0)
        assert line.cell_length == wide
        assert preview._wrapped_at == wide


async def test_a_move_within_the_screenful_repaints_both_rows_it_changes(make, db):
    """Moving the highlight without scrolling redraws only the row it leaves and the row it
    reaches: what the panel shows then is what drawing it all afresh shows."""
    from textual.geometry import Region

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:
        panel = await into_due_panel(app, pilot)
        region = Region(0, 0, panel.size.width, panel.size.height)

        def drawn() -> list[str]:
            # Through the panel's kept lines: a row left out of the repaint would show stale.
            return [strip.text + repr(strip._segments) for strip in panel.render_lines(region)]

        rows = action_rows(panel)
        assert panel.cursor == rows[0] and rows[1] == rows[0] + 1  # no heading between
        for key in ("j", "k", "j"):
            offset = panel.scroll_offset
            await pilot.press(key)
            await pilot.pause()
            assert panel.scroll_offset == offset  # within the screenful
            shown = drawn()
            panel.refresh()
            assert drawn() == shown
        assert panel.cursor == rows[1]


async def test_a_change_made_from_the_board_shows_the_due_panel_from_its_top(make):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await into_due_panel(app, pilot)
        rows = action_rows(panel)
        for _ in range(len(rows) - 1):
            await pilot.press("j")
        assert panel.cursor == rows[-1] and panel.scroll_offset.y > 0
        app.screen.query_one(Board).focus()
        await pilot.pause()
        # A change made on the board (a round added, a card moved) shows the panel again:
        # no one is moving through it, so it starts where the most pressing are.
        app.screen.show_all(keep_action=panel.selected)
        await pilot.pause()
        assert panel.cursor == rows[0] and panel.scroll_offset.y == 0


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", ["z", "?", "r z"])
async def test_a_screen_opened_over_another_hides_the_keys_that_do_not_work_under_it(
    make, size, key
):
    """The footer below may be taller than one row (three at 80 columns): the one over it
    covers every row of it."""
    app = make()
    async with app.run_test(size=size) as pilot:
        for each in key.split():
            await pilot.press(each)
            await pilot.pause()
        over, below = app.screen_stack[-1], app.screen_stack[-2]
        assert over.is_modal
        covered = below.query_one(KeysFooter).region
        own = over.query_one(OverFooter).region
        assert own.contains_region(covered), (own, covered)
        # What it shows are its own keys, which work there.
        shown = {k.key for k in over.query(FooterKey)}
        assert "escape" in shown and not shown & {"c", "s", "a", "question_mark"}


async def test_a_dialog_opened_wide_still_covers_the_footer_below_once_narrowed(make):
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        covered = app.screen_stack[-2].query_one(KeysFooter).region
        assert covered.height == 3
        assert app.screen.query_one(OverFooter).region.contains_region(covered)

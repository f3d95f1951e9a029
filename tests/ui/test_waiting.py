"""The "waiting on them" view, driven from the keyboard: `w` opens it on every date an employer
gave, the latest first; enter goes back to the board on that interview; escape goes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from app.domain.interchange import Pipeline
from app.domain.records import STAGES
from app.store.repository import Repository
from app.ui.screens.dashboard import DashboardScreen
from app.ui.screens.waiting import WaitingScreen
from app.ui.widgets.board import Board
from app.ui.widgets.detail import DetailPane
from app.ui.widgets.waiting_list import WaitingList
from tests.insights.helpers import interview, round_
from tests.ui.conftest import ZONE

SIZE = (120, 36)


def lines(app) -> list[str]:
    waiting = app.screen.query_one(WaitingList)
    return [waiting.render_line(y).text.rstrip() for y in range(waiting.count)]


def rows(app) -> list[tuple[str, str, str]]:
    waiting = app.screen.query_one(WaitingList)
    return [(r.lateness, r.company, r.what) for r in waiting.rows]


def database(tmp_path: Path, *interviews) -> Path:
    path = tmp_path / "small.json"
    Repository(path, default_zone=ZONE).import_pipeline(
        Pipeline(interviews=tuple(interviews)), replace=False
    )
    return path


async def test_w_lists_the_demo_s_dates_the_latest_first(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, WaitingScreen)
        dates = [r for r in rows(app) if r[2] in ("Their decision", "Offer deadline")]
        # Fri 20 Nov 2026 at 10:00: Harbor Lane said Tue 17 Nov; Quillstone Thu 26 Nov;
        # Oakline's offer stays open until Sat 28 Nov; Brightwater said Tue 1 Dec.
        assert dates == [
            ("3 days late", "Harbor Lane Logistics", "Their decision"),
            ("due in 6 days", "Quillstone Publishing", "Their decision"),
            ("due in 8 days", "Oakline Health", "Offer deadline"),
            ("due in 11 days", "Brightwater Analytics", "Their decision"),
        ]
        assert lines(app)[0] == (
            " 3 days late    Tue 17 Nov Harbor Lane Logistics   Their decision"
        )
        # Lena said on Mon 16 Nov that she would send the final round's times by Wed 18 Nov.
        assert rows(app)[1] == (
            "2 days late",
            "Tidewell Energy",
            "Send times for the final systems-design round (Lena Vogt)",
        )
        items = app.screen.items
        late = [i for i in items if i.overdue]
        assert items[: len(late)] == late
        assert [i.late for i in late] == sorted((i.late for i in late), reverse=True)
        coming = items[len(late) :]
        assert [i.due for i in coming] == sorted(i.due for i in coming)
        assert not app.screen.query_one("#waiting-empty").display
        title = str(app.screen.query_one("#waiting-title").render())
        assert f"{len(late)} late · {len(coming)} to come" in title


async def test_escape_goes_back_to_the_board_as_it_was(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        board = app.screen.query_one(Board)
        before = board.selected
        await pilot.press("w")
        assert isinstance(app.screen, WaitingScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
        assert board.selected == before
        assert board.has_focus
        await pilot.press("w", "w")  # the key that opens the view closes it too
        assert isinstance(app.screen, DashboardScreen)


async def test_enter_shows_that_interview_on_the_board(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert rows(app)[2][1] == "Quillstone Publishing"
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        board = app.screen.query_one(Board)
        assert board.selected == "quillstone-reader"
        assert "Quillstone Publishing" in app.screen.query_one(DetailPane).text


async def test_enter_on_a_promise_of_theirs_shows_it_on_the_board(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query_one(Board).selected == "tidewell-data"
        text = app.screen.query_one(DetailPane).text
        assert "Lena Vogt promised: Send times for the final systems-design round" in text


async def test_enter_clears_a_filter_that_hides_the_interview(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"oakline", "enter")
        await pilot.pause()
        board = app.screen.query_one(Board)
        shown = [card.interview_id for stage in STAGES for card in board.cards(stage)]
        assert shown == ["oakline-patient"]
        await pilot.press("w", "enter")  # the first line: Harbor Lane
        await pilot.pause()
        assert app.screen.filter_text == ""
        assert app.screen.query_one("#filter", Input).value == ""
        assert board.selected == "harbor-analytics"
        assert "Harbor Lane Logistics" in app.screen.query_one(DetailPane).text


async def test_a_promise_of_theirs_reads_with_who_made_it(make, tmp_path):
    # Made after the call of Mon 16 Nov, so it falls due in the wait that call began.
    acme = interview(
        rounds=[round_("r1", "2026-11-16T10:00")],
        promises=[
            {
                "id": "p1",
                "what": "Send the panel's available times",
                "to": "sam",
                "due": "2026-11-20T08:00",
                "by": "them",
            }
        ],
    )
    app = make(database(tmp_path, acme))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert rows(app) == [("2 hours late", "Acme", "Send the panel's available times (Sam Lee)")]
        assert lines(app)[0] == (
            " 2 hours late   Fri 20 Nov Acme                    "
            "Send the panel's available times (Sam Lee)"
        )


async def test_with_nothing_owed_the_view_says_so(make, tmp_path):
    app = make(database(tmp_path, interview()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert rows(app) == []
        assert app.screen.has_class("-empty")
        assert app.screen.query_one("#waiting-empty").display
        assert not app.screen.query_one(WaitingList).display


async def test_the_command_palette_opens_the_view_by_name(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"waiting on them")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)


@pytest.mark.parametrize(
    ("typed", "screen"), [("snooze", "SnoozeForm"), ("daily review", "ReviewScreen"),
                          ("profile", "ProfileForm")],
)  # fmt: skip
async def test_the_command_palette_finds_the_footers_words(make, typed: str, screen: str):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *typed)
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == screen

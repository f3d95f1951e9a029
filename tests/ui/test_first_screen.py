"""A large file: the board shows the top of each column while the rest is read, can be looked
through meanwhile, and changes nothing until it is all read."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest
from textual.pilot import Pilot
from textual.widgets import Label

from app.domain.records import STAGES
from app.services.opening import open_workspace, quick_to_read
from app.services.workspace import Workspace
from app.store.repository import Repository
from app.ui.app import FollowupApp
from app.ui.factory import make_app
from app.ui.screens.dashboard import BoardView, DashboardScreen
from app.ui.widgets.board import Board
from app.ui.widgets.due import DuePanel
from bench.generate import generate_pipeline

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)
COUNT = 400
# The first of each column in this file are not the top of the whole board (with nothing kept):
# the board is then seen to move to its top once all is read.
SEED = 1


@pytest.fixture
def unread(tmp_path: Path) -> Path:
    """A large file, with nothing kept beside it."""
    path = tmp_path / "db.json"
    Repository(path, default_zone=ZONE).import_pipeline(
        generate_pipeline(COUNT, seed=SEED), replace=False
    )
    assert not quick_to_read(path)
    return path


@pytest.fixture
def large(unread: Path) -> Path:
    """A large file, with what the engine works out of it kept beside it."""
    whole = open_workspace(unread, clock=lambda: NOW, default_zone=ZONE)
    whole.load()
    whole.keep_answers()
    return unread


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[threading.Event, threading.Event]]:
    """The load held once the first part is shown, until the test lets it go on."""
    reached, go_on = threading.Event(), threading.Event()
    show_first = Workspace._show_first

    def held_after_the_first_part(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        show_first(self, *args, **kwargs)
        reached.set()
        go_on.wait(30)

    monkeypatch.setattr(Workspace, "_show_first", held_after_the_first_part)
    yield reached, go_on
    go_on.set()


async def _first_part(pilot: Pilot[None], reached: threading.Event) -> None:
    for _ in range(400):
        await pilot.pause(0.02)
        if reached.is_set():
            break
    await pilot.pause()


def _dashboard(path: Path) -> FollowupApp:
    """The dashboard as ``followup`` opens it: a large file read behind the first frame."""
    workspace = open_workspace(path, clock=lambda: NOW, default_zone=ZONE)
    app = make_app(workspace, load_first=quick_to_read(path))
    assert not app.loaded
    return app


def _cards(board: Board) -> int:
    return sum(len(board.cards(stage)) for stage in STAGES)


def _headings(panel: DuePanel) -> list[str]:
    return [row.title for row in panel.rows if row.action_id is None]


async def test_the_top_of_each_column_shows_while_the_rest_is_read(
    large: Path, held: tuple[threading.Event, threading.Event]
) -> None:
    reached, go_on = held
    app = _dashboard(large)
    workspace = app.workspace
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _first_part(pilot, reached)
        board = app.dashboard.query_one(Board)
        shown = len(workspace.interviews)
        assert 0 < shown < COUNT
        assert not app.loaded
        assert _cards(board) == shown
        status = str(app.dashboard.query_one("#status", Label).render())
        assert f"{shown:,} of {COUNT:,} interviews shown so far" in status
        # The due panel's counts, too, are said to be of the part read.
        panel = app.dashboard.query_one(DuePanel)
        assert any(row.action_id for row in panel.rows)
        assert _headings(panel) and all(title.endswith(" so far") for title in _headings(panel))

        # Looked through while the rest is read...
        column = max(STAGES, key=lambda stage: len(board.cards(stage)))
        while board.stage is not column:
            await pilot.press("right")
        first = board.selected
        await pilot.press("down")
        moved_to = board.selected
        assert moved_to != first
        # ...but nothing is changed until it is all read.
        await pilot.press("s")
        await pilot.pause()
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "Still reading the database" in toasts

        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.loaded
        assert _cards(board) == COUNT
        assert "shown so far" not in str(app.dashboard.query_one("#status", Label).render())
        assert _headings(panel) and not any("so far" in title for title in _headings(panel))
        # The place chosen while the rest was read is kept.
        assert board.selected == moved_to
    assert Repository(large, default_zone=ZONE).load() == workspace.pipeline


async def test_left_alone_the_whole_board_starts_at_its_top(
    unread: Path, held: tuple[threading.Event, threading.Event]
) -> None:
    """With nothing kept, the first of each column in the file are read first: the whole
    board's top may be other cards, and the board then shows that top."""
    reached, go_on = held
    app = _dashboard(unread)
    async with app.run_test(size=(120, 40)) as pilot:
        await _first_part(pilot, reached)
        board = app.dashboard.query_one(Board)
        first = board.selected
        assert first is not None and not app.loaded
        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.loaded
        column = board.cards(board.stage)
        assert first != column[0].interview_id  # the first part's top was not the board's
        assert board.cursor(board.stage) == 0
        assert board.selected == column[0].interview_id


async def test_keys_are_taken_while_the_whole_board_is_worked_out(
    large: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole board's cards and rows are worked out behind the screen, not in its way."""
    reached, go_on = threading.Event(), threading.Event()
    view = DashboardScreen.view

    def held_behind(self: DashboardScreen) -> BoardView:
        if threading.current_thread() is not threading.main_thread():
            reached.set()
            go_on.wait(30)
        return view(self)

    monkeypatch.setattr(DashboardScreen, "view", held_behind)
    app = _dashboard(large)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await _first_part(pilot, reached)
            assert reached.is_set() and not app.loaded
            board = app.dashboard.query_one(Board)
            first = board.selected
            await pilot.press("down")
            assert board.selected not in (None, first)
            go_on.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.loaded and _cards(board) == COUNT
    finally:
        go_on.set()


async def test_a_filter_typed_while_reading_keeps_the_reading_line(
    large: Path, held: tuple[threading.Event, threading.Event]
) -> None:
    """The counts of the part read so far would read as those of the whole."""
    reached, go_on = held
    app = _dashboard(large)
    async with app.run_test(size=(120, 40)) as pilot:
        await _first_part(pilot, reached)
        board = app.dashboard.query_one(Board)
        before = _cards(board)
        await pilot.press("slash", *"Company 1")
        await pilot.pause()
        assert 0 < _cards(board) < before
        status = str(app.dashboard.query_one("#status", Label).render())
        assert "shown so far" in status and "overdue" not in status
        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.loaded
        assert "overdue" in str(app.dashboard.query_one("#status", Label).render())


async def test_nothing_is_said_to_be_due_before_the_file_is_read(
    large: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first frame comes before the file is read: "Nothing due" would be a claim about
    interviews not read yet."""
    started, go_on = threading.Event(), threading.Event()
    load = Workspace.load

    def held_before(self: Workspace, *args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        go_on.wait(30)
        load(self, *args, **kwargs)

    monkeypatch.setattr(Workspace, "load", held_before)
    app = _dashboard(large)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await _first_part(pilot, started)
            panel = app.dashboard.query_one(DuePanel)
            assert not app.loaded
            assert [row.title for row in panel.rows] == ["Reading the database …"]
            go_on.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.loaded
            assert any(row.action_id for row in panel.rows)
            assert "Reading" not in " ".join(row.title for row in panel.rows)
    finally:
        go_on.set()


async def test_a_large_file_read_behind_the_screen_is_out_of_the_collectors_sight(
    large: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its first pass after the read would otherwise walk every record just made, between
    the read and the board that shows it (73 ms at 10,000 interviews)."""
    seen: list[bool] = []
    view = DashboardScreen.view

    def looked_at(self: DashboardScreen) -> BoardView:
        if threading.current_thread() is not threading.main_thread():
            actions = self.workspace.actions
            seen.append(any(found is actions for found in gc.get_objects()))
        return view(self)

    monkeypatch.setattr(DashboardScreen, "view", looked_at)
    app = _dashboard(large)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.loaded
    assert seen == [False]

"""A large file: the board shows the top of each column while the rest is read, can be looked
through meanwhile, and changes nothing until it is all read."""

from __future__ import annotations

import threading
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Label

from app.domain.records import STAGES
from app.services.opening import open_workspace, quick_to_read
from app.services.workspace import Workspace
from app.store.repository import Repository
from app.ui.factory import make_app
from app.ui.widgets.board import Board
from bench.generate import generate_pipeline

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)
COUNT = 400


@pytest.fixture
def large(tmp_path: Path) -> Path:
    path = tmp_path / "db.json"
    Repository(path, default_zone=ZONE).import_pipeline(
        generate_pipeline(COUNT, seed=5), replace=False
    )
    assert not quick_to_read(path)
    whole = open_workspace(path, clock=lambda: NOW, default_zone=ZONE)
    whole.load()
    whole.keep_answers()
    return path


def _cards(board: Board) -> int:
    return sum(len(board.cards(stage)) for stage in STAGES)


async def test_the_top_of_each_column_shows_while_the_rest_is_read(
    large: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reached, go_on = threading.Event(), threading.Event()
    show_first = Workspace._show_first

    def held_after_the_first_part(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        show_first(self, *args, **kwargs)
        reached.set()
        go_on.wait(30)

    monkeypatch.setattr(Workspace, "_show_first", held_after_the_first_part)
    workspace = open_workspace(large, clock=lambda: NOW, default_zone=ZONE)
    app = make_app(workspace, load_first=quick_to_read(large))
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            for _ in range(400):
                await pilot.pause(0.02)
                if reached.is_set():
                    break
            await pilot.pause()
            board = app.dashboard.query_one(Board)
            shown = len(workspace.interviews)
            assert 0 < shown < COUNT
            assert not app.loaded
            assert _cards(board) == shown
            status = str(app.dashboard.query_one("#status", Label).render())
            assert f"{shown:,} of {COUNT:,} interviews shown so far" in status

            # Looked through while the rest is read...
            column = max(STAGES, key=lambda stage: len(board.cards(stage)))
            while board.stage is not column:
                await pilot.press("right")
            first = board.selected
            await pilot.press("down")
            assert board.selected != first
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
    finally:
        go_on.set()
    assert Repository(large, default_zone=ZONE).load() == workspace.pipeline

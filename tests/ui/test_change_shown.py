"""What the dashboard works out to show a change, counted rather than timed: after every
change it works out the whole board and due panel again, so each action is ranked once, and
only the rows the due panel draws are written."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from app.engine import urgency as urgency_module
from app.services import workspace as workspace_module
from app.store.repository import Repository
from app.ui.app import FollowupApp
from app.ui.screens import dashboard as dashboard_module
from app.ui.widgets.due import DuePanel, DueRow
from bench.generate import generate_pipeline
from tests.ui.conftest import ZONE

COUNT = 300


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """A pipeline whose due panel holds far more rows than fit on the screen."""
    path = tmp_path / "many.json"
    Repository(path, default_zone=ZONE).import_pipeline(
        generate_pipeline(COUNT, seed=3), replace=False
    )
    return path


@pytest.fixture
def app(make: Callable[..., FollowupApp], many: Path) -> FollowupApp:
    return make(many)


@asynccontextmanager
async def dashboard_of(app: FollowupApp) -> AsyncIterator[Pilot[None]]:
    """``app`` running, its file read and shown."""
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        yield pilot


def recording(function: Callable[..., Any], calls: list[tuple[Any, ...]]) -> Callable[..., Any]:
    """``function``, each call's arguments added to ``calls``."""

    def recorded(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return function(*args, **kwargs)

    return recorded


async def test_a_change_ranks_each_action_once(
    app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with dashboard_of(app) as pilot:
        calls: list[tuple[Any, ...]] = []
        counted = recording(urgency_module.ranked, calls)
        # Wherever a module holds it under that name.
        for module in (urgency_module, workspace_module, dashboard_module):
            if hasattr(module, "ranked"):
                monkeypatch.setattr(module, "ranked", counted)
        app.dashboard.show_all()
        await pilot.pause()
        actions = len(app.workspace.actions)
        assert actions > 100
        # For the cards' order, each interview's most pressing action and the due rows' order:
        # once each, not once for each of the three.
        assert len(calls) == actions


async def test_only_the_rows_drawn_have_their_headline_written(
    app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with dashboard_of(app) as pilot:
        calls: list[tuple[Any, ...]] = []
        monkeypatch.setattr(
            dashboard_module, "headline", recording(dashboard_module.headline, calls)
        )
        screen = app.dashboard
        screen.show_all()
        await pilot.pause()
        panel = screen.query_one(DuePanel)
        rows = [row for row in panel.rows if row.action_id is not None]
        on_screen = panel.scrollable_content_region.height // panel.ROW_HEIGHT
        assert len(rows) > 3 * on_screen
        assert 0 < len(calls) <= on_screen
        # What a row says is the same, written when it is drawn or when it is read.
        for row in rows[:3] + rows[-3:]:
            action = app.workspace.action(row.action_id or "")
            assert action is not None
            level = urgency_module.urgency(action, app.workspace.now)
            assert row.title == screen._headline(action, level)


def test_a_headline_given_as_a_function_is_worked_out_once() -> None:
    calls = 0

    def write() -> str:
        nonlocal calls
        calls += 1
        return "thank-you → Ana · Acme · due 15:00"

    row = DueRow(write, "after the round", "acme/thank_you/r1", "today")
    assert row.title == row.title == "thank-you → Ana · Acme · due 15:00"
    assert calls == 1
    assert DueRow("Overdue · 2").title == "Overdue · 2"

"""A ``TZ`` that names no zone is said on the dashboard's screen: it takes over the terminal, so
the warning on stderr would go unseen."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pendulum
import pytest

from app.commands import dashboard
from app.commands.context import Context
from tests.ui.conftest import NOW
from tests.ui.test_dashboard import settle

WARNING = "TZ='Invalid/Zone' is not a time zone; times are read in UTC"


def fixed_now(tz: str | None = None) -> datetime:
    return NOW.in_timezone(tz) if tz else NOW


def toasts(app: dashboard.FollowupApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    # The dashboard as the command line builds it reads the real clock.
    monkeypatch.setattr(pendulum, "now", fixed_now)


async def test_the_dashboard_shows_a_bad_tz(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Invalid/Zone")
    err = io.StringIO()
    app = dashboard.build(Context(db_path=db, at=None, out=io.StringIO(), err=err))
    assert err.getvalue() == f"followup: warning: {WARNING}\n"
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert app.loaded and app.workspace.interviews
        shown = toasts(app)
        assert len(shown) == 1 and WARNING in " ".join(shown[0].split())
        assert app.workspace.default_zone == "UTC"


async def test_a_good_tz_shows_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", ":Europe/Paris")
    err = io.StringIO()
    app = dashboard.build(Context(db_path=db, at=None, out=io.StringIO(), err=err))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert app.loaded and toasts(app) == []
        assert app.workspace.default_zone == "Europe/Paris"
    assert err.getvalue() == ""


async def test_markup_in_a_warning_is_shown_as_typed(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "[bold]Mars/Olympus[/")
    app = dashboard.build(Context(db_path=db, at=None, out=io.StringIO(), err=io.StringIO()))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert "TZ='[bold]Mars/Olympus[/' is not a time zone" in " ".join(toasts(app))

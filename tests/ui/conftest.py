"""The dashboard on a temporary database filled with the demo data at a fixed time, a fixed
clock, and a fake clipboard: no test reads the real clock or touches the real clipboard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pendulum
import pytest

from app.clipboard import CopyResult
from app.demo import demo_pipeline
from app.domain.interchange import Pipeline
from app.services.opening import open_workspace
from app.store.repository import Repository
from app.ui.app import FollowupApp
from app.ui.factory import make_app

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)  # a Friday morning


@dataclass
class FakeClipboard:
    copied: list[str] = field(default_factory=list)

    def copy(self, text: str, **_: object) -> CopyResult:
        self.copied.append(text)
        return CopyResult(
            ok=True,
            mechanism="system",
            message="Copied to the clipboard.",
            verified=True,
            problems=(),
        )


@pytest.fixture(autouse=True)
def clipboard(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClipboard]:
    fake = FakeClipboard()
    monkeypatch.setattr("app.clipboard.copy_text", fake.copy)
    yield fake


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "followup.json"
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    return path


@pytest.fixture
def make(db: Path) -> Callable[..., FollowupApp]:
    def build(path: Path | None = None, now: datetime = NOW) -> FollowupApp:
        workspace = open_workspace(
            path or db, clock=lambda: now, default_zone=ZONE, samples=demo_pipeline
        )
        return make_app(workspace)

    return build


def stored(path: Path) -> Pipeline:
    """What the file holds, the texts of sent messages included."""
    return Repository(path, default_zone=ZONE).load(texts=True)


def listened(app: FollowupApp) -> list[str]:
    """Every message the app shows in a notification from now on, in order (they are shown
    as well)."""
    told: list[str] = []
    original = app.notify

    def listen(message: str, **options: object) -> None:
        told.append(message)
        original(message, **options)  # type: ignore[arg-type]

    app.notify = listen  # type: ignore[method-assign]
    return told


def listen(app: Any) -> list[str]:
    """Every notification the app shows from now on, in order."""
    said: list[str] = []
    shown = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> Any:
        said.append(str(message))
        return shown(message, *args, **kwargs)

    app.notify = notify
    return said

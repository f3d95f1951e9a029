"""The cycle collector kept out of bulk work, and out of the way of what that work keeps."""

from __future__ import annotations

import gc
from pathlib import Path

import pendulum

from app.demo import demo_pipeline
from app.memory import collector_paused
from app.services.workspace import Workspace
from app.store.repository import Repository

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)


def _seen_by_the_collector(thing: object) -> bool:
    return any(found is thing for found in gc.get_objects())


def test_the_collector_waits_for_the_work_and_is_back_after_it() -> None:
    with collector_paused():
        assert not gc.isenabled()
        made = [[n] for n in range(100)]
    assert gc.isenabled()
    # Short-lived work: what it made stays in the collector's sight, to be collected as usual.
    assert _seen_by_the_collector(made[0])


def test_what_is_kept_is_moved_out_of_the_collectors_sight() -> None:
    frozen = gc.get_freeze_count()
    with collector_paused(kept=True):
        made = [[n] for n in range(100)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + 100
    assert not _seen_by_the_collector(made[0])


def test_work_that_failed_leaves_what_it_made_in_sight() -> None:
    frozen = gc.get_freeze_count()
    made: list[list[int]] = []
    try:
        with collector_paused(kept=True):
            made.extend([n] for n in range(100))
            raise ValueError("refused")
    except ValueError:
        pass
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    assert _seen_by_the_collector(made[0])


def test_a_workspace_read_again_and_again_freezes_nothing(tmp_path: Path) -> None:
    """A workspace is read again after each accepted proposal of the inbox, a demo loaded,
    and so on: freezing then would keep the cycles of the screens open at that moment alive
    for the rest of the session."""
    repo = Repository(tmp_path / "db.json", default_zone=ZONE)
    repo.import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    workspace = Workspace(repo, lambda: NOW, default_zone=ZONE)
    frozen = gc.get_freeze_count()
    workspace.load()
    workspace.load()
    assert workspace.actions
    assert gc.get_freeze_count() == frozen

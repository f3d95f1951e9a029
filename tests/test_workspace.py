"""The workspace works out again only what a change touched; that must equal starting over."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pendulum

from app.demo import demo_pipeline
from app.engine import compute_actions, sort_key
from app.services import Workspace
from app.store.repository import Repository

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)


def test_after_each_change_the_actions_are_those_of_a_fresh_start(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    repo = Repository(path, default_zone=ZONE)
    repo.import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    workspace = Workspace(repo, lambda: NOW, default_zone=ZONE)
    workspace.load()
    changes = 0
    for action in list(workspace.actions)[:12]:
        if workspace.action(action.id) is None:
            continue  # gone with an earlier change to its interview
        match changes % 3:
            case 0:
                workspace.mark_sent(action.id)
            case 1:
                workspace.snooze(action.id, NOW + timedelta(days=2))
            case _:
                workspace.skip(action.id)
        changes += 1
        fresh = compute_actions(workspace.interviews, workspace.pipeline.policy, NOW)
        assert [a.id for a in workspace.actions] == [a.id for a in fresh]
        assert workspace.actions == sorted(workspace.actions, key=sort_key)
    assert changes >= 8
    workspace.save_pending()
    saved = Workspace(Repository(path, default_zone=ZONE), lambda: NOW, default_zone=ZONE)
    saved.load()
    assert [a.id for a in saved.actions] == [a.id for a in workspace.actions]

"""The dashboard works out only what changed: a key, a change to one interview, its save and
a read of the file after another followup changed one interview each work out that interview
alone (counted, not timed), and what it shows is what starting over would show."""

from __future__ import annotations

from pathlib import Path

import pendulum

from app.demo import demo_pipeline
from app.engine import compute_actions
from app.services.workspace import Workspace
from app.store.repository import Repository

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)


def opened(path: Path, now: pendulum.DateTime = NOW) -> Workspace:
    workspace = Workspace(Repository(path, default_zone=ZONE), lambda: now, default_zone=ZONE)
    workspace.load()
    return workspace


def fresh_ids(workspace: Workspace) -> list[str]:
    return [a.id for a in compute_actions(workspace.interviews, workspace.pipeline.policy, NOW)]


def stored(tmp_path: Path) -> Path:
    path = tmp_path / "db.json"
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    return path


def test_a_change_and_its_save_work_out_one_interview(tmp_path: Path) -> None:
    workspace = opened(stored(tmp_path))
    counted = workspace._memo.worked_out
    assert counted == len(workspace.interviews)
    action = next(a for a in workspace.actions if a.contacting)
    workspace.mark_sent(action.id)
    assert workspace._memo.worked_out == counted + 1
    workspace.save_pending()
    workspace.refresh()
    assert workspace._memo.worked_out == counted + 1
    assert [a.id for a in workspace.actions] == fresh_ids(workspace)


def test_a_read_after_another_followup_changed_one_interview_works_out_that_one(
    tmp_path: Path,
) -> None:
    path = stored(tmp_path)
    workspace = opened(path)
    other = opened(path)
    action = next(a for a in other.actions if a.contacting)
    other.mark_sent(action.id)
    other.save_pending()
    counted = workspace._memo.worked_out
    assert workspace.changed_elsewhere()
    reread = workspace.read_again()
    assert workspace._memo.worked_out == counted + 1
    assert workspace.adopt(reread)
    assert action.id not in {a.id for a in workspace.actions}
    assert [a.id for a in workspace.actions] == fresh_ids(workspace)
    # The records of the interviews the other followup left alone are the ones read before.
    unchanged = [i for i in workspace.interviews if i.id != action.interview]
    assert all(workspace.interview(i.id) is i for i in unchanged)


def test_the_memory_is_keyed_on_the_record_itself(tmp_path: Path) -> None:
    """The memory is keyed on the record itself: an equal record read again is worked out
    again rather than taken for the one remembered."""
    path = stored(tmp_path)
    workspace = opened(path)
    fresh = opened(path)
    counted = fresh._memo.worked_out
    fresh._memo.actions(workspace.interviews, workspace.pipeline.policy, NOW)
    assert fresh._memo.worked_out == counted + len(workspace.interviews)

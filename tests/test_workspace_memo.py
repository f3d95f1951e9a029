"""The dashboard works out only what changed: a key, a change to one interview, its save and
a read of the file after another followup changed one interview each work out that interview
alone (counted, not timed), and what it shows is what starting over would show."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from app.demo import demo_pipeline
from app.engine import Action, compute_actions
from app.engine import engine as engine_module
from app.engine import memo as memo_module
from app.services.open_actions import cache_path
from app.services.workspace import Workspace
from app.store.repository import Repository
from tests.cli_runs import cli

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


def sent_by_another(path: Path) -> tuple[Workspace, Action]:
    """A dashboard open on ``path``, and an action another followup marked sent since."""
    workspace = opened(path)
    other = opened(path)
    action = next(a for a in other.actions if a.contacting)
    other.mark_sent(action.id)
    other.save_pending()
    return workspace, action


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


@pytest.fixture
def worked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The interviews the engine works out from now on, each time it does (in the memory
    or for a save's check)."""
    found: list[str] = []
    real = engine_module.actions_for

    def counting(facts, offers):  # type: ignore[no-untyped-def]
        found.append(facts.interview.id)
        return real(facts, offers)

    monkeypatch.setattr(engine_module, "actions_for", counting)
    monkeypatch.setattr(memo_module, "actions_for", counting)
    return found


def test_a_save_checks_the_record_on_file_with_what_was_worked_out_for_it(
    tmp_path: Path, worked: list[str]
) -> None:
    """The save asks whether the action is still open on the file; for the record on screen,
    the engine's answer is known already."""
    workspace = opened(stored(tmp_path))
    action = next(a for a in workspace.actions if a.contacting)
    worked.clear()
    workspace.mark_sent(action.id)
    assert worked == [action.interview]
    assert workspace.save_pending() == 1
    assert worked == [action.interview]
    assert action.id not in fresh_ids(opened(workspace._repo.path))


def test_a_save_over_a_record_changed_elsewhere_works_it_out_again(
    tmp_path: Path, worked: list[str]
) -> None:
    workspace, action = sent_by_another(stored(tmp_path))
    workspace.mark_sent(action.id)
    worked.clear()
    assert workspace.save_pending() == 0
    assert worked == [action.interview]
    assert workspace.take_refused()


def test_a_read_after_another_followup_changed_one_interview_works_out_that_one(
    tmp_path: Path,
) -> None:
    workspace, action = sent_by_another(stored(tmp_path))
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


def due_json(capsys, path: Path) -> str:
    """``due --json`` run as the dashboard would be, in the machine's zone."""
    code, out, err = cli(capsys, "due", "--json", "--db", str(path), "--at", NOW.isoformat())
    assert code == 0, err
    return out


def test_the_dashboard_starts_from_what_due_worked_out(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TZ", ZONE)
    path = stored(tmp_path)
    due_json(capsys, path)
    workspace = opened(path)
    assert workspace._memo.worked_out == 0
    assert [a.id for a in workspace.actions] == fresh_ids(workspace)
    assert workspace.actions == compute_actions(
        workspace.interviews, workspace.pipeline.policy, NOW
    )


def test_due_starts_from_what_the_dashboard_worked_out(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TZ", ZONE)
    path = stored(tmp_path)
    workspace = opened(path)
    workspace.keep_answers()
    assert cache_path(path).exists()
    parsed: list[object] = []
    with monkeypatch.context() as patched:
        patched.setattr(Repository, "documents", lambda *args: parsed.append(args))
        given = due_json(capsys, path)
    assert parsed == []  # not even parsed
    cache_path(path).unlink()
    assert given == due_json(capsys, path)


def test_a_spoiled_cache_starts_the_dashboard_from_scratch(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("TZ", ZONE)
    path = stored(tmp_path)
    due_json(capsys, path)
    kept = cache_path(path).read_bytes()
    # The answers changed, their digest not: as a disk that lost part of the file would.
    cache_path(path).write_bytes(kept.replace(b'"span":[', b'"span":[0,', 1))
    workspace = opened(path)
    assert workspace._memo.worked_out == len(workspace.interviews)
    assert workspace.actions == compute_actions(
        workspace.interviews, workspace.pipeline.policy, NOW
    )

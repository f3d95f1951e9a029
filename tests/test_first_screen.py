"""A large file is read in two parts: first the top of each column of the board, shown at
once, then the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pendulum
import pytest

from app.domain.records import STAGES, Stage
from app.engine import compute_actions, pressing_first
from app.services.first_screen import PER_STAGE
from app.services.opening import open_workspace
from app.services.workspace import Workspace, WorkspaceError
from tests.generated import generated_bytes

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)
COUNT = 400


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return generated_bytes(tmp_path_factory.mktemp("first"), COUNT, seed=3, zone=ZONE)


@pytest.fixture
def db(tmp_path: Path, stored: bytes) -> Path:
    path = tmp_path / "db.json"
    path.write_bytes(stored)
    return path


def _open(db: Path) -> Workspace:
    return open_workspace(db, clock=lambda: NOW, default_zone=ZONE)


def _load_in_parts(db: Path) -> tuple[Workspace, dict[str, Any]]:
    workspace = _open(db)
    seen: dict[str, Any] = {}

    def shown(total: int) -> None:
        seen["total"] = total
        seen["interviews"] = workspace.interviews
        seen["actions"] = list(workspace.actions)

    workspace.load(shown=shown)
    return workspace, seen


def _top_of_each_column(whole: Workspace) -> set[str]:
    """The ``PER_STAGE`` most pressing of each stage, as the board ranks them, ties in the
    file's order; and every offer, which the others' actions depend on."""
    nothing = (3, 0.0, 0.0)
    chosen = {i.id for i in whole.interviews if i.stage is Stage.OFFER}
    assert PER_STAGE < len(chosen) < COUNT
    for stage in STAGES:
        column = [(i, n) for n, i in enumerate(whole.interviews) if i.stage is stage]
        ranked = sorted(
            column,
            key=lambda pair: (
                pressing_first(a, NOW)[:3] if (a := whole.next_action(pair[0].id)) else nothing,
                pair[1],
            ),
        )
        chosen |= {i.id for i, _ in ranked[:PER_STAGE]}
    return chosen


def test_the_top_of_each_column_is_read_and_worked_out_first(db: Path) -> None:
    whole = _open(db)
    whole.load()
    whole.keep_answers()  # as a dashboard left open does: the next start ranks from them

    workspace, seen = _load_in_parts(db)

    assert seen["total"] == COUNT
    first = {i.id for i in seen["interviews"]}
    assert first == _top_of_each_column(whole)
    assert len(first) < COUNT
    by_id = {i.id: i for i in whole.interviews}
    # The very records, in the file's order, with their actions worked out.
    assert [i.id for i in seen["interviews"]] == [i.id for i in whole.interviews if i.id in first]
    assert all(i == by_id[i.id] for i in seen["interviews"])
    assert {a.interview for a in seen["actions"]} <= first
    assert {a.interview for a in seen["actions"]} == {
        a.interview for a in whole.actions if a.interview in first
    }
    # Then the rest: all of it, as a load in one go gives it.
    assert workspace.interviews == whole.interviews
    pipeline = workspace.pipeline
    assert workspace.actions == compute_actions(pipeline.interviews, pipeline.policy, NOW)


def test_with_nothing_kept_the_first_of_each_column_are_read_first(db: Path) -> None:
    whole = _open(db)
    whole.load()
    _, seen = _load_in_parts(db)
    first = [i.id for i in seen["interviews"]]
    expected = []
    for stage in STAGES:
        column = [i.id for i in whole.interviews if i.stage is stage]
        expected += column if stage is Stage.OFFER else column[:PER_STAGE]
    assert sorted(first) == sorted(expected)


def test_a_bad_document_after_the_first_part_still_refuses_the_file(db: Path) -> None:
    whole = _open(db)
    whole.load()
    last = whole.interviews[-1]
    content = db.read_bytes()
    spoiled = content.replace(f'"id":"{last.id}"'.encode(), f'"id":"{last.id}","x":1'.encode())
    assert spoiled != content
    db.write_bytes(spoiled)
    seen: list[int] = []
    workspace = _open(db)
    with pytest.raises(WorkspaceError, match=r'interviews\["\d+"\]\.x'):
        workspace.load(shown=seen.append)
    assert seen == [COUNT]
    assert db.read_bytes() == spoiled


@pytest.mark.parametrize("field", ["id", "stage"])
def test_a_hand_edit_the_board_cannot_place_is_refused_with_its_place(db: Path, field: str) -> None:
    whole = _open(db)
    whole.load()
    one = whole.interviews[7]
    content = db.read_bytes()
    start = content.index(f'"id":"{one.id}"'.encode())
    if field == "id":
        old, new = f'"id":"{one.id}"', f'"id":["{one.id}"]'
    else:
        old, new = f'"stage":"{one.stage.value}"', '"stage":["applied"]'
    at = content.index(old.encode(), start)
    spoiled = content[:at] + new.encode() + content[at + len(old) :]
    db.write_bytes(spoiled)
    for shown in (None, lambda total: None):
        with pytest.raises(WorkspaceError, match=r'interviews\["\d+"\]'):
            _open(db).load(shown=shown)
    assert db.read_bytes() == spoiled

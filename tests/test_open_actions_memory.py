"""What working out the open actions of a large file holds in memory at once: the file's bytes
once, beside the answers; never a second copy of every document, every record read, or the
answers kept beside the file's bytes; and, keeping the dashboard's answers, never all of them
whole. Measured by ``tracemalloc``, which counts the same on every machine."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pendulum
import pytest

from app.services.open_actions import cache_path, open_actions
from app.store.repository import Repository
from tests.cli_runs import cli
from tests.generated import generated_bytes

SIZE = 400
AT = "2026-11-20T10:00:00+00:00"
MOST = 2.5
"""Times the file's size. Holding every document twice and every record at once came to 3.8."""
MOST_AFTER_A_CHANGE = 4.5
"""The answers kept, parsed, are the larger part: their bytes beside the file's came to 5.5."""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return generated_bytes(tmp_path_factory.mktemp("large"), SIZE)


@pytest.fixture
def db(generated: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "followup.json"
    path.write_bytes(generated)
    return path


def due_and_its_peak(db: Path) -> tuple[str, int]:
    """What ``due --json`` prints, and the most it held at once, in bytes."""
    now = pendulum.parse(AT)
    assert isinstance(now, pendulum.DateTime)
    tracemalloc.start()
    try:
        found = open_actions(db, "UTC", now, lambda: Repository(db, default_zone="UTC"))
        printed = found.json_document(now.add(weeks=2).timestamp())
        return printed, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_with_nothing_kept_the_file_is_held_once(db: Path) -> None:
    printed, peak = due_and_its_peak(db)

    assert cache_path(db).exists()  # everything was worked out, and kept
    assert peak < MOST * db.stat().st_size
    assert due_and_its_peak(db)[0] == printed


def test_after_a_change_the_answers_kept_are_not_held_beside_the_file(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    due_and_its_peak(db)
    first = Repository(db, default_zone="UTC").load().interviews[0].id
    assert cli(capsys, "reply", first, "--db", str(db), "--at", AT)[0] == 0

    printed, peak = due_and_its_peak(db)

    assert peak < MOST_AFTER_A_CHANGE * db.stat().st_size
    cache_path(db).unlink()
    assert due_and_its_peak(db)[0] == printed


MOST_KEPT = 2.5
"""Times the size of what is kept. The answers whole, their JSON and that JSON joined with the
rest came to 3.4 (and to 3.5 at ten thousand interviews, where it now comes to 0.8)."""


def test_the_dashboard_keeps_its_answers_without_holding_them_whole(db: Path) -> None:
    from app.services.opening import open_workspace

    now = pendulum.parse(AT)
    assert isinstance(now, pendulum.DateTime)
    cold, _ = due_and_its_peak(db)
    cache_path(db).unlink()
    workspace = open_workspace(db, clock=lambda: now, default_zone="UTC")
    workspace.load()
    assert not cache_path(db).exists()

    tracemalloc.start()
    try:
        workspace.keep_answers()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    kept = cache_path(db).stat().st_size
    assert peak < MOST_KEPT * kept
    # What was kept is what `due` gives: from the cache, without working anything out.
    printed = open_actions(db, "UTC", now, lambda: pytest.fail("the file was read"))
    assert printed.json_document(now.add(weeks=2).timestamp()) == cold

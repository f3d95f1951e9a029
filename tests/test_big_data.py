"""Ten thousand interviews, one of them with a 100 KB note: the dashboard opens, scrolls, shows
the note and saves a change; and the importer refuses a file over its size limit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input

from app.cli import main
from app.commands.import_ import MAX_BYTES
from app.domain.copies import replace
from app.domain.records import STAGES, EventKind, Stage
from app.services.opening import open_workspace
from app.store.repository import Repository
from app.ui.factory import make_app
from app.ui.widgets.board import Board
from app.ui.widgets.detail import DetailPane
from app.ui.widgets.due import DuePanel
from bench.generate import generate_pipeline

INTERVIEWS = 10_000
LONG = "interview-04242"
ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)
NOTE_START, NOTE_END = "NOTE-STARTS-HERE", "NOTE-ENDS-HERE"
NOTE = f"{NOTE_START} {'we went through the roadmap line by line. ' * 2500}"[:102_386] + NOTE_END


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pipeline = generate_pipeline(INTERVIEWS)
    interviews = list(pipeline.interviews)
    index = next(n for n, i in enumerate(interviews) if i.id == LONG)
    long = interviews[index]
    interviews[index] = replace(
        long, stage=Stage.WAITING, outcome=None, notes=replace(long.notes, discussed=NOTE)
    )
    path = tmp_path_factory.mktemp("big") / "followup.json"
    Repository(path, default_zone=ZONE).import_pipeline(
        replace(pipeline, interviews=tuple(interviews)), replace=False
    )
    return path


@pytest.mark.slow
async def test_ten_thousand_interviews_and_a_long_note(big_db: Path) -> None:
    assert len(NOTE) == 100 * 1024
    app = make_app(open_workspace(big_db, clock=lambda: NOW, default_zone=ZONE), load_first=False)
    async with app.run_test(size=(120, 40)) as pilot:
        # The read starts once the first frame is drawn, in a worker.
        for _ in range(100):
            await pilot.pause()
            await app.workers.wait_for_complete()
            if app.loaded:
                break
        assert app.loaded and len(app.workspace.interviews) == INTERVIEWS
        board = app.screen.query_one(Board)
        counts = [len(board.cards(stage)) for stage in STAGES]
        assert sum(counts) == INTERVIEWS

        # Down a long column, one card at a time: the column scrolls with the cursor.
        biggest = max(range(len(STAGES)), key=lambda n: counts[n])
        await pilot.press(*["l"] * biggest)
        assert board.column == biggest and counts[biggest] > 1000
        await pilot.press(*["j"] * 40)
        stage = STAGES[biggest]
        assert board.cursor(stage) == 40 and board.first_shown(stage) > 0
        # And the due panel (after the detail pane in the tab order), a page at a time.
        await pilot.press("tab", "tab")
        due = app.screen.query_one(DuePanel)
        assert due.has_focus and due.count > 100
        await pilot.press("pagedown", "pagedown", *["j"] * 10)
        assert due.scroll_y > 0

        # Find the interview with the long note and open its detail.
        # Pasted, not typed: each key of a typed filter filters all ten thousand again.
        await pilot.press("slash")
        app.screen.query_one("#filter", Input).insert_text_at_cursor("Company 4242")
        await pilot.press("enter")
        await pilot.pause()
        assert sum(len(board.cards(stage)) for stage in STAGES) == 1
        steps = (STAGES.index(Stage.WAITING) - board.column) % len(STAGES)
        await pilot.press(*["l"] * steps)  # to its column; the board wraps around
        assert board.selected == LONG
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen.query_one(DetailPane)
        assert detail.has_focus
        assert NOTE_START in detail.text and NOTE_END in detail.text
        await pilot.press("pagedown", "end")
        await pilot.pause()
        assert detail.scroll_y > 100 and detail.scroll_y == detail.max_scroll_y

        # A change saves, into the database of ten thousand.
        await pilot.press("greater_than_sign")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace.pending == 0
        assert app.workspace.interview(LONG).stage is Stage.NEXT_ROUND

    stored = {i.id: i for i in Repository(big_db, default_zone=ZONE).load().interviews}
    assert len(stored) == INTERVIEWS
    assert stored[LONG].stage is Stage.NEXT_ROUND
    assert stored[LONG].events[-1].kind is EventKind.STAGE
    assert stored[LONG].notes.discussed == NOTE


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("size", [MAX_BYTES + 1, 4 * 1024**3])
@pytest.mark.parametrize("database", ["new", "existing"])
def test_the_importer_refuses_a_file_over_its_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], size: int, database: str
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(size)  # sparse: no disk space, no time
    db = tmp_path / "followup.json"
    if database == "existing":
        small = tmp_path / "small.json"
        small.write_text(
            '{"format": "followup/1", "interviews": [{"id": "a", "company": "A", "role": "R"}]}'
        )
        assert main(["import", str(small), "--db", str(db)]) == 0
        before = sha256(db)
    capsys.readouterr()

    code = main(["import", str(huge), "--db", str(db)])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith(f"followup: {huge}: the file is ")
    assert f"up to {MAX_BYTES // 1024 // 1024} MB" in err
    if database == "existing":
        assert sha256(db) == before
    else:
        assert not db.exists()

"""The child processes of ``bench/kanban_bench.py``: kanban-tui, a Textual kanban board, run
headless at 120x40 on a board of its own in a folder of its own.

    python -m bench.kanban_paint setup FOLDER N         a board of N cards in FOLDER
    python -m bench.kanban_paint full FOLDER STARTED    the first paint with every card on it
    python -m bench.kanban_paint keys FOLDER PRESSES    keypress to repaint, as JSON

FOLDER holds kanban-tui's config file and SQLite database. kanban-tui finds both through the
XDG folders and its own variables, and makes its folders as it is imported, so these are set
before it is: nothing is read from or written to the home folder.

The cards are the generated interviews of ``bench/generate.py`` (the company and role as the
title, what was discussed as the description), dealt in turn to the board's visible columns,
so every card is on the board. The app is made as kanban-tui's command makes it
(``KanbanTui(config_path=…, database_path=…)``); ``full`` reports as ``bench/paint.py`` does,
and ``keys`` presses as ``bench/keys_bench.py`` does on followup's board.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

SIZE = (120, 40)


def main() -> None:
    mode, folder = sys.argv[1], Path(sys.argv[2])
    config, database = _use(folder)
    if mode == "setup":
        _setup(config, database, int(sys.argv[3]))
    elif mode == "full":
        _full(config, database, float(sys.argv[-1]))
    elif mode == "keys":
        print(json.dumps(asyncio.run(_keys(config, database, int(sys.argv[3])))))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


def _use(folder: Path) -> tuple[Path, Path]:
    """Point kanban-tui at ``folder``: its config file and its database."""
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    config = folder / "config" / "kanban_tui" / "config.toml"
    database = folder / "data" / "kanban_tui" / "kanban_tui.db"
    # Settings.save writes to this one when it is set, whatever path it is given.
    os.environ["KANBAN_TUI_CONFIG_FILE"] = str(config)
    os.environ["KANBAN_TUI_DATABASE_FILE"] = str(database)
    return config, database


def _app(config: Path, database: Path) -> Any:
    from kanban_tui.app import KanbanTui

    return KanbanTui(config_path=str(config), database_path=str(database))


def _setup(config: Path, database: Path, count: int) -> None:
    from bench.generate import generate_pipeline

    if database.exists():
        raise SystemExit(f"{database} is there already")
    # Making the app makes the config file and the database, as a first start of kanban-tui
    # does; the board is made as `ktui board create` makes it, with the default columns.
    app = _app(config, database)
    backend = app.backend
    board = backend.create_new_board(name="Interviews", icon=":sparkles:")
    app.config.set_active_board(new_active_board_id=board.board_id)
    columns = [column.column_id for column in backend.get_columns() if column.visible]
    for n, interview in enumerate(generate_pipeline(count).interviews):
        backend.create_new_task(
            title=f"{interview.company} - {interview.role}",
            description=interview.notes.discussed,
            column=columns[n % len(columns)],
        )
    print(f"{count} cards in {len(columns)} columns", flush=True)


def _populated(app: Any) -> bool:
    """Every card of the board mounted in its column, and one of them focused: the board as
    kanban-tui leaves it once it has started."""
    from kanban_tui.screens.board_screen import BoardScreen
    from kanban_tui.widgets.board_widgets import KanbanBoard
    from kanban_tui.widgets.task_card import TaskCard
    from kanban_tui.widgets.task_column import Column

    screen = app.screen
    if not isinstance(screen, BoardScreen) or not isinstance(app.focused, TaskCard):
        return False
    # The board's children are its columns: cheaper than a query of every card, each paint.
    board = screen.query_one(KanbanBoard)
    columns = [child for child in board.children if isinstance(child, Column)]
    mounted = sum(column.task_amount for column in columns)
    return len(columns) == len(app.visible_column_dict) and mounted == len(app.task_list)


def _full(config: Path, database: Path, started: float) -> None:
    from bench.paint import on_paint

    app = _app(config, database)

    def painted() -> None:
        if _populated(app):
            print(time.time() - started, flush=True)
            os._exit(0)

    on_paint(app, painted)
    app.run(headless=True, size=SIZE)
    raise SystemExit("kanban-tui ended before its board was populated")


async def _keys(config: Path, database: Path, presses: int) -> dict[str, Any]:
    from kanban_tui.widgets.task_card import TaskCard
    from kanban_tui.widgets.task_column import Column

    from bench.keys_bench import _direction, _key
    from bench.paint import on_paint

    app = _app(config, database)
    paints: list[float] = []
    scans: list[tuple[float, float]] = []
    on_paint(app, lambda: paints.append(time.perf_counter()))
    late = 0

    async with app.run_test(size=SIZE) as pilot:
        for _ in range(10_000):
            if _populated(app):
                break
            if app.return_code is not None:
                raise SystemExit("kanban-tui ended before its board was populated")
            await pilot.pause(0.01)
        else:
            raise SystemExit("kanban-tui never came up populated")

        def focused() -> TaskCard:
            card = app.focused
            if not isinstance(card, TaskCard):
                raise SystemExit(f"the focus left the cards for {card!r}")
            return card

        async def press(key: str) -> float:
            nonlocal late
            paints.clear()
            scans.clear()
            started = time.perf_counter()
            app.post_message(_key(key))
            await _painted(app, paints, scans)
            ended = paints[-1] if paints else time.perf_counter()
            painted_so_far = len(paints)
            await pilot.pause()
            late += len(paints) > painted_so_far
            scanning = sum(end - start for start, end in scans if end <= ended)
            return ended - started - scanning

        # The same keys as followup's board in bench/keys_bench.py: j/k down and up a column,
        # turning at either end (kanban-tui would wrap around), l to the next every tenth.
        times = []
        across = []
        down = True
        for n in range(presses):
            card = focused()
            if n % 10 == 9:
                key = "l"
            else:
                column = app.screen.query_one(f"#column_{card.task_.column}", Column)
                down = _direction(down, card.row, 0, column.task_amount - 1)
                key = "j" if down else "k"
            before = card
            times.append(await press(key))
            if focused() is before:
                raise SystemExit(f"{key} did not move the selection")
            if key == "l":
                across.append(times[-1])
    return {"board": times, "next column": across, "late": late}


async def _painted(app: Any, paints: list[float], scans: list[tuple[float, float]]) -> None:
    """``_painted`` of bench/keys_bench.py, which waits for every message queue to be empty,
    with the time spent looking at the queues kept in ``scans``: every card is a handful of
    nodes with a queue each (5,000 at 1,000 cards, against some 30 in followup), and
    looking at them all, some 40 times a press, is the bench's work, not kanban-tui's."""
    for _ in range(100):
        await _settled(app, scans)
        before = len(paints)
        app.screen._on_timer_update()
        if len(paints) == before:
            return
    raise SystemExit("the screen never stopped repainting after a key")


async def _settled(app: Any, scans: list[tuple[float, float]]) -> None:
    quiet = 0
    while quiet < 2:
        await asyncio.sleep(0)
        start = time.perf_counter()
        busy = any(pump.message_queue_size for pump in [app, *app._registry])
        scans.append((start, time.perf_counter()))
        quiet = 0 if busy else quiet + 1


if __name__ == "__main__":
    main()

"""How long a keypress takes to reach the screen, moving through the board and the due panel.

Run from the project's root: ``python -m bench.keys_bench [--runs N] [--sizes 100,10000]``
(here ``--runs`` is the number of presses on each of the two panels, 200 by default).

For each size one fresh process opens the dashboard headless at 120x40 (``make_app``, the
database read behind the first screen as ``followup`` does it), waits until it is fully
populated, then presses keys one at a time:

- board: ``j``/``k`` down and up a column, turning back at either end, and every tenth press
  ``l`` to the next column, or ``h`` back once at the last (so the detail pane changes with
  every press);
- due panel: after ``tab`` to it, ``j``/``k`` down and up the actions, turning at the ends.

Then, as after every change the user makes (a save is done behind it), the whole board and due
panel worked out again from the workspace and drawn (``DashboardScreen.show_all``), ``--runs``
/ 10 times (at least 5): informative, with no target of its own.

What one press measures: from the moment the key event is posted to the app to the end of the
last paint it causes. Between the two, the app handles the key (binding, cursor, the messages
up to the screen, the detail pane shown again) until no message queue of the app or of any
node it runs holds anything; then the screen's pending update is done as Textual's
frame timer does it (``Screen._on_timer_update``: layout, compositor, the changed lines
rendered) and turned into the terminal's bytes, which headless Textual would skip. The wait
for the frame timer's next tick (at most 1/60 s, the same in any Textual app) is not counted.
If the frame timer painted on its own meanwhile, the press ends at that paint.

After each press the app is left to go idle (``pilot.pause()``) before the next one; a paint
that still happens then means a press was cut short: how many were is reported (it is 0).
Figures are the median, the 90th percentile and the min-max of the presses, in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench import figures, options
from bench.data import databases
from bench.processes import PYTHON, output

SIZE = (120, 40)
PANELS = ("board", "due panel")


def main() -> int:
    parser = options.parser(__doc__, runs=200)
    parser.add_argument("--measure", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(asyncio.run(measure(Path(args.measure), args.runs))))
        return 0
    with databases(args.sizes, args.data) as dbs:
        for size, db in dbs.items():
            measure_argv = ["--measure", str(db), "--runs", str(args.runs)]
            result = json.loads(output([PYTHON, "-m", "bench.keys_bench", *measure_argv]))
            print(figures.heading(size, f"{args.runs} presses on each panel"))
            for panel in PANELS:
                report(size, panel, result[panel])
                if panel == "board" and result["next column"]:
                    across = result["next column"]
                    shown = f"{figures.spread(across, 'ms')}, {len(across)} presses"
                    print(figures.row("  of which next column (l, h)", shown))
            changed = figures.spread(result["change shown"], "ms")
            print(figures.row("a change shown (board and due panel again)", changed))
            late = f"{result['late']} of {2 * args.runs}"
            print(figures.row("presses cut short (a paint after the end)", late), flush=True)
    return 0


def report(size: int, panel: str, seconds: list[float]) -> None:
    median = f"keypress to repaint, {panel}, median"
    print(figures.row(f"keypress to repaint, {panel}", figures.spread(seconds, "ms")))
    print(figures.row(median, *_judged(median, size, figures.median(seconds))))
    p90 = f"keypress to repaint, {panel}, p90"
    print(figures.row(p90, *_judged(p90, size, figures.p90(seconds))))


def _judged(figure: str, size: int, seconds: float) -> tuple[str, str]:
    return f"{seconds * 1000:.1f} ms", figures.judged(figure, size, seconds)


# --------------------------------------------------------------------------- in the child


async def measure(db: Path, presses: int) -> dict[str, Any]:
    import pendulum

    from app.domain.records import STAGES
    from app.services.opening import open_workspace, quick_to_read
    from app.ui.factory import make_app
    from app.ui.widgets.board import Board
    from app.ui.widgets.due import DuePanel
    from bench.paint import on_paint

    now = pendulum.datetime(2026, 11, 20, 10, tz="UTC")
    workspace = open_workspace(db, clock=lambda: now, default_zone="UTC")
    app = make_app(workspace, load_first=quick_to_read(db))
    paints: list[float] = []
    on_paint(app, lambda: paints.append(time.perf_counter()))
    late = 0

    async with app.run_test(size=SIZE) as pilot:
        # The read starts in a worker once the first frame is drawn: wait for it to exist.
        while not app.loaded:
            if app.return_code is not None:
                raise SystemExit(f"the dashboard on {db} ended before it was populated")
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = app.dashboard
        board = screen.query_one(Board)
        panel = screen.query_one(DuePanel)
        if not (app.loaded and panel.count and board.has_focus):
            raise SystemExit(f"the dashboard on {db} did not come up populated, board focused")

        async def press(key: str) -> float:
            nonlocal late
            paints.clear()
            started = time.perf_counter()
            app.post_message(_key(key))
            await _painted(app, paints)
            ended = paints[-1] if paints else time.perf_counter()
            painted_so_far = len(paints)
            await pilot.pause()
            late += len(paints) > painted_so_far
            return ended - started

        board_times = []
        across = []
        down, right = True, True
        for n in range(presses):
            stage = board.stage
            if n % 10 == 9:
                right = _direction(right, board.column, 0, len(STAGES) - 1)
                key = "l" if right else "h"
            else:
                down = _direction(down, board.cursor(stage), 0, len(board.cards(stage)) - 1)
                key = "j" if down else "k"
            board_times.append(await press(key))
            if key in ("l", "h"):
                across.append(board_times[-1])

        for _ in range(len(STAGES) + 3):
            if panel.has_focus:
                break
            await pilot.press("tab")
        if not panel.has_focus:
            raise SystemExit("tab never reached the due panel")
        actions = [n for n, row in enumerate(panel.rows) if row.action_id is not None]
        if not actions:
            raise SystemExit(f"the due panel on {db} has no action to move through")
        due_times = []
        down = True
        for _ in range(presses):
            down = _direction(down, panel.cursor, actions[0], actions[-1])
            due_times.append(await press("j" if down else "k"))

        changes = []
        for _ in range(max(5, presses // 10)):
            paints.clear()
            started = time.perf_counter()
            screen.show_all(keep_action=panel.selected)
            await _painted(app, paints)
            changes.append((paints[-1] if paints else time.perf_counter()) - started)
            await pilot.pause()
    return {
        "board": board_times,
        "due panel": due_times,
        "next column": across,
        "late": late,
        "change shown": changes,
    }


def _direction(down: bool, at: int, first: int, last: int) -> bool:
    """Down until the last row, then up until the first: every press moves the cursor."""
    if down and at >= last:
        return False
    if not down and at <= first:
        return True
    return down


def _key(key: str) -> Any:
    from textual import events

    return events.Key(key, key if len(key) == 1 else None)


async def _painted(app: Any, paints: list[float]) -> None:
    """Until the app is settled and has nothing left to paint: a paint can set off more work
    (a resized or newly shown widget is told so by a message), and so another paint."""
    for _ in range(100):
        await _settled(app)
        before = len(paints)
        app.screen._on_timer_update()
        if len(paints) == before:
            return
    raise SystemExit("the screen never stopped repainting after a key")


async def _settled(app: Any) -> None:
    """Until no message queue holds anything, twice in a row: a handler that posts a message
    puts it in a queue before it returns. The queues are those of the app and of every node it
    runs, scroll bars included (they are not in the DOM, and receive Resize and Show)."""
    quiet = 0
    while quiet < 2:
        await asyncio.sleep(0)
        pumps = [app, *app._registry]
        quiet = 0 if any(pump.message_queue_size for pump in pumps) else quiet + 1


if __name__ == "__main__":
    sys.exit(main())

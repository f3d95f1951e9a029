"""followup against kanban-tui, a Textual kanban board, with as many cards as interviews.

Run from the project's root: ``python -m bench.kanban_bench [--runs N] [--sizes 100,1000]``
(kanban-tui comes with ``pip install followup[bench]``; without it, this says so and stops).

For each size, followup opens the generated database of that many interviews, and kanban-tui
a board of as many cards in a temporary folder of its own (``bench/kanban_paint.py``: the
same interviews as cards, dealt in turn to its three visible columns). Both run headless at
120x40, each figure in a fresh process:

- first paint, fully populated: the seconds from the process's start to its first paint
  with every card on the board (followup: ``bench/paint.py full``, every card, its badge and
  the due panel; kanban-tui: every card mounted in its column and the first one focused);
- keypress to repaint on the board: ``j``/``k`` down and up a column, turning at either end,
  ``l`` to the next column every tenth press, each from the key to the end of the last paint
  it causes, as ``bench/keys_bench.py`` measures it (``--presses`` in each process);
- peak memory: the peak resident memory (``ru_maxrss``) of each first-paint process, read
  for that process alone with ``os.wait4``.

The two programs take turns run by run. Figures are the median and the min-max (of the runs,
or of every press), and each ratio is followup's median over kanban-tui's: below 1x,
followup is ahead.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from bench import figures, options
from bench.data import databases
from bench.processes import PAINT, PYTHON, Finished, interleaved, output, reported, seconds

KANBAN = [PYTHON, "-m", "bench.kanban_paint"]
PROGRAMS = ("followup", "kanban-tui")
VERSION = "0.21.2"


LARGEST = 1_000


def main() -> int:
    parser = options.parser(__doc__, runs=5)
    parser.add_argument(
        "--presses", type=options.positive, default=50, help="key presses in each process (50)"
    )
    args = parser.parse_args()
    missing = _missing()
    if missing:
        print(f"kanban_bench skipped: {missing} (install it with `pip install followup[bench]`)")
        return 0
    # kanban-tui takes some 8 s to start with 1,000 cards and a second a key: beyond that the
    # comparison would take hours and say nothing more.
    sizes = [size for size in args.sizes if size <= LARGEST]
    for size in args.sizes:
        if size > LARGEST:
            print(f"kanban_bench: {size:,} cards left out (up to {LARGEST:,})")
    if not sizes:
        return 0
    with (
        databases(sizes, args.data) as dbs,
        tempfile.TemporaryDirectory(prefix="followup-bench-kanban-") as boards,
    ):
        for size, db in dbs.items():
            board = Path(boards) / f"kanban-tui-{size}"
            output([*KANBAN, "setup", str(board), str(size)])
            paints = interleaved(
                {
                    "followup": partial(reported, [*PAINT, "full", str(db)]),
                    "kanban-tui": partial(reported, [*KANBAN, "full", str(board)]),
                },
                args.runs,
            )
            keys = _keypresses(db, board, args.runs, args.presses)
            _report(size, args.runs, args.presses, paints, keys)
    return 0


def _missing() -> str:
    """Why kanban-tui cannot be run here, or nothing. Only looked for: importing it would make
    its folders in the home folder."""
    if importlib.util.find_spec("kanban_tui") is None:
        return "kanban-tui is not installed"
    try:
        importlib.metadata.version("kanban-tui")
    except importlib.metadata.PackageNotFoundError:
        return "kanban-tui is importable but not installed as a package"
    return ""


def _keypresses(db: Path, board: Path, runs: int, presses: int) -> dict[str, list[dict[str, Any]]]:
    """One process of each program a run, taking turns at going first. The first-paint runs
    before have warmed the page cache and the byte code, so no unmeasured run comes first."""
    argv = {
        "followup": [PYTHON, "-m", "bench.keys_bench", "--measure", str(db)],
        "kanban-tui": [*KANBAN, "keys", str(board)],
    }
    done: dict[str, list[dict[str, Any]]] = {name: [] for name in PROGRAMS}
    for run in range(runs):
        for name in PROGRAMS[run % 2 :] + PROGRAMS[: run % 2]:
            if name == "followup":
                result = output([*argv[name], "--runs", str(presses)])
            else:
                result = output([*argv[name], str(presses)])
            done[name].append(json.loads(result))
    return done


def _report(
    size: int,
    runs: int,
    presses: int,
    paints: dict[str, list[Finished]],
    keys: dict[str, list[dict[str, Any]]],
) -> None:
    detail = f"as many kanban-tui {_version()} cards, {runs} runs each, {presses} presses a run"
    print(figures.heading(size, detail))
    first = {name: seconds(paints[name]) for name in PROGRAMS}
    pressed = {name: [t for one in keys[name] for t in one["board"]] for name in PROGRAMS}
    memory = {name: [one.peak_mb for one in paints[name]] for name in PROGRAMS}
    for name in PROGRAMS:
        print(figures.row(f"{name}, first paint fully populated", figures.spread(first[name])))
    for name in PROGRAMS:
        times = pressed[name]
        shown = f"{figures.spread(times, 'ms')}, p90 {figures.p90(times) * 1000:,.1f} ms"
        print(figures.row(f"{name}, keypress to repaint, board", shown))
    for name in PROGRAMS:
        late = sum(one["late"] for one in keys[name])
        cut = f"{late} of {len(pressed[name])}"
        print(figures.row(f"{name}, presses cut short (a later paint)", cut))
    for name in PROGRAMS:
        print(figures.row(f"{name}, peak memory", figures.spread(memory[name], "MB")))
    for figure, values in (
        ("first paint", first),
        ("keypress", pressed),
        ("peak memory", memory),
    ):
        ratio = figures.median(values["followup"]) / figures.median(values["kanban-tui"])
        verdict = figures.judged(f"followup / kanban-tui, {figure}", size, ratio)
        shown = f"{ratio:.2f}x"
        print(figures.row(f"followup / kanban-tui, {figure}", shown, verdict), flush=True)


def _version() -> str:
    installed = importlib.metadata.version("kanban-tui")
    return installed if installed == VERSION else f"{installed} (written for {VERSION})"


if __name__ == "__main__":
    raise SystemExit(main())

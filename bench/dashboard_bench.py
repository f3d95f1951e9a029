"""How long the dashboard takes to appear, against a bare Textual app in the same run.

Run from the project's root: ``python -m bench.dashboard_bench [--runs N] [--sizes 100,1000]``.

Every figure is a fresh process (``bench/paint.py``) that runs its app headless at 120x40 and
reports, itself, the seconds from its start to a paint: Python's start, the imports, and for
the dashboard reading the database, working out the actions, mounting and drawing.

- bare app: ``App`` with one ``Static``, to its first paint; the floor any Textual app pays.
- first paint: the dashboard's first frame (the database still being read behind it).
- board first drawn: the first frame with cards on the board: for a file of more than 1 MB,
  the top of each column, read first while the rest is read behind it (the whole board for
  a smaller one, read before the first frame).
- fully populated: the first frame with every card, its badge, and the due panel filled, on
  a start after another (``due`` or the dashboard keeps what it worked out beside the file:
  each run keeps it as it ends, not timed);
- fully populated, nothing kept: the same with that removed first (not timed): every
  interview worked out.

The five, and the imports' process below, are interleaved run by run, so that all of them see
the same load on the machine, each run starting with the next of them.
Figures are the median and the min-max of the runs; ratios are of the medians.

Two floors say what part of the fully populated dashboard no change to its drawing can remove,
against the room its target leaves over the bare app ((target - 1) x the bare app):

- followup's imports: a process of its own that imports what the bare app does and then
  times importing what the dashboard adds (followup's modules, pendulum);
- decoding the file: ``msgspec.json.decode`` of the database's bytes, in this process, the
  cycle collector paused as followup reads: JSON parsed into plain objects, with nothing
  checked or built, short of what reading every interview takes.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from app.memory import collector_paused
from bench import figures, options
from bench.data import databases
from bench.processes import PAINT, interleaved, reported, seconds

FULL = "dashboard fully populated / bare app"


def main() -> int:
    args = options.parser(__doc__, runs=5).parse_args()
    with databases(args.sizes, args.data) as dbs:
        for size, db in dbs.items():
            done = interleaved(
                {
                    "bare": partial(reported, [*PAINT, "bare"]),
                    "first": partial(reported, [*PAINT, "first", str(db)]),
                    "board": partial(reported, [*PAINT, "board", str(db)]),
                    "full": partial(reported, [*PAINT, "full", str(db)]),
                    "cold": partial(reported, [*PAINT, "cold", str(db)]),
                    "imports": partial(reported, [*PAINT, "imports"]),
                },
                args.runs,
            )
            bare, first, board, full, cold, imports = (
                seconds(done[name])
                for name in ("bare", "first", "board", "full", "cold", "imports")
            )
            decoding = _decoding(db, args.runs)
            print(figures.heading(size, f"{args.runs} runs each"))
            print(figures.row("bare app, first paint", figures.spread(bare)))
            print(figures.row("dashboard, first paint", figures.spread(first)))
            print(figures.row("dashboard, board first drawn", figures.spread(board)))
            print(figures.row("dashboard, fully populated", figures.spread(full)))
            print(figures.row("dashboard, fully populated, nothing kept", figures.spread(cold)))
            for name, values in (
                ("first paint", first),
                ("board first drawn", board),
                ("fully populated", full),
                ("fully populated, nothing kept", cold),
            ):
                figure = f"dashboard {name} / bare app"
                print(figures.ratio_row(figure, size, values, bare), flush=True)
            print(figures.row("floor: followup's imports", figures.spread(imports, "ms")))
            print(figures.row("floor: decoding the file (msgspec)", figures.spread(decoding, "ms")))
            target = figures.TARGETS.get((FULL, size))
            if target is not None:
                room = (target.limit - 1) * figures.median(bare)
                floors = figures.median(imports) + figures.median(decoding)
                print(figures.row(f"room over the bare app at {target}", f"{1000 * room:.0f} ms"))
                print(figures.row("floors / that room", f"{floors / room:.2f}x"), flush=True)
    return 0


def _decoding(db: Path, runs: int) -> list[float]:
    """Seconds to decode the file's bytes into Python objects, ``runs`` times."""
    import msgspec

    data = db.read_bytes()
    decoder = msgspec.json.Decoder()
    taken = []
    for _ in range(runs):
        # With the cycle collector paused, as followup reads a file.
        with collector_paused():
            started = time.perf_counter()
            decoder.decode(data)
            taken.append(time.perf_counter() - started)
    return taken


if __name__ == "__main__":
    raise SystemExit(main())

"""The whole `followup due --json` process, against Python importing the libraries it needs.

Run from the project's root: ``python -m bench.cli_bench [--runs N] [--sizes 100,10000]``.

Each run starts, one after the other, ``python -c pass``, ``python -c "import pendulum,
tinydb"`` (the floor: a Python program that reads a TinyDB file and handles dates cannot start
for less) and ``python -m app due --json --at 2026-11-20T10:00:00+00:00 --db FILE``, its
output thrown away. Each is timed from its start to its exit, and they are interleaved run by
run (each run starting with the next of them), so that all three see the same load on the
machine. One unmeasured run of each first
warms the disk cache and the byte code. Figures are medians with min-max; the ratio is of the
medians.
"""

from __future__ import annotations

from functools import partial

from bench import figures, options
from bench.data import databases
from bench.processes import PYTHON, interleaved, run, seconds

AT = "2026-11-20T10:00:00+00:00"
FIGURE = "due --json / import pendulum, tinydb"


def main() -> int:
    args = options.parser(__doc__, runs=7).parse_args()
    with databases(args.sizes, args.data) as dbs:
        for size, db in dbs.items():
            commands = {
                "python -c pass": [PYTHON, "-c", "pass"],
                "import pendulum, tinydb": [PYTHON, "-c", "import pendulum, tinydb"],
                "due --json": [PYTHON, "-m", "app", "due", "--json", "--at", AT, "--db", str(db)],
            }
            done = interleaved(
                {name: partial(run, argv) for name, argv in commands.items()}, args.runs
            )
            times = {name: seconds(finished) for name, finished in done.items()}
            print(figures.heading(size, f"{args.runs} runs each"))
            for name, values in times.items():
                print(figures.row(name, figures.spread(values, "ms")))
            due, floor = times["due --json"], times["import pendulum, tinydb"]
            print(figures.ratio_row(FIGURE, size, due, floor), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Peak memory: `followup due --json` and the dashboard fully populated, against the bare
programs they are built on.

Run from the project's root: ``python -m bench.memory_bench [--runs N] [--sizes 100,10000]``.

Each figure is the peak resident memory (``ru_maxrss``) of one fresh process, read for that
process alone with ``os.wait4``:

- ``python -c "import pendulum, tinydb"`` and ``python -m app due --json --at … --db FILE``;
- the bare Textual app (``App`` with one ``Static``) at its first paint, and the dashboard at
  its first fully populated paint (``bench/paint.py``, headless at 120x40);
- each of the two again on the mornings that read more than the answers kept beside the file
  (as ``cli_bench`` times them): ``nothing kept`` (the cache removed before each run: every
  interview read and worked out), and for ``due --json`` also ``one interview changed`` (a
  ``followup reply`` to one interview before each run).

The runs are interleaved; figures are medians with min-max, in MB, and the ratio of the
medians. At 10,000 interviews ``due --json`` is held to 150 MB and the dashboard to 200 MB,
on every one of those mornings.
"""

from __future__ import annotations

from functools import partial

from bench import figures, options
from bench.cli_bench import after, due_json, kept_beside, reply_to_first
from bench.data import databases, private_copy
from bench.processes import PAINT, PYTHON, interleaved, reported, run


def main() -> int:
    args = options.parser(__doc__, runs=3).parse_args()
    with databases(args.sizes, args.data) as dbs:
        for size, db in dbs.items():
            cold, changed = private_copy(db, "memory-cold"), private_copy(db, "memory-changed")
            done = interleaved(
                {
                    "import pendulum, tinydb": partial(
                        run, [PYTHON, "-c", "import pendulum, tinydb"]
                    ),
                    "due --json": partial(run, due_json(db)),
                    "due --json, nothing kept": partial(after, kept_beside(cold), due_json(cold)),
                    "due --json, one interview changed": partial(
                        after, reply_to_first(changed), due_json(changed)
                    ),
                    "bare app": partial(reported, [*PAINT, "bare"]),
                    "dashboard": partial(reported, [*PAINT, "full", str(db)]),
                    # The paint's own "cold" removes what was kept before it starts.
                    "dashboard, nothing kept": partial(reported, [*PAINT, "cold", str(cold)]),
                },
                args.runs,
            )
            peaks = {name: [one.peak_mb for one in finished] for name, finished in done.items()}
            print(figures.heading(size, f"{args.runs} runs each, peak resident memory"))
            for name, values in peaks.items():
                figure = f"{name}, peak memory"
                shown = figures.spread(values, "MB")
                print(figures.row(name, shown, _judged(figure, size, values)))
            for measured, floor in (
                ("due --json", "import pendulum, tinydb"),
                ("dashboard", "bare app"),
            ):
                figure = f"{measured} / {floor}, memory"
                print(figures.ratio_row(figure, size, peaks[measured], peaks[floor]), flush=True)
    return 0


def _judged(figure: str, size: int, values: list[float]) -> str:
    if (figure, size) not in figures.TARGETS:
        return ""
    return figures.judged(figure, size, figures.median(values))


if __name__ == "__main__":
    raise SystemExit(main())

"""The whole `followup due --json` process, against Python importing the libraries it needs.

Run from the project's root: ``python -m bench.cli_bench [--runs N] [--sizes 100,10000]``.

Each run starts, one after the other, ``python -c pass``, ``python -c "import pendulum,
tinydb"`` (the floor: a Python program that reads a TinyDB file and handles dates cannot start
for less) and ``python -m app due --json --at 2026-11-20T10:00:00+00:00 --db FILE``, its
output thrown away. Each is timed from its start to its exit, and they are interleaved run by
run (each run starting with the next of them), so that all see the same load on the machine.
One unmeasured run of each first warms the disk cache and the byte code. Figures are medians
with min-max; the ratio is of the medians.

``due --json`` is the command of every morning, on a file most of which is as it was: what it
worked out the time before is kept beside the database (``services/open_actions``). Two more
figures, with no target, show the other mornings: ``nothing kept`` (the cache removed before
each run, not timed: every interview read and worked out) and ``one interview changed`` (a
``followup reply`` to one interview before each run, not timed: that interview read and worked
out again). Last, ``python -X importtime`` of one ``due --json``: what it imports, by package,
in ms of import time.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from functools import partial
from pathlib import Path

from bench import figures, options
from bench.data import databases, private_copy
from bench.processes import (
    PYTHON,
    ROOT,
    Finished,
    environment,
    interleaved,
    output,
    run,
    seconds,
)

AT = "2026-11-20T10:00:00+00:00"
FIGURE = "due --json / import pendulum, tinydb"


def main() -> int:
    args = options.parser(__doc__, runs=7).parse_args()
    with databases(args.sizes, args.data) as dbs:
        for size, db in dbs.items():
            commands = {
                "python -c pass": [PYTHON, "-c", "pass"],
                "import pendulum, tinydb": [PYTHON, "-c", "import pendulum, tinydb"],
                "due --json": due_json(db),
            }
            cold, changed = private_copy(db, "nothing-kept"), private_copy(db, "one-changed")
            runs = {name: partial(run, argv) for name, argv in commands.items()}
            runs["due --json, nothing kept"] = partial(after, kept_beside(cold), due_json(cold))
            runs["due --json, one interview changed"] = partial(
                after, reply_to_first(changed), due_json(changed)
            )
            done = interleaved(runs, args.runs)
            times = {name: seconds(finished) for name, finished in done.items()}
            print(figures.heading(size, f"{args.runs} runs each"))
            for name, values in times.items():
                print(figures.row(name, figures.spread(values, "ms")))
            due, floor = times["due --json"], times["import pendulum, tinydb"]
            print(figures.ratio_row(FIGURE, size, due, floor), flush=True)
            print(f"  imports of one due --json (python -X importtime), ms: {_imports(db)}")
    return 0


def due_json(db: Path) -> list[str]:
    return [PYTHON, "-m", "app", "due", "--json", "--at", AT, "--db", str(db)]


def after(before: list[str] | Path, argv: list[str]) -> Finished:
    """``argv`` timed, after ``before`` (a command, or a file to remove), not timed."""
    if isinstance(before, Path):
        before.unlink(missing_ok=True)
    else:
        subprocess.run(before, cwd=ROOT, env=environment(), check=True, capture_output=True)
    return run(argv)


def kept_beside(db: Path) -> Path:
    """``open_actions.cache_path`` for a file that is no link, spelled out: importing that
    module would raise this process's peak memory above the import floor that Linux hands on
    to every process it starts (``memory_bench``)."""
    return db.with_name(f"{db.name}.actions-cache")


def reply_to_first(db: Path) -> list[str]:
    """A reply to the first interview, as from the person who answered last."""
    # Found by a child: read here, the file would raise this process's peak memory, which
    # Linux hands on to every process it starts (memory_bench measures theirs).
    first = output([PYTHON, "-c", _FIRST_ID, str(db)]).strip()
    return [PYTHON, "-m", "app", "reply", first, "--at", AT, "--db", str(db)]


_FIRST_ID = """
import sys
from pathlib import Path
from app.store.repository import Repository
print(Repository(Path(sys.argv[1]), default_zone="UTC").load().interviews[0].id)
"""


def _imports(db: Path) -> str:
    """What one ``due --json`` imports, by top-level package, the largest first."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", *due_json(db)[1:]],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    spent: Counter[str] = Counter()
    for line in done.stderr.splitlines():
        found = _LINE.match(line)
        if found:
            spent[found["name"].strip().split(".")[0]] += int(found["self"]) / 1000
    shown = ", ".join(f"{name} {ms:.1f}" for name, ms in spent.most_common(8))
    return f"{sum(spent.values()):.1f} in all; {shown}"


_LINE = re.compile(r"import time:\s+(?P<self>\d+) \|\s+\d+ \|(?P<name>.*)")


if __name__ == "__main__":
    raise SystemExit(main())

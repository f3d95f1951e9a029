"""What the database costs: one save and one open, each against the least any JSON file store
could do with the same bytes.

Run from the project's root: ``python -m bench.store_bench [--runs N] [--sizes 100,10000]``.

In one process, on a private copy of each generated database:

- one save: as the dashboard saves. A ``Workspace`` over a ``Repository``, loaded once and
  kept; each run marks one due action sent (not timed), then ``save_pending()`` is timed: the
  lock, the change re-applied to the file as it is, the write with its backup, fsync, rename.
- its floor: the same file's tables (parsed before the timing) serialized with
  ``orjson.dumps``, written to a temporary in the same folder, fsync, and ``os.replace`` over
  a file of the same size.
- one open: a fresh ``Repository(db, default_zone="UTC").load()``: the file read, parsed,
  upgraded, and every record built and validated.
- its floor: ``orjson.loads`` of the file's bytes. Both open figures include reading the
  bytes from the (warm) page cache.

Each save and its floor, then each open and its floor, are timed run by run, taking turns at
going first. One unmeasured run comes first (the first save of a session also imports the
lock). Figures are medians with min-max; ratios are of the medians.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import figures, options
from bench.data import databases, private_copy

AT = "2026-11-20T10:00:00+00:00"


@dataclass(frozen=True, slots=True)
class Measured:
    megabytes: float
    save: list[float]
    save_floor: list[float]
    opened: list[float]
    open_floor: list[float]


def main() -> int:
    args = options.parser(__doc__, runs=7).parse_args()
    with databases(args.sizes, args.data) as dbs:
        for size, shared in dbs.items():
            db = private_copy(shared, "store")
            try:
                measured = measure(db, args.runs)
            finally:
                for leftover in db.parent.glob(f"{db.stem}*"):
                    leftover.unlink()
            print(figures.heading(size, f"{measured.megabytes:.1f} MB, {args.runs} runs"))
            for label, values in (
                ("one save (save_pending)", measured.save),
                ("floor: dumps, write, fsync, rename", measured.save_floor),
            ):
                print(figures.row(label, figures.spread(values, "ms")))
            print(figures.ratio_row("one save / floor", size, measured.save, measured.save_floor))
            for label, values in (
                ("open (Repository.load)", measured.opened),
                ("floor: read, orjson.loads", measured.open_floor),
            ):
                print(figures.row(label, figures.spread(values, "ms")))
            opening = figures.ratio_row(
                "open / orjson.loads", size, measured.opened, measured.open_floor
            )
            print(opening, flush=True)
    return 0


def measure(db: Path, runs: int) -> Measured:
    import pendulum

    from app.engine import State
    from app.services.workspace import Workspace
    from app.store.repository import Repository

    now = pendulum.parse(AT)
    assert isinstance(now, pendulum.DateTime)
    workspace = Workspace(Repository(db, default_zone="UTC"), lambda: now)
    workspace.load()
    due = [a for a in workspace.actions if a.state in (State.DUE, State.OVERDUE)]
    # One action per interview, spread through the file, the first one unmeasured.
    per_interview = list({a.interview: a for a in due}.values())
    if len(per_interview) <= runs:
        raise SystemExit(f"{db} has {len(per_interview)} due actions, {runs + 1} needed")
    step = len(per_interview) / (runs + 1)
    chosen = [per_interview[int(n * step)] for n in range(runs + 1)]
    floor_target = db.with_name(f"{db.stem}-floor.json")
    floor_target.write_bytes(db.read_bytes())

    save: list[float] = []
    save_floor: list[float] = []
    opened: list[float] = []
    open_floor: list[float] = []
    for run, action in enumerate(chosen):
        workspace.mark_sent(action.id)
        # Each pair in turn goes first, so that neither always meets the disk the other left.
        pairs = [
            (lambda: _timed(workspace.save_pending), lambda: write_floor(db, floor_target)),
            (lambda: _timed(Repository(db, default_zone="UTC").load), lambda: read_floor(db)),
        ]
        figures_of_run = [_in_turn(first, second, run) for first, second in pairs]
        if run:
            (saved, floor), (loaded, loads) = figures_of_run
            save.append(saved)
            save_floor.append(floor)
            opened.append(loaded)
            open_floor.append(loads)
    return Measured(db.stat().st_size / 1e6, save, save_floor, opened, open_floor)


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _in_turn(
    first: Callable[[], float], second: Callable[[], float], run: int
) -> tuple[float, float]:
    """Both timed, ``first`` first on even runs and last on odd ones."""
    if run % 2:
        later = second()
        return first(), later
    earlier = first()
    return earlier, second()


def write_floor(db: Path, target: Path) -> float:
    """The least a safe JSON write of ``db``'s tables can cost: serialize, write, fsync,
    rename over ``target`` (a file of the same size in the same folder)."""
    import orjson

    tables: Any = orjson.loads(db.read_bytes())
    temporary = target.with_name(target.name + ".tmp")
    started = time.perf_counter()
    content = orjson.dumps(tables)
    with open(temporary, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    return time.perf_counter() - started


def read_floor(db: Path) -> float:
    """The least reading ``db`` can cost: its bytes, parsed by ``orjson``, with the cycle
    collector held off as ``Repository`` holds it off (else the floor would pay for passes
    over the heap that the repository does not)."""
    import orjson

    from app.memory import collector_paused

    started = time.perf_counter()
    with collector_paused():
        orjson.loads(db.read_bytes())
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())

"""How long the database takes, against the least any JSON file store could take.

Run from the project's root: ``python -m bench.store_bench [--runs N] [--sizes 1000,10000]``.

For each size it measures the whole ``followup export`` process (start-up included, output to
/dev/null), one write (``Repository.append_event`` of one event: lock, read, validate, write
with backup), and the floor for that write: ``orjson.dumps`` of the same tables, fsync and
``os.replace``. Each figure is the median and the min-max of the runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(measure(size, Path(folder) / f"bench-{size}.json", args.runs))
    print_table(rows)
    return 0


def measure(size: int, db: Path, runs: int) -> dict[str, object]:
    from app.domain.records import Event, EventKind
    from app.store.repository import Repository
    from bench.generate import generate_pipeline

    repo = Repository(db, default_zone="UTC")
    repo.import_pipeline(generate_pipeline(size), replace=False)
    target = repo.load().interviews[size // 2].id

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FOLLOWUP_DB", None)

    def export() -> float:
        with open(os.devnull, "wb") as sink:
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "app", "export", "--db", str(db)],
                check=True,
                stdout=sink,
                cwd=ROOT,
                env=env,
            )
            return time.perf_counter() - started

    def append() -> float:
        event = Event(at=datetime.now(UTC), kind=EventKind.REPLY, summary="bench")
        started = time.perf_counter()
        repo.append_event(target, event)
        return time.perf_counter() - started

    return {
        "size": size,
        "megabytes": db.stat().st_size / 1e6,
        "export": timed(export, runs),
        "append": timed(append, runs),
        "floor": timed(lambda: write_floor(db), runs),
    }


def write_floor(db: Path) -> float:
    """The least a safe JSON write of these tables can cost: serialize, fsync, rename."""
    import orjson

    from app.store.codec import decode
    from app.store.paths import backup_path

    tables = decode(db.read_bytes(), db, backup_path(db))
    temporary = db.with_name(db.name + ".floor")
    started = time.perf_counter()
    with open(temporary, "wb") as handle:
        handle.write(orjson.dumps(tables))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, db.with_name(db.name + ".floor-done"))
    return time.perf_counter() - started


def timed(action: Callable[[], float], runs: int) -> list[float]:
    action()  # once to warm the page cache and the imports
    return [action() for _ in range(runs)]


def show(seconds: list[float]) -> str:
    def ms(value: float) -> str:
        return f"{value * 1000:,.0f}"

    return f"{ms(statistics.median(seconds))} ms ({ms(min(seconds))}-{ms(max(seconds))})"


def print_table(rows: list[dict[str, object]]) -> None:
    header = ("interviews", "file", "export (process)", "append_event", "floor", "write/floor")
    lines = [header]
    for row in rows:
        append, floor = row["append"], row["floor"]
        assert isinstance(append, list) and isinstance(floor, list)
        ratio = statistics.median(append) / statistics.median(floor)
        lines.append(
            (
                f"{row['size']:,}",
                f"{row['megabytes']:.1f} MB",
                show(row["export"]),  # type: ignore[arg-type]
                show(append),
                show(floor),
                f"{ratio:.1f}x",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for number, line in enumerate(lines):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))


if __name__ == "__main__":
    sys.exit(main())

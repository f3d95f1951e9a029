"""How long the dashboard takes to appear, against a bare Textual app in the same run.

Run from the project's root: ``python -m bench.dashboard_bench [--runs N] [--sizes 1000,10000]``.

Each figure is a whole process, started fresh, that runs the app headless and exits at its
first paint: Python's start, the imports, reading the database, the engine, mounting and
drawing. The bare app is ``App`` with one ``Static``: the floor any Textual program pays.
Figures are the median and the min-max of the runs, and the ratio of the medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import asyncio
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def main():
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
asyncio.run(main())
"""

DASHBOARD = """
import asyncio, os, sys, time
import pendulum
from pathlib import Path
from app.ui.factory import make_app
NOW = pendulum.datetime(2026, 11, 20, 10, tz="UTC")
FULL = sys.argv[2] == "full"
STARTED = float(sys.argv[3])
async def main():
    app = make_app(Path(sys.argv[1]), clock=lambda: NOW, default_zone="UTC", load_first=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if FULL:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.workspace.interviews
        # The moment the screen is drawn; the load still running behind it is not waited for.
        print(time.time() - STARTED, flush=True)
        os._exit(0)
asyncio.run(main())
"""


def timed(code: str, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


def reported(code: str, *args: str) -> float:
    """The time from the process's start to the moment it reports (its first paint)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args, str(time.time())],
        check=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}-{max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    from app.store.repository import Repository
    from bench.generate import generate_pipeline

    with tempfile.TemporaryDirectory() as folder:
        dbs = {}
        for size in (int(s) for s in args.sizes.split(",")):
            db = Path(folder) / f"dash-{size}.json"
            Repository(db, default_zone="UTC").import_pipeline(
                generate_pipeline(size), replace=False
            )
            dbs[size] = db
        print(
            f"{'':>16} {'bare app':>26} {'first paint':>26} {'ratio':>6}"
            f" {'fully populated':>26} {'ratio':>6}"
        )
        for size, db in dbs.items():
            first, full, bare = [], [], []
            for _ in range(args.runs):  # interleaved, so that all see the same load
                bare.append(timed(BARE))
                first.append(reported(DASHBOARD, str(db), "first"))
                full.append(reported(DASHBOARD, str(db), "full"))
            floor = statistics.median(bare)
            print(
                f"{size:>10,} int. {spread(bare):>26} {spread(first):>26} "
                f"{statistics.median(first) / floor:5.1f}x {spread(full):>26} "
                f"{statistics.median(full) / floor:5.1f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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
import asyncio, sys
import pendulum
from pathlib import Path
from app.ui.factory import make_app
NOW = pendulum.datetime(2026, 11, 20, 10, tz="UTC")
async def main():
    app = make_app(Path(sys.argv[1]), clock=lambda: NOW, default_zone="UTC")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
asyncio.run(main())
"""


def timed(code: str, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


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
        print(f"{'':>16} {'first paint':>26} {'bare app':>26} {'ratio':>6}")
        for size, db in dbs.items():
            ours, bare = [], []
            for _ in range(args.runs):  # interleaved, so that both see the same load
                bare.append(timed(BARE))
                ours.append(timed(DASHBOARD, str(db)))
            ratio = statistics.median(ours) / statistics.median(bare)
            print(f"{size:>10,} int. {spread(ours):>26} {spread(bare):>26} {ratio:5.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

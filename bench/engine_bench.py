"""The scheduling engine's time for every action, and the whole `followup due --json` process.

Run from the project's root: ``python -m bench.engine_bench [--runs N] [--sizes 1000,10000]``.

The engine is timed in-process on generated pipelines (all actions, then one interview after a
change); ``due --json`` as a whole process against ``python -c pass`` and against
``python -c "import pendulum, tinydb"``. Figures are medians with min-max.
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
AT = "2026-11-20T10:00:00+00:00"


def spread(values: list[float], unit: float = 1.0, label: str = "s") -> str:
    m = statistics.median(values) * unit
    return f"{m:8.3f} {label} ({min(values) * unit:.3f}-{max(values) * unit:.3f})"


def process(argv: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(os.devnull, "wb") as sink:
        started = time.perf_counter()
        subprocess.run(argv, check=True, stdout=sink, cwd=ROOT, env=env)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()

    import pendulum

    from app.engine import compute_actions, interview_actions, offers_at
    from app.store.repository import Repository
    from bench.generate import generate_pipeline

    now = pendulum.parse(AT)
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            pipeline = generate_pipeline(size)
            policy = pipeline.policy
            full, one = [], []
            for _ in range(args.runs):
                started = time.perf_counter()
                actions = compute_actions(pipeline.interviews, policy, now)
                full.append(time.perf_counter() - started)
                # After a change the dashboard recomputes that interview alone, with the open
                # offers it has kept from the last full run.
                target = pipeline.interviews[size // 2]
                offers = offers_at(pipeline.interviews, policy, now)
                started = time.perf_counter()
                interview_actions(target, policy, now, offers)
                one.append(time.perf_counter() - started)
            db = Path(folder) / f"engine-{size}.json"
            Repository(db, default_zone="UTC").import_pipeline(pipeline, replace=False)
            due, bare, floor = [], [], []
            for _ in range(args.runs):
                bare.append(process([sys.executable, "-c", "pass"]))
                floor.append(process([sys.executable, "-c", "import pendulum, tinydb"]))
                due.append(
                    process(
                        [sys.executable, "-m", "app", "due", "--json", "--at", AT, "--db", str(db)]
                    )
                )
            print(f"{size:,} interviews, {len(actions):,} actions")
            print(f"  engine, all actions        {spread(full)}")
            print(f"  engine, one interview      {spread(one, 1000, 'ms')}  (offers kept)")
            print(f"  due --json, whole process  {spread(due)}")
            print(
                f"  python -c pass             {spread(bare)}"
                f"   ratio {statistics.median(due) / statistics.median(bare):.1f}x"
            )
            print(
                f"  import pendulum, tinydb    {spread(floor)}"
                f"   ratio {statistics.median(due) / statistics.median(floor):.1f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

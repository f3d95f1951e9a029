"""What `import app.when` adds to a command's start-up, beside `python -c pass` and the date
libraries weighed for it (dateparser, parsedatetime, when installed).

Each figure is the median of fresh interpreters. Byte code is written to a scratch folder first,
as an installed package has it, so that compiling the sources does not count.

    python bench/when_import_cost.py [--runs 15]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NOW = "from datetime import datetime, UTC; now = datetime(2026, 11, 27, 18, 30, tzinfo=UTC)"

# (label, module whose -X importtime total is read, code run by python -c)
CASES: list[tuple[str, str | None, str]] = [
    ("python -c pass", None, "pass"),
    ("import app.when", "app.when", "import app.when"),
    (
        "app.when + first parse",
        None,
        f"import app.when; {_NOW}; app.when.parse_when('tomorrow 9am', now, 'Europe/London')",
    ),
    ("import pendulum", "pendulum", "import pendulum"),
    ("import dateparser", "dateparser", "import dateparser"),
    (
        "dateparser + first parse",
        None,
        "import dateparser; dateparser.parse('tomorrow 9am', languages=['en'])",
    ),
    ("import parsedatetime", "parsedatetime", "import parsedatetime"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        rows = [_measure(case, runs, env) for case in CASES]
    baseline = rows[0][1] or 0.0
    print(f"median of {runs} fresh interpreters, Python {sys.version.split()[0]}")
    print(f"{'':26} {'wall ms':>8} {'over pass':>10} {'importtime ms':>14}")
    for label, wall, imported in rows:
        if wall is None:
            print(f"{label:26} {'not installed':>8}")
            continue
        extra = "" if imported is None else f"{imported:14.1f}"
        print(f"{label:26} {wall:8.1f} {wall - baseline:+10.1f} {extra}")


def _measure(
    case: tuple[str, str | None, str], runs: int, env: dict[str, str]
) -> tuple[str, float | None, float | None]:
    label, module, code = case
    needed = code.split()[1].rstrip(";") if code.startswith("import ") else None
    if needed and not needed.startswith("app") and importlib.util.find_spec(needed) is None:
        return label, None, None
    command = [sys.executable, "-c", code]
    subprocess.run(command, env=env, check=True, cwd=ROOT)
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, cwd=ROOT)
        walls.append((time.perf_counter() - start) * 1000)
    imported = None
    if module is not None:
        totals = [_importtime(module, code, env) for _ in range(runs)]
        imported = statistics.median(totals)
    return label, statistics.median(walls), imported


def _importtime(module: str, code: str, env: dict[str, str]) -> float:
    """The cumulative import time of ``module``, in milliseconds, from ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        env=env, check=True, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    for line in done.stderr.splitlines():
        fields = line.split("|")
        if len(fields) == 3 and fields[2].strip() == module:
            return int(fields[1]) / 1000
    raise RuntimeError(f"{module} was not imported")


if __name__ == "__main__":
    main()

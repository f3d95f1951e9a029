"""Every benchmark in one run: ``python -m bench [--quick] [--sizes 100,1000,10000]``.

The databases are generated once, into a temporary folder removed at the end, and each script
runs in its own process on them, one after the other (they would disturb each other's timings
side by side). Their output is shown as it comes, and every figure held to a target is
gathered at the end, met or not.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time

from bench import options
from bench.data import databases
from bench.figures import MARK
from bench.processes import PYTHON, ROOT, environment

# (module, runs, runs with --quick); for keys_bench a run is one key press on each panel.
SCRIPTS = (
    ("engine_bench", 5, 2),
    ("store_bench", 7, 2),
    ("cli_bench", 7, 2),
    ("dashboard_bench", 5, 2),
    ("keys_bench", 200, 40),
    ("memory_bench", 3, 1),
    # Against the Textual board its users would otherwise pick, where it is installed (the
    # bench extra), at 100 and 1,000 cards.
    ("kanban_bench", 3, 1),
)
NAMES = tuple(name.removesuffix("_bench") for name, _, _ in SCRIPTS)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs of everything")
    parser.add_argument("--runs", type=options.positive, help="runs of every script (overrides)")
    parser.add_argument(
        "--sizes", type=options.sizes, default=options.sizes(options.SIZES),
        help=f"numbers of interviews ({options.SIZES})",
    )  # fmt: skip
    parser.add_argument(
        "--only", type=_names, default=NAMES, help=f"some of {','.join(NAMES)} (all)"
    )
    args = parser.parse_args()
    _describe_machine()
    sizes = ",".join(str(size) for size in args.sizes)
    verdicts: list[str] = []
    failed: list[str] = []
    started = time.perf_counter()
    with databases(args.sizes, None, say=True) as dbs:
        folder = str(next(iter(dbs.values())).parent)
        for module, runs, quick in SCRIPTS:
            if module.removesuffix("_bench") not in args.only:
                continue
            count = args.runs or (quick if args.quick else runs)
            argv = [PYTHON, "-m", f"bench.{module}", "--runs", str(count), "--sizes", sizes]
            print(f"\n== {module} (--runs {count})", flush=True)
            if not _run([*argv, "--data", folder], module, verdicts):
                failed.append(module)
    print(f"\n== targets ({time.perf_counter() - started:.0f} s in all)")
    for verdict in verdicts:
        print(verdict)
    met = sum(verdict.endswith(": met") for verdict in verdicts)
    print(f"{met} of {len(verdicts)} targets met")
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


def _run(argv: list[str], module: str, verdicts: list[str]) -> bool:
    """Run one script, its output shown line by line; its verdicts added to ``verdicts``."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, env=environment(), stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    size = ""
    for line in child.stdout:
        print(line, end="", flush=True)
        if not line.startswith(" "):
            size = line.split(" interviews")[0] + " interviews"
        elif f" {MARK} <= " in line:
            verdicts.append(f"{module:<16} {size:<18} {line.strip()}")
    code = child.wait()
    print(f"-- {module}: {time.perf_counter() - started:.0f} s", flush=True)
    if code != 0:
        print(f"-- {module} failed with exit code {code}", flush=True)
    return code == 0


def _describe_machine() -> None:
    import textual

    load = (
        ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    )
    print(
        f"Python {platform.python_version()}, Textual {textual.__version__}, "
        f"{os.cpu_count()} CPUs, load average {load}, {time.strftime('%Y-%m-%d %H:%M')}"
    )


def _names(text: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in text.split(","))
    unknown = [name for name in chosen if name not in NAMES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown benchmark {unknown[0]!r}; choose from {','.join(NAMES)}"
        )
    return chosen


if __name__ == "__main__":
    sys.exit(main())

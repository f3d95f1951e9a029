"""Running a child process and reading what it cost: its wall time, or the time it reports
itself, and its peak memory.

Peak memory is the child's own ``ru_maxrss``, read with ``os.wait4`` for that one process:
``getrusage(RUSAGE_CHILDREN)`` would give the largest of every child waited for so far.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAINT = [PYTHON, "-m", "bench.paint"]


@dataclass(frozen=True, slots=True)
class Finished:
    seconds: float  # wall time, or the time the child reported
    peak_mb: float  # the child's peak resident memory
    output: str


def environment() -> dict[str, str]:
    """The caller's environment, with the project importable and no database chosen for it.

    Byte code is cached, as it is for an installed copy (pip compiles what it installs): with
    PYTHONDONTWRITEBYTECODE set, as on some machines, every start would compile the project's
    modules again and count that as start-up time. The cache lives in a folder of its own, so
    the source tree is left as it is.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(BYTECODE)}
    env.pop("FOLLOWUP_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


BYTECODE = Path(tempfile.gettempdir()) / f"followup-bench-bytecode-{os.getuid()}"


def run(argv: list[str]) -> Finished:
    """Run ``argv`` to its end, its output discarded; the wall time from start to exit."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, env=environment(), stdout=subprocess.DEVNULL)
    peak = _wait(child, argv)
    return Finished(time.perf_counter() - started, peak, "")


def output(argv: list[str]) -> str:
    """Run ``argv`` to its end; what it printed."""
    done = subprocess.run(
        argv, cwd=ROOT, env=environment(), stdout=subprocess.PIPE, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {done.returncode}")
    return done.stdout


def reported(argv: list[str]) -> Finished:
    """Run ``argv`` with the start time (``time.time()``) as its last argument; the child
    prints, as its last line, the seconds from that moment to the one it measures."""
    child = subprocess.Popen(
        [*argv, repr(time.time())],
        cwd=ROOT,
        env=environment(),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    output = child.stdout.read()
    child.stdout.close()
    peak = _wait(child, argv)
    lines = output.strip().splitlines()
    if not lines:
        raise SystemExit(f"{' '.join(argv)} reported nothing")
    return Finished(float(lines[-1]), peak, output)


def interleaved(
    commands: dict[str, Callable[[], Finished]], runs: int
) -> dict[str, list[Finished]]:
    """Every command once per run, so that all see the same load on the machine; each run
    starts one further along, so that none always runs just after the same other. One
    unmeasured run of each comes first: it warms the page cache and the byte code."""
    for command in commands.values():
        command()
    done: dict[str, list[Finished]] = {name: [] for name in commands}
    names = list(commands)
    for run_number in range(runs):
        shift = run_number % len(names)
        for name in names[shift:] + names[:shift]:
            done[name].append(commands[name]())
    return done


def seconds(finished: list[Finished]) -> list[float]:
    return [one.seconds for one in finished]


def _wait(child: subprocess.Popen[bytes] | subprocess.Popen[str], argv: list[str]) -> float:
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {child.returncode}")
    # Kilobytes on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return usage.ru_maxrss * scale / 1e6

"""The benchmarks still run: every script and the runner, at 20 interviews and one run each.
What they measure is not checked here, only that they finish and print every figure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.figures import judged, p90, spread

ROOT = Path(__file__).resolve().parent.parent
SMALLEST = ["--sizes", "20", "--runs", "1"]

# Each script and the start of every figure line it must print.
FIGURES = {
    "dashboard_bench": [
        "bare app, first paint",
        "dashboard, first paint",
        "dashboard, board first drawn",
        "dashboard, fully populated",
        "dashboard first paint / bare app",
        "dashboard board first drawn / bare app",
        "dashboard fully populated / bare app",
        "floor: followup's imports",
        "floor: decoding the file (msgspec)",
    ],
    "keys_bench": [
        "keypress to repaint, board, median",
        "keypress to repaint, board, p90",
        "keypress to repaint, due panel, median",
        "keypress to repaint, due panel, p90",
        "presses cut short (a paint after the end)",
        "a change shown (board and due panel again)",
    ],
    "cli_bench": [
        "python -c pass",
        "import pendulum, tinydb",
        "due --json / import pendulum, tinydb",
    ],
    "engine_bench": [
        "engine, all actions",
        "engine, after one change",
        "workspace, after one change",
    ],
    "store_bench": [
        "one save (save_pending)",
        "floor: dumps, write, fsync, rename",
        "one save / floor",
        "open (Repository.load)",
        "floor: read, orjson.loads",
        "open / orjson.loads",
    ],
    "memory_bench": [
        "due --json, nothing kept",
        "due --json, one interview changed",
        "dashboard, nothing kept",
        "due --json / import pendulum, tinydb, memory",
        "dashboard / bare app, memory",
    ],
}


def bench(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def figure_lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.startswith("  ")]


@pytest.mark.parametrize("script", sorted(FIGURES))
def test_each_script_prints_its_figures(script: str) -> None:
    done = bench(f"bench.{script}", *SMALLEST)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("20 interviews")
    lines = figure_lines(done.stdout)
    for figure in FIGURES[script]:
        assert any(line.startswith(figure) for line in lines), f"{figure!r} not in {lines}"


def test_the_databases_are_made_in_a_process_of_their_own(tmp_path: Path) -> None:
    """What making them takes is never part of the memory figures of the processes a bench
    starts later (Linux hands a parent's peak to its children)."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from bench.data import database\n"
        f"made = database(20, Path({str(tmp_path)!r}))\n"
        "assert made.stat().st_size > 0\n"
        "assert 'bench.generate' not in sys.modules and 'app.store' not in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["followup-20.json"]


def test_a_kept_database_of_an_older_layout_is_made_again(tmp_path: Path) -> None:
    """A folder kept from an earlier run may hold a file of an older schema, which followup
    would read the long way: the bench measures today's layout."""
    from app.store.schema import CURRENT_SCHEMA
    from bench.data import database

    old = tmp_path / "followup-20.json"
    old.write_bytes(b'{"followup_schema":1,"interviews":{}}\n')
    made = database(20, tmp_path)
    assert made == old
    content = made.read_bytes()
    assert content.startswith(b'{"followup_schema":%d,' % CURRENT_SCHEMA)
    assert b'"interviews":{"1":' in content
    assert database(20, tmp_path).read_bytes() == content  # today's is kept as it is


def test_no_keypress_is_measured_short_of_its_last_paint() -> None:
    done = bench("bench.keys_bench", "--sizes", "20", "--runs", "12")

    assert done.returncode == 0, done.stderr
    [cut_short] = [line for line in figure_lines(done.stdout) if line.startswith("presses cut")]
    assert cut_short.endswith(" 0 of 24")


def test_the_runner_runs_every_script_and_lists_the_targets() -> None:
    done = bench("bench", *SMALLEST)

    assert done.returncode == 0, done.stderr
    for script in FIGURES:
        assert f"== {script} (--runs 1)" in done.stdout
    assert "generated 20 interviews" in done.stdout
    # No target is set at 20 interviews, so the summary lists none.
    assert done.stdout.rstrip().endswith("0 of 0 targets met")


def test_a_bad_size_is_one_line_and_no_run() -> None:
    done = bench("bench.engine_bench", "--sizes", "100,lots")

    assert done.returncode == 2
    assert done.stdout == ""
    assert "expected sizes such as 100,1000,10000, got '100,lots'" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_figure_is_its_median_with_the_least_and_the_most() -> None:
    assert spread([0.003, 0.001, 0.002], "ms") == "2.00 ms (1.00-3.00)"


def test_p90_is_the_value_nine_in_ten_are_at_or_below() -> None:
    values = [float(n) for n in range(1, 21)]

    assert p90(values) == 18.0
    assert p90([5.0]) == 5.0


def test_a_figure_is_judged_against_its_target_at_that_size() -> None:
    assert judged("one save / floor", 100, 1.9) == "target <= 2x: met"
    assert judged("one save / floor", 100, 2.1) == "target <= 2x: NOT MET"
    assert judged("engine, after one change", 10_000, 0.019) == "target <= 20 ms: met"
    assert judged("engine, after one change", 10_000, 0.021) == "target <= 20 ms: NOT MET"
    assert judged("engine, all actions", 1_000, 9.0) == "(no target at 1,000)"
    assert judged("workspace, after one change", 10_000, 9.0) == "(no target)"


def test_the_ui_latency_table_has_every_dialog_and_every_list_key() -> None:
    done = bench("bench.ui_latency", *SMALLEST)

    assert done.returncode == 0, done.stderr
    lines = [line for line in figure_lines(done.stdout) if not line.endswith("p95")]
    names = [line.split("  ")[0] for line in lines]
    for dialog in ("interview", "round", "contact", "promise", "notes", "question"):
        assert dialog in names, names
    for dialog in ("preferences", "profile", "snooze", "reply", "sent", "outcome", "help"):
        assert dialog in names, names
    for panel in ("board", "due panel", "detail pane", "review"):
        assert f"keys in the {panel}" in done.stdout
    assert names.count("pagedown") == 4
    # Every figure is a number of milliseconds, the p50 and the p95.
    for line in lines:
        p50, p95 = (float(n) for n in line.split()[-2:])
        assert 0 < p50 <= p95

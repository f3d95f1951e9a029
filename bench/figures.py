"""How every bench script states a figure: the median and the min-max of its runs, a ratio of
medians, and next to it the target it is held to and whether it is met.

The targets live here, in one table, so that the scripts, the runner's summary and the README
cannot disagree about them.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

# Lines that state a verdict start their verdict with this, so the runner can gather them.
MARK = "target"


@dataclass(frozen=True, slots=True)
class Target:
    limit: float
    unit: str  # "x" for a ratio, "ms" or "s" for a time

    def __str__(self) -> str:
        return f"<= {self.limit:g}{'' if self.unit == 'x' else ' '}{self.unit}"


# (figure, number of interviews) -> the most it may be.
TARGETS: dict[tuple[str, int], Target] = {
    ("dashboard fully populated / bare app", 100): Target(1.2, "x"),
    ("dashboard fully populated / bare app", 1_000): Target(1.3, "x"),
    ("dashboard fully populated / bare app", 10_000): Target(2, "x"),
    ("keypress to repaint, board, median", 100): Target(16, "ms"),
    ("keypress to repaint, board, median", 1_000): Target(16, "ms"),
    ("keypress to repaint, board, median", 10_000): Target(16, "ms"),
    ("keypress to repaint, due panel, median", 100): Target(16, "ms"),
    ("keypress to repaint, due panel, median", 1_000): Target(16, "ms"),
    ("keypress to repaint, due panel, median", 10_000): Target(16, "ms"),
    ("due --json / import pendulum, tinydb", 100): Target(1.3, "x"),
    ("due --json / import pendulum, tinydb", 1_000): Target(1.5, "x"),
    ("due --json / import pendulum, tinydb", 10_000): Target(3, "x"),
    ("engine, all actions", 10_000): Target(1, "s"),
    ("engine, after one change", 10_000): Target(20, "ms"),
    ("one save / floor", 100): Target(2, "x"),
    ("one save / floor", 1_000): Target(2, "x"),
    ("one save / floor", 10_000): Target(3, "x"),
    ("due --json, peak memory", 10_000): Target(150, "MB"),
    ("due --json, nothing kept, peak memory", 10_000): Target(150, "MB"),
    ("due --json, one interview changed, peak memory", 10_000): Target(150, "MB"),
    ("dashboard, peak memory", 10_000): Target(200, "MB"),
    ("dashboard, nothing kept, peak memory", 10_000): Target(200, "MB"),
    # Ahead of kanban-tui, the Textual board its users would otherwise pick.
    **{
        (f"followup / kanban-tui, {figure}", size): Target(1, "x")
        for figure in ("first paint", "keypress", "peak memory")
        for size in (100, 1_000)
    },
}


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p90(values: Sequence[float]) -> float:
    """The nearest-rank 90th percentile: nine values in ten are at or below it."""
    ordered = sorted(values)
    return ordered[max(math.ceil(0.9 * len(ordered)) - 1, 0)]


def spread(values: Sequence[float], unit: str = "s") -> str:
    """``1.23 s (1.10-1.40)``: the median, then the least and the most."""
    scale = _SCALE[unit]
    low, mid, high = (_number(v * scale) for v in (min(values), median(values), max(values)))
    return f"{mid} {unit} ({low}-{high})"


def judged(figure: str, size: int, value: float) -> str:
    """``target <= 1.5x: met``, or ``NOT MET``, for ``value`` of ``figure`` at ``size``: a
    ratio, or a time in seconds."""
    target = TARGETS.get((figure, size))
    if target is None:
        held = any(name == figure for name, _ in TARGETS)
        return f"(no target at {size:,})" if held else "(no target)"
    met = value * _SCALE[target.unit] <= target.limit
    return f"{MARK} {target}: {'met' if met else 'NOT MET'}"


def row(label: str, shown: str, judgement: str = "") -> str:
    """One figure's line: what, how much, and its verdict."""
    return f"  {label:<46} {shown:<26} {judgement}".rstrip()


def timed_row(figure: str, size: int, values: Sequence[float], unit: str) -> str:
    """A time: its spread in ``unit``, and the median judged against the figure's target."""
    return row(figure, spread(values, unit), judged(figure, size, median(values)))


def ratio_row(figure: str, size: int, measured: Sequence[float], floor: Sequence[float]) -> str:
    """The ratio of the medians of ``measured`` and ``floor``, judged."""
    value = median(measured) / median(floor)
    return row(figure, f"{_number(value)}x", judged(figure, size, value))


def heading(size: int, detail: str = "") -> str:
    return f"{size:,} interviews{f', {detail}' if detail else ''}"


_SCALE = {"s": 1.0, "ms": 1000.0, "x": 1.0, "MB": 1.0}


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"

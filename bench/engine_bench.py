"""The scheduling engine's time for every action, and after one change.

Run from the project's root: ``python -m bench.engine_bench [--runs N] [--sizes 100,10000]``.

In one process, on the pipeline read from each generated database, at a fixed now:

- all actions: ``compute_actions(interviews, policy, now)``, what a start or a refresh runs;
- after one change: ``interview_actions`` of one interview just marked sent, given the open
  offers kept from the last full run; what the dashboard recomputes after a change that does
  not touch an offer;
- workspace, after one change: ``Workspace.mark_sent`` on a long-lived workspace, as the
  dashboard calls it: the change applied, that interview's actions recomputed and every action
  sorted again, before anything is drawn or saved. Informative; no target of its own.

The three are interleaved run by run; each run changes another interview. Before each timing
the cycle collector clears what the one before left, so that no figure pays for another's
garbage (in the dashboard a change comes long after the full run). Figures are medians with
min-max.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import figures, options
from bench.data import databases

AT = "2026-11-20T10:00:00+00:00"


@dataclass(frozen=True, slots=True)
class Measured:
    actions: int
    full: list[float]
    one: list[float]
    workspace: list[float]


def main() -> int:
    args = options.parser(__doc__, runs=5).parse_args()
    with databases(args.sizes, args.data) as dbs:
        for size, db in dbs.items():
            measured = measure(db, args.runs)
            print(figures.heading(size, f"{measured.actions:,} open actions, {args.runs} runs"))
            for figure, values, unit in (
                ("engine, all actions", measured.full, "ms"),
                ("engine, after one change", measured.one, "ms"),
                ("workspace, after one change", measured.workspace, "ms"),
            ):
                print(figures.timed_row(figure, size, values, unit), flush=True)
    return 0


def measure(db: Path, runs: int) -> Measured:
    import pendulum

    from app.engine import State, compute_actions, interview_actions, offers_at
    from app.services import operations
    from app.services.workspace import Workspace
    from app.store.repository import Repository

    now = pendulum.parse(AT)
    assert isinstance(now, pendulum.DateTime)
    pipeline = Repository(db, default_zone="UTC").load()
    policy = pipeline.policy
    by_id = {i.id: i for i in pipeline.interviews}
    workspace = Workspace(Repository(db, default_zone="UTC"), lambda: now)
    workspace.load()
    open_now = [a for a in workspace.actions if a.state in (State.DUE, State.OVERDUE)]
    # Changes spread through the pipeline, one interview each, none an offer (a change to an
    # offer recomputes everything, which "all actions" measures).
    chosen = _spread([a for a in open_now if by_id[a.interview].stage.value != "offer"], runs)
    full: list[float] = []
    one: list[float] = []
    done: list[float] = []
    actions: list[Any] = []
    for action in chosen:
        gc.collect()
        started = time.perf_counter()
        actions = compute_actions(pipeline.interviews, policy, now)
        full.append(time.perf_counter() - started)

        offers = offers_at(pipeline.interviews, policy, now)
        changed = operations.mark_sent(by_id[action.interview], action, now)
        gc.collect()
        started = time.perf_counter()
        interview_actions(changed, policy, now, offers)
        one.append(time.perf_counter() - started)

        gc.collect()
        started = time.perf_counter()
        workspace.mark_sent(action.id)
        done.append(time.perf_counter() - started)
    return Measured(len(actions), full, one, done)


def _spread(items: list[Any], count: int) -> list[Any]:
    """``count`` items taken evenly through ``items``, each one at most once."""
    if len(items) < count:
        raise SystemExit(f"only {len(items)} open actions to change, {count} runs asked for")
    step = len(items) / count
    return [items[int(n * step)] for n in range(count)]


if __name__ == "__main__":
    raise SystemExit(main())

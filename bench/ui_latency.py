"""How long the dashboard takes to open each dialog by its key, and to answer Home, End,
PageDown and PageUp in each list.

Run from the project's root: ``python -m bench.ui_latency [--runs N] [--sizes 100,1000]``
(``--runs`` is the number of times each form is opened and each key pressed in each list,
15 by default; the sizes default to 100 and 1,000 interviews).

For each size one fresh process opens the dashboard headless at 120x40 (``make_app``, as
``followup`` does), waits until it is fully populated, then:

- opens every dialog from the dashboard the way a person does (``a`` the interview form, ``e``
  the edit menu and from it, with ``enter``, a round, a contact, a promise, the preferences, the
  notes and a question; ``P`` the profile, ``z`` snooze, ``R`` reply, ``s`` sent, ``>`` on a
  card one stage before closed the outcome, ``?`` the help) and closes it again with escape
  (not timed). Where ``s`` opens no dialog (it marks the action sent at once), the sent form is
  pushed by the script instead, timed from the push, and the line says so;
- presses ``home``, ``end``, ``pagedown`` and ``pageup`` in the board, the due panel, the detail
  pane and the daily review (its context, the list it scrolls).

One figure runs from the key event posted to the app (or the push) to the end of the last paint
it causes, as ``keys_bench`` measures a press: the app handles the key until no message queue
holds anything, then the screen's pending update is done as the frame timer does it. The first
opening of each dialog in the process is one of the runs: it pays for the imports and the
stylesheet a person waits for the first time, and it is usually the slowest (with 15 runs, the
p95 is the slowest run). Figures are the median and the 95th percentile (nearest rank), in ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import figures, options
from bench.data import databases, private_copy
from bench.keys_bench import _key, _painted
from bench.processes import PYTHON, output

SIZE = (120, 40)
SIZES = "100,1000"
LIST_KEYS = ("home", "end", "pagedown", "pageup")
LISTS = ("board", "due panel", "detail pane", "review")
# (name, what opens it): a key on the dashboard, or "menu:<kind>" for an entry of the edit menu.
FORMS = (
    ("interview", "a"),
    ("round", "menu:round"),
    ("contact", "menu:contact"),
    ("promise", "menu:promise"),
    ("notes", "menu:notes"),
    ("question", "menu:question"),
    ("preferences", "menu:preferences"),
    ("profile", "P"),
    ("snooze", "z"),
    ("reply", "R"),
    ("sent", "s"),
    ("outcome", "greater_than_sign"),
    ("edit menu", "e"),
    ("help", "question_mark"),
)


def main() -> int:
    parser = options.parser(__doc__, runs=15)
    parser.set_defaults(sizes=options.sizes(SIZES))
    parser.add_argument("--measure", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(asyncio.run(measure(Path(args.measure), args.runs))))
        return 0
    with databases(args.sizes, args.data) as dbs:
        results = {}
        for size, db in dbs.items():
            copy = private_copy(db, "ui-latency")  # a form's escape saves nothing, but be sure
            argv = [PYTHON, "-m", "bench.ui_latency", "--measure", str(copy)]
            results[size] = json.loads(output([*argv, "--runs", str(args.runs)]))
        print(table(results, args.runs), flush=True)
    return 0


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]


def table(results: dict[int, dict[str, Any]], runs: int) -> str:
    sizes = list(results)
    heads = "".join(f"{f'{size:,} p50':>12}{f'{size:,} p95':>12}" for size in sizes)
    lines = [f"milliseconds, {runs} runs each, at {SIZE[0]}x{SIZE[1]}", f"{'':34}{heads}"]

    def row(label: str, key: str) -> str:
        cells = ""
        for size in sizes:
            times = results[size]["times"].get(key)
            if not times:
                cells += f"{'-':>12}{'-':>12}"
            else:
                cells += f"{figures.median(times) * 1000:>12.1f}{p95(times) * 1000:>12.1f}"
        return f"{label:34}{cells}"

    lines.append("open a dialog from the dashboard: its first frame")
    for name, _ in FORMS:
        how = {results[size]["how"].get(name, "") for size in sizes} - {""}
        said = f" ({', '.join(sorted(how))})" if how else ""
        lines.append(row(f"  {name}{said}", f"{name}/first"))
    lines.append("open a dialog from the dashboard: its last paint (every field drawn)")
    for name, _ in FORMS:
        lines.append(row(f"  {name}", name))
    for panel in LISTS:
        lines.append(f"keys in the {panel}")
        for key in LIST_KEYS:
            lines.append(row(f"  {key}", f"{panel}/{key}"))
    return "\n".join(lines)


# --------------------------------------------------------------------------- in the child


async def measure(db: Path, runs: int) -> dict[str, Any]:
    import pendulum

    from app.domain.records import STAGES
    from app.services.opening import open_workspace
    from app.ui.factory import make_app
    from app.ui.widgets.board import Board
    from app.ui.widgets.due import DuePanel
    from bench.paint import on_paint

    now = pendulum.datetime(2026, 11, 20, 10, tz="UTC")
    workspace = open_workspace(db, clock=lambda: now, default_zone="UTC")
    app = make_app(workspace, load_first=True)
    paints: list[float] = []
    # When the screen on top was first painted after a key: a dialog's first frame.
    painted_screens: list[tuple[object, float]] = []

    def painted() -> None:
        paints.append(time.perf_counter())
        painted_screens.append((app.screen, paints[-1]))

    on_paint(app, painted)
    times: dict[str, list[float]] = {}
    how: dict[str, str] = {}

    async with app.run_test(size=SIZE) as pilot:
        while not app.loaded:
            await app.workers.wait_for_complete()
            await pilot.pause()
        dashboard = app.dashboard
        board = dashboard.query_one(Board)
        panel = dashboard.query_one(DuePanel)

        async def timed(start: Callable[[], None], first: str | None = None) -> float:
            paints.clear()
            painted_screens.clear()
            before = app.screen
            started = time.perf_counter()
            start()
            await _painted(app, paints)
            ended = paints[-1] if paints else time.perf_counter()
            if first is not None:
                shown = next((at for on, at in painted_screens if on is not before), ended)
                times.setdefault(first, []).append(shown - started)
            await pilot.pause()
            return ended - started

        async def press(key: str, first: str | None = None) -> float:
            return await timed(lambda: app.post_message(_key(key)), first)

        async def back_to_dashboard() -> None:
            for _ in range(5):
                if app.screen is dashboard:
                    return
                await pilot.press("escape")
                await pilot.pause()
            raise SystemExit(f"escape did not close {app.screen!r}")

        def busy_card() -> str:
            """A card with rounds, contacts, promises and questions, for the edit menu."""
            best = max(
                app.workspace.interviews,
                key=lambda i: (
                    bool(i.rounds and i.contacts and i.promises and i.notes.open_questions),
                    i.stage is not STAGES[-1],
                ),
            )
            return best.id

        async def open_by(name: str, opener: str) -> float | None:
            board.focus()
            if name == "outcome":
                before = next(i for i in app.workspace.interviews if i.stage is STAGES[-2])
                board.select(before.id)
            else:
                board.select(busy_card())
            if name in ("snooze", "sent"):
                panel.focus()
            await pilot.pause()
            if opener.startswith("menu:"):
                await pilot.press("e")
                await pilot.pause()
                menu = app.screen
                parts = menu.parts  # type: ignore[attr-defined]
                kind = opener.split(":")[1]
                chosen = [oid for oid, part in parts.items() if part.kind.value == kind]
                # An existing record when there is one (the heavier form), else "add".
                option_id = chosen[-1]
                option_list = menu.query_one("#edit-menu")
                option_list.highlighted = option_list.get_option_index(option_id)
                await pilot.pause()
                return await press("enter", f"{name}/first")
            if name == "sent" and how.get("sent"):
                return await push_sent()
            taken = await press(opener, f"{name}/first")
            if name == "sent" and app.screen is dashboard:
                times.pop("sent/first", None)
                # s marked the action sent at once: undo it, and push the form from now on.
                how["sent"] = "pushed, s opens none"
                await pilot.press("u")
                await app.workers.wait_for_complete()
                await pilot.pause()
                return await push_sent()
            return taken

        async def push_sent() -> float | None:
            from app.ui import forms

            form = getattr(forms, "SentForm", None)
            if form is None:
                how["sent"] = "no such form"
                return None
            return await timed(lambda: app.push_screen(form(now=now, zone="UTC")), "sent/first")

        for name, opener in FORMS:
            runs_of: list[float] = []
            for _ in range(runs):
                taken = await open_by(name, opener)
                if taken is None:
                    break
                if app.screen is dashboard:
                    raise SystemExit(f"{opener} did not open the {name} dialog")
                runs_of.append(taken)
                await back_to_dashboard()
            times[name] = runs_of

        async def keys_in(panel_name: str, focus: Callable[[], None]) -> None:
            focus()
            await pilot.pause()
            for key in LIST_KEYS:
                times[f"{panel_name}/{key}"] = [await press(key) for _ in range(runs)]

        board.select(busy_card())
        await keys_in("board", board.focus)
        await keys_in("due panel", panel.focus)
        await keys_in("detail pane", dashboard.query_one("#detail").focus)
        await pilot.press("r")
        await pilot.pause()
        review = app.screen
        if review is dashboard:
            raise SystemExit("r did not open the daily review")

        def focus_review() -> None:
            if review.focused is None:
                review.query_one("#context").focus()

        await keys_in("review", focus_review)
    return {"times": times, "how": how}


if __name__ == "__main__":
    sys.exit(main())

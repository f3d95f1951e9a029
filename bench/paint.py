"""A child process of the paint benches: an app run headless at 120x40 that prints, at the
paint it is asked about, the seconds since the start time its parent gave it, then exits.

    python -m bench.paint bare STARTED          the bare app's first paint
    python -m bench.paint first DB STARTED      the dashboard's first paint (loading)
    python -m bench.paint board DB STARTED      the first paint with cards on the board
    python -m bench.paint full DB STARTED       the first paint with the data on screen
    python -m bench.paint cold DB STARTED       the same, with nothing kept from an earlier start
    python -m bench.paint imports STARTED       no app: the seconds the dashboard's own imports
                                                take once the bare app's are done

STARTED is ``time.time()`` taken by the parent just before it started this process, so the
figure runs from the process's start (the interpreter, the imports) to the paint.

A paint is Textual's compositor update handed to the app's display. Headless, Textual skips
turning it into the terminal's bytes; this process does that too, at every paint, because a
terminal needs them. The bare app is ``App`` with one ``Static``: what any Textual program
pays. The dashboard is the one ``followup`` starts: the screen first, the database read in a
worker behind it (``make_app(load_first=False)``), at a fixed clock.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult

SIZE = (120, 40)


def main() -> None:
    mode, started = sys.argv[1], float(sys.argv[-1])
    if mode == "imports":
        _bare()
        before = time.perf_counter()
        _import_the_dashboard()
        print(time.perf_counter() - before, flush=True)
        return
    if mode == "bare":
        app: App[Any] = _bare()
        ready: Callable[[], bool] = lambda: True  # noqa: E731
    else:
        db = Path(sys.argv[2])
        if mode == "cold":
            from app.services.open_actions import cache_path

            cache_path(db).unlink(missing_ok=True)
        app, populated, on_board = _dashboard(db)
        ready = {"full": populated, "cold": populated, "board": on_board}.get(mode, lambda: True)
    _report_at_paint(app, started, ready)
    app.run(headless=True, size=SIZE)
    raise SystemExit("the app ended before the paint it was asked about")


def _bare() -> App[Any]:
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello")

    return Bare()


def _import_the_dashboard() -> None:
    """What the dashboard imports beyond the bare app's: followup's modules for it."""
    import pendulum  # noqa: F401

    import app.commands.context
    import app.domain.records
    import app.services.opening
    import app.ui.factory
    import app.ui.widgets.board
    import app.ui.widgets.due  # noqa: F401


def _dashboard(db: Path) -> tuple[App[Any], Callable[[], bool], Callable[[], bool]]:
    _import_the_dashboard()
    import pendulum

    from app.commands.context import machine_zone
    from app.domain.records import STAGES
    from app.services.opening import open_workspace, quick_to_read
    from app.ui.factory import make_app
    from app.ui.widgets.board import Board
    from app.ui.widgets.due import DuePanel

    now = pendulum.datetime(2026, 11, 20, 10, tz="UTC")
    # In the machine's zone, as followup opens it: what it keeps beside the file is then what
    # `due` (bench/cli_bench.py) keeps too, and each finds the other's.
    workspace = open_workspace(db, clock=lambda: now, default_zone=machine_zone()[0])
    app = make_app(workspace, load_first=quick_to_read(db))

    def populated() -> bool:
        # Read, worked out, and handed to the widgets: cards with their badges, due rows.
        if not app.loaded:
            return False
        screen = app.dashboard
        board = screen.query_one(Board)
        cards = sum(len(board.cards(stage)) for stage in STAGES)
        return cards == len(app.workspace.interviews) and screen.query_one(DuePanel).count > 0

    def on_board() -> bool:
        # A large file shows the top of each column first (the rest read behind it).
        board = app.dashboard.query_one(Board)
        return any(board.cards(stage) for stage in STAGES)

    return app, populated, on_board


def _report_at_paint(app: App[Any], started: float, ready: Callable[[], bool]) -> None:
    def painted() -> None:
        if ready():
            print(time.time() - started, flush=True)
            # As a dashboard left open would do in a moment: what it worked out is kept beside
            # the file, for the next start (not timed).
            workspace = getattr(app, "workspace", None)
            if workspace is not None and getattr(app, "loaded", False):
                workspace.keep_answers()
            os._exit(0)

    on_paint(app, painted)


def on_paint(app: App[Any], then: Callable[[], None]) -> None:
    """Call ``then`` after every paint of ``app``: Textual's compositor update handed to the
    app's display, and turned into the terminal's bytes (which headless Textual skips, and a
    terminal needs)."""
    display = app._display

    def painted(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is None:
            return
        if hasattr(renderable, "render_segments"):
            renderable.render_segments(app.console)
        then()

    app._display = painted  # type: ignore[method-assign]


if __name__ == "__main__":
    main()

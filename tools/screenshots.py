"""Render the README's screenshots: the demo data at a fixed time, each screen as an SVG.

python3 -m tools.screenshots [--out screenshots]   (from the project's folder)
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

import pendulum
from textual.widgets import Input

from app.demo import demo_pipeline
from app.services.opening import open_workspace
from app.store.repository import Repository
from app.ui.factory import make_app

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)  # a Friday morning
WIDE = (160, 45)
SMALL = (80, 24)  # the smallest terminal the dashboard is made for
# screenshot name -> the size and the keys a person presses to get there
SHOTS: dict[str, tuple[tuple[int, int], tuple[str, ...]]] = {
    "board": (WIDE, ()),
    "detail": (WIDE, ("l", "l", "enter")),
    "due": (WIDE, ("tab", "tab", "j")),
    "review": (WIDE, ("r",)),
    "help": (WIDE, ("question_mark",)),
    "waiting": (WIDE, ("w",)),
    "stats": (WIDE, ("t",)),
    # The morning, at 80x24: the board, the due list, a whole draft, marking it sent, the review.
    "morning-1-board": (SMALL, ()),
    "morning-2-due": (SMALL, ("tab", "tab", "j")),
    "morning-3-draft": (SMALL, ("tab", "tab", "j", "enter")),
    "morning-4-sent": (SMALL, ("tab", "tab", "j", "s")),
    "morning-5-review": (SMALL, ("r",)),
}


async def _shoot(
    db: Path, name: str, size: tuple[int, int], keys: tuple[str, ...], out: Path
) -> Path:
    workspace = open_workspace(db, clock=lambda: NOW, default_zone=ZONE, samples=demo_pipeline)
    app = make_app(workspace)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()
        for field in app.screen.query(Input):
            field.cursor_blink = False  # caught mid-blink, a cursor would come and go
        target = out / f"{name}.svg"
        target.write_text(app.export_screenshot(title=f"followup · {name}"), encoding="utf-8")
        return target


async def render(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.json"
        Repository(db, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
        return [await _shoot(db, name, size, keys, out) for name, (size, keys) in SHOTS.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    for path in asyncio.run(render(args.out)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

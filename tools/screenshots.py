"""Render the README's screenshots: the demo data at a fixed time, each screen as an SVG.

python3 -m tools.screenshots [--out screenshots]   (from the project's folder)
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

import pendulum

from app.demo import demo_pipeline
from app.services.opening import open_workspace
from app.store.repository import Repository
from app.ui.factory import make_app

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)  # a Friday morning
SIZE = (130, 40)
# screenshot name -> the keys a person presses to get there
SHOTS: dict[str, tuple[str, ...]] = {
    "board": (),
    "detail": ("l", "l", "enter"),
    "due": ("tab", "tab", "j"),
    "review": ("r",),
    "help": ("question_mark",),
    "waiting": ("w",),
    "stats": ("t",),
}


async def _shoot(db: Path, name: str, keys: tuple[str, ...], out: Path) -> Path:
    workspace = open_workspace(db, clock=lambda: NOW, default_zone=ZONE, samples=demo_pipeline)
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()
        target = out / f"{name}.svg"
        target.write_text(app.export_screenshot(title=f"followup · {name}"), encoding="utf-8")
        return target


async def render(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.json"
        Repository(db, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
        return [await _shoot(db, name, keys, out) for name, keys in SHOTS.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    for path in asyncio.run(render(args.out)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

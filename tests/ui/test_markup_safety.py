"""What the user typed is shown as typed: text that looks like Textual markup ("[/]",
"[bold]") in a company, a name, a note or a path never breaks a screen."""

from __future__ import annotations

from pathlib import Path

from app.domain.interchange import read_pipeline
from app.domain.records import STAGES
from app.store.repository import Repository
from app.ui.screens.dashboard import DashboardScreen
from app.ui.widgets.board import Board
from app.ui.widgets.detail import DetailPane
from tests.ui.conftest import NOW, ZONE, stored

ODD = "Acme [/] [bold]Ltd[/bold] [link=x]"
PERSON = "Jo [red]Doe"


def odd_pipeline() -> dict[str, object]:
    return {
        "format": "followup/1",
        "profile": {"name": "Alex [i]Morgan", "timezone": ZONE},
        "interviews": [
            {
                "id": "odd",
                "company": ODD,
                "role": "PM [/]",
                "stage": "waiting",
                "decision_by": "2026-11-18",
                "rounds": [
                    {
                        "id": "r1",
                        "starts": "2026-11-19T14:00:00+00:00",
                        "interviewers": ["jo"],
                    }
                ],
                "contacts": [
                    {"id": "jo", "name": PERSON, "email": "jo@acme.example", "role": "recruiter"}
                ],
                "notes": {"recap": ["shipped [/] the thing"], "discussed": "[b]pricing"},
                "promises": [
                    {
                        "id": "p1",
                        "what": "Send [/] the deck",
                        "to": "jo",
                        "due": "2026-11-21T09:00:00+00:00",
                    },
                    {
                        "id": "p2",
                        "what": "Send the [b]take-home",
                        "by": "them",
                        "to": "jo",
                        "due": "2026-11-19T17:00:00+00:00",
                    },
                ],
            }
        ],
    }


def make_odd(tmp_path: Path):  # type: ignore[no-untyped-def]
    from app.services.opening import open_workspace
    from app.ui.factory import make_app

    folder = tmp_path / "a [/] folder"
    folder.mkdir(parents=True)
    path = folder / "db.json"
    Repository(path, default_zone=ZONE).import_pipeline(
        read_pipeline(odd_pipeline()), replace=False
    )
    return path, make_app(open_workspace(path, clock=lambda: NOW, default_zone=ZONE))


async def select_odd(pilot, app) -> None:  # type: ignore[no-untyped-def]
    board = app.screen.query_one(Board)
    for _ in range(len(STAGES)):
        if board.selected != "odd":
            await pilot.press("l")
            await pilot.pause()
    assert board.selected == "odd"


async def test_every_screen_shows_markup_like_text_as_typed(tmp_path: Path) -> None:
    path, app = make_odd(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await select_odd(pilot, app)
        assert str(screen.query_one("#status").render()).startswith("1 interview ·")
        assert ODD in app.screen.query_one(DetailPane).text
        assert "Send [/] the deck" in app.screen.query_one(DetailPane).text
        for key in ("w", "escape", "t", "escape", "r", "escape", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("greater_than_sign")  # a change whose notice names the company
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    assert stored(path).interviews[0].stage.value == "next_round"


async def test_a_failed_save_names_a_path_that_looks_like_markup(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import errno

    from app.store import atomic

    path, app = make_odd(tmp_path)
    before = path.read_bytes()

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await select_odd(pilot, app)
        monkeypatch.setattr(atomic, "_write_all", full)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "Not saved" in status
        assert "a [/] folder" in status
    assert path.read_bytes() == before

"""Removing a round, contact, question or promise from the edit menu (delete): asked first,
undone with u, and the file still reads back with every reference to what went cleared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App

from app.domain.copies import replace
from app.domain.interchange import read_pipeline
from app.domain.records import STAGES
from app.domain.removal import without_contact
from app.store.repository import Repository
from app.ui.forms import ConfirmDialog, EditMenu
from app.ui.widgets.board import Board
from tests.ui.conftest import ZONE
from tests.ui.test_edit_menu_ids import choose_highlight

INTERVIEW = {
    "id": "acme",
    "company": "Acme",
    "role": "PM",
    "stage": "scheduled",
    "rounds": [{"id": "r1", "starts": "2026-11-24T10:00:00+00:00", "interviewers": ["jo", "sam"]}],
    "contacts": [{"id": "jo", "name": "Jo Doe", "role": "interviewer"},
                 {"id": "sam", "name": "Sam Lee", "role": "recruiter"}],
    "promises": [{"id": "p1", "what": "Send Jo the deck", "to": "jo",
                  "due": "2026-11-25T10:00:00+00:00"}],
    "notes": {"open_questions": [{"question": "sizing", "answer": "bottom up", "asked_by": "jo"}]},
}  # fmt: skip


def imported() -> dict[str, object]:
    return {"format": "followup/1", "profile": {"name": "Alex", "timezone": ZONE},
            "interviews": [INTERVIEW]}  # fmt: skip


def _stored(tmp_path: Path, data: dict[str, object] | None = None) -> Path:
    """A database holding ``data`` (Acme, by default), as an import leaves it."""
    path = tmp_path / "acme.json"
    pipeline = read_pipeline(data or imported())
    Repository(path, default_zone=ZONE).import_pipeline(pipeline, replace=False)
    return path


def test_a_contact_removed_is_named_nowhere_the_file_checks() -> None:
    interview = read_pipeline(imported()).interviews[0]
    gone = without_contact(interview, "jo")
    assert [c.id for c in gone.contacts] == ["sam"]
    assert gone.rounds[0].interviewers == ("sam",)
    assert gone.promises[0].to is None and gone.promises[0].what == "Send Jo the deck"
    assert gone.notes.open_questions[0].asked_by is None
    assert gone.notes.open_questions[0].answer == "bottom up"


async def _open_menu(app: App[None], pilot: object) -> None:
    board = app.screen.query_one(Board)
    for _ in range(len(STAGES)):
        if board.selected != "acme":
            await pilot.press("l")  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("e")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, EditMenu)


async def _highlight(app: App[None], pilot: object, entry: str) -> None:
    """The edit menu open on the card, with ``entry`` highlighted, as a person gets there."""
    await _open_menu(app, pilot)
    await choose_highlight(pilot, entry)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("entry", "removed"),
    [
        ("Contact Jo Doe", "contact"),
        ("Round r1 · Tue 24 Nov 10:00", "round"),
        ("Promise Send Jo the deck · due Wed 25 Nov 10:00", "promise"),
        ("Question: sizing", "question"),
    ],
)
async def test_delete_in_the_edit_menu_removes_it_once_asked_and_u_puts_it_back(
    tmp_path: Path, make: Callable[..., App[None]], entry: str, removed: str
) -> None:
    path = _stored(tmp_path)
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _highlight(app, pilot, entry)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question.startswith("Remove ")
        await pilot.press("n")  # kept: nothing changes
        await pilot.pause()
        assert app.workspace.interview("acme") == read_pipeline(imported()).interviews[0]

        await _highlight(app, pilot, entry)
        await pilot.press("delete", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        stored = Repository(path, default_zone=ZONE).load().interviews[0]
        gone = {
            "contact": lambda i: (
                "jo" not in [c.id for c in i.contacts]
                and i.rounds[0].interviewers == ("sam",)
                and i.promises[0].to is None
            ),
            "round": lambda i: i.rounds == (),
            "promise": lambda i: i.promises == (),
            "question": lambda i: i.notes.open_questions == (),
        }[removed]
        assert gone(stored) and gone(app.workspace.interview("acme"))

        await pilot.press("u")
        await app.workers.wait_for_complete()
        await pilot.pause()
        back = Repository(path, default_zone=ZONE).load().interviews[0]
        assert back == read_pipeline(imported()).interviews[0]


async def test_delete_on_what_cannot_be_removed_says_so_and_keeps_the_menu(
    tmp_path: Path, make: Callable[..., App[None]]
) -> None:
    path = _stored(tmp_path)
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _highlight(app, pilot, "Preferences")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, EditMenu)
        assert any("can be removed" in str(n.message) for n in app._notifications)


async def test_backspace_removes_too_and_a_new_round_never_takes_a_removed_ones_id(
    tmp_path: Path, make: Callable[..., App[None]]
) -> None:
    # The round was thanked for: its thank-you, sent, names r1 in the history.
    thanked = {"at": "2026-11-24T12:00:00+00:00", "kind": "sent", "action": "thank_you",
               "round": "r1", "contact": "jo", "channel": "email"}  # fmt: skip
    data = imported()
    data["interviews"] = [{**INTERVIEW, "events": [thanked]}]  # type: ignore[dict-item]
    app = make(_stored(tmp_path, data))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _highlight(app, pilot, "Round r1 · Tue 24 Nov 10:00")
        await pilot.press("backspace", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace.interview("acme").rounds == ()
        await _highlight(app, pilot, "Add a round")
        await pilot.press("enter")
        await pilot.pause()
        from app.ui.forms import RoundForm

        form = app.screen
        assert isinstance(form, RoundForm)
        from app.domain.ids import numbered

        # r1 is named by the history: a new round is r2, and the old thank-you not its own.
        assert numbered("r", form.existing_ids) == "r2"


def _thanked_with_text() -> dict[str, object]:
    """Acme with a thank-you sent: its text is kept apart from the record the dashboard reads."""
    thanked = {"at": "2026-11-24T12:00:00+00:00", "kind": "sent", "action": "thank_you",
               "round": "r1", "contact": "jo", "channel": "email",
               "text": "Dear Jo, thank you for today."}  # fmt: skip
    data = imported()
    other = {"id": "globex", "company": "Globex", "role": "Analyst", "stage": "waiting"}
    data["interviews"] = [{**INTERVIEW, "events": [thanked]}, other]  # type: ignore[dict-item]
    return data


def _on_board(board: Board) -> list[str]:
    return [card.interview_id for stage in STAGES for card in board.cards(stage)]


async def test_delete_on_the_interview_details_deletes_it_once_asked_and_u_puts_it_back_whole(
    tmp_path: Path, make: Callable[..., App[None]]
) -> None:
    path = _stored(tmp_path, _thanked_with_text())
    whole = Repository(path, default_zone=ZONE).load(texts=True).interviews[0]
    assert whole.events[0].text == "Dear Jo, thank you for today."
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _highlight(app, pilot, "Interview details")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question.startswith(
            "Delete Acme (PM), in Scheduled with 1 round and 1 event in its history"
        )
        await pilot.press("n")
        await pilot.pause()
        assert app.workspace.interview("acme") is not None

        await _highlight(app, pilot, "Interview details")
        await pilot.press("delete", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace.interview("acme") is None
        board = app.screen.query_one(Board)
        assert _on_board(board) == ["globex"]
        assert not any(a.interview == "acme" for a in app.workspace.actions)
        stored = Repository(path, default_zone=ZONE).load(texts=True)
        assert [i.id for i in stored.interviews] == ["globex"]
        raw = path.read_text()
        assert "thank you for today" not in raw  # its texts went with it

        await pilot.press("u")
        await app.workers.wait_for_complete()
        await pilot.pause()
        back = Repository(path, default_zone=ZONE).load(texts=True)
        assert {i.id: i for i in back.interviews}["acme"] == whole
        assert sorted(_on_board(board)) == ["acme", "globex"]


async def test_a_deletion_of_an_interview_changed_elsewhere_meanwhile_is_not_recorded(
    tmp_path: Path, make: Callable[..., App[None]]
) -> None:
    path = _stored(tmp_path, _thanked_with_text())
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _highlight(app, pilot, "Interview details")
        # Another followup renames it between the menu being drawn and the answer.
        other = Repository(path, default_zone=ZONE)
        other.change_interview("acme", lambda i: replace(i, role="Senior PM"))
        await pilot.press("delete", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        kept = Repository(path, default_zone=ZONE).load().interviews
        assert [(i.id, i.role) for i in kept] == [("acme", "Senior PM"), ("globex", "Analyst")]
        assert any("Not recorded: Deleted Acme (PM)" in str(n.message) for n in app._notifications)

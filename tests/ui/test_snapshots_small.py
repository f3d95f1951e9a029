"""Every screen and dialog at 80x24, the smallest terminal the dashboard is made for, on the
demo data at a fixed time: labels, keys and text must all be there at this size."""

from __future__ import annotations

import pytest

from app.ui.forms import EditPart, PartKind

SMALL = (80, 24)


def no_blink(pilot) -> None:
    """A blinking cursor in a field would make a snapshot flake."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


async def settled(pilot) -> None:
    """The dashboard drawn whole (its draft preview wraps once it knows its width) before a
    dialog is opened over it: the dialog keeps the screen behind it as it was then."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def test_board(snap_compare, make):
    assert snap_compare(make(), terminal_size=SMALL, press=["_"])


def test_due_panel_with_its_preview(snap_compare, make):
    assert snap_compare(make(), terminal_size=SMALL, press=["tab", "tab", "j", "_"])


def test_whole_draft(snap_compare, make):
    keys = ["tab", "tab", "j", "enter", "_"]
    assert snap_compare(make(), terminal_size=SMALL, press=keys)


def test_review(snap_compare, make):
    assert snap_compare(make(), terminal_size=SMALL, press=["r", "_"])


def test_help(snap_compare, make):
    assert snap_compare(make(), terminal_size=SMALL, press=["question_mark", "_"])


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param(["s"], id="sent"),
        pytest.param(["z"], id="snooze"),
        pytest.param(["R"], id="reply"),
        pytest.param(["e"], id="edit-menu"),
    ],
)
def test_dialog_from_a_key(snap_compare, make, keys):
    async def blink_off(pilot) -> None:
        await settled(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        no_blink(pilot)

    assert snap_compare(make(), terminal_size=SMALL, run_before=blink_off, press=["_"])


@pytest.mark.parametrize("kind", list(PartKind), ids=[k.value for k in PartKind])
def test_edit_form(snap_compare, make, kind):
    """Each part of an interview in its form, filled from the selected card's interview."""

    async def open_form(pilot) -> None:
        await settled(pilot)
        screen = pilot.app.screen
        interview = screen.workspace.interview(screen.selected_interview)
        ident = {
            PartKind.ROUND: interview.rounds[0].id if interview.rounds else None,
            PartKind.CONTACT: interview.contacts[0].id if interview.contacts else None,
            PartKind.PROMISE: interview.promises[0].id if interview.promises else None,
            PartKind.QUESTION: "0" if interview.notes.open_questions else None,
        }.get(kind)
        screen._edit_part(interview, EditPart(kind, ident))
        await pilot.pause()
        no_blink(pilot)

    assert snap_compare(make(), terminal_size=SMALL, run_before=open_form, press=["_"])


def test_profile_form(snap_compare, make):
    async def open_form(pilot) -> None:
        await settled(pilot)
        await pilot.press("P")
        await pilot.pause()
        no_blink(pilot)

    assert snap_compare(make(), terminal_size=SMALL, run_before=open_form, press=["_"])


def test_outcome_form(snap_compare, make):
    async def open_form(pilot) -> None:
        from app.domain.records import Stage
        from app.ui.widgets.board import Board

        await settled(pilot)
        screen = pilot.app.screen
        offer = next(i for i in screen.workspace.interviews if i.stage is Stage.OFFER)
        screen.query_one(Board).select(offer.id)
        await pilot.pause()
        await pilot.press("greater_than_sign")
        await pilot.pause()
        no_blink(pilot)

    assert snap_compare(make(), terminal_size=SMALL, run_before=open_form, press=["_"])

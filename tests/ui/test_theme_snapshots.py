"""The parts drawn as styled text (the detail pane, the review's context, the help's keys) in a
theme other than the default: their headings, bold and dim text take the theme's colours."""

from __future__ import annotations

from textual.pilot import Pilot

SIZE = (120, 36)
THEME = "gruvbox"


async def in_theme(pilot: Pilot[None]) -> None:
    pilot.app.theme = THEME
    await pilot.pause()


def test_detail_pane_in_another_theme(snap_compare, make):
    assert snap_compare(
        make(), terminal_size=SIZE, press=["l", "l", "enter", "_"], run_before=in_theme
    )


def test_daily_review_in_another_theme(snap_compare, make):
    assert snap_compare(make(), terminal_size=SIZE, press=["r", "_"], run_before=in_theme)


def test_help_in_another_theme(snap_compare, make):
    assert snap_compare(
        make(), terminal_size=SIZE, press=["question_mark", "_"], run_before=in_theme
    )

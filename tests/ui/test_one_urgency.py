"""The due panel, the status line, the review and `followup due` give one answer to "what is
overdue, what is open now, what is coming up"."""

from __future__ import annotations

import re

import pytest

from app.cli import main
from app.engine import Urgency
from app.engine.urgency import urgency
from app.ui.screens.review import ReviewScreen
from app.ui.widgets.due import DuePanel

from .conftest import NOW


def headings(app) -> dict[str, int]:
    found = {}
    for row in app.screen.query_one(DuePanel).rows:
        if row.action_id is None and " · " in row.title:
            title, count = row.title.rsplit(" · ", 1)
            found[title] = int(count)
    return found


def status_counts(app) -> tuple[int, int]:
    text = str(app.screen.query_one("#status").render())
    overdue, open_now, more = re.search(r"(\d+) overdue · (\d+)( more)? open now", text).groups()
    # Overdue actions are open too: the rest are "more".
    assert bool(more) == (int(overdue) > 0), text
    return int(overdue), int(open_now)


async def test_the_due_panel_headings_and_the_status_line_agree(make, db, capsys) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = headings(app)
        overdue, open_now = status_counts(app)
        actions = app.workspace.actions
    assert set(shown) <= {"Overdue", "Open now", "Coming up (within 14 days)"}
    assert shown.get("Overdue", 0) == overdue > 0
    assert shown.get("Open now", 0) == open_now > 0
    # "Coming up" says how far ahead it looks, and counts just those.
    horizon = NOW.add(days=14)
    coming = [a for a in actions if urgency(a, NOW).group == Urgency.LATER_TODAY.group]
    assert shown["Coming up (within 14 days)"] == sum(1 for a in coming if a.due_from <= horizon)
    # Nothing opening later in the week is counted as due now.
    assert open_now == sum(1 for a in actions if urgency(a, NOW) is Urgency.OPEN_NOW)
    assert main(["due", "--db", str(db), "--at", NOW.isoformat()]) == 0
    out = capsys.readouterr().out
    assert f"Overdue ({overdue})" in out and f"Open now ({open_now})" in out


@pytest.mark.parametrize("hours", [0, 5])
async def test_the_review_takes_what_is_overdue_open_or_opening_today(make, hours) -> None:
    now = NOW.add(hours=hours)
    app = make(now=now)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        expected = {a.id for a in app.workspace.actions if urgency(a, now).for_today}
        assert {a.id for a in screen.items} == expected
        assert expected, "the demo has work for today"

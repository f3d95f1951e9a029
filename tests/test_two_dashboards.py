"""Two dashboards open on one file at the same time, each in its own terminal: each makes a
change from the keyboard, both quit with q, and the file holds both changes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tests.test_signals as signals
from app.cli import main
from app.domain.records import ActionKind, EventKind, Stage
from app.store.paths import temporary_prefix
from app.store.repository import Repository
from tests.test_signals import Terminal, wait_for

pytestmark = signals.pytestmark


def interchange() -> dict[str, object]:
    """One interview whose round ended two hours ago on the real clock (the dashboard reads it):
    the thank-you to Jane is due now."""
    starts = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    return {
        "format": "followup/1",
        "profile": {"name": "Alex Morgan", "timezone": "Europe/London"},
        "interviews": [
            {
                "id": "acme-pm",
                "company": "Acme Ltd",
                "role": "Product Manager",
                # In the first column, where the board's selection starts.
                "stage": "scheduled",
                "rounds": [
                    {
                        "id": "r1",
                        "starts": starts.isoformat(),
                        "minutes": 60,
                        "interviewers": ["jane"],
                    }
                ],
                "contacts": [{"id": "jane", "name": "Jane Doe", "role": "interviewer"}],
            }
        ],
    }


def stored_events(db: Path) -> tuple[Stage, list[tuple[EventKind, object]]]:
    [interview] = Repository(db, default_zone="UTC").load().interviews
    return interview.stage, [(e.kind, e.action or e.to_stage) for e in interview.events]


def test_two_dashboards_on_one_file_keep_each_others_changes(tmp_path: Path) -> None:
    db, source = tmp_path / "followup.json", tmp_path / "in.json"
    source.write_text(json.dumps(interchange()))
    assert main(["import", str(source), "--db", str(db)]) == 0
    first = Terminal(db, tmp_path / "first")
    second = Terminal(db, tmp_path / "second")
    try:
        for terminal in (first, second):
            wait_for(lambda t=terminal: "1 interview ·" in t.text(), "both dashboards to read")
        wait_for(lambda: "Jane" in second.text(), "the thank-you to show")

        # Typed together, so that each saves over a file that may hold the other's change
        # unseen: a save that read the file too early would drop it.
        second.type("s")  # the card's most pressing action, the thank-you, to be marked sent
        wait_for(lambda: "Mark sent" in second.text(), "the sent dialog")
        first.type(">")  # the card moves on, from scheduled to interviewed
        second.type("\r")  # sent now

        both = (
            Stage.INTERVIEWED,
            [(EventKind.STAGE, Stage.INTERVIEWED), (EventKind.SENT, ActionKind.THANK_YOU)],
        )

        def saved() -> bool:
            stage, events = stored_events(db)
            return stage is both[0] and sorted(events, key=str) == sorted(both[1], key=str)

        wait_for(saved, "both changes in the file")
        for terminal in (first, second):
            terminal.type("q")
        assert first.process.wait(timeout=15) == 0
        assert second.process.wait(timeout=15) == 0
    finally:
        first.close()
        second.close()

    stage, events = stored_events(db)
    assert stage is Stage.INTERVIEWED
    assert sorted(events, key=str) == sorted(both[1], key=str)
    assert [n for n in db.parent.iterdir() if n.name.startswith(temporary_prefix(db))] == []

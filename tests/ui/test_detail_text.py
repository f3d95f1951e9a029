"""What the detail pane says about promises: mine read "I → whom", theirs read as said by the
person who made them."""

from __future__ import annotations

from typing import Any

from app.ui.widgets.detail import render_detail
from tests.insights.helpers import at, interview

NOW = at("2026-11-20T10:00")


def promises(*items: dict[str, Any]) -> list[str]:
    """The lines of the Promises section."""
    text = render_detail(interview(promises=list(items)), [], NOW).plain
    section = text.split("\nPromises\n", 1)[1].split("\n\nHistory\n", 1)[0]
    return section.splitlines()


def test_a_promise_of_theirs_reads_as_made_by_its_contact():
    take_home = {
        "id": "p1",
        "what": "Send the take-home",
        "to": "sam",
        "due": "2026-11-24T12:00",
        "by": "them",
    }
    assert promises(take_home) == ["Sam Lee promised: Send the take-home · by Tue 24 Nov at 12:00"]


def test_a_promise_of_theirs_with_nobody_in_particular_is_the_company_s():
    times = {"id": "p1", "what": "Send the panel's times", "due": "2026-11-23T17:00", "by": "them"}
    assert promises(times) == ["Acme promised: Send the panel's times · by Mon 23 Nov at 17:00"]


def test_a_promise_of_mine_reads_to_whom_and_when_it_was_kept():
    mine = {
        "id": "p1",
        "what": "Send my references",
        "to": "sam",
        "due": "2026-11-19T09:00",
        "done_at": "2026-11-18T16:00",
    }
    theirs = {
        "id": "p2",
        "what": "Send the contract",
        "to": "sam",
        "due": "2026-11-27T17:00",
        "by": "them",
    }
    assert promises(mine, theirs) == [
        "I → Sam Lee: Send my references · by Thu 19 Nov at 09:00 · done Wed 18 Nov",
        "Sam Lee promised: Send the contract · by Fri 27 Nov at 17:00",
    ]


def test_the_history_says_a_move_on_closed_it_and_sent_nothing():
    events = [
        {"at": "2026-11-18T10:00", "kind": "sent", "action": "thank_you", "contact": "sam",
         "channel": "email"},
        {"at": "2026-11-19T10:00", "kind": "sent", "action": "move_on"},
    ]  # fmt: skip
    text = render_detail(interview(events=events), [], NOW).plain
    history = text.split("\nHistory\n", 1)[1]
    assert "sent thank-you to Sam Lee by email" in history
    assert "moved on: closed" in history and "sent move-on" not in history


def test_a_promise_of_mine_whose_keeping_was_skipped_says_so():
    mine = {"id": "p1", "what": "Send my references", "to": "sam", "due": "2026-11-24T12:00"}
    skipped = {"at": "2026-11-19T10:00", "kind": "skip", "action": "keep_promise",
               "id": "acme/keep_promise/p1", "promise": "p1"}  # fmt: skip
    text = render_detail(interview(promises=[mine], events=[skipped]), [], NOW).plain
    section = text.split("\nPromises\n", 1)[1].split("\n\nHistory\n", 1)[0]
    assert section.splitlines() == [
        "I → Sam Lee: Send my references · by Tue 24 Nov at 12:00 · skipped"
    ]

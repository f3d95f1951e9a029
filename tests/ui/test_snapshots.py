"""How each screen looks, on the demo data at a fixed time: a change to the look shows up as a
changed snapshot to review (``pytest --snapshot-update`` accepts it)."""

from __future__ import annotations

SIZE = (120, 36)


def test_dashboard(snap_compare, make):
    assert snap_compare(make(), terminal_size=SIZE, press=["_"])


def test_detail_pane(snap_compare, make):
    assert snap_compare(make(), terminal_size=SIZE, press=["l", "l", "enter", "_"])


def test_due_panel(snap_compare, make):
    assert snap_compare(make(), terminal_size=SIZE, press=["tab", "tab", "j", "_"])


def test_daily_review(snap_compare, make):
    assert snap_compare(make(), terminal_size=SIZE, press=["r", "_"])


def test_help(snap_compare, make):
    assert snap_compare(make(), terminal_size=SIZE, press=["question_mark", "_"])


def no_blink(pilot):
    """The welcome opens with the cursor in a field: a blinking cursor would make it flake."""
    for widget in pilot.app.screen.query("Input"):
        widget.cursor_blink = False


def test_welcome(snap_compare, make, tmp_path):
    app = make(tmp_path / "empty.json")
    assert snap_compare(app, terminal_size=(80, 24), press=["_"], run_before=no_blink)


def test_welcome_with_a_bad_email(snap_compare, make, tmp_path):
    app = make(tmp_path / "empty.json")
    # Leaving the email field shows its problem (a pressed button would flash for a moment).
    keys = [*"Ada Quade", "enter", *"ada@quade", "enter"]
    assert snap_compare(app, terminal_size=(80, 24), press=keys, run_before=no_blink)


def test_small_terminal(snap_compare, make):
    assert snap_compare(make(), terminal_size=(80, 24), press=["_"])

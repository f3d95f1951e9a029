"""The dashboard driven from the keyboard: each key of SPEC section 10 and what it changes,
on screen and in the database."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Input
from textual.worker import WorkerState

from app.domain.records import STAGES, EventKind, Outcome, Profile, Stage
from app.engine import State
from app.store.repository import Repository
from app.ui.forms import InterviewForm, OutcomeForm, ReplyForm, SnoozeForm
from app.ui.forms.confirm import ConfirmDialog
from app.ui.forms.field import Field
from app.ui.screens.dashboard import DashboardScreen
from app.ui.screens.help import HelpScreen
from app.ui.screens.review import ReviewScreen
from app.ui.screens.welcome import WelcomeScreen
from app.ui.widgets.board import RULE, Board
from app.ui.widgets.detail import DetailPane
from app.ui.widgets.due import DuePanel
from tests.test_cli import UNREADABLE, UNREADABLE_BECAUSE
from tests.ui.conftest import ZONE, listened, stored
from tests.ui.test_dashboard_mail import highlight

ROOT = Path(__file__).resolve().parents[2]


async def into_due_panel(app, pilot) -> str:
    """Move into the due panel, as tab does, and return the highlighted action's id."""
    panel = app.screen.query_one(DuePanel)
    panel.focus()
    await pilot.pause()
    assert panel.selected is not None
    return panel.selected


async def settle(app, pilot) -> None:
    """Let the save workers finish and the screen catch up."""
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_column_shows_its_count_however_narrow(make, size):
    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("l", "l")  # a wide column elsewhere: the others narrower
        await pilot.pause()
        board = app.screen.query_one(Board)
        first_line = app.screen._compositor.render_strips()[0].text
        titles = [t.strip() for t in first_line.split(RULE)[: len(STAGES)]]
        for stage, title in zip(STAGES, titles, strict=True):
            count = len(board.cards(stage))
            assert title.endswith((f" {count}", f"/{count}", f" of {count}")), titles


async def test_the_board_has_a_column_per_stage_with_counts(make):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(Board)
        first_line = app.screen._compositor.render_strips()[0].text
        for stage in STAGES:
            expected = sum(1 for i in app.workspace.interviews if i.stage is stage)
            assert len(board.cards(stage)) == expected
            assert all(card.interview_id for card in board.cards(stage))
            if stage is not board.stage:
                assert board.title(stage).endswith(f"· {expected}")
                assert board.title(stage) in first_line  # drawn as the column's title
        current = len(board.cards(board.stage))
        assert board.title(board.stage).endswith(f"· 1 of {current}" if current > 1 else "· 1")
        total = sum(len(board.cards(stage)) for stage in STAGES)
        assert total == len(app.workspace.interviews) >= 8


async def test_a_card_in_a_narrow_column_shows_when_before_what(make):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(Board)
        lines = [strip.text for strip in app.screen._compositor.render_strips()[:12]]
        narrow = [s for s in STAGES if s is not board.stage and board.cards(s)]
        overdue = [c for s in narrow for c in board.cards(s) if c.urgency == "overdue"]
        assert overdue and all(" · overdue since " in c.badge for c in overdue)
        # Cut to the column, the time stays and the kind gives way: "overdue · thank-…".
        for card in overdue:
            kind = card.badge.partition(" · ")[0]
            assert any(f" overdue · {kind[:3]}" in line for line in lines), (card, lines)


async def test_arrows_and_vim_keys_move_between_cards_and_columns(make):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        board = app.screen.query_one(Board)
        first = board.selected
        await pilot.press("l")
        assert board.column == 1
        await pilot.press("right", "h")
        assert board.column == 1
        await pilot.press("left")
        assert board.column == 0 and board.selected == first
        waiting = STAGES.index(Stage.WAITING)
        for _ in range(waiting):
            await pilot.press("l")
        assert board.stage is Stage.WAITING
        cards = board.cards(Stage.WAITING)
        assert len(cards) >= 2
        await pilot.press("j")
        assert board.cursor(Stage.WAITING) == 1 and board.selected == cards[1].interview_id
        assert board.title(Stage.WAITING) == f"Waiting · 2 of {len(cards)}"
        await pilot.press("k")
        assert board.cursor(Stage.WAITING) == 0
        # the detail pane follows the selected card
        detail = app.screen.query_one(DetailPane).text
        assert app.workspace.interview(board.selected).company in detail


async def test_moving_a_card_records_a_stage_event(make, db):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        board = app.screen.query_one(Board)
        selected = board.selected
        before = app.workspace.interview(selected).stage
        await pilot.press("greater_than_sign")
        await settle(app, pilot)
        after = STAGES[STAGES.index(before) + 1]
        assert board.selected == selected and board.column == STAGES.index(after)
    interview = next(i for i in stored(db).interviews if i.id == selected)
    assert interview.stage is after
    event = interview.events[-1]
    assert (event.kind, event.from_stage, event.to_stage) == (EventKind.STAGE, before, after)


async def test_a_closed_card_moved_back_reopens_where_it_was_closed_from(make, db):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        kestrel = app.workspace.interview("kestrel-tpm")
        assert kestrel.stage is Stage.CLOSED
        app.screen.query_one(Board).select(kestrel.id)
        await pilot.press("less_than_sign")
        await settle(app, pilot)
        # Closed from waiting: back there, not to Offer (the column beside Closed), which
        # would have the other processes told of an offer.
        assert app.workspace.interview(kestrel.id).stage is Stage.WAITING
        assert not [a for a in app.workspace.actions if a.kind.value == "update_others"
                    and a.id.endswith("/kestrel-tpm")]  # fmt: skip
    assert next(i for i in stored(db).interviews if i.id == kestrel.id).stage is Stage.WAITING


async def test_closing_a_card_asks_for_the_outcome(make, db):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        offer = next(i for i in app.workspace.interviews if i.stage is Stage.OFFER)
        app.screen.query_one(Board).select(offer.id)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeForm)
        await pilot.press("escape")
        await pilot.pause()
        assert app.workspace.interview(offer.id).stage is Stage.OFFER
        await pilot.press("greater_than_sign")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no outcome chosen yet: refused
        await pilot.pause()
        assert isinstance(app.screen, OutcomeForm)
        await pilot.press("space", "ctrl+s")  # the first outcome: accepted
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
    interview = next(i for i in stored(db).interviews if i.id == offer.id)
    assert (interview.stage, interview.outcome) == (Stage.CLOSED, Outcome.ACCEPTED)


async def test_marking_sent_removes_the_action_and_stores_the_event(make, db):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        action_id = await into_due_panel(app, pilot)
        panel = app.screen.query_one(DuePanel)
        action = app.workspace.action(action_id)
        assert action is not None and action.state is not State.UPCOMING
        await pilot.press("s", "enter")  # sent now, the default
        await settle(app, pilot)
        assert action_id not in {row.action_id for row in panel.rows}
        assert app.workspace.action(action_id) is None
    interview = next(i for i in stored(db).interviews if i.id == action.interview)
    sent = [e for e in interview.events if e.kind is EventKind.SENT and e.action_id == action_id]
    assert len(sent) == 1 and sent[0].action is action.kind


async def test_snooze_moves_the_action_and_undo_restores_it(make, db):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        action_id = await into_due_panel(app, pilot)
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm)
        await pilot.press("2")  # tomorrow morning
        await settle(app, pilot)
        moved = app.workspace.action(action_id)
        assert moved is not None and moved.state is State.UPCOMING
        assert moved.due_from.astimezone(moved.due_by.tzinfo).hour == 9
        assert "snoozed until Sat 21 Nov at 09:00" in moved.reason
        await pilot.press("u")
        await settle(app, pilot)
        assert app.workspace.action(action_id).state is not State.UPCOMING
    events = [e for i in stored(db).interviews for e in i.events if e.action_id == action_id]
    assert not any(e.kind is EventKind.SNOOZE for e in events)


async def test_skip_then_undo(make, db):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        action_id = await into_due_panel(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        assert app.workspace.action(action_id) is None
        skipped = [e for i in stored(db).interviews for e in i.events if e.action_id == action_id]
        assert [e.kind for e in skipped] == [EventKind.SKIP]
        await pilot.press("u")
        await settle(app, pilot)
        assert app.workspace.action(action_id) is not None
    assert not [e for i in stored(db).interviews for e in i.events if e.action_id == action_id]


async def test_recording_a_reply(make, db):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        interview_id = app.screen.query_one(Board).selected
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ReplyForm)
        # It says whose reply it records: the selected card's, which may not be the one meant.
        company = app.workspace.interview(interview_id).company
        assert app.screen.heading == f"{company} replied"
        await pilot.press(*"They will decide next week", "enter")
        await settle(app, pilot)
    interview = next(i for i in stored(db).interviews if i.id == interview_id)
    assert interview.events[-1].kind is EventKind.REPLY
    assert interview.events[-1].summary == "They will decide next week"


async def test_adding_an_interview_refuses_bad_input_and_saves_good(make, db):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        count = len(app.workspace.interviews)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, InterviewForm)
        await pilot.press("ctrl+s")  # nothing typed: company and role are required
        await pilot.pause()
        assert app.screen is form and len(app.workspace.interviews) == count
        form.query_one("#company", Input).value = "Umbrella Corp"
        form.query_one("#role", Input).value = "Research Scientist"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query_one(Board).selected == "umbrella-corp-research-scientist"
    assert any(i.company == "Umbrella Corp" for i in stored(db).interviews)


async def test_the_filter_narrows_the_board_and_escape_clears_it(make):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        total = _cards_shown(app)
        company = app.workspace.interviews[0].company
        await pilot.press("slash", *company.lower())
        await pilot.pause()
        shown = _cards_shown(app)
        assert 1 <= shown < total
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert _cards_shown(app) == total


async def test_the_filter_reads_past_accents(make):
    # The demo's Harbor Lane has Inês Carvalho among its contacts.
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("slash", *"ines")
        await pilot.pause()
        plain = _cards_shown(app)
        await pilot.press("escape", "slash", *"inês")
        await pilot.pause()
        assert _cards_shown(app) == plain >= 1
        screen = app.screen
        assert all(
            any("Inês" in c.name for c in i.contacts)
            for i in app.workspace.interviews
            if screen._matches(i, "ines")
        )


async def test_a_filter_that_matches_nothing_says_so_rather_than_nothing_due(make):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("slash", *"zzq")
        await pilot.pause()
        panel = app.screen.query_one(DuePanel)
        assert [row.title for row in panel.rows] == ["No match for “zzq”: esc clears it."]
        await pilot.press("escape")
        await pilot.pause()
        assert any(row.action_id for row in panel.rows)


async def test_the_board_has_the_focus_from_the_start_and_the_filter_never_takes_it(
    make, monkeypatch
):
    # Every widget given the focus, from before the first frame on: each change of focus
    # draws the footer's keys again.
    focused: list[str | None] = []
    set_focus = Screen.set_focus

    def recorded(screen, widget, *args, **kwargs):  # type: ignore[no-untyped-def]
        focused.append(widget.id if widget is not None else None)
        return set_focus(screen, widget, *args, **kwargs)

    monkeypatch.setattr(Screen, "set_focus", recorded)
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.focused is screen.query_one(Board)
        assert "board" in focused
        assert "filter" not in focused
        # The filter still takes the focus when the user asks for it.
        await pilot.press("slash")
        assert screen.focused is screen.query_one("#filter", Input)


async def test_copy_puts_the_draft_on_the_clipboard(make, clipboard):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        action = app.workspace.action(await into_due_panel(app, pilot))
        assert action is not None and action.contacting
        await pilot.press("c")
        await pilot.pause()
        if not isinstance(app.screen, DashboardScreen):  # placeholders left: it asks first
            await pilot.press("y")
        await settle(app, pilot)
    assert len(clipboard.copied) == 1
    interview = next(i for i in app.workspace.interviews if i.id == action.interview)
    assert interview.company in clipboard.copied[0] or interview.role in clipboard.copied[0]


async def test_help_lists_every_key_of_the_bindings(make):
    app = make()
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = {b.tooltip for b in app.screen.bindings}
        dashboard_keys = {b.tooltip for b in DashboardScreen.BINDINGS}
        assert shown == dashboard_keys
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_the_review_s_help_lists_its_own_keys_and_not_the_dashboard_s_moves(make):
    from app.ui.screens.help import KeyTable

    app = make()
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(KeyTable).render()
        rows = dict(zip(table.columns[0].cells, table.columns[1].cells, strict=True))
        assert rows["escape"] == "Leave the review, with a summary (while editing: stop editing)"
        assert not any("cards and columns" in does for does in rows.values())


async def test_the_review_opens_on_r(make):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_an_empty_database_welcomes_and_can_load_the_demo(make, tmp_path):
    app = make(tmp_path / "empty.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        # Past the name and email (left empty) to the buttons, where d is the demo's key.
        await pilot.press("tab", "tab", "d")
        await settle_all(app, pilot)
        assert len(app.workspace.interviews) >= 8
    assert len(stored(tmp_path / "empty.json").interviews) >= 8


async def settle_all(app, pilot) -> None:
    """Let every worker finish, those started by others that finished included."""
    for _ in range(10):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            return


def profile_on_file(path: Path) -> Profile:
    return Repository(path, default_zone=ZONE).load_profile()


async def test_the_welcome_saves_the_name_and_email_typed_before_add(make, tmp_path):
    path = tmp_path / "empty.json"
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        welcome = app.screen
        assert isinstance(welcome, WelcomeScreen)
        assert app.focused is welcome.query_one("#name", Input)
        # a, d and q are letters of a name here, not keys of the screen.
        await pilot.press(*"Ada Quade", "enter")
        assert app.focused is welcome.query_one("#email", Input)
        await pilot.press(*"ada@quade.example", "enter")
        assert app.focused is welcome.query_one("#add", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        profile = app.workspace.profile
        assert (profile.name, profile.email) == ("Ada Quade", "ada@quade.example")
        await settle_all(app, pilot)
        assert not app.workspace.pending
    on_file = profile_on_file(path)
    assert (on_file.name, on_file.email, on_file.phone) == ("Ada Quade", "ada@quade.example", "")


async def test_later_on_the_welcome_asks_then_saves_nothing(make, tmp_path):
    path = tmp_path / "empty.json"
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        welcome = app.screen
        await pilot.press(*"Ada Quade", "tab", *"ada@quade.example", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == "Skip and lose the name and email typed here?"
        await pilot.press("n")  # keep editing: what was typed is still there
        await pilot.pause()
        assert app.screen is welcome
        assert welcome.query_one("#email", Input).value == "ada@quade.example"
        await pilot.press("escape", "y")
        await settle_all(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.workspace.profile == Profile()
        assert not app.workspace.pending
    assert profile_on_file(path) == Profile()


async def test_a_bad_email_on_the_welcome_is_shown_and_nothing_closes(make, tmp_path):
    path = tmp_path / "empty.json"
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        welcome = app.screen
        await pilot.press(*"Ada", "enter", *"ada@quade", "enter", "enter")
        await pilot.pause()
        assert app.screen is welcome
        email = welcome.query_one("#email-field", Field)
        assert email.has_class("-invalid")
        assert "not an email address" in str(email.message.render())
        assert app.focused is welcome.query_one("#email", Input)
        assert app.workspace.profile == Profile()
        # Fixed, then on with the demo: its own profile gives way to what was typed.
        await pilot.press("end", *".example", "tab", "tab", "d")
        await settle_all(app, pilot)
        assert len(app.workspace.interviews) >= 8
        profile = app.workspace.profile
        assert (profile.name, profile.email) == ("Ada", "ada@quade.example")
        assert not app.workspace.pending
    on_file = profile_on_file(path)
    assert (on_file.name, on_file.email) == ("Ada", "ada@quade.example")
    assert len(stored(path).interviews) >= 8


async def test_q_on_the_welcome_types_in_a_field_and_quits_from_a_button(make, tmp_path):
    app = make(tmp_path / "empty.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        welcome = app.screen
        await pilot.press("q")
        assert welcome.query_one("#name", Input).value == "q"
        assert app.is_running
        await pilot.press("tab", "tab", "q")
        await pilot.pause()
        # A name was typed: q asks before it is lost, and "Keep editing" keeps it.
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is welcome and welcome.query_one("#name", Input).value == "q"
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


async def test_q_on_an_untouched_welcome_quits_at_once(make, tmp_path):
    app = make(tmp_path / "empty.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "q")
        await pilot.pause()
        assert not app.is_running


async def test_usable_at_80x24_and_no_crash_small_or_while_resizing(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "j", "tab", "j", "tab")
        assert app.screen.query_one(Board).region.height >= 5
        for size in ((40, 12), (20, 5), (120, 40), (40, 12), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            if size == (120, 40):  # room for all of it: every column, the detail, the due list
                screen = app.screen
                assert min(screen.query_one(Board).widths()) >= 12
                panes = (
                    screen.query_one(Board),
                    screen.query_one("#detail"),
                    screen.query_one(DuePanel),
                )
                assert min(pane.region.height for pane in panes) >= 10
                assert screen.query_one("#status").region.bottom <= 40
        await pilot.press("question_mark", "escape", "l", "k")
        assert isinstance(app.screen, DashboardScreen)


def refuse_without_a_terminal(tmp_path, **streams) -> tuple[float, str]:
    """Start the dashboard with the given standard streams; how long it took from start to exit,
    and what it said. The quickest of three runs: a shared machine may stall any one of them."""
    runs = []
    for _ in range(3):
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "app", "--db", str(tmp_path / "db.json")],
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=30,
            check=False,
            **streams,
        )
        elapsed = time.monotonic() - started
        assert done.returncode == 1, done.stderr
        runs.append((elapsed, done.stderr.decode()))
    return min(runs)


def test_without_a_terminal_it_exits_within_a_second_with_a_message(tmp_path):
    elapsed, said = refuse_without_a_terminal(
        tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE
    )
    assert "needs a terminal" in said and said.count("\n") == 1
    assert elapsed < 1
    assert not (tmp_path / "db.json").exists()


def test_the_refusal_comes_before_textual_is_imported(tmp_path):
    # Importing Textual alone takes a good part of the second that the refusal may take.
    script = (
        "import sys, app.cli\n"
        f"code = app.cli.main(['--db', {str(tmp_path / 'db.json')!r}])\n"
        "assert 'textual' not in sys.modules, 'textual was imported before the refusal'\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=30,
        check=False,
    )
    assert done.returncode == 1 and "needs a terminal" in done.stderr, done.stderr
    assert "AssertionError" not in done.stderr


async def test_the_screen_appears_first_and_the_database_is_read_behind_it(db):
    from app.services.opening import open_workspace
    from app.ui.factory import make_app
    from tests.ui.conftest import NOW, ZONE

    app = make_app(open_workspace(db, clock=lambda: NOW, default_zone=ZONE), load_first=False)
    assert app.workspace.interviews == ()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.loaded and len(app.workspace.interviews) >= 8
        assert _cards_shown(app) == len(app.workspace.interviews)


def exit_messages(app) -> list[str]:
    """The messages the app will print as it leaves, as they are handed to ``exit``."""
    said: list[str] = []
    leave = app.exit

    def exit_saying(result=None, return_code=0, message=None):
        said.append(message)
        leave(result, return_code, message)

    app.exit = exit_saying
    return said


@pytest.mark.parametrize("kind", UNREADABLE)
async def test_an_unreadable_database_closes_the_app_with_one_line(tmp_path, kind):
    from app.services.opening import open_workspace
    from app.ui.factory import make_app
    from tests.ui.conftest import NOW, ZONE

    bad = tmp_path / "bad.json"
    bad.write_bytes(UNREADABLE[kind])
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    app = make_app(open_workspace(bad, clock=lambda: NOW, default_zone=ZONE), load_first=False)
    said = exit_messages(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
    assert app.return_code == 1
    [line] = said
    real = bad.resolve()
    assert line.startswith(f"followup: {real} {UNREADABLE_BECAUSE[kind]}")
    assert f"there is no backup yet ({real}.bak does not exist)" in line
    assert "\n" not in line
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


async def test_an_unreadable_database_with_a_backup_says_how_to_put_it_back(db):
    from app.services.opening import open_workspace
    from app.ui.factory import make_app
    from tests.ui.conftest import NOW, ZONE

    Repository(db, default_zone=ZONE).remove_interview(stored(db).interviews[0].id)
    db.write_bytes(b"\x00" * 4096)
    app = make_app(open_workspace(db, clock=lambda: NOW, default_zone=ZONE), load_first=False)
    said = exit_messages(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
    assert app.return_code == 1
    assert said == [
        f"followup: {db.resolve()} contains only NUL bytes (the disk lost its content, often in "
        f"a crash); it was left untouched; the previous version is in {db.resolve()}.bak; "
        "`followup restore` puts it back"
    ]


async def test_q_quits(make):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


def _cards_shown(app) -> int:
    board = app.screen.query_one(Board)
    return sum(len(board.cards(stage)) for stage in STAGES)


async def test_a_click_selects_the_card_under_it(make):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        board = app.screen.query_one(Board)
        waiting = STAGES.index(Stage.WAITING)
        left = sum(board.widths()[:waiting])
        cards = board.cards(Stage.WAITING)
        assert len(cards) >= 2
        # Line 0 is the titles; the second card starts four lines below the first.
        await pilot.click(Board, offset=(left + 2, 1 + 4))
        await pilot.pause()
        assert board.column == waiting and board.selected == cards[1].interview_id
        detail = app.screen.query_one(DetailPane).text
        assert app.workspace.interview(cards[1].interview_id).company in detail


async def test_the_cursor_starts_where_there_are_cards(make, tmp_path):
    from app.demo import demo_pipeline
    from app.domain.copies import replace
    from tests.ui.conftest import NOW, ZONE

    demo = demo_pipeline(NOW, ZONE)
    waiting = tuple(i for i in demo.interviews if i.stage is Stage.WAITING)
    path = tmp_path / "waiting-only.json"
    Repository(path, default_zone=ZONE).import_pipeline(
        replace(demo, interviews=waiting), replace=False
    )
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(Board)
        assert board.stage is Stage.WAITING
        assert board.selected == board.cards(Stage.WAITING)[0].interview_id
        assert "No interview selected" not in app.screen.query_one(DetailPane).text


def test_a_small_database_is_read_before_the_first_frame_a_large_one_behind_it(tmp_path):
    from app.services.opening import QUICK_TO_READ_BYTES, quick_to_read

    small, large = tmp_path / "small.json", tmp_path / "large.json"
    small.write_bytes(b" " * QUICK_TO_READ_BYTES)
    large.write_bytes(b" " * (QUICK_TO_READ_BYTES + 1))
    assert quick_to_read(small) and not quick_to_read(large)
    assert quick_to_read(tmp_path / "none-yet.json")  # nothing to read, nothing to wait for


async def test_the_draft_beside_the_board_is_the_one_the_keys_act_on(make, clipboard):
    from app.ui.widgets.board import Board
    from app.ui.widgets.draft_view import DraftPreview

    app = make()
    async with app.run_test(size=(140, 42)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(Board)
        for _ in range(12):
            if board.selected == "tidewell-data":
                break
            await pilot.press("l")
        assert board.selected == "tidewell-data"
        target = app.screen.target_action()
        assert target is not None and target.interview == "tidewell-data"
        preview = app.screen.query_one("#preview", DraftPreview)
        assert dict(preview.fields)["To"].startswith("Lena Vogt")
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
    # What was copied is what was on screen beside the card.
    assert clipboard.copied[-1] == preview.body


async def test_the_board_stops_at_its_first_and_last_columns(make):
    from app.domain.records import STAGES
    from app.ui.widgets.board import Board

    app = make()
    async with app.run_test(size=(140, 42)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(Board)
        await pilot.press(*["h"] * (len(STAGES) + 2))
        assert board.column == 0  # never round to Closed, where `<` would reopen one
        await pilot.press(*["l"] * (len(STAGES) + 2))
        assert board.column == len(STAGES) - 1
        closed = board.selected
        await pilot.press("l")
        assert board.column == len(STAGES) - 1 and board.selected == closed


async def test_a_snooze_to_before_an_action_opens_says_so(make, db):
    app = make()
    told = listened(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        later = next(a for a in app.workspace.actions if a.state is State.UPCOMING)
        assert later.due_from > app.workspace.now.add(hours=3)
        await highlight(app, pilot, later.id)
        await pilot.press("z", "1")  # later today: before it opens
        await settle(app, pilot)
        assert app.workspace.action(later.id).due_from == later.due_from
        assert any(line.startswith("It does not open until ") for line in told), told


def test_the_help_lists_each_key_once():
    from rich.style import Style

    from app.ui.screens.help import key_table

    bindings = [b for b in DashboardScreen.BINDINGS if isinstance(b, Binding)]
    table = key_table(bindings, "Keys", title_style=Style(), key_style=Style())
    keys = [str(cell) for cell in table.columns[0]._cells]
    assert keys.count("escape") == 1
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("typed", [("Ada Quade",), ()])
async def test_the_demo_loaded_from_the_welcome_never_signs_as_its_own_person(
    make, tmp_path, typed
):
    path = tmp_path / "empty.json"
    app = make(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*"".join(typed), "tab", "tab", "d")
        await settle_all(app, pilot)
        assert len(app.workspace.interviews) >= 8
    on_file = profile_on_file(path)
    assert (on_file.name, on_file.email, on_file.phone, on_file.signature) == (
        "".join(typed),
        "",
        "",
        "",
    )


async def test_ctrl_q_in_a_form_holding_what_was_typed_asks_first(make):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, InterviewForm)
        await pilot.press(*"Quasar Labs", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.is_running
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form  # back to the form, as typed
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_in_an_untouched_form_quits_at_once(make):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_keys_on_an_empty_board_say_why_they_do_nothing(make, tmp_path):
    app = make(tmp_path / "empty.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # past the welcome
        await settle_all(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        for key in ("e", "R", ">", "c"):
            before = len(app._notifications)
            await pilot.press(key)
            await pilot.pause()
            said = [str(n.message) for n in list(app._notifications)[before:]]
            assert said, f"{key} said nothing"
            assert said[-1] in (
                "No interviews yet: a adds one.",
                "No action is selected: nothing to copy.",
            )


async def test_an_offer_without_its_deadline_asks_for_it(make, db):
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        marlow = app.workspace.interview("marlow-ops")
        assert marlow.stage is Stage.REFERENCES and marlow.offer_deadline is None
        app.screen.query_one(Board).select(marlow.id)
        said = listened(app)
        await pilot.press("greater_than_sign")
        await settle(app, pilot)
        assert app.workspace.interview(marlow.id).stage is Stage.OFFER
        assert any(s.startswith("When must you answer the offer? Add its deadline") for s in said)
        # One with its deadline says nothing of it.
        oakline = app.workspace.interview("oakline-patient")
        app.screen.query_one(Board).select(oakline.id)
        await pilot.press("less_than_sign")
        await settle(app, pilot)
        before = len(said)
        await pilot.press("greater_than_sign")
        await settle(app, pilot)
        assert app.workspace.interview(oakline.id).stage is Stage.OFFER
        assert not any("Add its deadline" in s for s in said[before:])

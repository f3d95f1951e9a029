"""The daily review: clearing a day of follow-ups from the keyboard alone."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, Static, TextArea

from app.domain.interchange import read_pipeline
from app.domain.records import ActionKind, EventKind
from app.engine import State
from app.store.repository import Repository
from app.ui.forms import SnoozeForm
from app.ui.screens.dashboard import DashboardScreen
from app.ui.screens.review import ReviewScreen, SummaryScreen
from tests.ui.conftest import NOW, ZONE, stored

COMPANIES = [
    "Acme",
    "Globex",
    "Initech",
    "Hooli",
    "Umbrella",
    "Stark",
    "Wayne",
    "Wonka",
    "Cyberdyne",
    "Tyrell",
]


def ten_thank_yous(path: Path) -> Path:
    """Ten interviews held yesterday afternoon: ten thank-yous due today, nothing else."""
    interviews = [
        {
            "id": name.lower(),
            "company": name,
            "role": "Engineer",
            "stage": "interviewed",
            "timezone": ZONE,
            "rounds": [
                {
                    "id": "r1",
                    "starts": "2026-11-19T15:00:00",
                    "kind": "video",
                    "interviewers": ["boss"],
                }
            ],
            "contacts": [
                {
                    "id": "boss",
                    "name": f"Pat {name}",
                    "title": "Head of Engineering",
                    "email": f"pat@{name.lower()}.example",
                    "role": "interviewer",
                }
            ],
            "notes": {"recap": [f"shipped the {name} migration"]},
            "decision_by": "2026-12-04",
        }
        for name in COMPANIES
    ]
    data = {
        "format": "followup/1",
        "profile": {"name": "Alex Morgan", "timezone": ZONE},
        "interviews": interviews,
    }
    Repository(path, default_zone=ZONE).import_pipeline(read_pipeline(data), replace=False)
    return path


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def progress(app) -> str:
    return str(app.screen.query_one("#progress", Label).render())


async def test_a_ten_action_day_cleared_with_the_keyboard(make, tmp_path):
    db = ten_thank_yous(tmp_path / "ten.json")
    app = make(db)
    async with app.run_test(size=(120, 40)) as pilot:
        due_today = [a for a in app.workspace.actions if a.state is not State.UPCOMING]
        assert len(due_today) == 10
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert progress(app).startswith("1 of 10")
        draft = str(app.screen.query_one("#draft-text", Static).render())
        assert "Thank you" in draft or "thank you" in draft
        for _ in range(6):
            await pilot.press("s")
            await pilot.pause()
        assert progress(app).startswith("7 of 10")
        edited_id = app.screen.current.id
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#draft-editor", TextArea).has_focus
        await pilot.press(*"P.S. I have put the slides online. ")
        await pilot.press("escape", "s")  # stop editing, then send the edited text
        await pilot.pause()
        snoozed_id = app.screen.current.id
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm)
        await pilot.press("2")  # tomorrow morning
        await pilot.pause()
        skipped_id = app.screen.current.id
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = app.screen.summary
        assert (summary.sent, summary.snoozed, summary.skipped, summary.still_due) == (8, 1, 1, 0)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)

    pipeline = stored(db)
    events = [e for i in pipeline.interviews for e in i.events]
    sent = [e for e in events if e.kind is EventKind.SENT]
    assert len(sent) == 8 and all(e.action is ActionKind.THANK_YOU for e in sent)
    edited = next(e for e in sent if e.action_id == edited_id)
    assert edited.text.startswith("P.S. I have put the slides online. ")
    assert [e.action_id for e in events if e.kind is EventKind.SNOOZE] == [snoozed_id]
    assert [e.action_id for e in events if e.kind is EventKind.SKIP] == [skipped_id]
    from app.engine import compute_actions

    left = [
        a
        for a in compute_actions(pipeline.interviews, pipeline.policy, NOW)
        if a.state is not State.UPCOMING
    ]
    assert left == []


async def test_undo_inside_the_review_puts_the_action_back(make, tmp_path):
    db = ten_thank_yous(tmp_path / "ten.json")
    app = make(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        first = app.screen.current.id
        await pilot.press("s")
        await settle(app, pilot)
        assert app.screen.current.id != first and app.screen.tally.sent == 1
        await pilot.press("u")
        await settle(app, pilot)
        assert app.screen.current.id == first and app.screen.tally.sent == 0
        assert app.workspace.action(first) is not None
    assert not [e for i in stored(db).interviews for e in i.events if e.kind is EventKind.SENT]


async def test_next_and_previous_move_without_changing_anything(make, tmp_path):
    db = ten_thank_yous(tmp_path / "ten.json")
    app = make(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "n", "n")
        assert progress(app).startswith("3 of 10")
        await pilot.press("p")
        assert progress(app).startswith("2 of 10")
        assert app.workspace.pending == 0


async def test_an_empty_review_says_so_and_when_the_next_action_opens(make, tmp_path):
    db = ten_thank_yous(tmp_path / "ten.json")
    later = NOW.subtract(days=5)  # days before the rounds: not even preparing is due
    app = make(db, now=later)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert progress(app) == "Nothing is due today."
        text = str(app.screen.query_one("#context-text", Static).render())
        assert "well done" in text and "The next action opens Tue 17 Nov at 15:00." in text


async def test_a_key_on_an_action_already_dealt_with_says_so_and_records_nothing(make, tmp_path):
    db = ten_thank_yous(tmp_path / "ten.json")
    app = make(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        skipped = app.screen.current.id
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("p")  # back to the skipped one
        await pilot.pause()
        assert app.screen.current.id == skipped
        await pilot.press("s")
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert "Already skipped: u undoes it." in messages
        assert app.screen.tally.sent == 0
    events = [e for i in stored(db).interviews for e in i.events]
    assert [e.kind for e in events] == [EventKind.SKIP]


async def test_a_prepare_marked_done_is_done_not_sent_in_the_summary(make, db):
    # The demo on Sunday: two rounds to prepare for, among its messages.
    sunday = NOW.add(days=2, hours=2)
    app = make(now=sunday)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        for _ in range(len(screen.items)):
            if screen.current.kind is ActionKind.PREPARE:
                break
            await pilot.press("n")
        assert screen.current.kind is ActionKind.PREPARE
        await pilot.press("s")
        await settle(app, pilot)
        summary = screen.summary()
        assert (summary.sent, summary.finished) == (0, 1)
        assert summary.lines(sunday)[0] == "Sent 0 · done 1 · snoozed 0 · skipped 0"


async def test_leaving_with_an_edited_draft_not_sent_asks_first(make, tmp_path):
    db = ten_thank_yous(tmp_path / "ten.json")
    app = make(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "e", *"Dear Pat, thank you. ", "escape")
        await pilot.pause()
        review = app.screen
        await pilot.press("escape")
        await pilot.pause()
        from app.ui.forms.confirm import ConfirmDialog

        assert isinstance(app.screen, ConfirmDialog)
        assert "You edited a draft and did not send it" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is review
        assert review.draft_text(review.current).startswith("Dear Pat, thank you. ")
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_a_draft_opened_and_left_unchanged_is_not_an_edit(make, tmp_path):
    db = ten_thank_yous(tmp_path / "ten.json")
    app = make(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "e", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_an_edit_set_aside_by_combining_comes_back_when_parted(make, db):
    import pendulum

    # Saturday afternoon: Marcus's thank-you and the promise to him are both open.
    app = make(now=pendulum.datetime(2026, 11, 21, 16, tz="UTC"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        review = app.screen
        for _ in range(len(review.items)):
            if review.current.id == "brightwater-pm/thank_you/r2/marcus":
                break
            await pilot.press("n")
        assert review.current.id == "brightwater-pm/thank_you/r2/marcus"
        await pilot.press("e", "ctrl+home", *"P.S. ", "escape")
        await pilot.pause()
        mine = review.draft_text(review.current)
        assert mine.startswith("P.S. ")
        await pilot.press("m")  # one message with the promise: drafted again, mine kept aside
        await pilot.pause()
        assert review.current.id in review.combined
        assert not review.draft_text(review.current).startswith("P.S. ")
        await pilot.press("m")  # parted again: my edit is back
        await pilot.pause()
        assert review.draft_text(review.current) == mine
        messages = [str(n.message) for n in app._notifications]
        assert any("Your edit is kept: m again brings it back." in m for m in messages)
        assert any("Your edit of this message is back." in m for m in messages)


def test_one_message_says_what_it_does_and_two_of_a_kind_once(db):
    import pendulum

    from app.domain.copies import replace
    from app.domain.records import ActionKind
    from app.engine import compute_actions
    from app.store.repository import Repository
    from app.ui.format import kinds_said

    pipeline = Repository(db, default_zone="UTC").load()
    now = pendulum.datetime(2026, 11, 21, 16, tz="UTC")
    actions = compute_actions(pipeline.interviews, pipeline.policy, now)
    thanks = next(a for a in actions if a.kind is ActionKind.THANK_YOU)
    promise = next(a for a in actions if a.kind is ActionKind.KEEP_PROMISE)
    other_round = replace(thanks, id=f"{thanks.id}-again")
    assert kinds_said(thanks, None) == "thank-you"
    assert kinds_said(thanks, promise, the=True) == "the thank-you and the keep promise"
    assert kinds_said(thanks, other_round) == "two thank-yous"
    assert kinds_said(promise, replace(promise, id="p2"), the=True) == "the two promises kept"

"""The inbox in the dashboard (SPEC sections 10 and 11): `i` lists what the last scan of the mail
proposes, each with why; enter records one, x dismisses one, A records them all, and back on the
dashboard the due panel shows the file as it is; r reads the mail again in a worker that escape
stops; with no account set up the screen says how to set one up; at start, with an account set
up, the status line counts what the mail proposes."""

from __future__ import annotations

import mailbox
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app.inbox.proposals import Proposal
from app.inbox.settings_file import load_inbox_state
from app.services.inbox import Scanned, scan
from app.services.records import Records
from app.services.workspace import Workspace
from app.ui.app import FollowupApp
from app.ui.screens.dashboard import DashboardScreen
from app.ui.screens.inbox import InboxList, InboxScreen
from app.ui.widgets.due import DuePanel
from tests.inbox.corpus import new_person_writes_twice, to_jordan
from tests.ui.conftest import NOW, ZONE, listened, stored

CHECK_IN = "harbor-analytics/check_in/r2"
SOFIA = "<reply-sofia@harborlane.example>"
DANIEL = "<reply-daniel@harborlane.example>"


def scanned(db: Path, tmp_path: Path, *, both: bool = True) -> list[Proposal]:
    """A Maildir with Sofia's reply (and Daniel's), scanned so that its proposals are kept."""
    box = mailbox.Maildir(tmp_path / "Mail", create=True)
    box.add(
        to_jordan(
            "Sofia Marsh <sofia.marsh@harborlane.example>",
            "Re: Product Analytics Lead",
            "Hi Jordan,\n\nWe will decide by Friday, thank you for waiting.\n\nSofia\n",
            "Thu, 19 Nov 2026 15:00:00 +0000",
            SOFIA,
        )
    )
    if both:
        box.add(
            to_jordan(
                "Daniel Osei <daniel.osei@harborlane.example>",
                "Re: Onsite",
                "Hello Jordan,\n\nThanks for the thoughtful questions on Tuesday.\n",
                "Thu, 19 Nov 2026 16:00:00 +0000",
                DANIEL,
            )
        )
    box.flush()
    box.close()
    found = scan(Records(db, default_zone=ZONE), maildir=tmp_path / "Mail", now=NOW)
    return found.proposals


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_inbox(pilot) -> InboxScreen:
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InboxScreen)
    return screen


def sources(db: Path) -> set[str]:
    harbor = next(i for i in stored(db).interviews if i.id == "harbor-analytics")
    return {e.source for e in harbor.events if e.source}


def due_ids(app: FollowupApp) -> set[str]:
    return {r.action_id for r in app.dashboard.query_one(DuePanel).rows if r.action_id}


async def test_enter_records_the_reply_and_the_check_in_leaves(
    make: Callable[..., FollowupApp], db: Path, tmp_path: Path
) -> None:
    proposals = scanned(db, tmp_path)
    assert [p.message_id for p in proposals] == [SOFIA, DANIEL]
    app = make()
    told = listened(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert CHECK_IN in due_ids(app)
        screen = await open_inbox(pilot)
        rows = screen.query_one(InboxList).rows
        assert [r.proposal_id for r in rows] == [p.id for p in proposals]
        first = rows[0]
        assert first.kind == "Reply"
        assert first.where == "Harbor Lane Logistics"
        assert first.sender.startswith("Sofia Marsh")
        assert first.first_line == "We will decide by Friday, thank you for waiting."
        assert first.reason == proposals[0].reason
        assert "Sofia Marsh wrote" in first.reason

        await pilot.press("enter")
        await settle(pilot)
        assert SOFIA in sources(db)
        assert any("Recorded a reply from Harbor Lane Logistics" in line for line in told)
        assert [r.proposal_id for r in screen.query_one(InboxList).rows] == [proposals[1].id]

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert CHECK_IN not in due_ids(app)
        assert "1 new from your mail" in str(app.dashboard.query_one("#status").render())


async def test_x_dismisses_and_records_nothing(
    make: Callable[..., FollowupApp], db: Path, tmp_path: Path
) -> None:
    proposals = scanned(db, tmp_path)
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("j", "x")
        await settle(pilot)
        assert [r.proposal_id for r in screen.query_one(InboxList).rows] == [proposals[0].id]
        assert proposals[1].id in load_inbox_state(db).dismissed
        assert not sources(db)
        await pilot.press("escape")
        await settle(pilot)
        assert CHECK_IN in due_ids(app)


async def test_capital_a_accepts_every_one_shown(
    make: Callable[..., FollowupApp], db: Path, tmp_path: Path
) -> None:
    scanned(db, tmp_path)
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert sources(db) == {SOFIA, DANIEL}
        assert screen.query_one(InboxList).rows == []
        assert screen.has_class("-empty")
        assert "Nothing new from your mail" in str(screen.query_one("#inbox-empty").render())
        await pilot.press("escape")
        await settle(pilot)
        assert CHECK_IN not in due_ids(app)


async def test_without_an_account_it_says_how_to_set_one_up(
    make: Callable[..., FollowupApp], db: Path
) -> None:
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_inbox(pilot)
        shown = " ".join(str(screen.query_one("#inbox-empty").render()).split())
        # In commands that reach this database, which is not the default one.
        assert f"followup inbox setup --db {db} --host HOST" in shown
        assert f"followup inbox scan --db {db} --maildir DIR" in shown
        await pilot.press("r")
        await settle(pilot)
        status = str(screen.query_one("#inbox-status").render())
        assert status == "No mail account is set up yet: how to set one up is below."
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


def _set_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Workspace, "inbox_set_up", lambda self: True)


async def test_the_status_line_counts_what_the_mail_proposes(
    make: Callable[..., FollowupApp], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposals = scanned(db, tmp_path)
    three = [*proposals, proposals[0]]
    _set_up(monkeypatch)
    monkeypatch.setattr(Workspace, "inbox_scan", lambda self: Scanned(three, read=3, skipped=0))
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "3 new from your mail" in str(app.dashboard.query_one("#status").render())


async def test_reading_the_mail_shows_it_and_escape_stops_it(
    make: Callable[..., FollowupApp], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_on = threading.Event()

    def slow(self: Workspace) -> Scanned:
        go_on.wait(10)
        return Scanned([], read=0, skipped=0)

    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_inbox(pilot)
        _set_up(monkeypatch)
        monkeypatch.setattr(Workspace, "inbox_scan", slow)
        await pilot.press("r")
        await pilot.pause()
        assert "Reading your mail…" in str(screen.query_one("#inbox-status").render())
        assert screen.has_class("-reading")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # the first escape stops the reading only
        assert not screen.has_class("-reading")
        assert "Stopped reading" in str(screen.query_one("#inbox-status").render())
        go_on.set()
        await settle(pilot)
        # The stopped read's result is dropped: the screen says nothing of it.
        assert "Stopped reading" in str(screen.query_one("#inbox-status").render())
        await pilot.press("r")
        await settle(pilot)
        assert "Read 0 messages" in str(screen.query_one("#inbox-status").render())
        assert "Nothing new from your mail" in str(screen.query_one("#inbox-empty").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


def test_snapshot_two_proposals(snap_compare, make, db: Path, tmp_path: Path) -> None:
    scanned(db, tmp_path)

    async def opened(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("i")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make(), terminal_size=(80, 24), run_before=opened)


async def test_a_message_about_two_interviews_asks_which_before_recording(
    make: Callable[..., FollowupApp], db: Path, tmp_path: Path
) -> None:
    from app.ui.forms.choose import ChooseDialog

    records = Records(db, default_zone=ZONE)
    found = _rita_writes_to_both(records, tmp_path, "<rita@harborlane.example>")
    reply = next(p for p in found if p.kind.value == "reply")
    assert set(reply.interviews) == {"harbor-analytics", "fernhill-insights"}
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        inbox = await open_inbox(pilot)
        rows = inbox.query_one(InboxList)
        rows.move_to(next(n for n, r in enumerate(rows.rows) if r.proposal_id == reply.id), 1)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChooseDialog)
        await pilot.press("down", "enter")
        await settle(pilot)
    chosen = next(i for i in stored(db).interviews if i.id == "fernhill-insights")
    assert any(e.source == "<rita@harborlane.example>" for e in chosen.events)
    other = next(i for i in stored(db).interviews if i.id == "harbor-analytics")
    assert not any(e.source == "<rita@harborlane.example>" for e in other.events)


async def test_two_processes_at_one_company_are_told_apart_by_their_roles(
    make: Callable[..., FollowupApp], db: Path, tmp_path: Path
) -> None:
    records = Records(db, default_zone=ZONE)
    found = _rita_writes_to_both(
        records, tmp_path, "<rita-2@harborlane.example>", company="Harbor Lane Logistics"
    )
    reply = next(p for p in found if p.kind.value == "reply")
    assert reply.reason.count("Harbor Lane Logistics") == 2  # "from …'s address", "… answered"
    assert "Harbor Lane Logistics or Harbor Lane Logistics" not in reply.reason
    roles = {
        i.id: i.role
        for i in stored(db).interviews
        if i.id in ("harbor-analytics", "fernhill-insights")
    }
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        inbox = await open_inbox(pilot)
        row = next(r for r in inbox.query_one(InboxList).rows if r.proposal_id == reply.id)
    first, second = (roles[i] for i in reply.interviews)
    assert row.where == f"Harbor Lane Logistics: {first} or {second} (matches both)"


async def test_escape_while_a_reply_is_recorded_waits_and_the_calendar_follows(
    make: Callable[..., FollowupApp],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Leaving the inbox while it records what was accepted would drop the worker's last steps:
    showing what it did and the calendar's sync. Escape waits for them, and says so."""
    scanned(db, tmp_path)
    recording, go_on = threading.Event(), threading.Event()
    apply = Workspace.inbox_apply

    def held(self: Workspace, *args, **kwargs):  # type: ignore[no-untyped-def]
        recording.set()
        go_on.wait(10)
        return apply(self, *args, **kwargs)

    synced: list[bool] = []
    monkeypatch.setattr(Workspace, "inbox_apply", held)
    monkeypatch.setattr(Workspace, "sync_calendar", lambda self: synced.append(True))
    app = make()
    told = listened(app)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("enter")
        assert recording.wait(10)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert any("Still recording" in line for line in told)
        go_on.set()
        await settle(pilot)
        assert synced == [True]
        assert SOFIA in sources(db)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


def _rita_writes_to_both(
    records: Records, folder: Path, message_id: str, company: str | None = None
) -> list[Proposal]:
    """A second process at Harbor Lane's address: Fernhill gets a harborlane.example contact
    (and, with ``company``, that company's name), so that a stranger writing from there
    matches both; what a scan of her message proposes."""
    from app.domain.copies import replace

    def twin(pipeline):  # type: ignore[no-untyped-def]
        fern = next(i for i in pipeline.interviews if i.id == "fernhill-insights")
        extra = replace(fern.contacts[0], id="omar", email="omar@harborlane.example")
        fern = replace(fern, company=company or fern.company, contacts=(*fern.contacts, extra))
        return replace(
            pipeline, interviews=tuple(fern if i.id == fern.id else i for i in pipeline.interviews)
        )

    records.update(twin)
    box = mailbox.Maildir(folder / "Mail", create=True)
    box.add(
        to_jordan(
            "Rita Stone <rita@harborlane.example>",
            "Both teams",
            "Hello Jordan,\n\nBoth our teams would like to talk.\n",
            "Thu, 19 Nov 2026 17:00:00 +0000",
            message_id,
        )
    )
    box.close()
    return scan(records, maildir=folder / "Mail", now=NOW).proposals


async def test_a_new_contact_is_headed_with_the_person_to_add(
    make: Callable[..., FollowupApp], db: Path, tmp_path: Path
) -> None:
    mail = new_person_writes_twice(tmp_path / "Mail", "Thu, 19 Nov 2026")
    scan(Records(db, default_zone=ZONE), maildir=mail, now=NOW)
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_inbox(pilot)
        kinds = [r.kind for r in screen.query_one(InboxList).rows]
        assert kinds.count("New contact: Kim New") == 2
        await pilot.press(*["down"] * kinds.index("New contact: Kim New"))
        await pilot.press("enter")
        await settle(pilot)
        # The other would add her again: it goes with the one accepted.
        kinds = [r.kind for r in screen.query_one(InboxList).rows]
        assert "New contact: Kim New" not in kinds


async def test_on_the_default_database_the_commands_need_no_db(
    make: Callable[..., FollowupApp], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOLLOWUP_DB", str(db))  # where a command looks by default
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_inbox(pilot)
        shown = " ".join(str(screen.query_one("#inbox-empty").render()).split())
        assert "followup inbox setup --host HOST" in shown and "--db" not in shown

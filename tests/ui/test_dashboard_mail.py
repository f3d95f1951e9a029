"""The dashboard's keys for a draft: `c` copies the body alone, `C` the subject, `o` hands it
to the mail program, and `m` makes one message of two actions to one person that `s` records
as both sent."""

from __future__ import annotations

import os
import stat

from app.domain.records import EventKind
from app.store.repository import Repository
from app.ui.widgets.due import DuePanel

from .conftest import NOW, ZONE, listen

THANKS = "brightwater-pm/thank_you/r2/marcus"
PROMISE = "brightwater-pm/keep_promise/p1"
LATER = NOW.add(hours=6)  # the panel's thank-yous and Marcus's promise are all open


async def highlight(app, pilot, action_id: str) -> None:
    panel = app.screen.query_one(DuePanel)
    panel.focus()
    await pilot.pause()
    for _ in range(len(panel.rows)):
        if panel.selected == action_id:
            return
        await pilot.press("j")
    assert panel.selected == action_id


async def test_c_copies_the_body_alone_and_shift_c_the_subject(make, clipboard):
    app = make(now=LATER)
    async with app.run_test(size=(140, 40)) as pilot:
        await highlight(app, pilot, THANKS)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.press("C")
        await app.workers.wait_for_complete()
        await pilot.pause()
    body, subject = clipboard.copied[-2:]
    assert body.startswith("Dear Marcus,") and "Subject:" not in body
    assert subject == "Jordan Ellis – Thank you for the interview – Senior Product Manager"


async def test_m_then_s_sends_one_message_for_both(make, clipboard, db):
    app = make(now=LATER)
    async with app.run_test(size=(140, 40)) as pilot:
        await highlight(app, pilot, THANKS)
        await pilot.press("m", "c")
        await app.workers.wait_for_complete()
        combined = clipboard.copied[-1]
        assert combined.count("Dear Marcus,") == 1
        assert "I'm writing to send you the onboarding teardown deck" in combined
        await pilot.press("s", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace.action(THANKS) is None and app.workspace.action(PROMISE) is None
    stored = Repository(db, default_zone=ZONE).load(texts=True)
    interview = next(i for i in stored.interviews if i.id == "brightwater-pm")
    sent = [
        e for e in interview.events if e.kind is EventKind.SENT and e.action_id in (THANKS, PROMISE)
    ]
    assert len(sent) == 2 and sent[0].at == sent[1].at and sent[0].text == sent[1].text != ""


async def test_o_hands_the_draft_to_the_mail_program(make, tmp_path, monkeypatch):
    seen = tmp_path / "seen.txt"
    opener = tmp_path / "bin" / "xdg-open"
    opener.parent.mkdir()
    opener.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{seen}"\n', encoding="utf-8")
    opener.chmod(opener.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{opener.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr("sys.platform", "linux")
    app = make(now=LATER)
    async with app.run_test(size=(140, 40)) as pilot:
        await highlight(app, pilot, THANKS)
        await pilot.press("o")
        await app.workers.wait_for_complete()
        for _ in range(100):
            if seen.exists() and seen.read_text():
                break
            await pilot.pause(0.05)
    assert seen.read_text().startswith(
        "mailto:marcus.feld@brightwater.example?subject=Jordan%20Ellis"
    )


async def test_m_on_a_check_in_says_the_open_update_takes_its_place(make):
    app = make()
    said = listen(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await highlight(app, pilot, "harbor-analytics/check_in/r2")
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.combined is None
    # Sent together, one message would count as two follow-ups; the notice says why not.
    assert said == [
        "The open update on your timeline already asks Sofia Marsh where things stand: send "
        "the update instead of this check-in, and skip this one (x)."
    ]


async def test_m_on_the_update_says_no_check_in_is_needed(make):
    app = make()
    said = listen(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await highlight(app, pilot, "harbor-analytics/update_others/oakline-patient")
        await pilot.press("m")
        await pilot.pause()
    assert said == [
        "This update on your timeline already asks Sofia Marsh where things stand: send it "
        "alone, and no check-in is needed."
    ]


async def test_a_snoozed_thank_you_snoozed_again_still_says_when_it_goes_late(make):
    from app.ui.forms import SnoozeForm

    app = make(now=LATER)
    async with app.run_test(size=(140, 40)) as pilot:
        await highlight(app, pilot, THANKS)
        first = app.workspace.action(THANKS)
        assert first is not None
        await pilot.press("z")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SnoozeForm) and form.deadline == first.due_by
        await pilot.press("1")  # later today: the whole window moves three hours
        await app.workers.wait_for_complete()
        await pilot.pause()
        moved = app.workspace.action(THANKS)
        assert moved is not None and moved.due_by > first.due_by
        await highlight(app, pilot, THANKS)
        await pilot.press("z")
        await pilot.pause()
        # Marcus still counts on the first time, not on the window the snooze moved.
        assert isinstance(app.screen, SnoozeForm) and app.screen.deadline == first.due_by


async def test_s_records_the_body_copied_and_no_text_where_none_was_taken(make, clipboard, db):
    app = make(now=LATER)
    hana = "brightwater-pm/thank_you/r2/hana"
    async with app.run_test(size=(140, 40)) as pilot:
        await highlight(app, pilot, hana)
        await pilot.press("s", "enter")  # written by hand elsewhere: nothing copied here
        await app.workers.wait_for_complete()
        await pilot.pause()
        await highlight(app, pilot, THANKS)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.press("s", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    copied = clipboard.copied[-1]
    stored = Repository(db, default_zone=ZONE).load(texts=True)
    interview = next(i for i in stored.interviews if i.id == "brightwater-pm")
    sent = {e.action_id: e.text for e in interview.events if e.kind is EventKind.SENT}
    assert copied.startswith("Dear Marcus,") and sent[THANKS] == copied
    assert sent[hana] in ("", None)


async def test_s_on_a_move_on_asks_keep_warm_just_close_or_cancel(make, db):
    from textual.widgets import Button
    from textual.widgets._footer import FooterKey

    from app.domain.records import Outcome, Stage
    from app.ui.forms import ConfirmDialog

    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        move_on = next(a for a in app.workspace.actions if a.kind.value == "move_on")
        await highlight(app, pilot, move_on.id)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and dialog.heading == "Move on"
        labels = [str(b.label) for b in dialog.query(Button)]
        assert labels == ["Keep warm (y)", "Just close (n)", "Cancel (esc)"]
        # The footer says what escape does, and no "Yes" or "No" the buttons do not say.
        footer = [str(k.description) for k in dialog.query(FooterKey)]
        assert footer == ["Cancel"]
        # Both answers close it: Cancel leaves it as it was.
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.workspace.interview(move_on.interview).stage is not Stage.CLOSED
        await pilot.press("s", "enter")  # enter: Just close, as `followup sent` does
        await app.workers.wait_for_complete()
        await pilot.pause()
        closed = app.workspace.interview(move_on.interview)
        assert closed.stage is Stage.CLOSED and closed.outcome is Outcome.MOVED_ON
        assert not closed.keep_warm


async def test_where_no_clipboard_works_w_writes_the_draft_to_a_file(make, db, monkeypatch):
    import stat

    from app.clipboard import CopyResult

    def nowhere(text: str, **_: object) -> CopyResult:
        return CopyResult(
            ok=False,
            mechanism="none",
            message="Not copied: no clipboard works here (no display).",
            verified=False,
            problems=("no display",),
        )

    monkeypatch.setattr("app.clipboard.copy_text", nowhere)
    app = make(now=LATER)
    said = listen(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await highlight(app, pilot, THANKS)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # SPEC section 6: it says so plainly, and offers the file.
        assert said[-1] == (
            "Not copied: no clipboard works here (no display). W writes the draft to a file."
        )
        await pilot.press("W")
        await app.workers.wait_for_complete()
        await pilot.pause()
        draft = app.workspace.draft(app.workspace.action(THANKS))
    written = db.parent / f"{db.stem}-drafts" / "brightwater-pm-thank_you-r2-marcus.txt"
    assert said[-1] == f"Wrote the draft to {written}."
    assert written.read_text(encoding="utf-8") == draft.text + "\n"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700


async def test_a_snooze_typed_past_the_deadline_is_said_to_be_late(make):
    from app.ui.forms import SnoozeForm

    app = make(now=LATER)
    said = listen(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await highlight(app, pilot, THANKS)
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm)
        await pilot.press("4", *"in 3 days", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert any(
        line.startswith("Snoozed until ") and line.endswith("it will be late.") for line in said
    )

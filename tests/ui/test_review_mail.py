"""The daily review as a mail desk: the draft's header, copying its body and its subject, editing
it in the user's own editor, handing it to the mail program, and one message for two actions to
the same person."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from textual.widgets import Label, Static

from app.domain.records import EventKind
from app.ui.screens.review import ReviewScreen
from app.ui.widgets.draft_view import DraftHeader
from tests.ui.conftest import NOW, listen, stored

HARBOR_CHECK_IN = "harbor-analytics/check_in/r2"
TIDEWELL_PROMISE = "tidewell-data/keep_promise/p1"
MARCUS_THANKS = "brightwater-pm/thank_you/r2/marcus"
MARCUS_PROMISE = "brightwater-pm/keep_promise/p1"
HANA_THANKS = "brightwater-pm/thank_you/r2/hana"
LATER = NOW.add(hours=6)  # Marcus's thank-you and the promise to him are both open


async def settle(app: Any, pilot: Any) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def review_at(app: Any, pilot: Any, action_id: str) -> ReviewScreen:
    """The review open at ``action_id``, reached with n as a user would."""
    await pilot.press("r")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    for _ in range(len(screen.items)):
        if screen.current is not None and screen.current.id == action_id:
            return screen
        await pilot.press("n")
    raise AssertionError(f"{action_id} is not in today's review")


def shown_body(screen: ReviewScreen) -> str:
    return str(screen.query_one("#draft-text", Static).render())


def script(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return path


# --------------------------------------------------------------------------- header and copying


async def test_the_header_shows_who_and_the_subject_and_the_body_goes_without_it(make):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        draft = app.workspace.draft(screen.current)
        header = screen.query_one("#draft-header", DraftHeader)
        assert header.fields == (
            ("To", "Sofia Marsh <sofia.marsh@harborlane.example>"),
            ("Subject", "Checking in – Product Analytics Lead"),
        )
        assert header.display
        assert shown_body(screen) == draft.body
        assert "Subject:" not in shown_body(screen)


async def test_c_copies_the_body_alone_and_shift_c_the_subject(make, clipboard):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        draft = app.workspace.draft(screen.current)
        await pilot.press("c")
        await settle(app, pilot)
        assert clipboard.copied == [draft.body]
        assert clipboard.copied[0].startswith("Hi Sofia,")
        await pilot.press("C")
        await settle(app, pilot)
        assert clipboard.copied == [draft.body, "Checking in – Product Analytics Lead"]


async def test_copying_a_draft_that_says_something_is_attached_reminds_to_attach_it(
    make, clipboard
):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, TIDEWELL_PROMISE)
        said = listen(app)
        await pilot.press("c")
        await settle(app, pilot)
        assert clipboard.copied == [app.workspace.draft(screen.current).body]
        assert said[-1] == (
            "Copied the draft to the clipboard. "
            "Attach the contact details of two references before you send it."
        )


# --------------------------------------------------------------------------- the user's editor


async def test_E_edits_in_visual_before_editor_and_the_edit_is_copied_and_recorded(
    make, db, clipboard, tmp_path, monkeypatch
):
    good = script(tmp_path / "editor.sh", "printf '\\nP.S. Edited in my editor.\\n' >> \"$1\"\n")
    bad = script(tmp_path / "fails.sh", "exit 1\n")
    monkeypatch.setenv("VISUAL", str(good))
    monkeypatch.setenv("EDITOR", str(bad))
    drafts = tmp_path / "tmp"
    drafts.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(drafts))
    app = make()
    # The headless test driver cannot hand the terminal over; a real one can.
    monkeypatch.setattr(app, "suspend", nullcontext)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        action = screen.current
        body = app.workspace.draft(action).body
        await pilot.press("E")
        await pilot.pause()
        edited = body + "\nP.S. Edited in my editor."
        assert screen.edited[action.id] == edited
        assert shown_body(screen) == edited
        assert list(drafts.iterdir()) == []  # the temporary file is gone
        await pilot.press("c")
        await settle(app, pilot)
        assert clipboard.copied == [edited]
        await pilot.press("s")
        await settle(app, pilot)
        events = app.workspace.interview(action.interview).events
        sent = [e for e in events if e.kind is EventKind.SENT and e.action_id == action.id]
        assert [e.text for e in sent] == [edited]
    saved = [
        e
        for i in stored(db).interviews
        for e in i.events
        if e.kind is EventKind.SENT and e.action_id == action.id
    ]
    assert [e.text for e in saved] == [edited]


async def test_an_editor_that_fails_keeps_the_old_text_and_says_so(
    make, clipboard, tmp_path, monkeypatch
):
    bad = script(tmp_path / "fails.sh", "printf 'half an edit' >> \"$1\"\nexit 1\n")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(bad))
    app = make()
    monkeypatch.setattr(app, "suspend", nullcontext)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        body = app.workspace.draft(screen.current).body
        said = listen(app)
        await pilot.press("E")
        await pilot.pause()
        assert said == ["fails.sh exited with status 1: kept the draft as it was."]
        assert screen.edited == {}
        assert shown_body(screen) == body
        await pilot.press("c")
        await settle(app, pilot)
        assert clipboard.copied == [body]


async def test_E_with_no_editor_set_says_so(make, monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        said = listen(app)
        await pilot.press("E")
        await pilot.pause()
        assert said and said[0].startswith("Neither $VISUAL nor $EDITOR is set")
        assert screen.edited == {}


async def test_E_where_the_terminal_cannot_hand_over_says_so_and_leaves_no_file(
    make, tmp_path, monkeypatch
):
    ran = tmp_path / "ran"
    good = script(tmp_path / "editor.sh", f"touch {ran}\n")
    monkeypatch.setenv("VISUAL", str(good))
    drafts = tmp_path / "tmp"
    drafts.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(drafts))
    app = make()  # the headless driver cannot suspend the app
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        said = listen(app)
        await pilot.press("E")
        await pilot.pause()
        assert said and said[0].startswith("This terminal cannot hand over to another program")
        assert not ran.exists()
        assert list(drafts.iterdir()) == []
        assert screen.edited == {}


# --------------------------------------------------------------------------- the mail program


async def wait_for(path: Path) -> str:
    for _ in range(100):
        if path.exists() and path.read_text():
            return path.read_text()
        await asyncio.sleep(0.05)
    raise AssertionError(f"nothing was written to {path}")


async def test_o_hands_a_mailto_link_with_the_subject_and_body_to_the_mail_program(
    make, tmp_path, monkeypatch
):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opened = tmp_path / "opened.txt"
    script(bin_dir / "xdg-open", f"printf '%s' \"$1\" > {opened}\n")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(sys, "platform", "linux")
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        draft = app.workspace.draft(screen.current)
        await pilot.press("e", *"P.S. ", "escape")  # the text as edited is what goes
        said = listen(app)
        await pilot.press("o")
        await settle(app, pilot)
        url = await wait_for(opened)
        assert said == ["Handed the draft to your mail program (xdg-open)."]
    parts = urlsplit(url)
    assert (parts.scheme, unquote(parts.path)) == ("mailto", "sofia.marsh@harborlane.example")
    fields = parse_qs(parts.query)
    assert fields["subject"] == ["Checking in – Product Analytics Lead"]
    assert fields["body"] == [("P.S. " + draft.body).replace("\n", "\r\n")]


async def test_o_with_no_mail_program_says_what_to_do_instead(make, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(sys, "platform", "linux")
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        await review_at(app, pilot, HARBOR_CHECK_IN)
        said = listen(app)
        await pilot.press("o")
        await settle(app, pilot)
        assert said and said[0].startswith("nothing here opens mailto: links")


# --------------------------------------------------------------------------- one message


async def test_m_makes_one_message_and_s_records_both(make, db):
    app = make(now=LATER)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, MARCUS_THANKS)
        await pilot.press("m")
        await pilot.pause()
        progress = str(screen.query_one("#progress", Label).render())
        assert "thank-you and keep promise → Marcus Feld" in progress
        body = shown_body(screen)
        assert body.count("Dear Marcus,") == 1 and body.count("Best regards,") == 1
        assert "teardown deck" in body  # the promise kept in the same message
        await pilot.press("c")  # taken: what s records for both
        await app.workers.wait_for_complete()
        await pilot.press("s")
        await settle(app, pilot)
        open_ids = {a.id for a in app.workspace.actions}
        assert MARCUS_THANKS not in open_ids and MARCUS_PROMISE not in open_ids
        assert screen.tally.sent == 2
        # The promise is done: stepping on through the review never stops at it.
        seen = set()
        for _ in range(len(screen.items)):
            if screen.current is None or screen.current.id in screen.tally.done:
                break
            seen.add(screen.current.id)
            await pilot.press("x")
            await pilot.pause()
        assert MARCUS_PROMISE not in seen and seen
        await settle(app, pilot)
    events = {
        e.action_id: e
        for i in stored(db).interviews
        for e in i.events
        if e.kind is EventKind.SENT and e.action_id in (MARCUS_THANKS, MARCUS_PROMISE)
    }
    assert set(events) == {MARCUS_THANKS, MARCUS_PROMISE}
    thanks, promise = events[MARCUS_THANKS], events[MARCUS_PROMISE]
    assert thanks.at == promise.at and thanks.text == promise.text == body


async def test_u_undoes_the_combined_send_as_one_change(make, db):
    app = make(now=LATER)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, MARCUS_THANKS)
        await pilot.press("m", "s")
        await settle(app, pilot)
        assert screen.tally.sent == 2
        await pilot.press("u")
        await settle(app, pilot)
        assert screen.tally.sent == 0 and screen.tally.done == {}
        assert screen.current is not None and screen.current.id == MARCUS_THANKS
        open_ids = {a.id for a in app.workspace.actions}
        assert {MARCUS_THANKS, MARCUS_PROMISE} <= open_ids
    assert not [
        e
        for i in stored(db).interviews
        for e in i.events
        if e.kind is EventKind.SENT and e.action_id in (MARCUS_THANKS, MARCUS_PROMISE)
    ]


async def test_m_with_nothing_else_for_that_person_says_so(make):
    app = make(now=LATER)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HANA_THANKS)
        before = shown_body(screen)
        said = listen(app)
        await pilot.press("m")
        await pilot.pause()
        assert said == ["Nothing else is open for Hana Okafor."]
        assert screen.combined == {} and shown_body(screen) == before


async def test_m_on_a_check_in_says_the_open_update_takes_its_place(make):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        before = shown_body(screen)
        said = listen(app)
        await pilot.press("m")
        await pilot.pause()
        assert said == [
            "The open update on your timeline already asks Sofia Marsh where things stand: send "
            "the update instead of this check-in, and skip this one (x)."
        ]
        assert screen.combined == {} and shown_body(screen) == before


async def test_w_writes_the_draft_shown_to_a_file(make, db):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        said = listen(app)
        body = shown_body(screen)
        await pilot.press("W")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = db.parent / f"{db.stem}-drafts" / "harbor-analytics-check_in-r2.txt"
    assert said == [f"Wrote the draft to {written}."]
    text = written.read_text(encoding="utf-8")
    assert text.startswith("Subject: ") and text.endswith(body + "\n")


async def test_s_records_what_was_taken_else_the_edit_else_no_text(make, db, clipboard):
    app = make(now=LATER)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_at(app, pilot, HANA_THANKS)
        await pilot.press("s")  # neither copied nor edited: written elsewhere
        await settle(app, pilot)
        await review_at(app, pilot, MARCUS_THANKS)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        copied = clipboard.copied[-1]
        await pilot.press("s")
        await settle(app, pilot)
    sent = {
        e.action_id: e.text
        for i in stored(db).interviews
        for e in i.events
        if e.kind is EventKind.SENT
    }
    assert sent[HANA_THANKS] in ("", None)
    assert sent[MARCUS_THANKS] == copied and copied.startswith("Dear Marcus,")


async def test_what_a_change_takes_off_todays_list_is_passed_over(make):
    app = make()
    check_in = "tidewell-data/check_in/reply-20261116T160500Z"
    fernhill_update = "fernhill-insights/update_others/oakline-patient"
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, TIDEWELL_PROMISE)
        assert check_in in {a.id for a in screen.items}
        await pilot.press("s")  # the promise to Lena kept: a message to Tidewell today
        await settle(app, pilot)
        # One message at a time: the check-in to the same company now opens later.
        assert screen.passed == {check_in: "later now: one message at a time"}
        screen = await review_at(app, pilot, "fernhill-insights/move_on/r1")
        await pilot.press("s", "n")  # moved on, just closed
        await settle(app, pilot)
        assert screen.passed.get(fernhill_update) == "no longer open"
        # Stepping on never stops at them.
        seen = set()
        for _ in range(len(screen.items)):
            if screen.current is None:
                break
            seen.add(screen.current.id)
            await pilot.press("x")
            await pilot.pause()
        assert check_in not in seen and fernhill_update not in seen
        await pilot.press("u")  # the last skip back: what it passed over is worked out again
        await settle(app, pilot)
        assert check_in in screen.passed


async def test_a_check_in_that_an_open_update_does_says_so_under_its_draft(make):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, HARBOR_CHECK_IN)
        notes = str(screen.query_one("#draft-notes", Label).render())
        assert "The open update on your timeline asks Sofia Marsh this too" in " ".join(
            notes.split()
        )
        # Once the update is sent, the check-in is not shown with the note (it is gone).
        update = app.workspace.in_place_of(screen.current)
        assert update is not None
        await review_at(app, pilot, update.id)
        await pilot.press("s")
        await settle(app, pilot)
        assert app.workspace.action(HARBOR_CHECK_IN) is None


async def test_what_is_passed_over_is_not_copied_to_be_sent_all_the_same(make, clipboard):
    app = make()
    fernhill_update = "fernhill-insights/update_others/oakline-patient"
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review_at(app, pilot, "fernhill-insights/move_on/r1")
        await pilot.press("s", "n")  # moved on, just closed: its update is no longer open
        await settle(app, pilot)
        for _ in range(len(screen.items)):
            if screen.current is not None and screen.current.id == fernhill_update:
                break
            await pilot.press("n")
            await pilot.pause()
        assert screen.current is not None and screen.current.id == fernhill_update
        copies = len(clipboard.copied)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(clipboard.copied) == copies
        assert any("Passed over: no longer open" in str(n.message) for n in app._notifications)


async def test_the_terminal_clipboard_is_explained_once_and_each_copy_says_what_it_took(
    make, monkeypatch
):
    from app.clipboard import CopyResult, Mechanism

    def by_the_terminal(text: str, **_: object) -> CopyResult:
        return CopyResult(
            ok=True,
            mechanism=Mechanism.TERMINAL,
            message="Copied with the terminal's clipboard (OSC 52), as the system clipboard "
            "was out of reach (no xclip). If pasting gives nothing, this terminal ignores OSC 52.",
        )

    monkeypatch.setattr("app.clipboard.copy_text", by_the_terminal)
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        await review_at(app, pilot, TIDEWELL_PROMISE)
        said = listen(app)
        await pilot.press("c")
        await settle(app, pilot)
        assert said[-1].startswith("Copied the draft with the terminal's clipboard (OSC 52), as")
        await pilot.press("C")
        await settle(app, pilot)
        assert said[-1].startswith("Copied the subject with the terminal's clipboard (OSC 52).")
        assert "out of reach" not in said[-1]

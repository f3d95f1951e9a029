"""Sent, replied, snoozed: each dialog of the dashboard takes when it happened (now unless
said), never a moment still to come, and the reply is from the person the action is to."""

from __future__ import annotations

import pendulum

from app.domain.records import ActionKind, EventKind
from app.ui.forms import ReplyForm, SentForm, SnoozeForm
from app.ui.forms.field import Field
from app.ui.widgets.due import DuePanel
from tests.ui.conftest import NOW, stored
from tests.ui.test_dashboard import into_due_panel, settle


async def due_contacting(app, pilot):
    """The first action in the due panel that writes to someone, highlighted."""
    await into_due_panel(app, pilot)
    panel = app.screen.query_one(DuePanel)
    while not (
        app.workspace.action(panel.selected).contacting
        and app.workspace.action(panel.selected).contact
    ):
        await pilot.press("j")
    return app.workspace.action(panel.selected)


def events_of(db, action):
    interview = next(i for i in stored(db).interviews if i.id == action.interview)
    return [e for e in interview.events if e.action_id == action.id]


async def test_sent_yesterday_at_five_is_recorded_then(make, db):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        action = await due_contacting(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SentForm)
        await pilot.press(*"yesterday 17:00", "enter")
        await settle(app, pilot)
        assert app.workspace.action(action.id) is None
    [sent] = events_of(db, action)
    assert sent.kind is EventKind.SENT
    assert sent.at == NOW.subtract(days=1).set(hour=17, minute=0)


async def test_sent_in_the_future_is_refused_and_nothing_is_recorded(make, db):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        action = await due_contacting(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"tomorrow 9am", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SentForm)  # still open, saying why
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.workspace.action(action.id) is not None
    assert events_of(db, action) == []


async def test_the_reply_is_from_the_actions_recipient_with_its_time_and_gist(make, db):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        action = await due_contacting(app, pilot)
        await pilot.press("R")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReplyForm)
        assert form.contact.value == action.contact
        await pilot.press(*"They will call on Monday", "enter")
        await settle(app, pilot)
    interview = next(i for i in stored(db).interviews if i.id == action.interview)
    reply = interview.events[-1]
    assert reply.kind is EventKind.REPLY
    assert (reply.contact, reply.summary, reply.at) == (
        action.contact,
        "They will call on Monday",
        NOW,
    )


async def test_a_reply_with_their_new_date_sets_when_they_decide(make, db):
    from datetime import date

    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        action = await due_contacting(app, pilot)
        before = app.workspace.interview(action.interview).decision_by
        await pilot.press("R")
        await pilot.pause()
        await pilot.press(*"After the panel meets", "tab", "tab", "tab", *"2026-12-11", "enter")
        await settle(app, pilot)
        assert any("they decide by Fri 11 Dec" in str(n.message) for n in app._notifications)
        interview = next(i for i in stored(db).interviews if i.id == action.interview)
        assert interview.decision_by == date(2026, 12, 11)
        replies = [e.summary for e in interview.events if e.kind is EventKind.REPLY]
        assert replies[-1:] == ["After the panel meets"]
        await pilot.press("u")  # undone together: the reply and the date
        await settle(app, pilot)
    interview = next(i for i in stored(db).interviews if i.id == action.interview)
    assert interview.decision_by == before
    assert "After the panel meets" not in [e.summary for e in interview.events]


async def test_a_snooze_decided_this_morning_is_dated_then(make, db):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        action = await due_contacting(app, pilot)
        await pilot.press("z")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SnoozeForm)
        # It says which action it puts off, as Mark sent does.
        hints = [str(w.render()) for w in form.query(".dialog-hint")]
        assert any(action.company in hint for hint in hints), hints
        form.decided.input.focus()
        await pilot.press(*"today 8am")
        form.typed.input.focus()
        await pilot.press(*"monday 9am", "enter")
        await settle(app, pilot)
    [snoozed] = events_of(db, action)
    assert snoozed.kind is EventKind.SNOOZE
    assert snoozed.at == NOW.set(hour=8, minute=0)
    assert snoozed.until == NOW.next(pendulum.MONDAY).set(hour=9)


async def test_a_thank_you_sent_before_its_interview_is_refused_and_nothing_is_recorded(make, db):
    from app.domain.records import ActionKind

    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await into_due_panel(app, pilot)
        panel = app.screen.query_one(DuePanel)
        for _ in range(40):
            if app.workspace.action(panel.selected).kind is ActionKind.THANK_YOU:
                break
            await pilot.press("j")
        action = app.workspace.action(panel.selected)
        assert action.kind is ActionKind.THANK_YOU
        interview = app.workspace.interview(action.interview)
        began = interview.round(action.round).starts
        await pilot.press("s")
        await pilot.pause()
        before = pendulum.instance(began).subtract(days=1).in_tz("Europe/London")
        await pilot.press(*before.format("YYYY-MM-DD HH:mm"), "enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, SentForm)  # still open, saying why
        message = str(next(f for f in form.query(Field) if f.key == "at").message.render())
        assert "is before the interview it thanks for began" in message
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.workspace.action(action.id) is not None
    assert events_of(db, action) == []


async def test_marking_a_prepare_done_is_marking_it_done_and_a_message_sent(make, db):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await into_due_panel(app, pilot)
        panel = app.screen.query_one(DuePanel)
        titles = {}
        for _ in range(len(app.workspace.actions)):
            action = app.workspace.action(panel.selected)
            kind = "prepare" if action.kind is ActionKind.PREPARE else "message"
            if (action.contacting or kind == "prepare") and kind not in titles:
                await pilot.press("s")
                await pilot.pause()
                titles[kind] = app.screen.heading
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("j")
    assert titles == {"message": "Mark sent", "prepare": "Mark done"}

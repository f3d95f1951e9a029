"""Issue 17: when a thing was sent, replied or decided. Marking sent, recording a reply and
snoozing each take a moment that defaults to now, reads phrases ("yesterday 17:00") and is never
in the future; the quick path stays one key and enter."""

from __future__ import annotations

import dataclasses

import pendulum
import pytest

from app.ui import forms
from app.ui.forms import ReplyForm, ReplyInput, SentForm, SentInput, SnoozeForm, SnoozeInput
from tests.ui.test_forms import JANE, LONDON, NOW, PENDING, SAM, field, host, type_text

YESTERDAY_FIVE = pendulum.datetime(2026, 11, 18, 17, tz=LONDON)
TOMORROW_NINE = pendulum.datetime(2026, 11, 20, 9, tz=LONDON)


def test_old_and_new_names_are_importable() -> None:
    for name in ("ReplyForm", "ReplyInput", "SnoozeForm", "SentForm", "SentInput", "SnoozeInput"):
        assert name in forms.__all__ and hasattr(forms, name)
    for result in (SentInput, ReplyInput, SnoozeInput):
        # Frozen: a result cannot be changed on its way to the screen that stores it.
        assert result.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert [f.name for f in dataclasses.fields(ReplyInput)] == [
        "contact", "summary", "at", "decide_by"
    ]  # fmt: skip
    assert [f.name for f in dataclasses.fields(SnoozeInput)] == ["until", "at"]
    assert [f.name for f in dataclasses.fields(SentInput)] == ["at"]


# ---------------------------------------------------------------- sent


async def test_sent_enter_alone_is_now() -> None:
    app = host(SentForm(now=NOW, zone=LONDON, what="Thank-you to Jane Doe · Acme Ltd"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert str(field(app, "at").note.render()) == "→ now"
        await pilot.press("enter")
    assert app.results == [SentInput(at=NOW)]


async def test_sent_yesterday_at_five() -> None:
    app = host(SentForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await type_text(pilot, "yesterday 17:00")
        assert str(field(app, "at").note.render()) == "→ yesterday 17:00"
        await pilot.press("enter")
    assert app.results == [SentInput(at=YESTERDAY_FIVE)]


async def test_sent_in_the_future_is_refused_under_the_field() -> None:
    app = host(SentForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await type_text(pilot, "tomorrow 9am")
        await pilot.press("enter")
        assert app.results == PENDING and isinstance(app.screen, SentForm)
        when = field(app, "at")
        assert when.has_class("-invalid")
        assert (
            str(when.message.render())
            == "tomorrow 09:00 is in the future; it must be now or earlier"
        )
        # "now" typed out is now too.
        await pilot.press("ctrl+u")
        await type_text(pilot, "now")
        await pilot.press("enter")
    assert app.results == [SentInput(at=NOW)]


async def test_sent_escape_is_none() -> None:
    app = host(SentForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await type_text(pilot, "yesterday")
        await pilot.press("escape")
    assert app.results == [None]


# ---------------------------------------------------------------- reply


async def test_a_reply_from_the_actions_recipient_now() -> None:
    app = host(ReplyForm(contacts=(JANE, SAM), now=NOW, zone=LONDON, default_contact="sam"))
    async with app.run_test() as pilot:
        await type_text(pilot, "  They will  decide by Friday ")
        await pilot.press("enter")
    assert app.results == [ReplyInput(contact="sam", summary="They will decide by Friday", at=NOW)]


async def test_a_reply_with_no_summary_is_one_key_and_enter() -> None:
    app = host(ReplyForm(contacts=(JANE, SAM), now=NOW, zone=LONDON, default_contact="jane"))
    async with app.run_test() as pilot:
        await pilot.press("enter")
    assert app.results == [ReplyInput(contact="jane", summary="", at=NOW)]


async def test_a_reply_from_someone_else_yesterday() -> None:
    app = host(ReplyForm(contacts=(JANE, SAM), now=NOW, zone=LONDON, default_contact="jane"))
    async with app.run_test() as pilot:
        # The form opens on the summary, and tab goes down the fields as they are shown.
        assert app.focused is field(app, "summary").control
        await type_text(pilot, "Rejected")
        await pilot.press("tab")
        # The prompt, "someone else", is the first line of the list.
        await pilot.press("enter", "home", "enter", "tab")
        assert app.focused is field(app, "at").control
        await type_text(pilot, "yesterday 5pm")
        await pilot.press("ctrl+s")
    assert app.results == [ReplyInput(contact=None, summary="Rejected", at=YESTERDAY_FIVE)]


@pytest.mark.parametrize("default", [None, "gone"])
async def test_a_reply_with_no_known_recipient_starts_at_someone_else(default: str | None) -> None:
    app = host(ReplyForm(contacts=(JANE,), now=NOW, zone=LONDON, default_contact=default))
    async with app.run_test() as pilot:
        await pilot.press("enter")
    assert app.results == [ReplyInput(contact=None, summary="", at=NOW)]


async def test_a_reply_with_the_date_they_will_decide_by() -> None:
    app = host(ReplyForm(contacts=(JANE, SAM), now=NOW, zone=LONDON, default_contact="sam"))
    async with app.run_test() as pilot:
        await type_text(pilot, "After the panel meets")
        await pilot.press("tab", "tab", "tab")
        assert app.focused is field(app, "decide_by").control
        await type_text(pilot, "2026-12-11")
        await pilot.press("enter")  # the last field: it saves
    assert app.results == [
        ReplyInput(contact="sam", summary="After the panel meets", at=NOW,
                   decide_by=NOW.date().replace(month=12, day=11))
    ]  # fmt: skip


async def test_a_decision_date_before_their_reply_is_refused() -> None:
    app = host(ReplyForm(contacts=(JANE,), now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "2026-11-01")
        await pilot.press("enter")
        assert app.results == PENDING
        assert "is before their reply" in str(field(app, "decide_by").message.render())


async def test_a_reply_in_the_future_is_refused() -> None:
    app = host(ReplyForm(contacts=(JANE,), now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await pilot.press("tab", "tab")
        await type_text(pilot, "in 2 hours")
        await pilot.press("ctrl+s")
        assert app.results == PENDING
        assert "is in the future" in str(field(app, "at").message.render())
        assert app.focused is field(app, "at").control


# ---------------------------------------------------------------- snooze


async def test_a_snooze_preset_is_decided_now() -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        assert str(field(app, "at").note.render()) == "→ now"
        await pilot.press("2")
    assert app.results == [SnoozeInput(until=TOMORROW_NINE, at=NOW)]


async def test_a_snooze_decided_yesterday() -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await pilot.press("tab")
        assert app.focused is field(app, "at").control
        await type_text(pilot, "yesterday 17:00")
        await pilot.press("enter")
        # Enter in the decision moves on to the date to snooze until.
        assert app.focused is field(app, "until").control
        await type_text(pilot, "friday 9am")
        await pilot.press("enter")
    assert app.results == [SnoozeInput(until=TOMORROW_NINE, at=YESTERDAY_FIVE)]


async def test_a_snooze_decided_in_the_future_is_refused_even_by_a_preset() -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await pilot.press("tab")
        await type_text(pilot, "tomorrow")
        await pilot.press("shift+tab", "1")
        assert app.results == PENDING
        decided = field(app, "at")
        assert "is in the future" in str(decided.message.render())
        # Only the decision is in the wrong: the empty date it did not need is not an error.
        assert not field(app, "until").has_class("-invalid")
        assert app.focused is decided.control


@pytest.mark.parametrize(("hour", "label"), [(10, "Later today"), (22, "In three hours")])
async def test_the_three_hour_snooze_says_today_only_when_today(hour: int, label: str) -> None:
    evening = pendulum.datetime(2026, 11, 20, hour, 0, tz=LONDON)
    app = host(SnoozeForm(now=evening, zone=LONDON))
    async with app.run_test() as pilot:
        await pilot.pause()
        first = str(app.screen.query_one("#presets").get_option_at_index(0).prompt)
        assert first.startswith(f"1  {label}")
        await pilot.press("1")
    assert app.results[0].until == evening.add(hours=3)

"""A date outside the years followup keeps is refused in the form, under the field, before
anything is saved: the snooze form on its own and opened with `z` on the dashboard."""

from __future__ import annotations

import hashlib
from typing import Any

import pendulum
from textual.app import App
from textual.screen import Screen

from app.domain.records import EventKind
from app.ui.forms import SnoozeForm
from app.ui.forms.field import Field
from app.ui.widgets.due import DuePanel
from tests.ui.conftest import NOW, ZONE, stored

FAR = "9999-12-31"
REFUSAL = f"'{FAR}' is not a date between 1900 and 2199"


class Host(App[None]):
    def __init__(self, dialog: Screen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


def until_field(app: App[Any]) -> Field:
    return app.screen.query_one("#until-field", Field)


async def test_the_snooze_form_refuses_the_end_of_the_calendar() -> None:
    app = Host(SnoozeForm(now=NOW, zone=ZONE))
    async with app.run_test() as pilot:
        await pilot.press("4", *FAR)
        until = until_field(app)
        assert str(until.note.render()) == "not a date yet"
        await pilot.press("enter")
        assert app.results == [] and isinstance(app.screen, SnoozeForm)
        assert until.has_class("-invalid")
        assert str(until.message.render()) == REFUSAL
        await pilot.press("ctrl+a", "ctrl+k", *"2199-12-31 23:59", "enter")
    assert [r.until for r in app.results] == [pendulum.datetime(2199, 12, 31, 23, 59, tz=ZONE)]


async def test_z_on_the_dashboard_saves_nothing_for_a_far_date(make, db) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        panel = app.screen.query_one(DuePanel)
        panel.focus()
        await pilot.pause()
        action_id = panel.selected
        assert action_id is not None
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm)
        await pilot.press("4", *f"{FAR} 23:59", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm)
        assert (
            str(until_field(app).message.render())
            == f"'{FAR} 23:59' is not a date between 1900 and 2199"
        )
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace.action(action_id) is not None
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    events = [e for i in stored(db).interviews for e in i.events if e.action_id == action_id]
    assert not any(e.kind is EventKind.SNOOZE for e in events)

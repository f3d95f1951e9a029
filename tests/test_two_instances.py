"""Two followups on one file: neither loses the other's writes, whatever each one changes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pendulum
import pytest

from app.demo import demo_pipeline
from app.domain.copies import replace
from app.domain.merge import carry_over
from app.domain.records import (
    ActionKind,
    Contact,
    Event,
    EventKind,
    Interview,
    Notes,
    Preferences,
    Round,
)
from app.services.workspace import Workspace
from app.store.repository import Repository

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "db.json"
    Repository(db, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    return db


def open_workspace(path: Path) -> Workspace:
    workspace = Workspace(Repository(path, default_zone=ZONE), lambda: NOW, default_zone=ZONE)
    workspace.load()
    return workspace


def stored(path: Path, interview_id: str) -> Interview:
    pipeline = Repository(path, default_zone=ZONE).load()
    return next(i for i in pipeline.interviews if i.id == interview_id)


def reply(summary: str) -> Event:
    return Event(at=NOW, kind=EventKind.REPLY, summary=summary)


def test_an_edit_in_a_form_keeps_what_a_command_wrote_meanwhile(path: Path) -> None:
    dashboard = open_workspace(path)
    target = dashboard.interviews[0]
    Repository(path, default_zone=ZONE).append_event(target.id, reply("from the terminal"))
    edited = replace(target, preferences=Preferences(no_calls=True))
    dashboard.save_interview(edited)
    dashboard.save_pending()
    now_stored = stored(path, target.id)
    assert now_stored.preferences.no_calls
    assert "from the terminal" in [e.summary for e in now_stored.events]


def test_undo_takes_back_only_its_own_change(path: Path) -> None:
    dashboard = open_workspace(path)
    target = dashboard.interviews[1]
    already = [e.summary for e in target.events if e.summary]
    dashboard.reply(target.id, contact=None, summary="mine")
    dashboard.save_pending()
    Repository(path, default_zone=ZONE).append_event(target.id, reply("theirs"))
    dashboard.undo()
    dashboard.save_pending()
    assert [e.summary for e in stored(path, target.id).events if e.summary] == [*already, "theirs"]


def test_the_dashboard_sees_another_instances_write_and_reads_it(path: Path) -> None:
    dashboard = open_workspace(path)
    assert not dashboard.changed_elsewhere()
    target = dashboard.interviews[2]
    Repository(path, default_zone=ZONE).append_event(target.id, reply("elsewhere"))
    assert dashboard.changed_elsewhere()
    assert dashboard.adopt(dashboard.read_again())
    assert "elsewhere" in [e.summary for e in dashboard.interview(target.id).events]  # type: ignore[union-attr]
    assert not dashboard.changed_elsewhere()


def test_a_save_that_met_another_write_marks_the_records_to_be_read_again(path: Path) -> None:
    dashboard = open_workspace(path)
    first, second = dashboard.interviews[:2]
    Repository(path, default_zone=ZONE).append_event(second.id, reply("elsewhere"))
    dashboard.reply(first.id, contact=None, summary="here")
    dashboard.save_pending()
    assert dashboard.changed_elsewhere()
    dashboard.adopt(dashboard.read_again())
    assert "elsewhere" in [e.summary for e in dashboard.interview(second.id).events]  # type: ignore[union-attr]
    assert "here" in [e.summary for e in dashboard.interview(first.id).events]  # type: ignore[union-attr]


def test_a_read_made_before_a_change_here_is_not_shown_over_it(path: Path) -> None:
    dashboard = open_workspace(path)
    target = dashboard.interviews[0]
    Repository(path, default_zone=ZONE).append_event(target.id, reply("elsewhere"))
    reread = dashboard.read_again()
    dashboard.reply(target.id, contact=None, summary="here, meanwhile")
    assert not dashboard.adopt(reread)
    assert "here, meanwhile" in [e.summary for e in dashboard.interview(target.id).events]  # type: ignore[union-attr]


# ----------------------------------------------------------------------- carry_over itself


def base() -> Interview:
    return Interview(
        id="acme",
        company="Acme",
        role="PM",
        timezone=ZONE,
        rounds=(Round(id="r1", starts=NOW), Round(id="r2", starts=NOW + timedelta(days=7))),
        contacts=(Contact(id="jane", name="Jane"), Contact(id="sam", name="Sam")),
        events=(reply("one"),),
    )


def test_carry_over_applied_to_the_copy_it_came_from_gives_the_edited_one() -> None:
    before = base()
    after = replace(
        before,
        role="Senior PM",
        rounds=(before.rounds[0], Round(id="r3", starts=NOW + timedelta(days=9))),
        contacts=(replace(before.contacts[0], name="Jane Doe"), before.contacts[1]),
        notes=Notes(discussed="pricing"),
        events=(*before.events, reply("two")),
    )
    assert carry_over(before, after)(before) == after


def test_carry_over_leaves_what_it_did_not_change_as_stored() -> None:
    before = base()
    after = replace(
        before, contacts=(replace(before.contacts[0], name="Jane Doe"), before.contacts[1])
    )
    elsewhere = replace(
        before,
        company="Acme Ltd",
        contacts=(*before.contacts, Contact(id="kim", name="Kim")),
        rounds=before.rounds[:1],
        events=(*before.events, reply("theirs")),
    )
    merged = carry_over(before, after)(elsewhere)
    assert merged.company == "Acme Ltd"
    assert [c.name for c in merged.contacts] == ["Jane Doe", "Sam", "Kim"]
    assert [r.id for r in merged.rounds] == ["r1"]
    assert [e.summary for e in merged.events] == ["one", "theirs"]


def test_carry_over_removes_what_was_removed_and_only_that() -> None:
    before = base()
    after = replace(before, rounds=before.rounds[1:], events=())
    elsewhere = replace(before, events=(*before.events, reply("theirs")))
    merged = carry_over(before, after)(elsewhere)
    assert [r.id for r in merged.rounds] == ["r2"]
    assert [e.summary for e in merged.events] == ["theirs"]


def test_carry_over_knows_an_event_by_what_happened_not_by_its_text() -> None:
    """The dashboard reads histories without the texts of sent messages (the store keeps
    them apart): a sent event taken back is taken back from a copy that has its text, and a
    message just recorded beside one alike but read without its text keeps its own."""
    sent = Event(at=NOW, kind=EventKind.SENT, action=ActionKind.THANK_YOU)
    written = replace(sent, text="Dear Jane, thank you.")
    read = replace(base(), events=(sent,))
    after = read.with_events(replace(sent, text="Dear Sam, thank you."))
    merged = carry_over(read, after)(read)
    assert [e.text for e in merged.events] == ["", "Dear Sam, thank you."]

    stored = replace(base(), events=(written,))
    taken_back = carry_over(read, replace(read, events=()))(stored)
    assert taken_back.events == ()

"""Act on what is true now: a change made in the dashboard is saved only if it still applies to
the file as it is at save time. An action done meanwhile in another terminal is not recorded a
second time (two ``sent``, or ``sent`` and ``skip``), and a field changed elsewhere since the
form showed it is not written over unseen; either is refused, saying what changed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.demo import demo_pipeline
from app.domain.copies import replace
from app.domain.records import EventKind, Interview
from app.services.workspace import Workspace
from app.store.repository import Repository

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)
AT = NOW.isoformat()


def new_database(folder: Path) -> Path:
    db = folder / "db.json"
    Repository(db, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    return db


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return new_database(tmp_path)


def dashboard(db: Path) -> Workspace:
    workspace = Workspace(Repository(db, default_zone=ZONE), lambda: NOW, default_zone=ZONE)
    workspace.load()
    return workspace


def done_events(db: Path) -> Counter[str]:
    """How many times each action was recorded as sent or skipped, in the file."""
    pipeline = Repository(db, default_zone=ZONE).load()
    return Counter(
        event.action_id
        for interview in pipeline.interviews
        for event in interview.events
        if event.kind in (EventKind.SENT, EventKind.SKIP) and event.action_id
    )


def stored_interview(db: Path, interview_id: str) -> Interview:
    interviews = Repository(db, default_zone=ZONE).load().interviews
    return next(i for i in interviews if i.id == interview_id)


def command(*argv: str, db: Path) -> int:
    return main([*argv, "--at", AT, "--db", str(db)])


def open_action(workspace: Workspace) -> str:
    return next(a.id for a in workspace.actions if a.contacting)


@pytest.mark.parametrize("elsewhere", ["sent", "skip"])
@pytest.mark.parametrize("here", ["mark_sent", "skip", "snooze"])
def test_an_action_done_in_a_terminal_is_not_recorded_again_from_the_dashboard(
    db: Path, here: str, elsewhere: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = dashboard(db)
    action_id = open_action(shown)
    if here == "snooze":
        shown.snooze(action_id, NOW.add(days=2))
    else:
        getattr(shown, here)(action_id)
    # Within the two seconds before the dashboard looks at the file again.
    assert command(elsewhere, action_id, db=db) == 0
    capsys.readouterr()
    shown.save_pending()
    assert done_events(db)[action_id] == 1
    [why] = shown.take_refused()
    done = "sent" if elsewhere == "sent" else "skipped"
    # Said on the user's clock, as the dashboard says times (the command ran at NOW).
    assert why.startswith("Not recorded: ") and why.endswith(
        f"it was {done} today at 10:00 elsewhere"
    )
    # Nothing to undo: it was not recorded here; the file is to be shown again.
    assert not shown.can_undo
    assert shown.changed_elsewhere()
    assert shown.adopt(shown.read_again())
    assert shown.action(action_id) is None


def test_the_changes_that_still_apply_are_saved_beside_a_refused_one(db: Path, capsys) -> None:
    shown = dashboard(db)
    first, second = [a.id for a in shown.actions if a.contacting][:2]
    shown.mark_sent(first)
    shown.skip(second)
    assert command("sent", first, db=db) == 0
    capsys.readouterr()
    assert shown.save_pending() == 1
    assert done_events(db)[first] == 1 and done_events(db)[second] == 1
    assert len(shown.take_refused()) == 1 and shown.take_refused() == []


def test_a_field_changed_elsewhere_since_the_form_showed_it_is_not_written_over(db: Path) -> None:
    shown = dashboard(db)
    target = shown.interviews[0]
    Repository(db, default_zone=ZONE).change_interview(
        target.id, lambda i: replace(i, company="Renamed Elsewhere Ltd")
    )
    shown.save_interview(replace(target, company="Renamed Here Ltd", role="Lead"))
    shown.save_pending()
    stored = stored_interview(db, target.id)
    assert (stored.company, stored.role) == ("Renamed Elsewhere Ltd", target.role)
    [why] = shown.take_refused()
    assert "company changed elsewhere since it was shown" in why


def test_a_field_changed_elsewhere_to_the_same_value_is_no_conflict(db: Path) -> None:
    shown = dashboard(db)
    target = shown.interviews[0]
    Repository(db, default_zone=ZONE).change_interview(
        target.id, lambda i: replace(i, company="Same Ltd")
    )
    shown.save_interview(replace(target, company="Same Ltd", role="Lead"))
    shown.save_pending()
    assert shown.take_refused() == []
    stored = stored_interview(db, target.id)
    assert (stored.company, stored.role) == ("Same Ltd", "Lead")


# ------------------------------------------------------------------ interleaved, any order

STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["here sent", "here skip", "here snooze", "here undo", "save", "read", "cli sent",
             "cli skip"]
        ),
        st.integers(0, 2),
    ),
    min_size=1,
    max_size=14,
)  # fmt: skip


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS)
def test_no_interleaving_records_an_action_twice(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]], capsys
) -> None:
    db = new_database(tmp_path_factory.mktemp("interleaved"))
    shown = dashboard(db)
    ids = [a.id for a in shown.actions if a.contacting][:3]
    for step, which in steps:
        action_id = ids[which % len(ids)]
        if step.startswith("cli"):
            command(step.split()[1], action_id, db=db)  # refused (exit 1) when done already
            capsys.readouterr()
        elif step == "save":
            shown.save_pending()
        elif step == "read":
            if shown.changed_elsewhere():
                shown.adopt(shown.read_again())
        elif step == "here undo":
            shown.undo()
        elif shown.action(action_id) is not None:  # the dashboard offers only what it shows
            if step == "here sent":
                shown.mark_sent(action_id)
            elif step == "here skip":
                shown.skip(action_id)
            else:
                shown.snooze(action_id, NOW.add(days=2))
    shown.save_pending()
    assert all(count <= 1 for count in done_events(db).values()), done_events(db)


def test_what_is_not_a_message_is_marked_done_not_sent(db: Path) -> None:
    shown = dashboard(db)
    prepare = next(a for a in shown.actions if a.kind.value == "prepare")
    contacting = next(a for a in shown.actions if a.contacting)
    assert shown.mark_sent(prepare.id).label.startswith("Marked done: prepare · ")
    assert shown.mark_sent(contacting.id).label.startswith("Marked sent: ")

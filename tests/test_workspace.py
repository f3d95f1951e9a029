"""The workspace works out again only what a change touched; that must equal starting over."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pendulum
import pytest

from app.demo import demo_pipeline
from app.domain.copies import replace
from app.engine import compute_actions, sort_key
from app.errors import UserError
from app.services.opening import open_workspace
from app.services.workspace import Workspace, WorkspaceError
from app.store.repository import Repository

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)


def test_after_each_change_the_actions_are_those_of_a_fresh_start(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    repo = Repository(path, default_zone=ZONE)
    repo.import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    workspace = Workspace(repo, lambda: NOW, default_zone=ZONE)
    workspace.load()
    changes = 0
    for action in list(workspace.actions)[:12]:
        if workspace.action(action.id) is None:
            continue  # gone with an earlier change to its interview
        match changes % 3:
            case 0:
                workspace.mark_sent(action.id)
            case 1:
                workspace.snooze(action.id, NOW + timedelta(days=2))
            case _:
                workspace.skip(action.id)
        changes += 1
        fresh = compute_actions(workspace.interviews, workspace.pipeline.policy, NOW)
        assert [a.id for a in workspace.actions] == [a.id for a in fresh]
        assert workspace.actions == sorted(workspace.actions, key=sort_key)
    assert changes >= 8
    workspace.save_pending()
    saved = Workspace(Repository(path, default_zone=ZONE), lambda: NOW, default_zone=ZONE)
    saved.load()
    assert [a.id for a in saved.actions] == [a.id for a in workspace.actions]


def test_templates_are_read_with_the_data_not_when_a_draft_is_made(tmp_path: Path) -> None:
    """Reading happens in ``load`` (a worker behind the dashboard), so that drafting on the
    interface's thread never waits on the disk; a user's template read then is the one used."""
    path = tmp_path / "db.json"
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "thank_you.email.txt").write_text(
        "Subject: Thanks, {first_name}\n\nMine, {first_name}.\n", encoding="utf-8"
    )
    workspace = open_workspace(path, clock=lambda: NOW, default_zone=ZONE, templates=folder)
    workspace.load()
    (folder / "thank_you.email.txt").unlink()
    folder.rmdir()
    thanks = next(a for a in workspace.actions if a.kind.value == "thank_you")
    draft = workspace.draft(thanks)
    assert draft.subject is not None and draft.subject.startswith("Thanks, ")
    assert draft.body.startswith("Mine, ")


def test_a_file_that_cannot_be_read_is_one_line_and_not_read_again_until_it_changes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    workspace = open_workspace(path, clock=lambda: NOW, default_zone=ZONE)
    workspace.load()
    path.write_text("{ not json", encoding="utf-8")
    assert workspace.changed_elsewhere()
    with pytest.raises(WorkspaceError) as refused:
        workspace.read_again()
    assert str(path) in str(refused.value) and "\n" not in str(refused.value)
    assert not workspace.changed_elsewhere()  # the same broken file is not read again
    path.write_text("{ still not json", encoding="utf-8")
    assert workspace.changed_elsewhere()


def test_two_actions_to_one_person_are_one_message_and_one_change(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    later = NOW.add(hours=6)
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    workspace = open_workspace(path, clock=lambda: later, default_zone=ZONE)
    workspace.load()
    thanks = workspace.action("brightwater-pm/thank_you/r2/marcus")
    assert thanks is not None
    promise = workspace.combinable(thanks)
    assert promise is not None and promise.id == "brightwater-pm/keep_promise/p1"
    draft = workspace.draft(thanks, promise)
    assert draft.also == (promise.id,) and draft.body.count("Dear Marcus,") == 1
    workspace.mark_sent_together([thanks.id, promise.id], text=draft.text)
    assert workspace.action(thanks.id) is None and workspace.action(promise.id) is None
    workspace.undo()
    assert workspace.action(thanks.id) is not None and workspace.action(promise.id) is not None
    hana = workspace.action("brightwater-pm/thank_you/r2/hana")
    assert hana is not None
    with pytest.raises(UserError, match="one message goes to one person"):
        workspace.mark_sent_together([thanks.id, hana.id])


def test_a_profile_edit_is_shown_at_once_and_saved_as_what_it_changed(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    workspace = open_workspace(path, clock=lambda: NOW, default_zone=ZONE)
    workspace.load()
    # Another followup sets the phone meanwhile; this one changes the name only.
    other = Repository(path, default_zone=ZONE)
    other.update(lambda p: replace(p, profile=replace(p.profile, phone="+44 1")))
    said = workspace.save_profile(replace(workspace.profile, name="Alex Morgan"))
    assert said == "Saved your profile." and workspace.profile.name == "Alex Morgan"
    assert workspace.pending == 1
    workspace.save_pending()
    stored = Repository(path, default_zone=ZONE).load_profile()
    assert (stored.name, stored.phone) == ("Alex Morgan", "+44 1")
    assert workspace.save_profile(workspace.profile) == "Your profile is unchanged."


def test_the_file_between_our_own_writes_is_never_taken_for_another_instances(
    tmp_path: Path,
) -> None:
    """The watch on the file asks ``changed_elsewhere`` every couple of seconds, from another
    thread than the one saving: asked at any moment inside a save or the demo's fill, the
    answer is no, and a read begun before our change is not shown after it."""
    path = tmp_path / "db.json"
    repo = Repository(path, default_zone=ZONE)
    repo.import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    workspace = Workspace(repo, lambda: NOW, default_zone=ZONE, samples=demo_pipeline)
    workspace.load()
    answers: list[bool] = []
    for name in ("change_interview", "import_pipeline"):
        real = getattr(repo, name)

        def asked_while_writing(*args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            result = _real(*args, **kwargs)
            answers.append(workspace.changed_elsewhere())  # the file is new, the save not over
            return result

        setattr(repo, name, asked_while_writing)
    early = workspace.read_again()
    workspace.skip(workspace.actions[0].id)
    workspace.save_pending()
    workspace.load_samples()
    assert answers == [False, False]
    assert not workspace.changed_elsewhere()
    assert not workspace.adopt(early)  # read before the skip: showing it would undo it on screen


def test_the_first_saves_into_a_new_database_are_ours(tmp_path: Path) -> None:
    """A database that did not exist yet: the file our first save makes is not another's."""
    workspace = Workspace(
        Repository(tmp_path / "new.json", default_zone=ZONE), lambda: NOW, default_zone=ZONE
    )
    workspace.load()
    workspace.save_interview(demo_pipeline(NOW, ZONE).interviews[0])
    workspace.save_pending()
    assert not workspace.changed_elsewhere()
    workspace.skip(workspace.actions[0].id)
    workspace.save_pending()
    assert not workspace.changed_elsewhere()
    # Another writer is still seen as one.
    other = Repository(tmp_path / "new.json", default_zone=ZONE)
    other.change_interview(workspace.interviews[0].id, lambda i: replace(i, role="Other role"))
    assert workspace.changed_elsewhere()


def test_a_sent_message_undone_after_its_save_takes_its_text_with_it(tmp_path: Path) -> None:
    """The dashboard reads the histories without their texts (the store keeps them apart):
    the sent event it saved, with its text, is still the one it takes back from a copy read
    again from the file."""
    path = tmp_path / "db.json"
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    earlier = Repository(path, default_zone=ZONE).load(texts=True)
    workspace = open_workspace(path, clock=lambda: NOW.add(hours=6), default_zone=ZONE)
    workspace.load()
    thanks = next(a for a in workspace.actions if a.kind.value == "thank_you")
    text = workspace.draft(thanks).text
    workspace.mark_sent(thanks.id, text=text)
    workspace.save_pending()
    saved = Repository(path, default_zone=ZONE).load(texts=True)
    [interview] = [i for i in saved.interviews if i.id == thanks.interview]
    assert [e.text for e in interview.events if e.action_id == thanks.id] == [text]

    # Another followup writes meanwhile: the copy the undo is carried to is read from the file.
    other = next(i.id for i in saved.interviews if i.id != thanks.interview)
    Repository(path, default_zone=ZONE).change_interview(other, lambda i: replace(i, role="CTO"))

    workspace.undo()
    workspace.save_pending()
    now = Repository(path, default_zone=ZONE).load(texts=True)
    assert [i for i in now.interviews if i.id != other] == [
        i for i in earlier.interviews if i.id != other
    ]
    assert text.encode() not in path.read_bytes()


def test_a_change_to_an_interview_removed_elsewhere_is_not_recorded(tmp_path: Path) -> None:
    """Another followup took the interview out (an addition undone in another dashboard, an
    earlier file put back) after this one showed it: the change made here would bring it back,
    without the texts of its earlier messages (which this one never read), and undo that
    other write."""
    path = tmp_path / "db.json"
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    workspace = open_workspace(path, clock=lambda: NOW.add(hours=6), default_zone=ZONE)
    workspace.load()
    action = workspace.actions[0]
    Repository(path, default_zone=ZONE).remove_interview(action.interview)
    before = path.read_bytes()

    workspace.mark_sent(action.id)
    assert workspace.save_pending() == 0
    [why] = workspace.take_refused()
    assert why.startswith("Not recorded: ") and "removed elsewhere" in why
    assert path.read_bytes() == before
    stored = Repository(path, default_zone=ZONE).load().interviews
    assert action.interview not in {i.id for i in stored}
    # Nothing to take back: the change was never made.
    assert not workspace.can_undo


def demo_workspace(path: Path) -> Workspace:
    """The demo in a file at ``path``, read by a workspace at NOW."""
    Repository(path, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    workspace = open_workspace(path, clock=lambda: NOW, default_zone=ZONE)
    workspace.load()
    return workspace


def test_an_update_on_my_timeline_is_never_offered_with_the_check_in_it_replaces(
    tmp_path: Path,
) -> None:
    workspace = demo_workspace(tmp_path / "db.json")
    update = workspace.action("harbor-analytics/update_others/oakline-patient")
    check_in = workspace.action("harbor-analytics/check_in/r2")
    assert update is not None and check_in is not None and update.contact == check_in.contact
    # Sent alone, the update takes the check-in's place; sent together, one message would
    # count as two follow-ups unanswered.
    assert workspace.combinable(update) is None
    assert workspace.combinable(check_in) is None
    # Which is why: each names the other as the one that does its job.
    assert workspace.in_place_of(check_in) == update
    assert workspace.in_place_of(update) == check_in


def test_a_round_typed_in_on_a_machine_far_from_utc_opens_the_same_windows_as_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from app.domain.records import Round
    from app.when.parse import parse_when

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        path = tmp_path / "db.json"
        workspace = demo_workspace(path)
        interview = workspace.interview("cobalt-security")
        assert interview is not None
        # As the round form reads "yesterday 14:00": a pendulum time in the interview's zone.
        starts = parse_when("yesterday 14:00", NOW, ZONE)
        typed = Round("r9", starts, 60, "video", (interview.rounds[0].interviewers[0],))
        workspace.save_interview(replace(interview, rounds=(*interview.rounds, typed)))
        shown = {a.id: (a.due_from, a.due_by) for a in workspace.actions_of("cobalt-security")}
        workspace.save_pending()
        again = open_workspace(path, clock=lambda: NOW, default_zone=ZONE)
        again.load()
        stored = {a.id: (a.due_from, a.due_by) for a in again.actions_of("cobalt-security")}
        assert any("/thank_you/r9/" in key for key in shown)
        assert shown == stored
    finally:
        monkeypatch.undo()
        time.tzset()


def test_an_addition_changed_since_from_the_mail_is_not_undone_away(tmp_path: Path) -> None:
    from app.domain.interchange import read_interview
    from app.domain.records import Contact

    path = tmp_path / "db.json"
    workspace = demo_workspace(path)
    added = read_interview({"id": "contoso", "company": "Contoso Cloud", "role": "SRE"}, ZONE)
    workspace.save_interview(added)
    workspace.save_pending()
    # A contact accepted from the mail: written to the file, which is read again.
    raj = Contact("raj", "Raj Patel", email="raj@contoso.example")
    Repository(path, default_zone=ZONE).change_interview(
        "contoso", lambda i: replace(i, contacts=(raj,))
    )
    workspace.load()
    with pytest.raises(UserError, match="not undone: Contoso Cloud changed after it was added"):
        workspace.undo()
    # Nothing is lost, and the addition is off the list: u goes on to what came before it.
    assert workspace.interview("contoso") is not None
    assert workspace.interview("contoso").contacts == (raj,)
    assert not workspace.can_undo


def test_an_addition_nothing_else_changed_is_undone(tmp_path: Path) -> None:
    from app.domain.interchange import read_interview

    workspace = demo_workspace(tmp_path / "db.json")
    added = read_interview({"id": "contoso", "company": "Contoso Cloud", "role": "SRE"}, ZONE)
    workspace.save_interview(added)
    workspace.save_pending()
    workspace.load()
    change = workspace.undo()
    assert change is not None and workspace.interview("contoso") is None


def test_a_round_typed_in_stays_standard_after_another_followup_writes(tmp_path: Path) -> None:
    """A round typed into a form, saved, then the file written by a command in another
    terminal and read again: the record kept for the unchanged document is the one written,
    which must hold standard datetimes, or the waiting and stats views end in a TypeError."""
    from datetime import datetime

    from app.domain.records import Round
    from app.insights import compute_stats, waiting_on_them
    from app.when.parse import parse_when

    path = tmp_path / "db.json"
    workspace = demo_workspace(path)
    interview = workspace.interviews[0]
    starts = parse_when("yesterday 10:00", NOW, ZONE)
    assert type(starts) is not datetime  # pendulum's, as a form gives it
    workspace.save_interview(replace(interview, rounds=(*interview.rounds, Round("r9", starts))))
    workspace.save_pending()
    other = workspace.interviews[1].id
    Repository(path, default_zone=ZONE).change_interview(other, lambda i: replace(i, role="X"))
    assert workspace.adopt(workspace.read_again())
    typed = next(r for r in workspace.interview(interview.id).rounds if r.id == "r9")
    assert type(typed.starts) is datetime and typed.starts == starts
    waiting_on_them(workspace.interviews, pendulum.now(ZONE))
    compute_stats(workspace.interviews, pendulum.now(ZONE))


def test_nothing_is_marked_sent_before_what_it_follows(tmp_path: Path) -> None:
    from app.domain.records import ActionKind

    workspace = demo_workspace(tmp_path / "demo.json")
    by_kind = {a.kind: a for a in workspace.actions}
    check_in = by_kind[ActionKind.CHECK_IN]
    interview = workspace.interview(check_in.interview)
    assert interview is not None
    first = min(r.starts for r in interview.rounds)
    assert workspace.done_no_earlier_than(check_in) == (
        first,
        "your first interview with them began",
    )


def test_a_message_of_a_process_whose_first_interview_is_to_come_has_no_such_floor(
    tmp_path: Path,
) -> None:
    from app.domain.records import ActionKind

    workspace = demo_workspace(tmp_path / "demo.json")
    for action in workspace.actions:
        interview = workspace.interview(action.interview)
        assert interview is not None
        floor = workspace.done_no_earlier_than(action)
        if floor is not None and action.kind is not ActionKind.THANK_YOU:
            # Never a moment still to come (a thank-you's round may be later today).
            assert floor[0] <= NOW, (action.id, floor)
        if action.kind is ActionKind.KEEP_PROMISE and all(r.starts > NOW for r in interview.rounds):
            promise = interview.promise(action.promise)
            assert promise is not None
            assert floor is None or floor == (promise.created, "the promise was made")


def test_a_deletion_refused_and_undone_leaves_the_other_followups_write(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    workspace = demo_workspace(path)
    gone = workspace.interviews[0]
    workspace.delete_interview(gone.id)
    # Another followup renames it before this one's deletion is saved; then u is pressed.
    Repository(path, default_zone=ZONE).change_interview(
        gone.id, lambda i: replace(i, role="Renamed elsewhere")
    )
    workspace.undo()
    workspace.save_pending()
    refused = workspace.take_refused()
    assert len(refused) == 2 and all(r.startswith("Not recorded: ") for r in refused)
    stored = {i.id: i for i in Repository(path, default_zone=ZONE).load().interviews}
    assert stored[gone.id].role == "Renamed elsewhere"


def test_a_deletion_after_another_followup_wrote_leaves_its_write_to_be_shown(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    workspace = demo_workspace(path)
    first, other = workspace.interviews[0], workspace.interviews[1]
    Repository(path, default_zone=ZONE).change_interview(
        other.id, lambda i: replace(i, role="Renamed elsewhere")
    )
    workspace.delete_interview(first.id)
    workspace.save_pending()
    assert workspace.changed_elsewhere()
    assert workspace.adopt(workspace.read_again())
    assert workspace.interview(other.id).role == "Renamed elsewhere"  # type: ignore[union-attr]

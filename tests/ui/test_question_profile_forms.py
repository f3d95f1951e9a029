"""Open questions, what I talked about with each contact, when a promise was made, and my
profile: each form driven from the keyboard, on its own and from the dashboard, with what it
changed checked in memory and in the database file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, TextArea
from textual.worker import WorkerState

from app.domain.copies import replace
from app.domain.records import OpenQuestion, Profile, Promise
from app.store.repository import Repository
from app.ui.app import FollowupApp
from app.ui.forms import (
    ContactForm,
    EditMenu,
    EditPart,
    NotesForm,
    PartKind,
    ProfileForm,
    PromiseForm,
    QuestionForm,
)
from app.ui.forms.edit_menu import menu_entries
from app.ui.screens.dashboard import DashboardScreen
from app.ui.widgets.board import Board
from tests.ui.conftest import NOW as APP_NOW
from tests.ui.conftest import ZONE, stored
from tests.ui.test_forms import ACME, JANE, LONDON, NOW, SAM, field, host, no_blink, still_open

# The dashboard's scheduled card: three contacts and one open question nobody in particular
# asked.
COBALT = "cobalt-security"


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)


async def settle(app: FollowupApp, pilot: Pilot[Any]) -> None:
    """Let every worker finish, those started by others that finished included."""
    for _ in range(10):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            return


async def open_part(pilot: Pilot[Any], part: EditPart) -> None:
    """From the selected card, as a person does: e, then down the menu to ``part``, enter."""
    await pilot.press("e")
    await pilot.pause()
    menu = pilot.app.screen
    assert isinstance(menu, EditMenu)
    options = menu.query_one("#edit-menu", OptionList)
    for _ in range(options.option_count):
        option = options.highlighted_option
        if option is not None and option.id and menu.parts[option.id] == part:
            break
        await pilot.press("down")
    option = options.highlighted_option
    assert option is not None and option.id and menu.parts[option.id] == part, part
    await pilot.press("enter")
    await pilot.pause()


async def on_cobalt(app: FollowupApp, pilot: Pilot[Any]) -> None:
    await pilot.pause()
    app.screen.query_one(Board).select(COBALT)
    await pilot.pause()


def cobalt(app: FollowupApp) -> Any:
    interview = app.workspace.interview(COBALT)
    assert interview is not None
    return interview


def cobalt_on_file(db: Path) -> Any:
    return next(i for i in stored(db).interviews if i.id == COBALT)


# ---------------------------------------------------------------- the question form


async def test_a_new_question_with_its_answer_and_who_asked() -> None:
    app = host(QuestionForm(None, contacts=(JANE, SAM)))
    async with app.run_test() as pilot:
        assert app.focused is field(app, "question").control
        await type_text(pilot, "How I would  price it")
        await pilot.press("enter")  # on to the answer
        assert app.focused is field(app, "answer").control
        await type_text(pilot, "Per seat,")
        await pilot.press("enter")
        await type_text(pilot, "then by usage")
        await pilot.press("tab", "enter", "down", "down", "enter", "ctrl+s")
    # The answer is set into a sentence of a draft: one paragraph.
    assert app.results == [OpenQuestion("How I would price it", "Per seat, then by usage", "sam")]


async def test_nobody_in_particular_is_the_default() -> None:
    app = host(QuestionForm(None, contacts=(JANE, SAM)))
    async with app.run_test() as pilot:
        assert app.screen.query_one("#asked_by", Select).value == Select.NULL
        await type_text(pilot, "Why now?")
        await pilot.press("ctrl+s")
    assert app.results == [OpenQuestion("Why now?", "", None)]


async def test_a_question_may_be_left_unworded_only_with_an_answer() -> None:
    app = host(QuestionForm(None, contacts=(JANE,)))
    async with app.run_test() as pilot:
        await pilot.press("ctrl+s")
        assert still_open(app, QuestionForm)
        question = field(app, "question")
        assert question.has_class("-invalid")
        assert str(question.message.render()) == "required, unless you write the answer"
        await pilot.press("tab")
        await type_text(pilot, "We cut churn by 8%")
        assert not question.has_class("-invalid")
        await pilot.press("ctrl+s")
    assert app.results == [OpenQuestion("", "We cut churn by 8%", None)]


async def test_emptying_an_existing_question_says_it_removes_it() -> None:
    known = OpenQuestion("Why now?", "Growth", "jane")
    app = host(QuestionForm(known, contacts=(JANE, SAM)))
    async with app.run_test() as pilot:
        assert app.screen.query_one("#question", Input).value == "Why now?"
        assert app.screen.query_one("#answer", TextArea).text == "Growth"
        assert app.screen.query_one("#asked_by", Select).value == "jane"
        await pilot.press("ctrl+a", "ctrl+k", "tab", "f7", "backspace")
        question = field(app, "question")
        assert question.has_class("-warned")
        assert "this question is removed" in str(question.message.render())
        await pilot.press("ctrl+s")
    [back] = app.results
    assert isinstance(back, OpenQuestion)
    assert (back.question, back.answer) == ("", "")


async def test_the_help_says_where_the_answer_goes() -> None:
    app = host(QuestionForm(None, contacts=()))
    async with app.run_test():
        hints = " ".join(str(s.render()) for s in app.screen.query(".dialog-hint"))
        assert "thank-you to the person who asked, else into the next check-in" in hints
        assert "wording never leaves the app" in hints


# ---------------------------------------------------------------- the edit menu


def test_the_menu_lists_each_question_by_its_start() -> None:
    long = "How I would price a usage-based tier for the smallest customers, honestly"
    questions = (OpenQuestion(long), OpenQuestion("", "Per seat"), OpenQuestion("[b]Why[/b]?"))
    interview = replace(ACME, notes=replace(ACME.notes, open_questions=questions))
    shown = [
        (e.label, e.part)
        for e in menu_entries(interview)
        if e is not None and e.part.kind is PartKind.QUESTION
    ]
    assert [(str(label), part) for label, part in shown] == [
        ("Add an open question", EditPart(PartKind.QUESTION)),
        (f"Question: {long[:50].rstrip()}…", EditPart(PartKind.QUESTION, "0")),
        ("Question: (no wording) → Per seat", EditPart(PartKind.QUESTION, "1")),
        ("Question: [b]Why[/b]?", EditPart(PartKind.QUESTION, "2")),
    ]
    assert all(isinstance(label, Text) for label, _ in shown[1:])


async def test_markup_in_a_question_is_shown_as_typed() -> None:
    questions = (OpenQuestion("[b]Why[/b] [red]now[/]?"),)
    interview = replace(ACME, notes=replace(ACME.notes, open_questions=questions))
    app = host(EditMenu(interview))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        assert any("Question: [b]Why[/b] [red]now[/]?" in line for line in lines)


# ---------------------------------------------------------------- questions from the dashboard


async def test_adding_an_open_question_from_the_dashboard(make: Callable[..., FollowupApp], db):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await on_cobalt(app, pilot)
        before = cobalt(app).notes.open_questions
        await open_part(pilot, EditPart(PartKind.QUESTION))
        assert isinstance(app.screen, QuestionForm)
        assert app.screen.question is None
        await type_text(pilot, "How I would run the pilot")
        await pilot.press("tab")
        await type_text(pilot, "Two teams for a month")
        # Asked by the second contact: the list is nobody, then the contacts in order.
        await pilot.press("tab", "enter", "down", "down", "enter", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        added = OpenQuestion("How I would run the pilot", "Two teams for a month", "owen")
        assert cobalt(app).notes.open_questions == (*before, added)
    assert cobalt_on_file(db).notes.open_questions == (*before, added)


async def test_editing_then_removing_an_open_question(make: Callable[..., FollowupApp], db):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await on_cobalt(app, pilot)
        [first] = cobalt(app).notes.open_questions
        await open_part(pilot, EditPart(PartKind.QUESTION, "0"))
        assert isinstance(app.screen, QuestionForm)
        assert app.screen.query_one("#question", Input).value == first.question
        await pilot.press("tab")
        await type_text(pilot, "Most teams triage by severity")
        await pilot.press("tab", "enter", "down", "enter", "ctrl+s")
        await settle(app, pilot)
        edited = replace(first, answer="Most teams triage by severity", asked_by="nadia")
        assert cobalt(app).notes.open_questions == (edited,)
        assert cobalt_on_file(db).notes.open_questions == (edited,)

        await open_part(pilot, EditPart(PartKind.QUESTION, "0"))
        assert isinstance(app.screen, QuestionForm)
        assert app.screen.query_one("#answer", TextArea).text == edited.answer
        await pilot.press("ctrl+a", "ctrl+k", "tab", "f7", "backspace", "ctrl+s")
        await settle(app, pilot)
        assert cobalt(app).notes.open_questions == ()
    assert cobalt_on_file(db).notes.open_questions == ()


async def test_the_notes_form_keeps_the_open_questions(make: Callable[..., FollowupApp], db):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await on_cobalt(app, pilot)
        questions = cobalt(app).notes.open_questions
        assert questions
        await open_part(pilot, EditPart(PartKind.NOTES))
        assert isinstance(app.screen, NotesForm)
        assert not app.screen.query("#open_questions")
        await pilot.press("f7", "backspace")
        await type_text(pilot, "Alert fatigue")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert cobalt(app).notes.discussed == "Alert fatigue"
        assert cobalt(app).notes.open_questions == questions
    on_file = cobalt_on_file(db).notes
    assert (on_file.discussed, on_file.open_questions) == ("Alert fatigue", questions)


# ---------------------------------------------------------------- what we talked about


async def test_a_contacts_notes_one_a_line() -> None:
    app = host(ContactForm(JANE, existing_ids=frozenset({"jane"})))
    async with app.run_test() as pilot:
        notes = app.screen.query_one("#notes", TextArea)
        assert "one a line" in str(notes.placeholder).lower()
        notes.focus()
        await type_text(pilot, "her plan to merge the flows")
        await pilot.press("enter", "enter")
        await type_text(pilot, "  the Q3 hiring plan ")
        await pilot.press("ctrl+s")
    assert app.results == [
        replace(JANE, notes=("her plan to merge the flows", "the Q3 hiring plan"))
    ]


async def test_what_we_talked_about_round_trips(make: Callable[..., FollowupApp], db):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await on_cobalt(app, pilot)
        await open_part(pilot, EditPart(PartKind.CONTACT, "nadia"))
        assert isinstance(app.screen, ContactForm)
        await pilot.press(*["tab"] * 6)
        assert app.focused is app.screen.query_one("#notes", TextArea)
        await type_text(pilot, "her alert triage rota")
        await pilot.press("enter")
        await type_text(pilot, "the SOC hiring plan")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        said = ("her alert triage rota", "the SOC hiring plan")
        nadia = cobalt(app).contact("nadia")
        assert nadia is not None and nadia.notes == said

        await open_part(pilot, EditPart(PartKind.CONTACT, "nadia"))
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#notes", TextArea).text == "\n".join(said)
        await pilot.press("escape")
    on_file = cobalt_on_file(db).contact("nadia")
    assert on_file is not None and on_file.notes == said


# ---------------------------------------------------------------- when a promise was made


async def test_a_new_promise_is_made_now_to_the_second() -> None:
    now = NOW.add(seconds=17)
    form = PromiseForm(None, contacts=(JANE,), zone=LONDON, now=now, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        made = field(app, "created")
        assert app.screen.query_one("#created", Input).value == "2026-11-19 14:30"
        assert str(made.note.render()) == "→ today at 14:30"
        await type_text(pilot, "Send the deck")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "friday 5pm")
        await pilot.press("ctrl+s")
    [promise] = app.results
    assert isinstance(promise, Promise)
    assert promise.created == now


async def test_a_typed_made_moment_and_an_emptied_one() -> None:
    form = PromiseForm(None, contacts=(), zone=LONDON, now=NOW, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        await type_text(pilot, "Send the deck")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "friday 5pm")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "yesterday 4pm")
        await pilot.press("ctrl+s")
    [promise] = app.results
    assert isinstance(promise, Promise)
    assert promise.created == pendulum.datetime(2026, 11, 18, 16, tz=LONDON)

    # Emptied on a new promise: still made now.
    form = PromiseForm(None, contacts=(), zone=LONDON, now=NOW, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        await type_text(pilot, "Send the deck")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "friday 5pm")
        await pilot.press("tab", "ctrl+a", "ctrl+k", "ctrl+s")
    [promise] = app.results
    assert isinstance(promise, Promise)
    assert promise.created == NOW


async def test_an_existing_promise_keeps_or_clears_when_it_was_made() -> None:
    made = pendulum.datetime(2026, 11, 16, 16, 5, 42, tz=LONDON)
    known = Promise("p1", "Send the deck", NOW.add(days=2), created=made)
    form = PromiseForm(known, contacts=(), zone=LONDON, now=NOW, existing_ids=frozenset({"p1"}))
    app = host(form)
    async with app.run_test() as pilot:
        assert app.screen.query_one("#created", Input).value == "2026-11-16 16:05"
        await pilot.press("ctrl+s")
    assert app.results == [known]  # to the second, as it was

    form = PromiseForm(known, contacts=(), zone=LONDON, now=NOW, existing_ids=frozenset({"p1"}))
    app = host(form)
    async with app.run_test() as pilot:
        await pilot.press("tab", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "ctrl+s")
    assert app.results == [replace(known, created=None)]


async def test_a_new_promise_from_the_dashboard_is_made_at_the_apps_now(
    make: Callable[..., FollowupApp], db
):
    now = APP_NOW.add(seconds=17)
    app = make(now=now)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_cobalt(app, pilot)
        before = {p.id for p in cobalt(app).promises}
        await open_part(pilot, EditPart(PartKind.PROMISE))
        assert isinstance(app.screen, PromiseForm)
        await type_text(pilot, "Send the pilot plan")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "monday 9am")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        [added] = [p for p in cobalt(app).promises if p.id not in before]
        assert added.created == now
    [on_file] = [p for p in cobalt_on_file(db).promises if p.id not in before]
    assert (on_file.what, on_file.created) == ("Send the pilot plan", now)


# ---------------------------------------------------------------- the profile


def on_file(db: Path) -> Profile:
    return Repository(db, default_zone=ZONE).load_profile()


async def test_p_opens_the_profile_and_saving_it_reaches_the_file(
    make: Callable[..., FollowupApp], db
):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = app.workspace.profile
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm)
        assert app.screen.query_one("#name", Input).value == before.name
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Jane Doe")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "jane@janedoe.example")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        expected = replace(before, name="Jane Doe", email="jane@janedoe.example")
        assert app.workspace.profile == expected
        await settle(app, pilot)
        assert not app.workspace.pending
    assert on_file(db) == expected


async def test_a_bad_email_is_shown_and_nothing_is_saved(make: Callable[..., FollowupApp], db):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = app.workspace.profile
        await pilot.press("P")
        await pilot.pause()
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "jane@doe")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm)
        email = app.screen.query_one("#email-field")
        assert email.has_class("-invalid")
        assert "not an email address" in str(field(app, "email").message.render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # yes, lose what was typed
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.workspace.profile == before
        assert not app.workspace.pending
    assert on_file(db) == before


async def test_the_profile_form_checks_email_and_zone_together() -> None:
    app = host(ProfileForm(Profile(name="Jane")))
    async with app.run_test() as pilot:
        await pilot.press("tab")
        await type_text(pilot, "jane@")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Mars/Olympus")
        await pilot.press("ctrl+s")
        assert still_open(app, ProfileForm)
        # Both problems at once, and the first one has the focus, ready to be fixed.
        assert "not an email address" in str(field(app, "email").message.render())
        assert "unknown time zone 'Mars/Olympus'" in str(field(app, "timezone").message.render())
        assert app.focused is field(app, "email").control
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "jane@janedoe.example")
        await pilot.press("tab", "tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "Asia/Tokyo")
        await pilot.press("tab")
        await type_text(pilot, "Jane")
        await pilot.press("enter")
        await type_text(pilot, "+44 7700 900123  ")
        await pilot.press("ctrl+s")
    assert app.results == [
        Profile(
            name="Jane",
            email="jane@janedoe.example",
            timezone="Asia/Tokyo",
            signature="Jane\n+44 7700 900123",
        )
    ]


async def test_the_signature_says_what_empty_means() -> None:
    app = host(ProfileForm(Profile()))
    async with app.run_test():
        signature = app.screen.query_one("#signature", TextArea)
        assert str(signature.placeholder) == "empty: your name, phone and email"


# ---------------------------------------------------------------- snapshots


def test_snapshot_question_form(snap_compare: Any) -> None:
    form = QuestionForm(None, contacts=(JANE, SAM))
    keys = [*"How I would price it", "tab", *"Per seat, then by usage", "tab"]
    assert snap_compare(host(form), press=keys, terminal_size=(80, 24), run_before=no_blink)


def test_snapshot_profile_form_with_a_bad_email(snap_compare: Any) -> None:
    profile = Profile(name="Jane Doe", phone="+44 7700 900123", timezone="Europe/London")
    keys = ["tab", *"jane@doe", "ctrl+s"]
    form = ProfileForm(profile)
    assert snap_compare(host(form), press=keys, terminal_size=(80, 24), run_before=no_blink)

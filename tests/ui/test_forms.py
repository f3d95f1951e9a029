"""The dialogs, driven from the keyboard the way a person uses them: what each returns for good
input, how it refuses bad input without closing, and how it looks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pendulum
import pytest
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, TextArea

from app.domain.copies import replace
from app.domain.ids import numbered, slug, unique
from app.domain.records import (
    Channel,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    Notes,
    OpenQuestion,
    Outcome,
    Preferences,
    Profile,
    Promise,
    PromiseBy,
    Round,
    Stage,
)
from app.ui.forms import (
    ConfirmDialog,
    ContactForm,
    EditMenu,
    EditPart,
    InterviewForm,
    NotesForm,
    OutcomeForm,
    OutcomeInput,
    PartKind,
    PreferencesForm,
    ProfileForm,
    PromiseForm,
    QuestionForm,
    ReplyForm,
    ReplyInput,
    RoundForm,
    SnoozeForm,
    SnoozeInput,
)
from app.ui.forms.base import Dialog
from app.ui.forms.field import Field

LONDON = "Europe/London"
# A Thursday afternoon.
NOW = pendulum.datetime(2026, 11, 19, 14, 30, tz=LONDON)
JANE = Contact(
    "jane", "Jane Doe", "Head of Product", "jane@acme.example", role=ContactRole.INTERVIEWER
)
SAM = Contact("sam", "Sam Lee", "Talent Partner", "sam@acme.example", role=ContactRole.RECRUITER)
ROUND = Round("r1", pendulum.datetime(2026, 11, 20, 14, tz=LONDON), 45, "onsite", ("sam", "jane"))
PROMISE = Promise(
    "p1", "Send my list of references", pendulum.datetime(2026, 11, 21, 9, tz=LONDON), "jane"
)
ACME = Interview(
    id="acme-pm",
    company="Acme Ltd",
    role="Product Manager",
    timezone=LONDON,
    stage=Stage.WAITING,
    rounds=(ROUND,),
    contacts=(JANE, SAM),
    preferences=Preferences(channels=(Channel.EMAIL,)),
    decision_by=date(2026, 11, 27),
    notes=Notes(recap=("scaled the onboarding funnel",)),
    promises=(PROMISE,),
    events=(Event(at=pendulum.datetime(2026, 11, 20, 18, 10, tz=LONDON), kind=EventKind.REPLY),),
)
PENDING: list[object] = []


class Host(App[None]):
    """Opens one dialog and keeps what it returns."""

    def __init__(self, dialog: Screen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


def host(dialog: Screen[Any]) -> Host:
    return Host(dialog)


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


def field(app: Host, key: str) -> Field:
    return app.screen.query_one(f"#{key}-field", Field)


def still_open(app: Host, kind: type[Screen[Any]]) -> bool:
    return app.results == PENDING and isinstance(app.screen, kind)


def new_interview(existing: frozenset[str] = frozenset()) -> InterviewForm:
    return InterviewForm(None, now=NOW, default_zone=LONDON, existing_ids=existing)


# ---------------------------------------------------------------- the interview


async def test_a_new_interview_from_company_and_role() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await type_text(pilot, "Acme Ltd")
        await pilot.press("tab")
        await type_text(pilot, "Product Manager")
        await pilot.press("ctrl+s")
    assert app.results == [
        Interview(
            id="acme-ltd-product-manager",
            company="Acme Ltd",
            role="Product Manager",
            timezone=LONDON,
        )
    ]


async def test_a_new_interview_id_is_unique() -> None:
    taken = frozenset({"acme-ltd-product-manager", "acme-ltd-product-manager-2"})
    app = host(new_interview(taken))
    async with app.run_test() as pilot:
        await type_text(pilot, "ACME ltd.")
        await pilot.press("tab")
        await type_text(pilot, "Product  Manager!")
        await pilot.press("ctrl+s")
    [made] = app.results
    assert isinstance(made, Interview)
    assert made.id == "acme-ltd-product-manager-3"


async def test_required_fields_are_shown_and_nothing_is_returned() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await pilot.press("ctrl+s")
        assert still_open(app, InterviewForm)
        company = field(app, "company")
        assert company.has_class("-invalid")
        assert str(company.message.render()) == "required"
        assert field(app, "role").has_class("-invalid")
        assert not field(app, "timezone").has_class("-invalid")
        # The first field in error has the focus, ready to be fixed.
        assert app.focused is company.control
        await type_text(pilot, "Acme")
        assert not company.has_class("-invalid")


async def test_an_error_waits_until_the_field_is_left() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        assert not field(app, "company").has_class("-invalid")
        await pilot.press("tab")
        assert field(app, "company").has_class("-invalid")
        assert not field(app, "role").has_class("-invalid")


async def test_an_ambiguous_date_is_refused_then_fixed() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "PM")
        await pilot.press("tab", "tab", "tab")
        assert app.focused is field(app, "decision_by").control
        await type_text(pilot, "03/04/2027")
        await pilot.press("ctrl+s")
        assert still_open(app, InterviewForm)
        decision = field(app, "decision_by")
        assert decision.has_class("-invalid")
        message = str(decision.message.render())
        assert "ambiguous" in message
        assert "3 apr 2027" in message
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "2026-11-27")
        await pilot.press("ctrl+s")
    [made] = app.results
    assert isinstance(made, Interview)
    assert made.decision_by == date(2026, 11, 27)


async def test_a_typed_phrase_keeps_the_day() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "PM")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "next friday")
        await pilot.press("tab")
        await type_text(pilot, "in 3 days")
        await pilot.press("ctrl+s")
    [made] = app.results
    assert isinstance(made, Interview)
    assert made.decision_by == date(2026, 11, 27)
    assert made.offer_deadline == date(2026, 11, 22)


async def test_the_date_is_said_back_as_it_is_typed() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        decision = field(app, "decision_by")
        assert not decision.has_class("-noted")
        await pilot.press("tab", "tab", "tab", "tab")
        await type_text(pilot, "next fri")
        assert str(decision.note.render()) == "→ Fri 27 Nov"
        await type_text(pilot, "da")
        assert str(decision.note.render()) == "not a date yet"
        assert decision.has_class("-doubtful")
        # Still typing is not an error yet.
        assert not decision.has_class("-invalid")
        await type_text(pilot, "y")
        assert str(decision.note.render()) == "→ Fri 27 Nov"
        assert not decision.has_class("-doubtful")
        await pilot.press("tab")
        await type_text(pilot, "tomorrow")
        assert str(field(app, "offer_deadline").note.render()) == "→ tomorrow, Fri 20 Nov"


async def test_a_date_is_read_in_the_zone_typed() -> None:
    # 01:30 on Friday in Tokyo is still Thursday in London.
    now = pendulum.datetime(2026, 11, 19, 16, 30, tz=LONDON)
    form = InterviewForm(None, now=now, default_zone=LONDON, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "PM")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Asia/Tokyo")
        await pilot.press("tab")
        await type_text(pilot, "today")
        assert str(field(app, "decision_by").note.render()) == "→ today"
        await pilot.press("ctrl+s")
    [made] = app.results
    assert isinstance(made, Interview)
    assert (made.timezone, made.decision_by) == ("Asia/Tokyo", date(2026, 11, 20))


async def test_an_unknown_zone_is_refused() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "PM")
        await pilot.press("tab", "tab")
        assert app.focused is field(app, "timezone").control
        await type_text(pilot, "Mars/Olympus")
        await pilot.press("ctrl+s")
        assert still_open(app, InterviewForm)
        zone = field(app, "timezone")
        assert zone.has_class("-invalid")
        assert "unknown time zone 'Mars/Olympus'" in str(zone.message.render())


async def test_closed_needs_an_outcome() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        outcome = field(app, "outcome")
        assert outcome.has_class("-hidden")
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "PM")
        await pilot.press("tab")
        # Open the list of stages, jump to "Closed" by typing, and pick it.
        await pilot.press("enter", "c", "enter")
        assert not outcome.has_class("-hidden")
        await pilot.press("ctrl+s")
        assert still_open(app, InterviewForm)
        assert outcome.has_class("-invalid")
        assert str(outcome.message.render()) == "required when the stage is closed"
        assert app.focused is outcome.control
        await pilot.press("enter", "w", "enter", "ctrl+s")
    [made] = app.results
    assert isinstance(made, Interview)
    assert (made.stage, made.outcome) == (Stage.CLOSED, Outcome.WITHDRAWN)


async def test_editing_keeps_everything_else() -> None:
    form = InterviewForm(ACME, now=NOW, default_zone="UTC", existing_ids=frozenset({"acme-pm"}))
    app = host(form)
    async with app.run_test() as pilot:
        assert app.focused is field(app, "company").control
        assert app.screen.query_one("#timezone", Input).value == LONDON
        assert app.screen.query_one("#decision_by", Input).value == "2026-11-27"
        await pilot.press("tab")
        await type_text(pilot, "Senior PM")
        await pilot.press("tab", "tab", "tab", "tab")
        await type_text(pilot, "2026-12-04")
        await pilot.press("tab", "space", "ctrl+s")
    assert app.results == [
        replace(ACME, role="Senior PM", offer_deadline=date(2026, 12, 4), keep_warm=True)
    ]


async def test_a_stage_that_is_not_closed_drops_the_outcome() -> None:
    closed = replace(ACME, stage=Stage.CLOSED, outcome=Outcome.REJECTED)
    app = host(InterviewForm(closed, now=NOW, default_zone=LONDON, existing_ids=frozenset()))
    async with app.run_test() as pilot:
        assert not field(app, "outcome").has_class("-hidden")
        await pilot.press("tab", "tab", "enter", "w", "enter", "ctrl+s")
    assert app.results == [replace(ACME, stage=Stage.WAITING, outcome=None)]


async def test_escape_returns_none() -> None:
    app = host(InterviewForm(ACME, now=NOW, default_zone=LONDON, existing_ids=frozenset()))
    async with app.run_test() as pilot:
        await pilot.press("escape")  # nothing typed: closed at once
    assert app.results == [None]


async def test_escape_after_typing_asks_before_it_drops_what_was_typed() -> None:
    app = host(InterviewForm(ACME, now=NOW, default_zone=LONDON, existing_ids=frozenset()))
    async with app.run_test() as pilot:
        await type_text(pilot, "Changed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the safe answer: keep editing
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm) and app.results == []
        assert app.screen.query_one("#company", Input).value.startswith("Changed")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
    assert app.results == [None]


async def test_enter_moves_on_and_saves_from_the_last_input() -> None:
    app = host(ReplyForm(contacts=(JANE,), now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        # The summary, the last field, has the focus from the start.
        await type_text(pilot, "They will decide by Friday")
        await pilot.press("enter")
    assert app.results == [ReplyInput(contact=None, summary="They will decide by Friday", at=NOW)]


async def test_enter_in_an_earlier_input_goes_to_the_next_field() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await type_text(pilot, "Acme")
        await pilot.press("enter")
        assert app.focused is field(app, "role").control
        assert app.results == PENDING


async def test_the_save_and_cancel_buttons() -> None:
    app = host(ContactForm(None, existing_ids=frozenset()))
    async with app.run_test() as pilot:
        await type_text(pilot, "Jane Doe")
        await pilot.click("#save")
    assert app.results == [Contact("jane-doe", "Jane Doe", role=ContactRole.INTERVIEWER)]
    app = host(ContactForm(JANE, existing_ids=frozenset()))
    async with app.run_test() as pilot:
        await pilot.click("#cancel")
    assert app.results == [None]


# ---------------------------------------------------------------- rounds


def new_round(existing: frozenset[str] = frozenset({"r1", "r2"})) -> RoundForm:
    return RoundForm(None, contacts=(JANE, SAM), zone=LONDON, now=NOW, existing_ids=existing)


async def test_a_new_round() -> None:
    app = host(new_round())
    async with app.run_test() as pilot:
        await type_text(pilot, "tomorrow 2pm")
        assert str(field(app, "starts").note.render()) == "→ tomorrow 14:00"
        await pilot.press("tab", "tab")
        await type_text(pilot, "Vid")
        # Accept the suggestion.
        await pilot.press("right")
        await pilot.press("tab", "down", "space", "ctrl+s")
    assert app.results == [
        Round(
            id="r3",
            starts=pendulum.datetime(2026, 11, 20, 14, tz=LONDON),
            minutes=60,
            kind="video",
            interviewers=("sam",),
        )
    ]


async def test_a_round_needs_a_start_and_sane_minutes() -> None:
    app = host(new_round())
    async with app.run_test() as pilot:
        await pilot.press("tab")
        await type_text(pilot, "0")
        await pilot.press("ctrl+s")
        assert still_open(app, RoundForm)
        assert str(field(app, "starts").message.render()).startswith("required")
        assert field(app, "minutes").has_class("-invalid")
        assert "from 1 to 10080" in str(field(app, "minutes").message.render())
        # The first field in error has the focus.
        assert app.focused is field(app, "starts").control
        await type_text(pilot, "2026-11-20 14:00")
        await pilot.press("tab")
        await type_text(pilot, "10081")
        await pilot.press("ctrl+s")
        assert still_open(app, RoundForm), app.results
        assert app.screen.query_one("#minutes", Input).value == "10081"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "90")
        await pilot.press("ctrl+s")
    [made] = app.results
    assert isinstance(made, Round)
    assert (made.minutes, made.kind, made.interviewers) == (90, "interview", ())


async def test_editing_a_round_keeps_its_id_and_interviewers_order() -> None:
    form = RoundForm(
        ROUND, contacts=(JANE, SAM), zone=LONDON, now=NOW, existing_ids=frozenset({"r1"})
    )
    app = host(form)
    async with app.run_test() as pilot:
        assert app.screen.query_one("#starts", Input).value == "2026-11-20 14:00"
        await pilot.press("tab", "tab", "ctrl+s")
    assert app.results == [ROUND]


async def test_a_round_without_contacts_says_how_to_add_them() -> None:
    form = RoundForm(None, contacts=(), zone=LONDON, now=NOW, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        assert not app.screen.query("#interviewers-field")
        await type_text(pilot, "friday 10am")
        await pilot.press("ctrl+s")
    [made] = app.results
    assert isinstance(made, Round)
    assert (made.id, made.starts) == ("r1", pendulum.datetime(2026, 11, 20, 10, tz=LONDON))


# ---------------------------------------------------------------- contacts


async def test_a_new_contact_with_a_personal_address_is_warned_not_refused() -> None:
    app = host(ContactForm(None, existing_ids=frozenset({"jane-doe"})))
    async with app.run_test() as pilot:
        await type_text(pilot, "Jane Doe")
        await pilot.press("tab")
        await type_text(pilot, "Head of Product")
        await pilot.press("tab")
        await type_text(pilot, "jane.doe@yahoo.co.uk")
        email = field(app, "email")
        assert email.has_class("-warned")
        assert not email.has_class("-invalid")
        assert "a business address is better" in str(email.message.render())
        await pilot.press("tab", "tab")
        await type_text(pilot, "linkedin.com/in/janedoe")
        await pilot.press("tab", "enter", "r", "enter", "ctrl+s")
    assert app.results == [
        Contact(
            id="jane-doe-2",
            name="Jane Doe",
            title="Head of Product",
            email="jane.doe@yahoo.co.uk",
            linkedin="https://linkedin.com/in/janedoe",
            role=ContactRole.RECRUITER,
        )
    ]


@pytest.mark.parametrize("address", ["jane@gmail.com", "j@hotmail.fr", "x@proton.me", "y@gmx.de"])
async def test_webmail_addresses_get_the_warning(address: str) -> None:
    app = host(ContactForm(JANE, existing_ids=frozenset()))
    async with app.run_test() as pilot:
        await pilot.press("tab", "tab")
        await type_text(pilot, address)
        assert field(app, "email").has_class("-warned")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "jane@acme.example")
        assert not field(app, "email").has_class("-warned")


async def test_a_contact_needs_a_name_and_a_real_address() -> None:
    app = host(ContactForm(None, existing_ids=frozenset()))
    async with app.run_test() as pilot:
        await pilot.press("tab", "tab")
        await type_text(pilot, "jane@acme")
        await pilot.press("tab", "tab")
        await type_text(pilot, "not a url")
        await pilot.press("ctrl+s")
        assert still_open(app, ContactForm)
        for key in ("name", "email", "linkedin"):
            assert field(app, key).has_class("-invalid"), key
        assert not field(app, "phone").has_class("-invalid")


async def test_editing_a_contact_keeps_its_id() -> None:
    app = host(ContactForm(JANE, existing_ids=frozenset({"jane"})))
    async with app.run_test() as pilot:
        await type_text(pilot, "Jane Smith")
        await pilot.press("ctrl+s")
    assert app.results == [replace(JANE, name="Jane Smith")]


# ---------------------------------------------------------------- promises


async def test_a_new_promise() -> None:
    form = PromiseForm(
        None, contacts=(JANE, SAM), zone=LONDON, now=NOW, existing_ids=frozenset({"p1"})
    )
    app = host(form)
    async with app.run_test() as pilot:
        await type_text(pilot, "Send the case study")
        await pilot.press("tab", "tab", "enter", "down", "down", "enter", "tab")
        await type_text(pilot, "monday 5pm")
        assert str(field(app, "due").note.render()) == "→ Mon 23 Nov 17:00"
        await pilot.press("ctrl+s")
    assert app.results == [
        Promise(
            id="p2",
            what="Send the case study",
            due=pendulum.datetime(2026, 11, 23, 17, tz=LONDON),
            to="sam",
            created=NOW,
            by=PromiseBy.ME,
        )
    ]


async def test_a_promise_made_on_a_weekday_is_the_last_one_and_due_on_one_the_next() -> None:
    # A Thursday afternoon: "monday" made is three days ago, "monday" due is in four.
    form = PromiseForm(None, contacts=(JANE,), zone=LONDON, now=NOW, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        await type_text(pilot, "Send the case study")
        made = field(app, "created")
        made.input.focus()
        await pilot.press("end", "ctrl+u")  # what it holds (now) cleared, as a person does
        await type_text(pilot, "monday 11:00")
        assert str(made.note.render()) == "→ Mon 16 Nov 11:00"
        due = field(app, "due")
        due.input.focus()
        await type_text(pilot, "monday 5pm")
        assert str(due.note.render()) == "→ Mon 23 Nov 17:00"


async def test_a_promise_needs_what_and_when() -> None:
    form = PromiseForm(None, contacts=(), zone=LONDON, now=NOW, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+s")
        assert still_open(app, PromiseForm)
        assert field(app, "what").has_class("-invalid")
        assert field(app, "due").has_class("-invalid")


async def test_ticking_done_dates_it_now_and_unticking_clears_it() -> None:
    form = PromiseForm(PROMISE, contacts=(JANE,), zone=LONDON, now=NOW, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        await pilot.press("tab", "enter", "t", "enter", "tab", "tab", "tab", "tab", "space")
        await pilot.press("ctrl+s")
    assert app.results == [replace(PROMISE, by=PromiseBy.THEM, done_at=NOW)]

    done = replace(PROMISE, done_at=NOW - timedelta(days=1))
    app = host(PromiseForm(done, contacts=(JANE,), zone=LONDON, now=NOW, existing_ids=frozenset()))
    async with app.run_test() as pilot:
        await pilot.press("ctrl+s")
    assert app.results == [done]

    app = host(PromiseForm(done, contacts=(JANE,), zone=LONDON, now=NOW, existing_ids=frozenset()))
    async with app.run_test() as pilot:
        await pilot.press("tab", "tab", "tab", "tab", "tab", "space", "ctrl+s")
    assert app.results == [PROMISE]


async def test_the_contact_of_a_promise_of_theirs_is_who_made_it() -> None:
    form = PromiseForm(PROMISE, contacts=(JANE,), zone=LONDON, now=NOW, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        what = app.screen.query_one("#what", Input)
        assert str(field(app, "to").label.render()) == "To"
        assert what.placeholder == "e.g. Send my list of references"
        await pilot.press("tab", "enter", "t", "enter")
        assert str(field(app, "to").label.render()) == "From"
        # Their example is a deed of theirs, as it reads after "they would".
        assert what.placeholder == "e.g. Send the take-home exercise"
        await pilot.press("enter", "m", "enter")
        assert str(field(app, "to").label.render()) == "To"
        assert what.placeholder == "e.g. Send my list of references"

    theirs = replace(PROMISE, by=PromiseBy.THEM)
    form = PromiseForm(theirs, contacts=(JANE,), zone=LONDON, now=NOW, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        assert str(field(app, "to").label.render()) == "From"
        assert app.screen.query_one("#what", Input).placeholder.endswith("take-home exercise")
        await pilot.press("ctrl+s")
    assert app.results == [theirs]


# ---------------------------------------------------------------- preferences and notes


async def test_preferences() -> None:
    before = Preferences(channels=(Channel.EMAIL,), no_contact_before=date(2026, 11, 30))
    app = host(PreferencesForm(before, zone=LONDON, now=NOW))
    async with app.run_test() as pilot:
        await type_text(pilot, "LinkedIn, email,, linkedin")
        await pilot.press("tab", "space", "tab", "tab")
        assert app.screen.query_one("#no_contact_before", Input).value == "2026-11-30"
        await pilot.press("ctrl+a", "ctrl+k", "ctrl+s")
    assert app.results == [Preferences(channels=(Channel.LINKEDIN, Channel.EMAIL), no_calls=True)]


async def test_an_unknown_channel_is_refused() -> None:
    app = host(PreferencesForm(Preferences(), zone=LONDON, now=NOW))
    async with app.run_test() as pilot:
        await type_text(pilot, "email, fax")
        await pilot.press("ctrl+s")
        assert still_open(app, PreferencesForm)
        message = str(field(app, "channels").message.render())
        assert message == "unknown channel 'fax'; choose from email, phone, linkedin, letter, text"
        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, "phone")
        await pilot.press("tab", "space")
        assert field(app, "channels").has_class("-warned")
        await pilot.press("tab", "tab")
        await type_text(pilot, "next monday")
        await pilot.press("ctrl+s")
    assert app.results == [
        Preferences(
            channels=(Channel.EMAIL, Channel.PHONE),
            no_calls=True,
            no_contact_before=date(2026, 11, 23),
        )
    ]


async def test_notes_one_item_a_line_and_tab_moves_on() -> None:
    asked = OpenQuestion("How I would price it", "Per seat", asked_by="jane")
    app = host(NotesForm(replace(ACME.notes, open_questions=(asked, OpenQuestion("Why now?")))))
    async with app.run_test() as pilot:
        assert not app.screen.query("#open_questions")
        assert app.focused is app.screen.query_one("#discussed", TextArea)
        await type_text(pilot, "The Q3 roadmap")
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#recap", TextArea)
        await pilot.press("end", "enter", "enter")
        await type_text(pilot, "  cut churn by 8%  ")
        await pilot.press("enter", "tab")
        assert app.focused is app.screen.query_one("#challenges", TextArea)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#company_news", TextArea)
        await type_text(pilot, "They opened a Berlin office")
        await pilot.press("ctrl+s")
    assert app.results == [
        Notes(
            discussed="The Q3 roadmap",
            recap=("scaled the onboarding funnel", "cut churn by 8%"),
            open_questions=(asked, OpenQuestion("Why now?")),
            company_news="They opened a Berlin office",
        )
    ]


async def test_the_notes_form_shows_its_first_label_at_80x24() -> None:
    app = host(NotesForm(ACME.notes))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        body = app.screen.query_one(".dialog-body")
        first = field(app, "discussed")
        assert app.focused is first.control
        assert body.scroll_y == 0
        assert body.region.contains_region(first.label.region)
        assert body.region.contains_region(first.control.region)


# ---------------------------------------------------------------- reply, snooze, outcome


async def test_a_reply_from_a_contact() -> None:
    app = host(ReplyForm(contacts=(JANE, SAM), now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        # The summary first, then who it was from.
        await type_text(pilot, "Next round on Monday")
        await pilot.press("tab", "enter", "down", "down", "enter")
        await pilot.press("ctrl+s")
    assert app.results == [ReplyInput(contact="sam", summary="Next round on Monday", at=NOW)]


@pytest.mark.parametrize(
    ("key", "until"),
    [
        ("1", NOW.add(hours=3)),
        ("2", pendulum.datetime(2026, 11, 20, 9, tz=LONDON)),
        ("3", pendulum.datetime(2026, 11, 23, 9, tz=LONDON)),
    ],
)
async def test_snooze_presets(key: str, until: pendulum.DateTime) -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await pilot.press(key)
    assert app.results == [SnoozeInput(until=until, at=NOW)]


async def test_snooze_presets_from_the_list() -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "enter")
    assert app.results == [SnoozeInput(until=pendulum.datetime(2026, 11, 20, 9, tz=LONDON), at=NOW)]


async def test_snooze_until_a_typed_moment_after_now() -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await pilot.press("4")
        until = field(app, "until")
        assert app.focused is until.control
        await type_text(pilot, "today 9am")
        await pilot.press("enter")
        assert still_open(app, SnoozeForm)
        assert str(until.message.render()) == "today at 09:00 has passed; pick a later time"
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "03/12")
        await pilot.press("enter")
        assert still_open(app, SnoozeForm)
        assert "ambiguous" in str(until.message.render())
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "2026-12-03 10:00")
        assert str(until.note.render()) == "→ Thu 3 Dec 10:00"
        await pilot.press("enter")
    assert app.results == [SnoozeInput(until=pendulum.datetime(2026, 12, 3, 10, tz=LONDON), at=NOW)]


async def test_snooze_says_when_a_deadline_passes_and_marks_the_times_after_it() -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON, deadline=NOW.add(hours=5)))
    async with app.run_test() as pilot:
        form = app.screen
        hints = [str(s.render()) for s in form.query(".dialog-hint")]
        assert "Due by later today at 19:30: any time after that is late." in hints
        presets = form.query_one("#presets", OptionList)
        shown = [str(presets.get_option_at_index(n).prompt) for n in range(3)]
        # Three hours from now is before it; tomorrow and Monday are after.
        assert [line.endswith("· late") for line in shown] == [False, True, True]
        await pilot.press("2")
    # Late is the user's choice to make: it is marked, not refused.
    assert app.results == [SnoozeInput(until=pendulum.datetime(2026, 11, 20, 9, tz=LONDON), at=NOW)]


async def test_on_a_sunday_next_monday_is_not_tomorrow_morning_again() -> None:
    sunday = pendulum.datetime(2026, 12, 6, 10, tz=LONDON)
    app = host(SnoozeForm(now=sunday, zone=LONDON))
    async with app.run_test() as pilot:
        presets = app.screen.query_one("#presets", OptionList)
        shown = [" ".join(str(presets.get_option_at_index(n).prompt).split()) for n in (1, 2)]
        assert shown == ["2 Tomorrow morning tomorrow 09:00", "3 Monday week Mon 14 Dec 09:00"]
        await pilot.press("3")
    assert app.results == [
        SnoozeInput(until=pendulum.datetime(2026, 12, 14, 9, tz=LONDON), at=sunday)
    ]


def test_a_snooze_typed_past_the_deadline_has_a_note_for_after_it_is_saved() -> None:
    form = SnoozeForm(now=NOW, zone=LONDON, deadline=NOW.add(hours=5))
    assert form.late_note(NOW.add(hours=4)) is None
    assert form.late_note(NOW.add(hours=6)) == (
        "Snoozed until later today at 20:30, past its due time (later today at 19:30): "
        "it will be late."
    )
    assert SnoozeForm(now=NOW, zone=LONDON).late_note(NOW.add(days=9)) is None


async def test_snooze_of_an_overdue_deadline_says_so() -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON, deadline=NOW.subtract(hours=2)))
    async with app.run_test():
        hints = [str(s.render()) for s in app.screen.query(".dialog-hint")]
        assert "Overdue since today at 12:30: the sooner, the better." in hints


async def test_snooze_escape() -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await pilot.press("escape")
    assert app.results == [None]


async def test_an_outcome_must_be_chosen() -> None:
    app = host(OutcomeForm())
    async with app.run_test() as pilot:
        await pilot.press("ctrl+s")
        assert still_open(app, OutcomeForm)
        assert field(app, "outcome").has_class("-invalid")
        await pilot.press("down", "down", "space", "tab", "space", "ctrl+s")
    assert app.results == [OutcomeInput(outcome=Outcome.REJECTED, keep_warm=True)]


# ---------------------------------------------------------------- confirm and the edit menu


@pytest.mark.parametrize(
    ("keys", "answer"),
    [(("y",), True), (("n",), False), (("escape",), None), (("enter",), False)],
)
async def test_confirm(keys: tuple[str, ...], answer: bool | None) -> None:
    app = host(ConfirmDialog("Copy it with placeholders still in it?", yes="Copy", no="Back"))
    async with app.run_test() as pilot:
        await pilot.press(*keys)
    assert app.results == [answer]


async def test_the_edit_menu_lists_every_part() -> None:
    dialog = EditMenu(ACME)
    app = host(dialog)
    async with app.run_test() as pilot:
        menu = app.screen.query_one(OptionList)
        options = [menu.get_option_at_index(i) for i in range(menu.option_count)]
        assert [str(option.prompt) for option in options] == [
            "Interview details",
            "Add a round",
            "Round r1 · Fri 20 Nov 14:00",
            "Add a contact",
            "Contact Jane Doe · Head of Product",
            "Contact Sam Lee · Talent Partner",
            "Preferences",
            "Notes",
            "Add an open question",
            "Add a promise",
            "Promise Send my list of references · due Sat 21 Nov 09:00",
        ]
        assert [dialog.parts[option.id] for option in options if option.id] == [
            EditPart(PartKind.INTERVIEW),
            EditPart(PartKind.ROUND),
            EditPart(PartKind.ROUND, "r1"),
            EditPart(PartKind.CONTACT),
            EditPart(PartKind.CONTACT, "jane"),
            EditPart(PartKind.CONTACT, "sam"),
            EditPart(PartKind.PREFERENCES),
            EditPart(PartKind.NOTES),
            EditPart(PartKind.QUESTION),
            EditPart(PartKind.PROMISE),
            EditPart(PartKind.PROMISE, "p1"),
        ]
        await pilot.press("down", "down", "enter")
    assert app.results == [EditPart(PartKind.ROUND, "r1")]


async def test_the_edit_menu_escape() -> None:
    app = host(EditMenu(ACME))
    async with app.run_test() as pilot:
        await pilot.press("escape")
    assert app.results == [None]


# ---------------------------------------------------------------- the family


def every_dialog() -> list[Callable[[], Dialog[Any]]]:
    return [
        lambda: InterviewForm(ACME, now=NOW, default_zone=LONDON, existing_ids=frozenset()),
        lambda: RoundForm(
            ROUND, contacts=(JANE, SAM), zone=LONDON, now=NOW, existing_ids=frozenset()
        ),
        lambda: ContactForm(JANE, existing_ids=frozenset()),
        lambda: PromiseForm(
            PROMISE, contacts=(JANE,), zone=LONDON, now=NOW, existing_ids=frozenset()
        ),
        lambda: PreferencesForm(ACME.preferences, zone=LONDON, now=NOW),
        lambda: NotesForm(ACME.notes),
        lambda: QuestionForm(OpenQuestion("How I would price it", "Per seat"), contacts=(JANE,)),
        lambda: ProfileForm(Profile(name="Jane Doe", signature="Jane\nHead of Product")),
        lambda: ReplyForm(contacts=(JANE, SAM), now=NOW, zone=LONDON),
        lambda: SnoozeForm(now=NOW, zone=LONDON),
        OutcomeForm,
        lambda: ConfirmDialog("Sure?"),
        lambda: EditMenu(ACME),
    ]


@pytest.mark.parametrize("make", every_dialog())
@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_every_dialog_fits_small_terminals(
    make: Callable[[], Dialog[Any]], size: tuple[int, int]
) -> None:
    app = host(make())
    async with app.run_test(size=size) as pilot:
        box = app.screen.query_one(".dialog")
        assert box.region.height <= size[1] - 1
        assert box.region.width <= size[0]
        buttons = app.screen.query(".dialog-buttons")
        # Save and Cancel stay in sight however long the form is.
        assert all(b.region.bottom <= box.region.bottom for b in buttons)
        await pilot.press("tab", "tab", "tab", "escape")
    assert app.results == [None]


@pytest.mark.parametrize("make", every_dialog())
def test_bindings_have_ids_and_tooltips(make: Callable[[], Dialog[Any]]) -> None:
    for cls in type(make()).__mro__:
        if not cls.__module__.startswith("app.ui.forms"):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                assert binding.id and binding.tooltip, binding


def test_ids() -> None:
    assert slug("Acme Ltd", "Product Manager") == "acme-ltd-product-manager"
    assert slug("Société Générale", "Ingénieur (R&D)") == "societe-generale-ingenieur-r-d"
    assert slug("—", fallback="contact") == "contact"
    assert unique("jane-doe", {"jane-doe", "jane-doe-2"}) == "jane-doe-3"
    assert unique("jane-doe", set()) == "jane-doe"
    assert numbered("r", set()) == "r1"
    # A deleted round's id is not handed out again: its events may still name it.
    assert numbered("r", {"r1", "r3", "rx"}) == "r4"
    assert numbered("p", {"p1", "p2"}) == "p3"


# ---------------------------------------------------------------- snapshots


def no_blink(pilot: Pilot[None]) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        assert isinstance(widget, Input | TextArea)
        widget.cursor_blink = False


def test_snapshot_interview_form(snap_compare: Any) -> None:
    form = InterviewForm(ACME, now=NOW, default_zone=LONDON, existing_ids=frozenset())
    # Say back a typed date, and refuse an ambiguous one.
    keys = ["tab", "tab", "tab", "tab", *"next friday", "tab", *"03/04/2027", "ctrl+s"]
    assert snap_compare(host(form), press=keys, terminal_size=(80, 24), run_before=no_blink)


def test_snapshot_snooze_form(snap_compare: Any) -> None:
    form = SnoozeForm(now=NOW, zone=LONDON)
    assert snap_compare(host(form), terminal_size=(80, 24), run_before=no_blink)


# ---------------------------------------------------------------- opened from the dashboard


async def open_new_promise(pilot: Pilot[None]) -> None:
    """From the board, as a person does: e, then down the menu to "Add a promise"."""
    await pilot.press("e")
    await pilot.pause()
    menu = pilot.app.screen.query_one("#edit-menu", OptionList)
    for _ in range(menu.option_count):
        option = menu.highlighted_option
        if option is not None and str(option.prompt) == "Add a promise":
            break
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def test_the_promise_form_from_the_dashboard_keeps_every_field_in_sight(
    make: Callable[..., App[None]],
) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await open_new_promise(pilot)
        assert isinstance(app.screen, PromiseForm)
        body = app.screen.query_one(".dialog-body")
        due = app.screen.query_one("#due", Input)
        # The dashboard's own "#due" (its due panel) must not size the form's date input.
        assert 1 <= due.region.height <= 3
        assert app.screen.query_one("#due-field", Field).region.height <= 4
        done = app.screen.query_one("#done-field", Field)
        assert done.region.height >= 1
        assert body.region.contains_region(done.region)
        assert done.region.bottom <= 40


def test_snapshot_promise_form_from_the_dashboard(
    snap_compare: Any, make: Callable[..., App[None]]
) -> None:
    async def opened(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await open_new_promise(pilot)
        no_blink(pilot)

    assert snap_compare(make(), terminal_size=(120, 40), run_before=opened)

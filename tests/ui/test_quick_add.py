"""Quick add (issue 17): a new interview, its first round and that round's interviewers from one
form, typed or pasted from a calendar the way a person does, at the smallest terminal we support
and a large one; and the edit form, which stays as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum
import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from app.domain.records import Contact, ContactRole, Interview, Round
from app.ui.forms import InterviewForm
from app.ui.forms.confirm import ConfirmDialog
from app.ui.forms.field import Field
from app.ui.forms.first_round import PersonRow
from app.ui.forms.invitation import Person, people_in
from app.ui.screens.dashboard import DashboardScreen
from bench.paint import on_paint
from tests.test_when_span import CLASSIC_GOOGLE, GOOGLE, OUTLOOK
from tests.ui.conftest import stored
from tests.ui.test_forms import ACME, LONDON, NOW, PENDING, field, host, no_blink, still_open

SIZES = [(80, 24), (160, 45)]
TUESDAY_2PM = pendulum.datetime(2026, 12, 8, 14, tz=LONDON)


def new_interview() -> InterviewForm:
    return InterviewForm(None, now=NOW, default_zone=LONDON, existing_ids=frozenset())


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


async def paste(pilot: Pilot[None], text: str) -> None:
    """What a terminal sends when text is pasted: one event with every line of it."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def control(app: App[Any], key: str) -> Input:
    return app.screen.query_one(f"#{key}", Input)


async def company_and_role(pilot: Pilot[None]) -> None:
    await type_text(pilot, "Acme Ltd")
    await pilot.press("tab")
    await type_text(pilot, "Product Manager")


async def tab_to(pilot: Pilot[None], key: str) -> None:
    """Tab down the form until ``key`` has the focus, as a person does; fails if it never does,
    so a field out of the tab order breaks the test."""
    for _ in range(30):
        if pilot.app.focused is not None and pilot.app.focused.id == key:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{key}")


def footer_keys(app: App[Any]) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


def one_interview(app: Any) -> Interview:
    [made] = app.results
    assert isinstance(made, Interview)
    return made


# ---------------------------------------------------------------- typed


@pytest.mark.parametrize("size", SIZES)
async def test_company_role_round_and_two_interviewers_in_one_interview(
    size: tuple[int, int],
) -> None:
    app = host(new_interview())
    async with app.run_test(size=size) as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "starts")
        await type_text(pilot, "tue 8 dec 2pm")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "45")
        await pilot.press("tab")
        # Open the list of kinds, jump to "Video" by typing, and pick it.
        await pilot.press("enter", "v", "enter")
        await tab_to(pilot, "person1-name")
        await type_text(pilot, "Jane Doe")
        await pilot.press("tab")
        await type_text(pilot, "Head of Product")
        await pilot.press("tab")
        await type_text(pilot, "jane@acme.example")
        await pilot.press("tab")
        await type_text(pilot, "Sam Lee")
        await pilot.press("tab", "tab")
        await type_text(pilot, "sam@acme.example")
        await pilot.press("ctrl+s")
    jane = Contact(
        "jane-doe", "Jane Doe", "Head of Product", "jane@acme.example", role=ContactRole.INTERVIEWER
    )
    sam = Contact("sam-lee", "Sam Lee", "", "sam@acme.example", role=ContactRole.INTERVIEWER)
    assert app.results == [
        Interview(
            id="acme-ltd-product-manager",
            company="Acme Ltd",
            role="Product Manager",
            timezone=LONDON,
            rounds=(Round("r1", TUESDAY_2PM, 45, "video", ("jane-doe", "sam-lee")),),
            contacts=(jane, sam),
        )
    ]


async def test_company_and_role_alone_still_make_an_interview() -> None:
    app = host(new_interview())
    async with app.run_test(size=(80, 24)) as pilot:
        await company_and_role(pilot)
        await pilot.press("ctrl+s")
    made = one_interview(app)
    assert (made.rounds, made.contacts) == ((), ())


async def test_interviewers_without_a_start_are_kept_as_contacts() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "person2-name")
        await type_text(pilot, "Jane Doe")
        await pilot.press("ctrl+s")
    made = one_interview(app)
    assert made.rounds == ()
    assert made.contacts == (Contact("jane-doe", "Jane Doe", role=ContactRole.INTERVIEWER),)


async def test_two_people_of_one_name_get_two_ids() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "starts")
        await type_text(pilot, "2026-12-08 14:00")
        await tab_to(pilot, "person1-name")
        await type_text(pilot, "Jane Doe")
        await tab_to(pilot, "person3-name")
        await type_text(pilot, "Jane  Doe")
        await pilot.press("ctrl+s")
    made = one_interview(app)
    assert [c.id for c in made.contacts] == ["jane-doe", "jane-doe-2"]
    assert made.rounds[0].interviewers == ("jane-doe", "jane-doe-2")


async def test_a_fourth_interviewer_from_the_key_and_the_button() -> None:
    app = host(new_interview())
    async with app.run_test(size=(80, 24)) as pilot:
        await company_and_role(pilot)
        assert "Add interviewer" in footer_keys(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        # The new row is ready to type in, and in sight.
        assert app.focused is control(app, "person4-name")
        body = app.screen.query_one(".dialog-body")
        assert body.region.contains_region(control(app, "person4-name").region)
        await type_text(pilot, "Kim Park")
        await pilot.click("#add-person")
        await pilot.pause()
        assert app.focused is control(app, "person5-name")
        await type_text(pilot, "Ola Berg")
        # Enter in the last row's last input saves, as in the other forms.
        await pilot.press("tab", "tab", "enter")
    made = one_interview(app)
    assert [c.name for c in made.contacts] == ["Kim Park", "Ola Berg"]


async def test_the_focus_goes_top_to_bottom() -> None:
    app = host(new_interview())
    async with app.run_test(size=(80, 24)) as pilot:
        order = []
        for _ in range(21):
            assert app.focused is not None
            order.append(app.focused.id)
            await pilot.press("tab")
    assert order == [
        "company", "role", "stage", "timezone", "decision_by", "offer_deadline", "keep_warm",
        "invitation", "starts", "minutes", "kind",
        "person1-name", "person1-title", "person1-email",
        "person2-name", "person2-title", "person2-email",
        "person3-name", "person3-title", "person3-email",
        "save",
    ]  # fmt: skip


@pytest.mark.parametrize("size", SIZES)
async def test_it_fits_with_every_label_whole(size: tuple[int, int]) -> None:
    app = host(new_interview())
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        box = app.screen.query_one(".dialog")
        assert box.region.height <= size[1] - 1
        assert box.region.width <= size[0]
        body = app.screen.query_one(".dialog-body")
        for shown in app.screen.query(Field).results(Field):
            if shown.has_class("-hidden"):
                continue
            # Scrolled to, each label is there in full, beside its input and inside the box.
            shown.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            label = shown.label.region
            text = str(shown.label.render())
            assert label.width >= len(text), text
            assert body.region.contains_region(label), text
            assert label.right <= shown.control.region.x, text
        # Save and Cancel stay in sight below however many rows there are.
        buttons = app.screen.query_one(".dialog-buttons").region
        assert body.region.bottom <= buttons.y and buttons.bottom <= box.region.bottom


# ---------------------------------------------------------------- pasted


@pytest.mark.parametrize("size", SIZES)
async def test_pasting_a_calendar_line_fills_the_start_and_the_length(
    size: tuple[int, int],
) -> None:
    app = host(new_interview())
    async with app.run_test(size=size) as pilot:
        await company_and_role(pilot)
        # A length typed first, so that the 60 below can only come from the paste.
        await tab_to(pilot, "minutes")
        await pilot.press("ctrl+a", "ctrl+k", "3", "0")
        await tab_to(pilot, "invitation")
        await paste(pilot, "Tue 8 Dec 14:00–15:00")
        assert control(app, "starts").value == "2026-12-08 14:00"
        assert control(app, "minutes").value == "60"
        assert str(field(app, "starts").note.render()) == "→ Tue 8 Dec 14:00"
        assert str(field(app, "invitation").note.render()) == "→ start, 60 min"
        await pilot.press("ctrl+s")
    made = one_interview(app)
    assert made.rounds == (Round("r1", TUESDAY_2PM, 60),)


async def test_a_line_typed_into_the_paste_field_is_read_too() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "invitation")
        # A hyphen, as a keyboard types it.
        await type_text(pilot, "Tuesday, December 8, 2026 2:00pm - 3:30pm (GMT)")
        assert (control(app, "starts").value, control(app, "minutes").value) == (
            "2026-12-08 14:00",
            "90",
        )
        await pilot.press("ctrl+s")
    assert one_interview(app).rounds == (Round("r1", TUESDAY_2PM, 90),)


async def test_pasting_an_invitation_fills_the_interviewers() -> None:
    app = host(new_interview())
    async with app.run_test(size=(80, 24)) as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "invitation")
        await paste(pilot, OUTLOOK + "Required Attendees: Jane Doe <jane@acme.example>; Sam Lee")
        # The Input shows every line of what was pasted, not only the first.
        assert "When: Tuesday, December 8" in control(app, "invitation").value
        assert control(app, "person1-name").value == "Jane Doe"
        assert control(app, "person1-email").value == "jane@acme.example"
        assert control(app, "person2-name").value == "Sam Lee"
        assert str(field(app, "invitation").note.render()) == "→ start, 60 min, 2 people"
        await pilot.press("ctrl+s")
    made = one_interview(app)
    assert made.rounds == (Round("r1", TUESDAY_2PM, 60, interviewers=("jane-doe", "sam-lee")),)
    assert [(c.name, c.email) for c in made.contacts] == [
        ("Jane Doe", "jane@acme.example"),
        ("Sam Lee", ""),
    ]


async def test_a_second_paste_replaces_what_the_first_filled_but_not_what_was_typed() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await tab_to(pilot, "person1-name")
        await type_text(pilot, "Kim Park")
        await tab_to(pilot, "invitation")
        await paste(pilot, "Tue 8 Dec 14:00–15:00\nWho\n• Jane Doe <jane@acme.example>")
        assert control(app, "person2-name").value == "Jane Doe"
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "Tue 8 Dec 14:00–15:00\nWho\n• Sam Lee <sam@acme.example>")
        rows = [row.values for row in app.screen.query(PersonRow)]
    assert rows[:3] == [
        ("Kim Park", "", ""),
        ("Sam Lee", "", "sam@acme.example"),
        ("", "", ""),
    ]


async def test_an_unreadable_paste_is_an_error_when_it_is_the_only_start() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "invitation")
        await paste(pilot, "Mon 8 Dec 14:00–15:00")
        assert str(field(app, "invitation").note.render()) == "no meeting in it yet"
        await pilot.press("ctrl+s")
        assert still_open(app, InterviewForm)
        invitation = field(app, "invitation")
        assert invitation.has_class("-invalid")
        assert "8 dec 2026 is a Tuesday" in str(invitation.message.render())
        # A start typed by hand is enough: the paste is then only a help that did not work.
        await tab_to(pilot, "starts")
        await type_text(pilot, "2026-12-08 14:00")
        assert not invitation.has_class("-invalid")
        assert invitation.has_class("-warned")
        await pilot.press("ctrl+s")
    assert one_interview(app).rounds == (Round("r1", TUESDAY_2PM, 60),)


# ---------------------------------------------------------------- refused


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_email_shows_an_error_and_nothing_is_returned(size: tuple[int, int]) -> None:
    app = host(new_interview())
    async with app.run_test(size=size) as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "person1-name")
        await type_text(pilot, "Jane Doe")
        await pilot.press("tab", "tab")
        await type_text(pilot, "jane@acme")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert still_open(app, InterviewForm)
        row = field(app, "person1")
        assert row.has_class("-invalid")
        assert str(row.message.render()) == "email: not an email address (like jane@acme.example)"
        # The input to fix is marked and has the focus, and the message is in sight.
        assert control(app, "person1-email").has_class("-invalid")
        assert not control(app, "person1-name").has_class("-invalid")
        assert app.focused is control(app, "person1-email")
        body = app.screen.query_one(".dialog-body")
        assert body.region.contains_region(row.message.region)
        await pilot.press("escape")  # what was typed is dropped only once confirmed
        await pilot.pause()
        await pilot.press("y")
    assert app.results == [None]


@pytest.mark.parametrize(
    ("key", "typed", "message"),
    [
        ("minutes", "4", "a whole number of minutes from 5 to 600"),
        ("minutes", "601", "a whole number of minutes from 5 to 600"),
        ("minutes", "", "a whole number of minutes from 5 to 600"),
        ("starts", "08/12/2026 2pm", "is ambiguous"),
        ("starts", "blursday", "cannot read 'blursday' as a date"),
        ("person2-email", "sam", "email: not an email address"),
        ("person2-title", "CTO", "a name, or clear the row"),
    ],
)
async def test_each_field_is_checked(key: str, typed: str, message: str) -> None:
    app = host(new_interview())
    async with app.run_test(size=(80, 24)) as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, key)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, typed)
        await pilot.press("ctrl+s")
        assert still_open(app, InterviewForm)
        # An interviewer's problem is shown under that interviewer's row.
        shown = field(app, key.partition("-")[0] if key.startswith("person") else key)
        assert shown.has_class("-invalid")
        assert message in str(shown.message.render())
    assert app.results == PENDING


async def test_a_webmail_address_is_warned_not_refused() -> None:
    app = host(new_interview())
    async with app.run_test() as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "person1-name")
        await type_text(pilot, "Jane Doe")
        await tab_to(pilot, "person1-email")
        await type_text(pilot, "jane@gmail.com")
        assert field(app, "person1").has_class("-warned")
        await pilot.press("ctrl+s")
    assert one_interview(app).contacts[0].email == "jane@gmail.com"


# ---------------------------------------------------------------- editing


async def test_editing_an_interview_shows_no_round_fields() -> None:
    form = InterviewForm(ACME, now=NOW, default_zone=LONDON, existing_ids=frozenset({"acme-pm"}))
    app = host(form)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("invitation", "starts", "minutes", "kind", "add-person", "person1-name"):
            assert not app.screen.query(f"#{key}"), key
        assert not app.screen.query(".first-round")
        # ctrl+n has nothing to add to, and the footer does not offer it.
        assert not any(
            b.binding.action == "add_person" for b in app.screen.active_bindings.values()
        )
        await pilot.press("ctrl+n", "ctrl+s")
    # The rounds and contacts come back as they were: none added, none lost.
    assert app.results == [ACME]


# ---------------------------------------------------------------- the invitation's people


def test_the_people_of_an_invitation() -> None:
    assert people_in(GOOGLE) == (
        # The address under a name made of it is that person's.
        Person("Jane Doe", "jane@acme.example"),
        Person("", "sam@acme.example"),
    )
    # The reader's own address ("Calendar", "To:") is not an interviewer.
    assert people_in(CLASSIC_GOOGLE) == (Person("Jane Doe", ""), Person("", "sam@acme.example"))
    outlook = (
        "To: Ada Quade <ada@quade.example>\n"
        "Required Attendees: Jane Doe <jane@acme.example>; Ada Quade; Sam Lee\n"
        'Optional Attendees: "Lee, Kim" <kim@acme.example>\n'
        "Subject: Interview\n"
        "Jo Bloggs <jo@elsewhere.example>\n"
    )
    assert people_in(outlook) == (
        Person("Jane Doe", "jane@acme.example"),
        Person("Sam Lee", ""),
        Person("Lee, Kim", "kim@acme.example"),
    )
    # A line without a guest list names nobody.
    assert people_in("Tue 8 Dec 14:00–15:00") == ()


# ---------------------------------------------------------------- from the dashboard


async def test_from_the_dashboard_the_interview_round_and_people_are_saved_together(
    make: Callable[..., App[None]], db: Path
) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        await type_text(pilot, "Umbrella Corp")
        await pilot.press("tab")
        await type_text(pilot, "Research Scientist")
        await tab_to(pilot, "invitation")
        await paste(pilot, "Tue 8 Dec 14:00–15:00\nWho\n• Jane Doe <jane@umbrella.example>")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    [saved] = [i for i in stored(db).interviews if i.company == "Umbrella Corp"]
    assert [(r.starts, r.minutes, r.interviewers) for r in saved.rounds] == [
        (pendulum.datetime(2026, 12, 8, 14, tz=LONDON), 60, ("jane-doe",))
    ]
    assert [(c.id, c.role) for c in saved.contacts] == [("jane-doe", ContactRole.INTERVIEWER)]


# ---------------------------------------------------------------- how it looks


def test_snapshot_new_interview_form(snap_compare: Any) -> None:
    async def pasted(pilot: Pilot[None]) -> None:
        no_blink(pilot)
        await company_and_role(pilot)
        await tab_to(pilot, "invitation")
        await paste(pilot, "Tue 8 Dec 14:00–15:00\nWho\n• Jane Doe <jane@acme.example>")
        await pilot.press("tab")

    app = host(new_interview())
    assert snap_compare(app, terminal_size=(80, 24), run_before=pasted)


async def test_my_own_address_in_a_guest_list_is_not_an_interviewer() -> None:
    """The user is on every invitation they paste; they are not their own interviewer."""
    form = InterviewForm(
        None,
        now=NOW,
        default_zone=LONDON,
        existing_ids=frozenset(),
        me=frozenset({"Jordan Ellis", "jordan@example.com"}),
    )
    app = host(form)
    async with app.run_test(size=(80, 24)) as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "invitation")
        guests = "Who\n• Jane Doe <jane@acme.example>\n• Jordan Ellis <JORDAN@example.com>"
        await paste(pilot, "Tue 8 Dec 14:00–15:00\n" + guests)
        rows = [row.values for row in app.screen.query(PersonRow)]
        await pilot.press("ctrl+s")
    assert rows[:2] == [("Jane Doe", "", "jane@acme.example"), ("", "", "")]
    assert [c.name for c in one_interview(app).contacts] == ["Jane Doe"]


async def test_a_name_typed_after_tab_from_kind_goes_to_the_first_interviewer() -> None:
    app = host(new_interview())
    async with app.run_test(size=(80, 24)) as pilot:
        await tab_to(pilot, "kind")
        await pilot.press("tab")
        await type_text(pilot, "Maya Chen")
        rows = [row.values for row in app.screen.query(PersonRow)]
    assert rows[0] == ("Maya Chen", "", "")
    assert len(rows) == 3  # the space added no row


# ---------------------------------------------------------------- the round comes a frame later


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 45)])
async def test_the_dialog_is_its_full_height_before_the_round_arrives(
    size: tuple[int, int],
) -> None:
    form = new_interview()
    app = host(form)
    # Each frame's dialog height and whether the first round was in it yet.
    frames: list[tuple[int, bool]] = []

    def painted() -> None:
        if app.screen is form and form.is_mounted:
            box = form.query_one(".dialog")
            frames.append((box.region.height, bool(form.query(".first-round"))))

    on_paint(app, painted)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        frames_before = [height for height, whole in frames if not whole]
        frames_after = [height for height, whole in frames if whole]
        # The top of the form was drawn on its own first: that is the point.
        assert frames_before and frames_after
        assert set(frames_before) == set(frames_after), frames
        # The fixed height is the whole form's: at 120x40 and up nothing scrolls and no row of
        # the dialog is left empty above the buttons (their region holds their blank line).
        body = form.query_one(".dialog-body")
        buttons = form.query_one(".dialog-buttons").region
        last = form.query(PersonRow).last().region
        if size[1] >= 40:
            assert body.max_scroll_y == 0
            assert buttons.y == last.bottom, (buttons, last)


async def test_keys_typed_before_the_round_arrives_are_kept_and_guarded() -> None:
    form = new_interview()
    app = host(form)
    async with app.run_test(size=(80, 24)) as pilot:
        # No pause between opening and typing: the keys wait in the queue behind the mount.
        await pilot.press(*"Acme", "tab", *"PM")
        await pilot.pause()
        assert control(app, "company").value == "Acme"
        assert control(app, "role").value == "PM"
        assert form.first_round is not None and form.first_round.is_mounted
        await pilot.press("escape")
        await pilot.pause()
        # What was typed is not dropped without a question.
        assert still_open(app, ConfirmDialog)


async def test_an_untouched_form_closes_on_escape_once_the_round_is_there() -> None:
    form = new_interview()
    app = host(form)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert form.first_round is not None and form.first_round.is_mounted
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_a_new_interview_that_repeats_one_on_the_board_says_so_and_still_saves() -> None:
    form = InterviewForm(
        None, now=NOW, default_zone=LONDON, existing_ids=frozenset({ACME.id}), others=(ACME,)
    )
    app = host(form)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_text(pilot, "acme ltd")
        await pilot.press("tab")
        await type_text(pilot, "Product  Manager")
        await pilot.pause()
        role = field(app, "role")
        assert str(role.message.render()) == "already on the board, in Waiting"
        assert role.has_class("-warned") and not role.has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = app.results
    assert saved.id != ACME.id and saved.company == "acme ltd"


async def test_editing_an_interview_does_not_take_it_for_a_repeat_of_itself() -> None:
    form = InterviewForm(
        ACME, now=NOW, default_zone=LONDON, existing_ids=frozenset({ACME.id}), others=(ACME,)
    )
    app = host(form)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not field(app, "role").has_class("-warned")


async def test_a_new_interview_scheduled_for_a_round_that_has_passed_says_so() -> None:
    app = host(new_interview())
    async with app.run_test(size=(120, 40)) as pilot:
        await company_and_role(pilot)
        await tab_to(pilot, "starts")
        await type_text(pilot, "yesterday 10:00")
        await pilot.pause()
        stage = field(app, "stage")
        assert str(stage.message.render()) == "a round of it has passed: Interviewed, perhaps"
        assert not stage.has_class("-invalid")  # advice: it saves as it is

"""Issue 17: keys that misfired in the dialogs, and how the dialogs are laid out. Each test
fails on the defect it is named after."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Label, Select, TextArea
from textual.widgets._footer import FooterKey

from app.domain.records import Preferences, Profile
from app.ui.forms import (
    ContactForm,
    InterviewForm,
    NotesForm,
    PreferencesForm,
    PromiseForm,
    RoundForm,
    SentForm,
    SnoozeForm,
)
from app.ui.forms.base import Dialog
from app.ui.forms.field import Field, Tick, Ticks
from app.ui.screens.dashboard import DashboardScreen
from app.ui.screens.welcome import WelcomeScreen
from tests.ui.test_forms import (
    ACME,
    JANE,
    LONDON,
    NOW,
    PENDING,
    PROMISE,
    ROUND,
    SAM,
    every_dialog,
    field,
    host,
    type_text,
)

# ---------------------------------------------------------------- the welcome


async def test_the_welcome_says_how_to_skip_and_quit(
    make: Callable[..., App[None]], tmp_path: Path
):
    app = make(tmp_path / "empty.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        welcome = app.screen
        assert isinstance(welcome, WelcomeScreen)
        # While a name is typed, escape is the way out, and the footer says so.
        shown = {(key.key, key.description) for key in welcome.query(FooterKey)}
        assert ("escape", "Skip") in shown
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, Button)
        shown = {(key.key, key.description) for key in welcome.query(FooterKey)}
        assert ("q", "Quit") in shown
        # A button says it too, for those who reach for the mouse.
        skip = welcome.query_one("#later", Button)
        assert "esc" in str(skip.label)
        await pilot.click("#later")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.workspace.profile == Profile()


async def test_the_buttons_name_their_keys_only_where_the_keys_work(
    make: Callable[..., App[None]], tmp_path: Path
):
    app = make(tmp_path / "empty.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        welcome = app.screen
        labels = lambda: [str(welcome.query_one(f"#{b}", Button).label) for b in ("add", "demo")]  # noqa: E731
        # In the name field "a" is a letter: the buttons do not offer it.
        assert isinstance(app.focused, Input)
        assert labels() == ["Add an interview", "Load the demo"]
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, Button)
        assert labels() == ["Add an interview (a)", "Load the demo (d)"]
        # Drawn whole, not cut to the button's width.
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "Add an interview (a)" in shown and "Load the demo (d)" in shown
        await pilot.press("d")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, DashboardScreen)


async def test_escape_then_q_leaves_from_the_name_field(
    make: Callable[..., App[None]], tmp_path: Path
) -> None:
    app = make(tmp_path / "empty.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        welcome = app.screen
        assert isinstance(welcome, WelcomeScreen)
        await pilot.press("q")
        # In the name field, q is a letter.
        assert welcome.query_one("#name", Input).value == "q"
        # Escape asks before dropping the "q" typed, then q on the board quits.
        await pilot.press("escape", "y", "q")
        await pilot.pause()
        assert not app.is_running


# ---------------------------------------------------------------- snooze


class Behind(Screen[None]):
    """A screen with bindings on every key a snoozed date is typed with."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"hit('{key}')", key, id=f"behind-{key}", tooltip=key)
        for key in ("i", "n", "d", "a", "y", "s", "x", "3", "space", "enter")
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[str] = []

    def compose(self) -> ComposeResult:
        yield Label("behind")

    def action_hit(self, key: str) -> None:
        self.hits.append(key)


class OverBehind(App[None]):
    def __init__(self, dialog: Dialog[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.behind = Behind()
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.behind)
        self.push_screen(self.dialog, self.results.append)


async def test_a_date_typed_on_the_presets_is_a_date_and_nothing_leaks_behind() -> None:
    app = OverBehind(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # The list of presets has the focus; a person types the date straight away.
        await type_text(pilot, "in 3 days")
        until = app.screen.query_one("#until", Input)
        assert until.value == "in 3 days"
        assert app.focused is until
        assert app.results == PENDING
        await type_text(pilot, " x")
        assert until.value == "in 3 days x"
        assert app.behind.hits == []
        assert isinstance(app.screen, SnoozeForm)


async def test_digits_type_into_the_snooze_date_when_it_has_the_focus() -> None:
    app = OverBehind(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        until = app.screen.query_one("#until", Input)
        assert app.focused is until
        await type_text(pilot, "2026-12-03 10:00")
        assert until.value == "2026-12-03 10:00"
        assert app.results == PENDING
        assert app.behind.hits == []


async def test_typing_a_snooze_date_from_the_dashboard_reaches_nothing_else(
    make: Callable[..., App[None]],
) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        undo_before = app.workspace.can_undo
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm)
        # "3" was the third preset and closed the dialog; "d", "a", "y", "s" then reached the
        # board ("a" opened a new interview).
        await type_text(pilot, "in 3 days")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm)
        assert app.screen.query_one("#until", Input).value == "in 3 days"
        assert app.workspace.can_undo == undo_before


# ---------------------------------------------------------------- editing a round's date


def edit_round() -> RoundForm:
    return RoundForm(
        ROUND, contacts=(JANE, SAM), zone=LONDON, now=NOW, existing_ids=frozenset({"r1"})
    )


async def test_space_in_a_round_date_does_not_wipe_it() -> None:
    app = host(edit_round())
    async with app.run_test() as pilot:
        starts = app.screen.query_one("#starts", Input)
        assert app.focused is starts
        # The whole text was selected on focus, and the space typed replaced it.
        await pilot.press("space")
        assert starts.value == "2026-11-20 14:00 "


async def test_a_round_time_is_edited_in_place() -> None:
    app = host(edit_round())
    async with app.run_test() as pilot:
        await pilot.press(*["backspace"] * 5)
        await type_text(pilot, "15:30")
        assert str(field(app, "starts").note.render()) == "→ tomorrow 15:30"
        await pilot.press("ctrl+s")
    [made] = app.results
    assert isinstance(made, type(ROUND))
    assert (made.starts.hour, made.starts.minute, made.starts.day) == (15, 30, 20)


# ---------------------------------------------------------------- layout


def every_form() -> list[Callable[[], Dialog[Any]]]:
    return [*every_dialog()[:11], lambda: SentForm(now=NOW, zone=LONDON)]


@pytest.mark.parametrize("make_form", every_form())
@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_every_field_label_is_in_sight_when_it_has_the_focus(
    make_form: Callable[[], Dialog[Any]], size: tuple[int, int]
) -> None:
    app = host(make_form())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        body = app.screen.query_one(".dialog-body")
        seen: set[str] = set()
        for _ in range(12):
            focused = app.focused
            owner = next((n for n in focused.ancestors_with_self if isinstance(n, Field)), None)
            if owner is not None:
                seen.add(owner.key)
                assert body.region.contains_region(owner.label.region), owner.key
                assert owner.label.region.height >= 1 and owner.label.region.width >= 4
            await pilot.press("tab")
            await pilot.pause()
        fields = [f.key for f in app.screen.query(Field) if not f.has_class("-hidden")]
        # Every field was reached, so every label was seen in its turn.
        assert set(fields) <= seen


async def test_the_notes_form_scrolls_and_shows_each_label_at_80x24() -> None:
    app = host(NotesForm(ACME.notes))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = app.screen.query_one(".dialog-body")
        # Five boxes do not fit in 24 rows: the body scrolls rather than squeezing them.
        assert body.max_scroll_y > 0
        for key in ("discussed", "recap", "challenges", "company_news", "impressions"):
            notes_field = field(app, key)
            assert notes_field.label.region.height == 1
            assert notes_field.control.region.height >= 3


async def test_a_select_opens_as_a_full_list() -> None:
    form = InterviewForm(ACME, now=NOW, default_zone=LONDON, existing_ids=frozenset())
    app = host(form)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
        stage = app.screen.query_one("#stage", Select)
        assert stage.expanded
        overlay = stage.query_one("SelectOverlay")
        # Seven stages: all of them in sight, not one row that scrolls.
        assert overlay.region.height >= 7


async def test_a_select_in_a_short_list_opens_whole_too() -> None:
    form = PromiseForm(
        PROMISE, contacts=(JANE, SAM), zone=LONDON, now=NOW, existing_ids=frozenset()
    )
    app = host(form)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
        to = app.screen.query_one("#to", Select)
        assert to.expanded
        # "nobody in particular", Jane and Sam.
        assert to.query_one("SelectOverlay").region.height >= 3


def button_colour(box: Checkbox) -> Color | None:
    return box.get_visual_style("toggle--button").foreground


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "gruvbox"])
async def test_a_checkbox_says_its_state_in_words_and_colour(theme: str) -> None:
    before = Preferences(no_calls=True)
    app = host(PreferencesForm(before, zone=LONDON, now=NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.pause()
        on = app.screen.query_one("#no_calls", Tick)
        off = app.screen.query_one("#no_follow_ups", Tick)
        assert str(on.render()).startswith("[x] ")
        assert str(off.render()).startswith("[ ] ")
        variables = app.get_css_variables()
        # The theme's colours, not fixed ones: ticked in its success colour, else muted.
        assert button_colour(on) == Color.parse(variables["text-success"])
        assert button_colour(on) != button_colour(off)
        await pilot.press("tab", "space")
        assert str(on.render()).startswith("[ ] ")
        assert button_colour(on) == button_colour(off)


@pytest.mark.parametrize(
    "make_form",
    [
        lambda: ContactForm(JANE, existing_ids=frozenset()),
        lambda: SentForm(now=NOW, zone=LONDON),
    ],
)
async def test_a_form_fits_80x24_with_its_buttons(make_form: Callable[[], Dialog[Any]]) -> None:
    app = host(make_form())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        box = app.screen.query_one(".dialog")
        assert box.region.bottom <= 23
        save = app.screen.query_one("#save", Button)
        assert box.region.contains_region(save.region)


# ---------------------------------------------------------------- opening quickly


def test_the_forms_package_imports_a_form_only_when_it_is_asked_for() -> None:
    import subprocess
    import sys

    # The dashboard imports one form as its key is pressed: importing the package must not
    # import them all (that was some 45 ms on the first dialog).
    code = (
        "import sys, app.ui.forms as forms\n"
        "assert not [m for m in sys.modules if m.startswith('app.ui.forms.')], sys.modules\n"
        "from app.ui.forms import SnoozeForm\n"
        "assert 'app.ui.forms.interview' not in sys.modules\n"
        "for name in forms.__all__: getattr(forms, name)\n"
        "print(len(forms.__all__))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == 20


async def test_the_dialog_footer_follows_the_keys_that_apply() -> None:
    app = host(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = {key.key for key in app.screen.query(FooterKey)}
        assert {"1", "2", "3", "4", "escape"} <= shown
        # In the date field the digits are typed, not presets: the footer no longer offers them.
        await pilot.press("4")
        await pilot.pause()
        shown = {key.key for key in app.screen.query(FooterKey)}
        assert "1" not in shown and "escape" in shown
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        assert isinstance(app.focused, type(app.screen.query_one("#presets")))
        assert "1" in {key.key for key in app.screen.query(FooterKey)}


@pytest.mark.parametrize("keys", [(), ("escape",), ("2",)])
async def test_the_cycle_collector_is_on_again_once_a_dialog_is_shown(
    keys: tuple[str, ...],
) -> None:
    import gc

    # A dialog holds the collector off while it is built; it must never leave it off.
    assert gc.isenabled()
    app = host(SnoozeForm(now=NOW, zone=LONDON))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.isenabled()
        await pilot.press(*keys)
        await pilot.pause()
        assert gc.isenabled()
    assert gc.isenabled()


async def test_a_rounds_interviewers_say_which_are_ticked_in_words() -> None:
    """Ticked or not, the list says so as [x] or [ ], not by colour alone."""
    app = host(edit_round())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ticks = app.screen.query_one(Ticks)
        ticks.focus()
        ticks.highlighted = 1
        await pilot.press("space")  # Sam is taken off the round
        await pilot.pause()
        lines = [ticks.render_line(y).text for y in range(2)]
        assert lines[0].startswith("[x] ") and JANE.name in lines[0], lines
        assert lines[1].startswith("[ ] ") and SAM.name in lines[1], lines


# ---------------------------------------------------------------- a burst of keys


def burst(app: App[Any], keys: list[str]) -> None:
    """Keys as a fast typist, a slow connection or a script sends them: all in the queue before
    the first is handled (Pilot's press waits for each)."""
    from textual import events

    for key in keys:
        character = {"space": " ", "colon": ":"}.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


async def test_a_burst_of_keys_into_a_date_acts_in_the_order_typed() -> None:
    app = host(edit_round())
    async with app.run_test() as pilot:
        starts = app.screen.query_one("#starts", Input)
        assert app.focused is starts and starts.value == "2026-11-20 14:00"
        burst(app, ["end", *["backspace"] * 5, "1", "6", "colon", "4", "5"])
        await pilot.pause()
        await pilot.pause()
        # Not "2026-11-20 14:16": the backspaces ran after the digits typed after them.
        assert starts.value == "2026-11-20 16:45"


async def test_a_burst_of_keys_into_a_text_area_acts_in_the_order_typed() -> None:
    app = host(NotesForm(ACME.notes))
    async with app.run_test() as pilot:
        await pilot.pause()
        area = app.focused
        assert isinstance(area, TextArea)
        area.move_cursor(area.document.end)
        before = area.text
        burst(app, ["backspace", "backspace", "backspace", "x", "y", "left", "z"])
        await pilot.pause()
        await pilot.pause()
        assert area.text == before[:-3] + "xzy"


async def test_a_burst_with_a_tab_in_it_types_on_in_the_next_field() -> None:
    from app.ui.forms import InterviewForm

    form = InterviewForm(None, now=NOW, default_zone=LONDON, existing_ids=frozenset())
    app = host(form)
    async with app.run_test() as pilot:
        await pilot.pause()
        burst(app, [*"Acme", "tab", *"PM", "shift+tab", "end", *" Ltd"])
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#company", Input).value == "Acme Ltd"
        assert app.screen.query_one("#role", Input).value == "PM"


async def test_a_burst_with_a_tab_on_the_welcome_fills_both_fields() -> None:
    app = host(WelcomeScreen())
    async with app.run_test() as pilot:
        await pilot.pause()
        burst(app, [*"Alex", "tab", *"alex@example.com"])
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "Alex"
        assert app.screen.query_one("#email", Input).value == "alex@example.com"


def test_a_role_that_is_initials_reads_as_initials() -> None:
    from app.domain.records import ContactRole
    from app.ui.forms.choices import options

    assert [label for label, _ in options(ContactRole)] == [
        "Interviewer",
        "Recruiter",
        "HR",
        "Other",
    ]


async def test_a_long_value_is_shown_from_its_start_once_the_field_is_left() -> None:
    from textual.app import App

    from app.ui.keys_in_order import TextInput

    class Two(App[None]):
        def compose(self) -> ComposeResult:
            yield TextInput(id="one")
            yield TextInput(id="two")

    app = Two()
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.press(*"priya.nair@globex-industries.example")
        first = app.query_one("#one", TextInput)
        assert first.scroll_offset.x > 0  # scrolled to show the cursor while typing
        await pilot.press("tab")
        await pilot.pause()
        assert first.scroll_offset.x == 0

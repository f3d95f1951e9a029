"""The first run: an empty database gets a welcome that asks for my name and email (both may
be left for later) and offers a first interview or the demo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from app.domain.profile import ProfileError, changed_profile
from app.domain.records import Profile
from app.ui.forms.base import FIELD_TO_FIELD, STYLESHEET
from app.ui.forms.field import Field
from app.ui.keys_in_order import TextInput
from app.ui.widgets.footer import OverFooter

WELCOME = (
    "[b]Welcome to followup[/b]\n\n"
    "It keeps every interview process in one place and tells you, each morning, whom to "
    "thank, which promise to keep, when to check in, and when to move on.\n\n"
    "Your name and email sign the messages it drafts; you may leave them for later "
    "(P on the board). [b]Esc[/b] skips this; [b]q[/b] quits (ctrl+q while typing)."
)


_ADD = "Add an interview"
_DEMO = "Load the demo"


class Start(StrEnum):
    ADD = "add"
    DEMO = "demo"


@dataclass(frozen=True, slots=True)
class Welcomed:
    """How the user went on. ``start`` None is "later": then nothing typed is kept, and
    ``name`` and ``email`` are empty. Otherwise they are as typed (checked, maybe empty)."""

    start: Start | None
    name: str = ""
    email: str = ""


class WelcomeScreen(ModalScreen[Welcomed]):
    """Saves nothing: the app keeps what was typed, and only when the user goes on."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        Path(__file__).with_name("welcome.tcss"),
        STYLESHEET,
    ]
    AUTO_FOCUS = "#name"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "choose('add')",
            "Add an interview",
            id="welcome-add",
            tooltip="Add your first interview",
        ),
        Binding(
            "d",
            "choose('demo')",
            "Load the demo",
            id="welcome-demo",
            tooltip="Fill the database with sample interviews to look around",
        ),
        Binding(
            "escape",
            "later",
            "Skip",
            id="welcome-later",
            tooltip="Close this and start with an empty board, keeping nothing typed here",
        ),
        # Typed into the name or email, q is a letter (a "Quade" must be typeable); anywhere
        # else on this screen it quits, as on the board. ctrl+q quits from anywhere.
        Binding("q", "quit", "Quit", id="welcome-quit", tooltip="Leave followup"),
        *FIELD_TO_FIELD,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tried = False
        self._dismissing = False

    def compose(self) -> ComposeResult:
        self.name_input = TextInput(placeholder="e.g. Jane Doe", id="name", compact=True)
        self.email = TextInput(placeholder="e.g. jane@janedoe.example", id="email", compact=True)
        with Vertical(id="welcome-box"):
            yield Static(WELCOME, id="welcome-text")
            yield Field("Your name", self.name_input, key="name")
            yield Field("Your email", self.email, key="email")
            with Horizontal(id="welcome-buttons"):
                yield Button(_ADD, id="add", variant="primary")
                yield Button(_DEMO, id="demo")
                yield Button("Skip (esc)", id="later")
        # The keys in sight: escape to skip and q to quit are what a first look needs.
        yield OverFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A letter typed into a field is text, never a command.
        return not (action == "choose" and isinstance(self.focused, Input))

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Input.Changed)
    def _typed(self) -> None:
        # Once a problem is shown, it goes as soon as it is fixed.
        if self.tried:
            self._checked()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Their keys only while no field takes letters: typed into the name, "a" is a letter.
        typing = isinstance(event.widget, Input)
        self.query_one("#add", Button).label = _ADD if typing else f"{_ADD} (a)"
        self.query_one("#demo", Button).label = _DEMO if typing else f"{_DEMO} (d)"

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget is self.email and self.email.value.strip():
            self.tried = True
            self._checked()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "later":
            self.action_later()
        else:
            self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        self.tried = True
        profile = self._checked()
        if profile is None:
            first = next((f for f in self.query(Field) if f.has_class("-invalid")), None)
            if first is not None:
                first.control.focus()
            return
        self._close(Welcomed(Start(choice), profile.name, profile.email))

    def action_quit(self) -> None:
        """Quits; a name or email typed here is not dropped without a question."""
        self._unless_kept("Quit", self.app.exit)

    def action_later(self) -> None:
        """Skips, keeping nothing; a name or email typed here is not dropped without a
        question, as no form of the app drops what was typed into it."""
        self._unless_kept("Skip", lambda: self._close(Welcomed(None)))

    def _unless_kept(self, verb: str, then: Callable[[], None]) -> None:
        if not (self.name_input.value.strip() or self.email.value.strip()):
            then()
            return
        from app.ui.forms.confirm import ConfirmDialog

        def answered(leave: bool | None) -> None:
            if leave:
                then()

        question = f"{verb} and lose the name and email typed here?"
        self.app.push_screen(ConfirmDialog(question, yes=verb, no="Keep editing"), answered)

    def _close(self, result: Welcomed) -> None:
        # A second key press before the screen has gone would pop the dashboard beneath it.
        if not self._dismissing:
            self._dismissing = True
            self.dismiss(result)

    def _checked(self) -> Profile | None:
        """The name and email as a profile, or None with the problem shown under its field."""
        problem: ProfileError | None = None
        try:
            profile = changed_profile(Profile(), name=self.name_input.value, email=self.email.value)
        except ProfileError as error:
            problem, profile = error, None
        for field in self.query(Field):
            field.show(str(problem) if problem and problem.field == field.key else None)
        return profile

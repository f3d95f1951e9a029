"""The frame every dialog of the family shares, and the save/cancel rules of the forms.

A dialog returns what the user chose with ``dismiss`` and touches nothing else: the screen that
opened it saves the value. A form checks every field each time one changes; a field's error is
shown once it has been visited (or a save was tried), so a new form does not open in red.
"""

from __future__ import annotations

import gc
from abc import abstractmethod
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input

from app.ui.forms.checks import Checker
from app.ui.forms.field import Field
from app.ui.release import release_closed
from app.ui.widgets.footer import OverFooter

if TYPE_CHECKING:
    from textual.app import App

R = TypeVar("R")
T = TypeVar("T")

# Absolute, because a relative CSS_PATH is read beside the file of each subclass, wherever
# that subclass is written.
STYLESHEET = str(Path(__file__).with_name("forms.tcss"))


# Tab moves on as the key arrives, before the keys typed after it are handed to a field: in a
# burst (a fast typist, a script) "Acme", tab, "PM" had gone all into the first field.
FIELD_TO_FIELD = [
    Binding(
        "tab",
        "app.focus_next",
        "Next field",
        show=False,
        priority=True,
        id="field-next",
        tooltip="The next field",
    ),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous field",
        show=False,
        priority=True,
        id="field-previous",
        tooltip="The previous field",
    ),
]


class Dialog(ModalScreen[R], Generic[R]):
    """A box in the middle of the screen, with a footer for its keys; escape returns None.

    The family's stylesheet is added to the app's the first time a dialog opens
    (``_post_register``), not through ``CSS_PATH``: a screen's ``CSS_PATH`` new to the app makes
    Textual parse every stylesheet of the app again and restyle every widget of every screen
    (the dashboard included), some 60 ms at the first dialog, where adding it parses this one
    file alone.
    """

    CSS_PATH: ClassVar[str | None] = None
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close this dialog without changing anything",
            id="form-cancel",
        ),
        *FIELD_TO_FIELD,
    ]

    def __init__(self, heading: str) -> None:
        super().__init__()
        self.heading = heading
        self._dismissing = False
        self._resumed = False
        self._behind = _StillBackground()
        self._collector_held = False

    def _post_register(self, app: App[Any]) -> None:
        super()._post_register(app)
        if not app.stylesheet.has_source(STYLESHEET):
            # Parsed when the dialog is first styled, a moment later, from this file alone
            # (the others' rules are kept parsed).
            app.stylesheet.read(STYLESHEET)
        # Building a dialog makes thousands of objects, and a full pass of the cycle collector
        # fell in the middle of one opening in two, 50 to 200 ms at 1,000 interviews. It waits
        # until the dialog is on screen (_release_collector); the pass over what a closed dialog
        # leaves is made once the screen behind is drawn again (close).
        if gc.isenabled():
            gc.disable()
            self._collector_held = True

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Every widget of a dialog was styled as it was mounted, a moment before it is first
        # shown: styling them all again then doubled the work of opening it. Later resumes
        # (back from a dialog opened over this one, after a theme change) restyle as usual.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
            self.call_after_refresh(self._release_collector)
        # Textual calls Screen's own handler after this one (handlers run down the classes).

    def _release_collector(self) -> None:
        if self._collector_held:
            self._collector_held = False
            gc.enable()

    def _on_unmount(self) -> None:
        self._release_collector()

    def render(self) -> RenderableType:
        # The screen behind is drawn tinted, and Textual drew it again each time the dialog's
        # layout changed (three times as it opens): it is drawn once per size and theme. What
        # changes behind an open dialog (a save's status line) shows once it closes.
        rendered = super().render()
        return self._behind.of(rendered) if isinstance(rendered, BackgroundScreen) else rendered

    def compose(self) -> ComposeResult:
        box = Vertical(classes="dialog")
        # Headings name what the user typed ("Edit Acme [/] Ltd"): shown as typed.
        box.border_title = escape(self.heading)
        with box:
            yield from self.compose_dialog()
        yield OverFooter()

    @abstractmethod
    def compose_dialog(self) -> ComposeResult: ...

    def close(self, result: R | None) -> None:
        # A second key press before the screen has gone would pop the screen beneath it.
        if not self._dismissing:
            self._dismissing = True
            self._release_collector()
            self.dismiss(result)
            # The dialog's widgets are garbage now (in reference cycles, as every widget
            # tree): collected while the user reads the screen behind, not in the middle of
            # opening the next dialog.
            app = self.app
            app.call_after_refresh(_collect, app)

    def action_cancel(self) -> None:
        self.close(None)


class Form(Dialog[T | None], Generic[T]):
    """Fields in a scrolling body, Save and Cancel below; ctrl+s or the Save button saves, and
    so does enter in the last field, or in the one ``SAVES_ON_ENTER`` names (enter in any other
    input moves to the next field)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            tooltip="Save and close (nothing is saved while a field shows an error)",
            id="form-save",
        ),
    ]

    # Escape asks before it drops what was typed; the quick dialogs (a when, a gist) do not.
    ASKS_BEFORE_DISCARDING: ClassVar[bool] = True
    # The id of an input that saves on enter wherever it is: the one a quick form opens on.
    SAVES_ON_ENTER: ClassVar[str | None] = None

    def __init__(self, heading: str) -> None:
        super().__init__(heading)
        self.tried = False
        self._as_opened: tuple[object, ...] | None = None

    def compose_dialog(self) -> ComposeResult:
        self.body = VerticalScroll(classes="dialog-body", can_focus=False)
        with self.body:
            yield from self.compose_fields()
        with Horizontal(classes="dialog-buttons"):
            yield Button("Save", variant="primary", id="save", compact=True)
            yield Button("Cancel", id="cancel", compact=True)

    @abstractmethod
    def compose_fields(self) -> ComposeResult: ...

    @abstractmethod
    def read(self, check: Checker) -> T | None:
        """The record the fields describe, or None with every problem filed in ``check``."""

    def update_fields(self) -> None:
        """Show, hide or re-read fields that depend on others; called before every check."""

    def compose_later(self) -> list[Widget]:
        """Parts mounted below the fields once the dialog has been drawn: a long form shows
        its first fields (and takes keys) in the time a short one takes, and the rest a frame
        later. Such a form gives its dialog a fixed height (forms.tcss), so nothing moves."""
        return []

    def on_mount(self) -> None:
        self.recheck()
        self._as_opened = self._typed()
        later = self.compose_later()
        if later:
            self.call_after_refresh(self._mount_later, later)

    async def _mount_later(self, later: list[Widget]) -> None:
        if self._dismissing:
            return
        await self.body.mount_all(later)
        self.recheck()
        # Mounted last, so their values come last in _typed's order; nobody has typed in them.
        opened = self._as_opened or ()
        self._as_opened = (*opened, *self._typed(within=later))

    def _typed(self, within: list[Widget] | None = None) -> tuple[object, ...]:
        """What the fields hold now, to tell whether anything was typed since the form opened
        (by attribute, so that no widget class is imported for it)."""
        held: list[object] = []
        widgets = [
            widget
            for root in (within or [self.body])
            for widget in root.query("Input, TextArea, Select, Checkbox, SelectionList")
        ]
        for widget in widgets:
            for name in ("text", "value", "selected"):
                if hasattr(widget, name):
                    value = getattr(widget, name)
                    held.append(tuple(value) if isinstance(value, list) else value)
                    break
        return tuple(held)

    def holds_typing(self) -> bool:
        """Whether closing the form now would lose something typed in it since it opened."""
        return (
            self.ASKS_BEFORE_DISCARDING
            and self._as_opened is not None
            and self._typed() != self._as_opened
        )

    def action_cancel(self) -> None:
        if not self.holds_typing():
            self.close(None)
            return
        from app.ui.forms.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.close(None)

        question = "Close this form and lose what you typed in it?"
        self.app.push_screen(ConfirmDialog(question, yes="Discard", no="Keep editing"), answered)

    def recheck(self) -> T | None:
        self.update_fields()
        check = Checker()
        fields = list(self.query(Field))
        # Before the form's own checks, so that a field says this first: typing cannot enter
        # a control character, but pasting can, into any field of any form.
        for field in fields:
            typed = getattr(field.control, "text", getattr(field.control, "value", None))
            if isinstance(typed, str) and not field.control.disabled:
                check.plain(field.key, typed)
        value = self.read(check)
        for field in fields:
            shown = self.tried or field.visited or field.has_class("-invalid")
            error = check.errors.get(field.key) if shown else None
            field.show(error, check.warnings.get(field.key))
        return value if check.ok else None

    def action_save(self) -> None:
        self.tried = True
        value = self.recheck()
        if value is not None:
            self.close(value)
            return
        first = next(iter(self.query(".field.-invalid").results(Field)), None)
        if first is not None:
            first.control.focus()

    # By the handlers' names rather than @on(Select.Changed) and the like: naming the classes
    # imported the text area, the lists and the radio set with the first dialog, used or not.
    @on(Input.Changed)
    def _field_changed(self) -> None:
        if not self._dismissing:
            self.recheck()

    def on_select_changed(self) -> None:
        self._field_changed()

    def on_checkbox_changed(self) -> None:
        self._field_changed()

    def on_radio_set_changed(self) -> None:
        self._field_changed()

    def on_selection_list_selected_changed(self) -> None:
        self._field_changed()

    def on_text_area_changed(self) -> None:
        self._field_changed()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        field = _field_of(event.widget)
        if field is not None and not self._dismissing:
            field.visited = True
            self.recheck()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        stops = [widget for widget in self.focus_chain if self.body in widget.ancestors]
        saves = self.SAVES_ON_ENTER is not None and event.input.id == self.SAVES_ON_ENTER
        if saves or (stops and event.input is stops[-1]):
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


def _field_of(widget: Widget) -> Field | None:
    for node in widget.ancestors_with_self:
        if isinstance(node, Field):
            return node
    return None


def _collect(app: App[Any]) -> None:
    # Textual still holds some of the dialog's widgets: let them go first.
    release_closed(app)
    if gc.isenabled():
        gc.collect()


class _StillBackground:
    """The screen behind a dialog as it was drawn (tinted) the first time at a size."""

    def __init__(self) -> None:
        self._drawn: list[Segment] = []
        self._key: tuple[object, ...] | None = None
        self._source: BackgroundScreen | None = None

    def of(self, background: BackgroundScreen) -> _StillBackground:
        self._source = background
        return self

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        source = self._source
        assert source is not None
        # The tint follows the theme, so a new theme draws it again.
        key = (options.max_width, options.height, source.color, id(source.screen))
        if key != self._key:
            self._drawn = list(_segments(source.__rich_console__(console, options)))
            self._key = key
        yield from self._drawn


def _segments(rendered: Iterable[Any]) -> Iterable[Segment]:
    return (segment for segment in rendered if isinstance(segment, Segment))

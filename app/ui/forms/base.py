"""The frame every dialog of the family shares, and the save/cancel rules of the forms.

A dialog returns what the user chose with ``dismiss`` and touches nothing else: the screen that
opened it saves the value. A form checks every field each time one changes; a field's error is
shown once it has been visited (or a save was tried), so a new form does not open in red.
"""

from __future__ import annotations

from abc import abstractmethod
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    RadioSet,
    Select,
    SelectionList,
    TextArea,
)

from app.ui.forms.checks import Checker
from app.ui.forms.field import Field

R = TypeVar("R")
T = TypeVar("T")

# Absolute, because a relative CSS_PATH is read beside the file of each subclass, wherever
# that subclass is written.
STYLESHEET = str(Path(__file__).with_name("forms.tcss"))


class Dialog(ModalScreen[R], Generic[R]):
    """A box in the middle of the screen, with a footer for its keys; escape returns None."""

    CSS_PATH: ClassVar[str | None] = STYLESHEET
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close this dialog without changing anything",
            id="form-cancel",
        ),
    ]

    def __init__(self, heading: str) -> None:
        super().__init__()
        self.heading = heading
        self._dismissing = False

    def compose(self) -> ComposeResult:
        box = Vertical(classes="dialog")
        # Headings name what the user typed ("Edit Acme [/] Ltd"): shown as typed.
        box.border_title = escape(self.heading)
        with box:
            yield from self.compose_dialog()
        yield Footer()

    @abstractmethod
    def compose_dialog(self) -> ComposeResult: ...

    def close(self, result: R | None) -> None:
        # A second key press before the screen has gone would pop the screen beneath it.
        if not self._dismissing:
            self._dismissing = True
            self.dismiss(result)

    def action_cancel(self) -> None:
        self.close(None)


class Form(Dialog[T | None], Generic[T]):
    """Fields in a scrolling body, Save and Cancel below; ctrl+s or the Save button saves, and
    so does enter in the last field (enter in any other input moves to the next field)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            tooltip="Save and close (nothing is saved while a field shows an error)",
            id="form-save",
        ),
    ]

    def __init__(self, heading: str) -> None:
        super().__init__(heading)
        self.tried = False

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

    def on_mount(self) -> None:
        self.recheck()

    def recheck(self) -> T | None:
        self.update_fields()
        check = Checker()
        value = self.read(check)
        for field in self.query(Field):
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

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(RadioSet.Changed)
    @on(SelectionList.SelectedChanged)
    @on(TextArea.Changed)
    def _field_changed(self) -> None:
        if not self._dismissing:
            self.recheck()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        field = _field_of(event.widget)
        if field is not None and not self._dismissing:
            field.visited = True
            self.recheck()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        stops = [widget for widget in self.focus_chain if self.body in widget.ancestors]
        if stops and event.input is stops[-1]:
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

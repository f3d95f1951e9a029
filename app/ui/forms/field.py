"""A labelled control with a line under it for what is wrong with it (or worth knowing)."""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Checkbox, Label, SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist


class Field(Vertical):
    """The label, the control and a short note on one row, and the message line below.

    ``key`` names the field in a form's ``Checker`` and is the control's id. A stacked field
    (a text area, a list) puts its label above the control instead of beside it.
    """

    def __init__(
        self,
        label: str,
        control: Widget,
        *,
        key: str,
        note: str = "",
        stacked: bool = False,
    ) -> None:
        super().__init__(id=f"{key}-field", classes="field")
        self.key = key
        self.control = control
        self.visited = False
        self.label = Label(label, classes="field-label", markup=False)
        self.note = Static(note, classes="field-note", markup=False)
        self.message = Static("", classes="field-message", markup=False)
        self.row: Horizontal | None = None
        self.set_class(stacked, "-stacked")
        self.set_class(bool(note), "-noted")

    def compose(self) -> ComposeResult:
        # The note and the message are mounted when they first have something to say: most
        # fields never show either, and a dialog opens in time proportional to its widgets.
        with Horizontal(classes="field-row") as self.row:
            yield self.label
            yield self.control
            if self.note.content:
                yield self.note
        if self.message.content:
            yield self.message

    # Textual restyles `:focus-within` only on nodes a rule of that kind targets, and these
    # rules target the label; a class on the field is always current.
    def on_descendant_focus(self) -> None:
        self.set_class(self.has_focus_within, "-focused")

    def on_descendant_blur(self) -> None:
        self.set_class(self.has_focus_within, "-focused")

    def show(self, error: str | None, warning: str | None = None) -> None:
        """An error stops the form saving; a warning is only advice. Both use the same line."""
        # A form shows every field again at each key typed: a Static updated, even to the same
        # text, lays the whole dialog out again.
        self._say(self.message, error or warning or "", self)
        self.set_class(error is not None, "-invalid")
        self.set_class(error is None and warning is not None, "-warned")
        self.control.set_class(error is not None, "-invalid")

    def show_note(self, text: str, *, doubtful: bool = False) -> None:
        self._say(self.note, text, self.row)
        self.set_class(bool(text), "-noted")
        self.set_class(doubtful, "-doubtful")

    def hide(self, hidden: bool) -> None:
        """A field that does not apply is out of sight and out of the tab order."""
        self.set_class(hidden, "-hidden")
        if self.control.disabled != hidden:
            self.control.disabled = hidden

    def on_mount(self) -> None:
        # What was said between composing the field and mounting it.
        if self.row is not None:
            self._say(self.note, str(self.note.content), self.row)
        self._say(self.message, str(self.message.content), self)

    def _say(self, line: Static, text: str, home: Widget | None) -> None:
        if str(line.content) != text:
            line.update(text)
        # Before the field is composed, its compose mounts the line; once mounted it stays.
        if text and line.parent is None and home is not None and home.is_attached:
            home.mount(line)


class Tick(Checkbox):
    """A checkbox that says whether it is ticked in words as well as colour, ``[x] done`` or
    ``[ ] done``: Textual's own draws the same block either way, told apart by colour alone,
    which some themes and terminals all but hide. The colours are in forms.tcss (``-on``)."""

    @property
    def _button(self) -> Content:
        mark = "x" if self.value else " "
        return Content.assemble("[", (mark, self.get_visual_style("toggle--button")), "]")


V = TypeVar("V")


class Ticks(SelectionList[V]):
    """A list of boxes that, like ``Tick``, says in words which are ticked: ``[x]`` or ``[ ]``
    where Textual's own draws the same block for both, told apart by colour alone."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) < 4:
            return strip
        # The first three cells are the drawn button, then a space in the line's own style.
        _, inner, _, space = segments[:4]
        mark = "x" if option.value in self.selected else " "
        segments[:3] = [
            Segment("[", space.style),
            Segment(mark, inner.style),
            Segment("]", space.style),
        ]
        return Strip(segments, strip.cell_length)

"""Which of several: a question and its answers, one to a line, `enter` to choose one. The
inbox asks it of a message that matches two interviews (SPEC section 11: proposed with both,
for the user to choose)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from app.ui.forms.base import Dialog


class ChooseDialog(Dialog[str | None]):
    """Returns the value of the answer chosen, None when closed with escape. ``answers`` are
    (value, label) pairs; labels are shown as written (they hold what the user typed)."""

    def __init__(self, heading: str, question: str, answers: Sequence[tuple[str, str]]) -> None:
        super().__init__(heading)
        self.question = question
        self.answers = list(answers)

    def compose_dialog(self) -> ComposeResult:
        yield Static(self.question, classes="dialog-question", markup=False)
        yield OptionList(
            *(Option(Text(label), id=f"answer-{n}") for n, (_, label) in enumerate(self.answers)),
            id="answers",
        )

    def on_mount(self) -> None:
        self.query_one("#answers", OptionList).focus()

    @on(OptionList.OptionSelected, "#answers")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.close(self.answers[event.option_index][0])

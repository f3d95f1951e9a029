"""The To and Subject lines above a draft, in a column as narrow as the review's at 80x24: an
address is broken after its "@" when it must be, never inside a name or a domain, and never
leaves a lone ">" on a line of its own."""

from __future__ import annotations

import pytest
from rich.console import Console

from app.ui.widgets.draft_view import fold, render_header

ADDRESS = "Sofia Marsh <sofia.marsh@harborlane.example>"


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        (60, [ADDRESS]),
        (28, ["Sofia Marsh <sofia.marsh@", "harborlane.example>"]),
        (20, ["Sofia Marsh", "<sofia.marsh@", "harborlane.example>"]),
    ],
)
def test_an_address_breaks_after_its_at_sign_only_when_it_must(width, lines):
    assert fold(ADDRESS, width) == lines


def test_a_subject_breaks_between_words():
    assert fold("Checking in – Product Analytics Lead", 24) == [
        "Checking in – Product",
        "Analytics Lead",
    ]


@pytest.mark.parametrize("width", range(24, 60))
def test_no_width_leaves_a_piece_of_an_address_alone(width):
    console = Console(width=width, record=True, color_system=None)
    console.print(render_header((("To", ADDRESS), ("Subject", "Checking in"))))
    shown = [line.rstrip() for line in console.export_text().splitlines()]
    values = [line[len("Subject: ") :].strip() for line in shown]
    assert ">" not in values and "mple>" not in values
    joined = "".join(value if value.endswith(("@", ".")) else value + " " for value in values)
    assert ADDRESS in joined, shown

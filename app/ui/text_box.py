"""A text area whose keys act in the order typed (see ``app.ui.keys_in_order``); a module of
its own, as the text area is imported only where a form has one."""

from __future__ import annotations

from textual.widgets import TextArea

from app.ui.keys_in_order import KeysInOrder


class TextBox(TextArea, KeysInOrder):
    """A text area whose keys act in the order typed."""

"""Keys typed faster than the screen answers them, kept in the order they were typed.

Textual's text widgets insert a typed character the moment its key arrives, but run a key
bound to an action (backspace, delete, the arrows, home, end) only once the key has passed up
to the app. In a burst of keys (a fast typist, a slow connection, keys sent by a script) the
letters typed after a backspace went in before it ran, and it then deleted them: "14:00", End,
five backspaces and "16:45" read "14:16". These widgets run their own bound keys as the keys
arrive, so that every key acts in turn.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input


class KeysInOrder(Widget):
    """Runs a key bound on this widget when it arrives (see the module). Mixed in after the
    widget's class, so that the widget keeps its own type for styles and queries (Textual takes
    them from the first base) and its own key handler runs first."""

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # the widget's own handler has inserted it
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                # Neither the widget's own handler nor the app is to see it again.
                event.stop()
                event.prevent_default()
                return


class TextInput(Input, KeysInOrder):
    """A one-line input whose keys act in the order typed."""

    def on_blur(self) -> None:
        # Left scrolled to its end, a long value reads as mistyped ("iya@globex.example"):
        # shown from its start once the cursor has moved on.
        self.scroll_to(x=0, animate=False)

"""The footer of keys: every fixed key of SPEC section 10, in as many rows as the width needs.

SPEC section 10 has the fixed keys "shown in the footer and on `?`". A screen's own bindings
give most of them; the keys its widgets own (moving, the next pane, opening) are given by the
screen as ``FOOTER_HINTS``. The keys are laid out in a grid of cells wide enough for the longest
label, in as many rows as that takes: one or two at 120 columns, three at 80.
"""

from __future__ import annotations

from math import ceil

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from app.ui.release import prune_watchers

# The widest label, "C Subject" or "m Combine", and a space after it.
CELL = 10

Hint = tuple[str, str, str]
"""A key a widget owns, for the footer: the key, as shown, and what it does."""


class KeysFooter(Footer):
    """A compact footer whose keys wrap into rows; Textual's own footer puts every key on one
    line, and sets its grid to that each time the keys change, so the rows are set after it."""

    DEFAULT_CSS = """
    KeysFooter {
        layout: grid;
        grid-size: 8;
        height: 1;
    }
    """

    def __init__(self, hints: tuple[Hint, ...] = ()) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self.hints = hints
        self._composed: object = None
        self._cells = 0

    def compose(self) -> ComposeResult:
        self._composed = self._keys_shown()
        cells = list(super().compose())
        if cells:
            # Clicked, each presses its key, as the others do.
            cells += [
                FooterKey(key, shown, description, "", tooltip=description).data_bind(
                    compact=Footer.compact
                )
                for key, shown, description in self.hints
            ]
        self._cells = len(cells)
        yield from cells
        self._lay_out(self.size.width or self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out(event.size.width)

    def _lay_out(self, width: int) -> None:
        columns = max(1, min(self._cells, width // CELL)) if self._cells else 1
        self.styles.grid_size_columns = columns
        self.styles.height = max(1, ceil(self._cells / columns))

    async def recompose(self) -> None:
        # Textual recomposes after every change of focus or of a key's state, most of which
        # leave the keys as they are: at the dashboard's start, fourteen times for two sets
        # of keys, some 7 ms each.
        if self._keys_shown() == self._composed:
            return
        await super().recompose()
        # The keys just replaced would otherwise live on as watchers of this footer.
        prune_watchers(self)

    def _keys_shown(self) -> object:
        """What ``compose`` draws the keys from."""
        if not self._bindings_ready or not self.is_attached:
            return None
        return tuple(
            (b.key, b.action, b.description, b.key_display, b.group, b.tooltip, enabled, tip)
            for (_, b, enabled, tip) in self.screen.active_bindings.values()
            if b.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Under a dialog the screen's keys are not the ones in use: drawn again then, the footer
        # would show them, or none, depending on when the dialog's first frame was drawn.
        if self.is_attached and self.screen is not self.app.screen:
            return
        super().bindings_changed(screen)


class OverFooter(Footer):
    """The keys of a screen opened over another (a dialog, the help): compact, as on the
    dashboard, so that they fit at 80 columns, and as tall as the footer it covers, which
    would otherwise show, around this one, keys that do not work while it is open.

    Textual's footer makes all its keys again each time the bindings may have changed: five
    times as a dialog opens (mounting, focus, the first check), each time removing and mounting
    every key. This one does so only when the keys to show have changed.
    """

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._shown: tuple[tuple[object, ...], ...] | None = None

    def on_mount(self) -> None:
        self._cover_below()

    def on_resize(self) -> None:
        # The footer below takes more rows at a narrower width: measured once it has them.
        self.call_after_refresh(self._cover_below)

    def _cover_below(self) -> None:
        stack = self.app.screen_stack
        place = stack.index(self.screen) if self.is_attached and self.screen in stack else 0
        if place > 0:
            below = stack[place - 1].query(Footer)
            rows = max([1, *(f.outer_size.height for f in below if f.display)])
            if self.styles.height is None or self.styles.height.value != rows:
                self.styles.height = rows

    async def recompose(self) -> None:
        # Asked for after a refresh, which may come once the dialog has closed.
        if not self.is_attached or self._pruning:
            return
        shown = self._keys()
        if shown != self._shown:
            self._shown = shown
            await super().recompose()

    def _keys(self) -> tuple[tuple[object, ...], ...]:
        return tuple(
            (key, binding.description, binding.action, binding.group, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show
        )

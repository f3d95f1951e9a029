"""The footer of keys, able to take two rows when one line cannot hold them all."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from app.ui.release import prune_watchers

KEYS_PER_ROW = 8


class KeysFooter(Footer):
    """A compact footer; a stylesheet that gives it ``layout: grid`` (and the height) puts its
    keys in rows of ``KEYS_PER_ROW``. Textual's own footer sets its grid to one row of every
    key each time the keys change, so the rows are set again after it."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._composed: object = None

    def compose(self) -> ComposeResult:
        self._composed = self._keys_shown()
        yield from super().compose()
        self.styles.grid_size_columns = KEYS_PER_ROW

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

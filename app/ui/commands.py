"""The command palette: every dashboard action by name, from the same bindings as the keys."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from app.ui.bindings import DASHBOARD


class DashboardCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        return [(_title(b), b.action, b.key_display or b.key) for b in DASHBOARD]

    async def discover(self) -> Hits:
        for title, action, key in self._commands():
            yield DiscoveryHit(title, partial(self._run, action), help=f"key: {key}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, key in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(title), partial(self._run, action), help=f"key: {key}"
                )

    async def _run(self, action: str) -> None:
        await self.screen.run_action(action)


def _title(binding: Binding) -> str:
    """The footer's word and what it does: "Snooze – put the selected action off", so that
    the word seen in the footer finds it."""
    words = binding.description
    said = binding.tooltip or words
    if not words.replace(" ", "").isalpha() or words.lower() in said.lower():
        return f"Dashboard: {said}"
    return f"Dashboard: {words} – {said[:1].lower()}{said[1:]}"

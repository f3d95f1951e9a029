"""What the employer asked for: how to reach them, and whether to at all (SPEC section 2)."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult

from app.domain.records import Channel, Preferences
from app.ui.forms.base import Form
from app.ui.forms.checks import CHANNEL_NAMES, Checker, read_channels
from app.ui.forms.field import Field, Tick
from app.ui.forms.when_field import WhenField
from app.ui.keys_in_order import TextInput


class PreferencesForm(Form[Preferences]):
    """Channels are typed in order of preference, separated by commas."""

    def __init__(self, preferences: Preferences, *, zone: str, now: datetime) -> None:
        super().__init__("Their preferences")
        self.preferences = preferences
        self.zone = zone
        self.now = now

    def compose_fields(self) -> ComposeResult:
        known = self.preferences
        self.channels = TextInput(
            ", ".join(channel.value for channel in known.channels),
            placeholder="e.g. email, linkedin (or phone, letter, text)",
            id="channels",
            compact=True,
            tooltip=f"In order of preference, separated by commas: {CHANNEL_NAMES}",
        )
        self.no_calls = Tick(
            "they asked not to be phoned", value=known.no_calls, id="no_calls", compact=True
        )
        self.no_follow_ups = Tick(
            "they asked for no follow-ups",
            value=known.no_follow_ups,
            id="no_follow_ups",
            compact=True,
        )
        before = known.no_contact_before
        self.no_contact_before = WhenField(
            "Not before",
            key="no_contact_before",
            now=self.now,
            zone=self.zone,
            value=before.isoformat() if before else "",
            placeholder="e.g. 2026-11-30 or next monday (empty: any time)",
            date_only=True,
        )
        yield Field("Channels", self.channels, key="channels")
        yield Field("No calls", self.no_calls, key="no_calls")
        yield Field("No follow-ups", self.no_follow_ups, key="no_follow_ups")
        yield self.no_contact_before

    def read(self, check: Checker) -> Preferences | None:
        channels, problem = read_channels(self.channels.value)
        if problem:
            check.fail("channels", problem)
        elif self.no_calls.value and Channel.PHONE in channels:
            check.warn("channels", "phone is listed, but they asked not to be phoned")
        before = self.no_contact_before.check(check)
        if not check.ok:
            return None
        return Preferences(
            channels=channels,
            no_calls=self.no_calls.value,
            no_follow_ups=self.no_follow_ups.value,
            no_contact_before=before.date() if before else None,
        )

"""What every command gets: the database, "now", the machine's zone and where to print.

Everything here is computed on first use, so a command pays only for what it needs: ``export``
never reads the clock, and a ``--at`` with an offset never opens the database.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.domain.interchange import is_zone, zone
from app.domain.text import printable
from app.domain.times import YEARS, in_years, wall_time, zone_info
from app.errors import UserError

if TYPE_CHECKING:
    import pendulum

    from app.services.records import Records

FALLBACK_ZONE = "UTC"


class Context:
    # A plain class rather than a dataclass: importing dataclasses costs every command some
    # 5 ms at its start, and nothing here needs what it gives.
    def __init__(
        self,
        *,
        db_path: Path,
        at: datetime | None,
        out: TextIO,
        err: TextIO,
        at_phrase: str | None = None,
    ) -> None:
        self.db_path = db_path
        self.at = at
        """``--at`` as given: aware, or naive to be read in the profile's zone."""
        self.out = out
        self.err = err
        self.warnings: list[str] = []
        """Every warning said so far, for the dashboard to show: it hides the terminal's
        stderr."""
        self.at_phrase = at_phrase
        """``--at`` as a phrase ("yesterday 17:00"), for a command that dates what happened."""

    @cached_property
    def records(self) -> Records:
        from app.services.records import Records

        return Records(self.db_path, default_zone=self.local_zone)

    @cached_property
    def local_zone(self) -> str:
        zone, problem = machine_zone()
        if problem:
            self.warn(f"{problem}; times are read in {zone}")
        return zone

    @cached_property
    def moment(self) -> datetime:
        """``now`` as a standard ``datetime``: the same instant, for a command that needs no
        pendulum (importing it costs a start some 12 ms). The clock is read here, once."""
        if self.at is None and self.at_phrase is None:
            return datetime.now(zone_info(self.local_zone))
        if self.at is not None and self.at.tzinfo is not None:
            return self.at
        return self.now

    @cached_property
    def now(self) -> pendulum.DateTime:
        """``--at``, else the clock, read once so that a whole command sees one instant."""
        import pendulum

        if self.at_phrase is not None:
            return self._happened_at(self.at_phrase)
        if self.at is None:
            return pendulum.instance(self.moment.astimezone(UTC)).in_timezone(self.local_zone)
        if self.at.tzinfo is not None:
            return pendulum.instance(self.at)
        # Read by pendulum's rule, as every typed or imported time is (SPEC section 3): a wall
        # time that happens twice is the later, a skipped one moves forward. Then through UTC:
        # pendulum's instance() moves a wall time that falls in a DST gap to another instant.
        local = wall_time(self.at, zone(self.home_zone))
        return pendulum.instance(local.astimezone(UTC)).in_timezone(self.home_zone)

    def _happened_at(self, phrase: str) -> pendulum.DateTime:
        """A phrase read on the real clock in the user's zone. Unlike an ISO ``--at``, which
        replays another moment and may be any time, it dates an event, so it is never later
        than the clock."""
        import pendulum

        from app.when import WhenError, parse_when
        from app.when.describe import to_the_minute

        zone = self.home_zone
        clock = pendulum.now(zone)
        try:
            at = parse_when(phrase, clock, zone)
        except WhenError as problem:
            raise UserError(f"--at: {problem}") from None
        if at > clock:
            raise UserError(
                f"--at: {shown(phrase)} is {to_the_minute(at)}, in the future; "
                "an event is dated when it happened"
            )
        return at

    @cached_property
    def home_zone(self) -> str:
        """The profile's zone, else the machine's: where a bare date-time is read."""
        return self.records.load_profile().timezone or self.local_zone

    def say(self, line: str) -> None:
        # Lines quote paths and text as typed: their control characters are shown as escapes,
        # never sent to the terminal (as every error line is).
        self.out.write(printable(line) + "\n")

    def warn(self, line: str) -> None:
        self.warnings.append(line)
        self.err.write(f"followup: warning: {printable(line)}\n")


SHOWN_LENGTH = 60
"""Enough to recognise what was typed; a paragraph pasted by mistake must not fill the
terminal with one error line."""


def shown(text: str) -> str:
    """What the user typed, quoted for a one-line message and cut to ``SHOWN_LENGTH``."""
    if len(text) > SHOWN_LENGTH:
        text = text[: SHOWN_LENGTH - 1] + "…"
    return repr(text)


def parse_at(text: str | None) -> datetime | None:
    """Check ``--at`` before anything runs; its zone, if it has none, is settled later."""
    if text is None:
        return None
    at = _iso(text)
    if at is None:
        raise UserError(
            f"--at: not an ISO 8601 date-time: {shown(text)} "
            "(e.g. 2026-11-20T09:00 or 2026-11-20T09:00:00+00:00)"
        )
    return at


def parse_event_at(text: str | None) -> tuple[datetime | None, str | None]:
    """``--at`` of a command that records an event: an ISO 8601 date-time as ``parse_at``
    reads it, else a phrase ("yesterday 17:00"), read later against the clock."""
    if text is None:
        return None, None
    at = _iso(text)
    return (at, None) if at is not None else (None, text)


def _iso(text: str) -> datetime | None:
    try:
        at = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if not in_years(at):
        raise UserError(f"--at: not a date-time {YEARS}: {shown(text)}")
    return at


def machine_zone() -> tuple[str, str | None]:
    """The zone that ``TZ`` names, else the system's; UTC and why where neither is known.

    A ``TZ`` that names no zone means UTC, as it does to the C library, and is said: the user
    set it, so a typo must not pass unseen (pendulum quietly falls back to the system's zone).
    """
    value = os.environ.get("TZ")
    if value is not None:
        return _zone_of_tz(value)
    from app.commands.system_zone import system_zone

    found = system_zone()
    if found is not None:
        return found, None
    from pendulum.tz import get_local_timezone

    try:
        name = get_local_timezone().name
    except Exception as err:  # pendulum raises several kinds when the system has no zone
        return FALLBACK_ZONE, f"cannot tell this machine's time zone ({err})"
    if not is_zone(name):
        return FALLBACK_ZONE, f"this machine's time zone {name!r} is not an IANA name"
    return name, None


def _zone_of_tz(value: str) -> tuple[str, str | None]:
    # POSIX: a leading colon leaves the rest to the system, which reads a zone name or the
    # path of a zone file (":/usr/share/zoneinfo/Europe/Paris").
    name = value.removeprefix(":")
    if is_zone(name):
        return name, None
    if os.path.isabs(name) and os.path.isfile(name):
        under_zoneinfo = os.path.realpath(name).rpartition("zoneinfo/")[2]
        if is_zone(under_zoneinfo):
            return under_zoneinfo, None
    if not name.strip():
        return FALLBACK_ZONE, "TZ is set but empty"
    return FALLBACK_ZONE, f"TZ={value!r} is not a time zone"

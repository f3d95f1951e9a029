"""One rule for a wall-clock time that a DST change repeats or skips, whichever way it comes in
(SPEC section 3: pendulum's): a repeated time is the later of the two, a skipped one moves
forward by the gap."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pendulum
import pytest

from app.commands.context import Context, parse_at, parse_event_at
from app.domain.interchange.zones import parse_moment, zone
from app.when import parse_when

LONDON = "Europe/London"
# The autumn night 01:30 happens twice (BST, then GMT); the spring night it never happens.
CASES = {
    "2026-10-25 01:30": "2026-10-25T01:30:00+00:00",
    "2026-03-29 01:30": "2026-03-29T02:30:00+01:00",
}


@pytest.mark.parametrize("typed", sorted(CASES))
def test_pendulum_reads_them_so(typed: str) -> None:
    day, clock = typed.split()
    naive = datetime.fromisoformat(f"{day}T{clock}")
    moment = pendulum.datetime(
        naive.year, naive.month, naive.day, naive.hour, naive.minute, tz=LONDON
    )
    assert moment.isoformat() == CASES[typed]


def _context(tmp_path: Path, at: datetime | None, phrase: str | None = None) -> Context:
    return Context(
        db_path=tmp_path / "db.json", at=at, out=sys.stdout, err=sys.stderr, at_phrase=phrase
    )


@pytest.mark.parametrize("typed", sorted(CASES))
def test_at_of_any_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    monkeypatch.setenv("TZ", LONDON)
    assert _context(tmp_path, parse_at(typed)).now.isoformat() == CASES[typed]
    assert _context(tmp_path, parse_at(typed.replace(" ", "T"))).now.isoformat() == CASES[typed]


@pytest.mark.parametrize("typed", sorted(CASES))
def test_at_of_a_command_that_records_an_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    monkeypatch.setenv("TZ", LONDON)
    at, phrase = parse_event_at(typed)
    assert phrase is None
    assert _context(tmp_path, at).now.isoformat() == CASES[typed]


@pytest.mark.parametrize("typed", sorted(CASES))
def test_a_bare_time_in_an_imported_file(typed: str) -> None:
    moment = parse_moment(typed.replace(" ", "T"), zone(LONDON))
    assert moment is not None and moment.isoformat() == CASES[typed]


@pytest.mark.parametrize("typed", sorted(CASES))
def test_until_and_the_forms(typed: str) -> None:
    now = pendulum.datetime(2026, 12, 1, tz="UTC")
    assert parse_when(typed, now, LONDON).isoformat() == CASES[typed]


def test_every_way_in_agrees_on_the_instant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", LONDON)
    typed = "2026-10-25 01:30"
    now = pendulum.datetime(2026, 12, 1, tz="UTC")
    ways = {
        _context(tmp_path, parse_at(typed)).now,
        parse_moment(typed.replace(" ", "T"), zone(LONDON)),
        parse_when(typed, now, LONDON),
    }
    assert {way.timestamp() for way in ways if way is not None} == {
        pendulum.datetime(2026, 10, 25, 1, 30, tz="UTC").timestamp()
    }

"""How the waiting-on-them and stats views look, on the demo data at a fixed time, at the usual
size and on a small terminal (``pytest --snapshot-update`` accepts a change once it is checked)."""

from __future__ import annotations

SIZE = (120, 36)
SMALL = (80, 24)


def test_waiting_view(snap_compare, make):
    assert snap_compare(make(), terminal_size=SIZE, press=["w", "_"])


def test_waiting_view_small(snap_compare, make):
    assert snap_compare(make(), terminal_size=SMALL, press=["w", "_"])


def test_stats_view(snap_compare, make):
    assert snap_compare(make(), terminal_size=(120, 40), press=["t", "_"])


def test_stats_view_small(snap_compare, make):
    assert snap_compare(make(), terminal_size=SMALL, press=["t", "_"])

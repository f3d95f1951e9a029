"""The insights are worked out like the engine: no interface, no storage, and the same answer
for the same history and the same ``now``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.insights import compute_stats
from app.insights.answers import answer_times
from app.insights.funnel import funnel
from app.insights.replies import reply_rates
from app.insights.weekly import sent_per_week
from tests.insights.helpers import at, interview, reply, round_, sent

ROOT = Path(__file__).resolve().parents[2]


def test_the_insights_import_neither_textual_nor_tinydb():
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "app" / "insights").glob("*.py")
    )
    assert "app.insights.waiting" in modules and "app.insights.stats" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_stats_gather_each_part():
    acme = interview(
        rounds=[round_("r1", "2026-11-09T10:00")],
        events=[sent("2026-11-09T15:00", "thank_you"), reply("2026-11-11T10:00")],
    )
    now = at("2026-11-20T10:00")
    stats = compute_stats([acme], now, weeks=4)
    assert stats.answers == tuple(answer_times([acme], now))
    assert stats.answers[0].latest.days == 2
    assert stats.replies == tuple(reply_rates([acme], now))
    assert stats.replies[0].answered == 1
    assert stats.weeks == tuple(sent_per_week([acme], now, 4))
    assert [w.sent for w in stats.weeks] == [0, 0, 1, 0]
    assert stats.funnel == tuple(funnel([acme], now))
    assert stats.outcomes == ()

"""The stats view, driven from the keyboard: `t` opens it, and it shows the numbers of a small
pipeline worked out by hand; escape goes back to the board."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Sparkline

from app.domain.interchange import Pipeline
from app.insights.answers import answer_times
from app.insights.weekly import WeekCount
from app.store.repository import Repository
from app.ui.screens.dashboard import DashboardScreen
from app.ui.screens.help import HelpScreen
from app.ui.screens.stats import StatsScreen, answer_bars, week_chart
from app.ui.widgets.charts import EIGHTHS, FULL, LIMIT, BarChart
from tests.insights.helpers import at, interview, reply, round_, sent, stage
from tests.ui.conftest import ZONE

SIZE = (120, 40)


def small_pipeline(tmp_path: Path) -> Path:
    """Three interviews, read on Fri 20 Nov 2026 at 10:00 (the fixtures' now)."""
    acme = interview(
        "acme",
        stage="next_round",
        rounds=[round_("r1", "2026-11-09T10:00")],
        decision_by="2026-11-13",
        events=[
            stage("2026-11-09T12:00", "scheduled", "interviewed"),
            sent("2026-11-09T15:00", "thank_you"),
            stage("2026-11-09T16:00", "interviewed", "waiting"),
            sent("2026-11-16T10:00", "check_in"),
            reply("2026-11-17T09:00"),
            stage("2026-11-17T10:00", "waiting", "next_round"),
        ],
    )
    beta = interview(
        "beta",
        rounds=[round_("r1", "2026-11-11T14:00")],
        decision_by="2026-11-23",
        events=[
            stage("2026-11-11T16:00", "interviewed", "waiting"),
            sent("2026-11-11T17:00", "thank_you"),
        ],
    )
    gamma = interview(
        "gamma",
        stage="closed",
        outcome="rejected",
        rounds=[round_("r1", "2026-11-03T10:00")],
        events=[
            sent("2026-11-03T14:00", "thank_you"),
            stage("2026-11-06T10:00", "interviewed", "closed"),
        ],
    )
    path = tmp_path / "small.json"
    Repository(path, default_zone=ZONE).import_pipeline(
        Pipeline(interviews=(acme, beta, gamma)), replace=False
    )
    return path


def chart_lines(app, selector: str) -> list[str]:
    """The words of each line of a chart, without its bars."""
    chart = app.screen.query_one(selector, BarChart)
    drawn = set(FULL + EIGHTHS + LIMIT)
    return [
        " ".join(w for w in chart.render_line(y).text.split() if not set(w) <= drawn)
        for y in range(len(chart.bars))
    ]


def bar_cells(chart: BarChart, y: int, tone: str) -> list[int]:
    """Where line ``y`` draws cells in the colour of ``tone``."""
    colour = chart.get_component_rich_style(f"bars--{tone}", partial=True).color
    cells, x = [], 0
    for segment in chart.render_line(y):
        if segment.style is not None and segment.style.color == colour and segment.text.strip():
            cells.extend(range(x, x + len(segment.text)))
        x += len(segment.text)
    return cells


async def test_t_opens_the_stats_and_escape_goes_back(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, StatsScreen)
        # The demo's thank-yous: 19 sent, 9 of them followed by a reply before anything else
        # (Brightwater's and Harbor Lane's first rounds, Marlow & Pike's, Oakline's and
        # Silverline's last), or before anything sent more than a day later (two whose
        # invitation to connect went the next morning, and shares their reply).
        assert any(
            line.startswith("thank-you") and line.endswith("9 of 19 · 47%")
            for line in chart_lines(app, "#replies")
        )
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("t", "t")  # the key that opens the view closes it too
        assert isinstance(app.screen, DashboardScreen)


async def test_the_answers_of_a_small_pipeline_against_their_dates(make, tmp_path):
    app = make(small_pipeline(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        # Acme: the round ended Mon 9 Nov, they said Fri 13 Nov (4 days), replied Tue 17 Nov.
        # Beta: the round ended Wed 11 Nov, they said Mon 23 Nov (12 days); 9 days so far.
        # Gamma closed with no reply: nobody is waiting on it.
        assert chart_lines(app, "#answers") == [
            "Acme answered in 8 d · said 4 d · 4 d late",
            "Beta waiting 9 d · said 12 d",
        ]
        chart = app.screen.query_one("#answers", BarChart)
        on_time, late = bar_cells(chart, 0, "done"), bar_cells(chart, 0, "over")
        assert on_time and late and max(on_time) < min(late)
        # Four days on time and four late, on a scale of twelve: the two parts match.
        assert abs(len(on_time) - len(late)) <= 1
        assert bar_cells(chart, 1, "over") == []
        waiting = bar_cells(chart, 1, "open")
        mark = chart.render_line(1).text.index(LIMIT)
        assert waiting and mark > max(waiting)
        legend = chart.render_line(len(chart.bars) + 1).text
        assert "answered" in legend and "still waiting" in legend and "past their date" in legend


async def test_replies_weeks_and_stages_of_a_small_pipeline(make, tmp_path):
    app = make(small_pipeline(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        # Acme's thank-you was followed by a check-in before the reply, which went to the
        # check-in; Beta's is nine days old with no answer; Gamma closed unanswered.
        assert chart_lines(app, "#replies") == ["thank-you 0 of 3 · 0%", "check-in 1 of 1 · 100%"]
        replies = app.screen.query_one("#replies", BarChart)
        assert bar_cells(replies, 0, "done") == []
        assert len(bar_cells(replies, 1, "done")) > 10  # the full width: 100%
        sends = app.screen.query_one(Sparkline).data
        assert list(sends) == [0.0] * 9 + [1.0, 2.0, 1.0]
        summary = str(app.screen.query_one("#weeks-summary").render())
        assert summary == "4 sent in 12 weeks · this week 1 · busiest: week of 9 Nov (2)"
        assert str(app.screen.query_one("#weeks-first").render()) == "week of 31 Aug"
        assert chart_lines(app, "#funnel") == [
            "Scheduled 3",
            "Interviewed 3 · 100%",
            "Waiting 2 · 67%",
            "Next round 1 · 50%",
            "References 0 · 0%",
            "Offer 0",
        ]
        note = str(app.screen.query_one("#funnel-note").render())
        assert note.endswith("Closed: 1 rejected")


async def test_the_footer_and_the_help_name_both_views(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        bindings = app.screen.active_bindings
        assert (bindings["w"].binding.action, bindings["w"].binding.show) == ("waiting", True)
        assert (bindings["t"].binding.action, bindings["t"].binding.show) == ("stats", True)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        helped = {b.key: b.tooltip for b in app.screen.bindings}
        assert helped["w"].startswith("Waiting on them:")
        assert helped["t"].startswith("Stats:")


def weeks_of(*sent: int) -> tuple[WeekCount, ...]:
    """Consecutive weeks, the last starting on Mon 23 Nov 2026."""
    last = date(2026, 11, 23)
    return tuple(
        WeekCount(last - timedelta(weeks=len(sent) - 1 - n), count) for n, count in enumerate(sent)
    )


def test_the_busiest_week_says_a_tie():
    def summary(*sent: int) -> str:
        return week_chart(weeks_of(*sent))[3]

    assert summary(1, 4, 6, 2) == ("13 sent in 4 weeks · this week 2 · busiest: week of 16 Nov (6)")
    assert summary(0, 3, 6, 6) == (
        "15 sent in 4 weeks · this week 6 · busiest: weeks of 16 Nov and 23 Nov (6 each)"
    )
    assert summary(6, 0, 6, 1) == (
        "13 sent in 4 weeks · this week 1 · busiest: weeks of 2 Nov and 16 Nov (6 each)"
    )
    assert summary(2, 2, 1, 2) == (
        "7 sent in 4 weeks · this week 2 · busiest: 3 weeks tied (2 each), the latest 23 Nov"
    )
    assert summary(0, 0, 0) == "0 sent in 3 weeks · this week 0"


def test_a_kept_promise_of_theirs_has_a_bar_that_names_it():
    take_home = {
        "id": "p1",
        "what": "Send the take-home exercise and its brief",
        "due": "2026-11-18T17:00",
        "done_at": "2026-11-19T09:00",
        "created": "2026-11-16T12:00",
        "by": "them",
    }
    acme = interview(
        rounds=[round_("r1", "2026-11-09T10:00")],
        events=[reply("2026-11-16T12:00")],
        promises=[take_home],
    )
    # A promise made before the first round: the company's first bar is the promise's.
    early = {**take_home, "created": "2026-11-02T12:00", "due": "2026-11-04T17:00"}
    early["done_at"] = "2026-11-04T09:00"
    beta = interview("beta", rounds=[round_("r1", "2026-11-09T10:00")], promises=[early])
    bars = answer_bars(tuple(answer_times([acme, beta], at("2026-11-20T10:00"))))
    assert [(b.label, b.text) for b in bars] == [
        ("Acme", "answered in 7 d"),
        ("  Send the take-home exercise and its brief", "kept in 3 d · said 2 d · 1 d late"),
        ("Beta", "kept in 2 d · said 2 d · on time · Send the take-home exer…"),
        ("", "waiting 11 d"),
    ]
    assert (bars[1].value, bars[1].limit, bars[1].tone) == (3.0, 2.0, "done")

"""The stats view: how long employers took to answer against the date they gave, how often each
kind of follow-up got a reply, the messages sent each week, and how far interviews got, drawn as
charts. The numbers come worked out (app.insights); this screen only says them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label

from app.domain.kinds import ACTION_LABELS
from app.engine.describe import moment
from app.insights import Stats
from app.insights.answers import CompanyAnswers, Wait
from app.insights.funnel import OutcomeCount, StageCount
from app.insights.replies import ReplyRate
from app.insights.weekly import WeekCount
from app.ui.format import stage_title
from app.ui.widgets.charts import Bar, BarChart, WeekChart

HERE = Path(__file__).parent
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ANSWER_LEGEND = (
    ("done", "answered"),
    ("open", "still waiting"),
    ("over", "past their date"),
    ("limit", "the date they gave"),
)
# A promise named after a bar's numbers is cut to this: the text column is as wide as the
# longest text, so a long one would shorten every bar.
PROMISE_MAX = 24


class StatsScreen(Screen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        HERE / "stats.tcss",
        HERE.parent / "widgets" / "insights.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,t", "back", "Board", id="stats-close", tooltip="Back to the board"),
    ]
    # Narrower than 100 cells the two middle charts stack. (Textual types it as an instance
    # attribute, so it cannot be a ClassVar here.)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012

    def __init__(self, stats: Stats, now: datetime) -> None:
        super().__init__()
        self.stats = stats
        self.now = now

    def compose(self) -> ComposeResult:
        yield Label(f"Stats · {moment(self.now)}", id="stats-title")
        with VerticalScroll(id="stats-body"):
            with Vertical(id="answers-box", classes="section") as box:
                box.border_title = "How long they took to answer, against the date they gave"
                yield BarChart(id="answers")
                yield Label("", id="answers-note", classes="note", markup=False)
            with Horizontal(id="stats-middle"):
                with Vertical(id="replies-box", classes="section") as box:
                    box.border_title = "Replies by kind of follow-up"
                    yield BarChart(id="replies")
                    yield Label("", id="replies-note", classes="note", markup=False)
                with Vertical(id="funnel-box", classes="section") as box:
                    box.border_title = "How far interviews got"
                    yield BarChart(id="funnel")
                    yield Label("", id="funnel-note", classes="note", markup=False)
            with Vertical(id="weeks-box", classes="section") as box:
                box.border_title = "Follow-ups sent per week"
                yield WeekChart(id="weeks")
        yield Footer()

    def on_mount(self) -> None:
        stats = self.stats
        answers = self.query_one("#answers", BarChart)
        answers.bars = answer_bars(stats.answers)
        answers.legend = ANSWER_LEGEND if stats.answers else ()
        self._note("#answers-note", "" if stats.answers else "No round has ended yet.")
        replies = self.query_one("#replies", BarChart)
        replies.scale = 100.0
        replies.bars = tuple(reply_bar(rate) for rate in stats.replies)
        self._note(
            "#replies-note",
            "Answered: the reply came before anything else was sent or held."
            if stats.replies
            else "Nothing sent yet.",
        )
        self.query_one("#funnel", BarChart).bars = tuple(funnel_bar(s) for s in stats.funnel)
        self._note("#funnel-note", outcomes_line(stats.outcomes))
        self.query_one(WeekChart).show(*week_chart(stats.weeks))
        self.query_one("#stats-body").focus()

    def _note(self, selector: str, text: str) -> None:
        note = self.query_one(selector, Label)
        note.update(text)
        note.display = bool(text)

    def action_back(self) -> None:
        self.dismiss(None)


def answer_bars(companies: tuple[CompanyAnswers, ...]) -> tuple[Bar, ...]:
    """A bar for each wait, the company named on its first: oldest first within a company. A
    promise of theirs is named on its own bar, indented under the company; on the company's
    first bar, after its numbers."""
    bars: list[Bar] = []
    for company in companies:
        for index, wait in enumerate(company.waits):
            text = wait_text(wait)
            label = company.company if index == 0 else ""
            if wait.promise and index == 0:
                text += f" · {_cut(wait.promise, PROMISE_MAX)}"
            elif wait.promise:
                label = f"  {wait.promise}"
            bars.append(
                Bar(
                    label=label,
                    value=float(wait.days),
                    text=text,
                    limit=None if wait.said_days is None else float(wait.said_days),
                    tone="open" if wait.waiting else "done",
                )
            )
    return tuple(bars)


def wait_text(wait: Wait) -> str:
    """``answered in 12 d · said 7 d · 5 d late``, ``waiting 4 d · said 10 d``; a promise of
    theirs is ``kept``: ``kept in 3 d · said 2 d · 1 d late``."""
    verb = "kept" if wait.promise else "answered"
    if wait.waiting:
        text = f"waiting {wait.days} d"
    else:
        text = f"{verb} same day" if wait.days == 0 else f"{verb} in {wait.days} d"
    if wait.said_days is None or wait.late_days is None:
        return text
    text += f" · said {wait.said_days} d"
    if wait.late_days > 0:
        return f"{text} · {wait.late_days} d late"
    return text if wait.waiting else f"{text} · on time"


def reply_bar(rate: ReplyRate) -> Bar:
    label = ACTION_LABELS[rate.kind]
    if rate.rate is None:
        return Bar(label, 0.0, f"{rate.sent} sent, too recent to tell")
    text = f"{rate.answered} of {rate.settled} · {round(rate.rate * 100)}%"
    if rate.too_recent:
        text += f" · {rate.too_recent} too recent"
    return Bar(label, rate.rate * 100, text)


def funnel_bar(step: StageCount) -> Bar:
    text = str(step.reached)
    if step.of_previous is not None:
        text += f" · {round(step.of_previous * 100)}%"
    return Bar(stage_title(step.stage.value), float(step.reached), text)


def outcomes_line(outcomes: tuple[OutcomeCount, ...]) -> str:
    if not outcomes:
        return "% = share of the stage above. None closed yet."
    parts = [
        f"{o.count} {o.outcome.value.replace('_', ' ') if o.outcome else 'no outcome'}"
        for o in outcomes
    ]
    return "% = share of the stage above. Closed: " + " · ".join(parts)


def week_chart(weeks: tuple[WeekCount, ...]) -> tuple[list[int], str, str, str]:
    """The counts, the first week's label, the last's, and a line that sums them up."""
    counts = [w.sent for w in weeks]
    if not weeks:
        return counts, "", "", "No weeks to show."
    summary = f"{sum(counts)} sent in {len(weeks)} weeks · this week {weeks[-1].sent}"
    busiest = busiest_line(weeks)
    if busiest:
        summary += f" · {busiest}"
    return counts, f"week of {_short(weeks[0].starts)}", "this week", summary


def busiest_line(weeks: tuple[WeekCount, ...]) -> str:
    """``busiest: week of 23 Nov (6)``; a tie is said, so that no week of as many hides behind
    another: ``busiest: weeks of 16 Nov and 23 Nov (6 each)``, ``busiest: 3 weeks tied (2
    each), the latest 23 Nov``."""
    most = max((w.sent for w in weeks), default=0)
    if not most:
        return ""
    tied = sorted(w.starts for w in weeks if w.sent == most)
    if len(tied) == 1:
        return f"busiest: week of {_short(tied[0])} ({most})"
    if len(tied) == 2:
        return f"busiest: weeks of {_short(tied[0])} and {_short(tied[1])} ({most} each)"
    return f"busiest: {len(tied)} weeks tied ({most} each), the latest {_short(tied[-1])}"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _short(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"

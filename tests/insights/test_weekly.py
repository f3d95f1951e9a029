"""Messages sent per week: Monday to Sunday, on each interview's clock, ending this week."""

from __future__ import annotations

from datetime import date

from app.insights.weekly import sent_per_week
from tests.insights.helpers import at, interview, sent

NOW = at("2026-11-20T10:00")  # a Friday; its week began on Monday 16 Nov


def test_the_weeks_end_with_the_current_one_oldest_first():
    weeks = sent_per_week([], NOW, 3)
    assert [w.starts for w in weeks] == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    assert [w.sent for w in weeks] == [0, 0, 0]


def test_each_message_counts_in_the_week_of_its_day():
    acme = interview(
        events=[
            sent("2026-11-02T09:00", "thank_you"),  # Monday: the first week
            sent("2026-11-15T23:30", "check_in"),  # Sunday night: the second week
            sent("2026-11-16T00:10", "value_add"),  # Monday just after midnight: this week
            sent("2026-11-20T09:00", "keep_promise"),  # this morning
        ]
    )
    assert [w.sent for w in sent_per_week([acme], NOW, 3)] == [1, 1, 2]


def test_a_week_is_read_on_the_interview_clock():
    # 03:00 on Monday in London is still Sunday evening in Toronto.
    toronto = interview(
        timezone="America/Toronto", events=[sent("2026-11-16T03:00+00:00", "check_in")]
    )
    london = interview("near", events=[sent("2026-11-16T03:00+00:00", "check_in")])
    assert [w.sent for w in sent_per_week([toronto], NOW, 2)] == [1, 0]
    assert [w.sent for w in sent_per_week([london], NOW, 2)] == [0, 1]


def test_only_messages_sent_by_now_and_inside_the_weeks_count():
    acme = interview(
        events=[
            sent("2026-10-30T10:00", "thank_you"),  # before the first week
            sent("2026-11-17T10:00", "prepare"),  # not a message
            sent("2026-11-17T11:00", "move_on"),  # not a message
            {"at": "2026-11-17T12:00", "kind": "reply"},
            {"at": "2026-11-17T13:00", "kind": "skip", "action": "check_in"},
            sent("2026-11-20T09:59", "connect", channel="linkedin"),
            sent("2026-11-20T10:01", "nurture"),  # after now
        ]
    )
    assert [w.sent for w in sent_per_week([acme], NOW, 3)] == [0, 0, 1]

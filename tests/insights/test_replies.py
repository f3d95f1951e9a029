"""How often each kind of follow-up got a reply, by the rule the module documents."""

from __future__ import annotations

from app.domain.records import ActionKind
from app.insights.replies import ReplyRate, reply_rates
from tests.insights.helpers import at, interview, reply, round_, sent

NOW = at("2026-11-30T10:00")


def rates(*interviews) -> dict[ActionKind, ReplyRate]:
    return {r.kind: r for r in reply_rates(interviews, NOW)}


def test_thank_yous_to_a_panel_share_the_reply_that_follows_them():
    acme = interview(
        events=[
            sent("2026-11-02T17:00", "thank_you", contact="jane"),
            sent("2026-11-02T17:10", "thank_you", contact="tom"),
            reply("2026-11-04T09:00"),
        ]
    )
    assert rates(acme)[ActionKind.THANK_YOU] == ReplyRate(ActionKind.THANK_YOU, 2, 2, 0)


def test_the_reply_goes_to_the_latest_follow_up_of_another_kind():
    acme = interview(
        events=[
            sent("2026-11-02T10:00", "check_in"),
            sent("2026-11-09T10:00", "value_add"),
            reply("2026-11-10T09:00"),
        ]
    )
    found = rates(acme)
    assert (found[ActionKind.CHECK_IN].sent, found[ActionKind.CHECK_IN].answered) == (1, 0)
    assert (found[ActionKind.VALUE_ADD].sent, found[ActionKind.VALUE_ADD].answered) == (1, 1)
    assert found[ActionKind.CHECK_IN].rate == 0.0
    assert found[ActionKind.VALUE_ADD].rate == 1.0


def test_messages_of_two_kinds_sent_within_a_day_share_the_reply_or_the_wait():
    # A thank-you, and the promise kept an hour later: neither is unanswered because of the
    # other, and both are too recent to tell until the week is out.
    waiting = interview(
        "waiting",
        events=[
            sent("2026-11-29T16:00", "thank_you"),
            sent("2026-11-29T17:00", "keep_promise"),
        ],
    )
    found = rates(waiting)
    assert found[ActionKind.THANK_YOU] == ReplyRate(ActionKind.THANK_YOU, 1, 0, 1)
    assert found[ActionKind.KEEP_PROMISE] == ReplyRate(ActionKind.KEEP_PROMISE, 1, 0, 1)
    answered = interview(
        "answered",
        events=[
            sent("2026-11-02T16:00", "thank_you"),
            sent("2026-11-02T17:00", "keep_promise"),
            reply("2026-11-04T09:00"),
        ],
    )
    found = rates(answered)
    assert found[ActionKind.THANK_YOU].answered == found[ActionKind.KEEP_PROMISE].answered == 1


def test_the_same_kind_sent_again_days_later_is_a_new_follow_up():
    acme = interview(
        events=[
            sent("2026-11-02T10:00", "check_in"),
            sent("2026-11-09T10:00", "check_in"),
            reply("2026-11-10T09:00"),
        ]
    )
    assert rates(acme)[ActionKind.CHECK_IN] == ReplyRate(ActionKind.CHECK_IN, 2, 1, 0)


def test_a_round_that_starts_before_the_reply_ends_the_thank_you_s_chance():
    acme = interview(
        rounds=[round_("r1", "2026-11-02T10:00"), round_("r2", "2026-11-09T10:00")],
        events=[
            sent("2026-11-02T15:00", "thank_you"),
            sent("2026-11-09T15:00", "thank_you"),
            reply("2026-11-12T09:00"),
        ],
    )
    assert rates(acme)[ActionKind.THANK_YOU] == ReplyRate(ActionKind.THANK_YOU, 2, 1, 0)


def test_a_follow_up_with_nothing_after_it_is_too_recent_for_a_week():
    recent = interview("recent", events=[sent("2026-11-25T10:00", "check_in")])
    old = interview("old", events=[sent("2026-11-20T10:00", "check_in")])
    closed = interview(
        "closed",
        stage="closed",
        outcome="moved_on",
        events=[sent("2026-11-26T10:00", "check_in")],
    )
    found = rates(recent, old, closed)[ActionKind.CHECK_IN]
    assert found == ReplyRate(ActionKind.CHECK_IN, 3, 0, 1)
    assert found.settled == 2
    assert found.rate == 0.0


def test_a_kind_with_only_recent_sends_has_no_rate_yet():
    acme = interview(events=[sent("2026-11-29T10:00", "nurture")])
    found = rates(acme)[ActionKind.NURTURE]
    assert (found.sent, found.too_recent, found.settled) == (1, 1, 0)
    assert found.rate is None


def test_only_messages_of_a_known_kind_are_counted_in_the_order_kinds_are_listed():
    acme = interview(
        events=[
            sent("2026-11-02T10:00", "value_add"),
            sent("2026-11-03T10:00", "prepare"),
            sent("2026-11-05T10:00", "move_on"),
            sent("2026-11-06T10:00", "thank_you"),
            reply("2026-11-07T09:00"),
        ]
    )
    found = reply_rates([acme], NOW)
    assert [r.kind for r in found] == [ActionKind.THANK_YOU, ActionKind.VALUE_ADD]
    assert [(r.sent, r.answered) for r in found] == [(1, 1), (1, 0)]


def test_what_happens_after_now_is_not_seen():
    acme = interview(events=[sent("2026-11-02T10:00", "check_in"), reply("2026-12-05T09:00")])
    assert rates(acme)[ActionKind.CHECK_IN] == ReplyRate(ActionKind.CHECK_IN, 1, 0, 0)
    later = {r.kind: r for r in reply_rates([acme], at("2026-12-06T10:00"))}
    assert later[ActionKind.CHECK_IN].answered == 1

"""How far the interviews got: a funnel over the board's stages, and how the closed ones ended."""

from __future__ import annotations

from itertools import pairwise

from app.domain.records import Outcome, Stage
from app.insights.funnel import OutcomeCount, funnel, outcomes
from tests.insights.helpers import at, interview, round_, stage

NOW = at("2026-11-20T10:00")


def pipeline():
    return [
        # Booked, not held: scheduled only.
        interview("booked", stage="scheduled", rounds=[round_("r1", "2026-11-25T10:00")]),
        # Scheduled, then interviewed, now waiting.
        interview(
            "waits",
            events=[
                stage("2026-11-02T11:00", "scheduled", "interviewed"),
                stage("2026-11-03T11:00", "interviewed", "waiting"),
            ],
        ),
        # Straight from interviewed to an offer: it counts at every stage before the offer.
        interview(
            "offered", stage="offer", events=[stage("2026-11-10T11:00", "interviewed", "offer")]
        ),
        # Rejected after a next round: the stage it left says how far it got.
        interview(
            "rejected",
            stage="closed",
            outcome="rejected",
            events=[stage("2026-11-12T11:00", "next_round", "closed")],
        ),
        # Closed with no stage history, but a round was held: it was interviewed.
        interview(
            "withdrawn",
            stage="closed",
            outcome="withdrawn",
            rounds=[round_("r1", "2026-11-04T10:00")],
        ),
    ]


def test_each_stage_counts_the_interviews_that_got_at_least_that_far():
    steps = funnel(pipeline(), NOW)
    assert [(s.stage, s.reached) for s in steps] == [
        (Stage.SCHEDULED, 5),
        (Stage.INTERVIEWED, 4),
        (Stage.WAITING, 3),
        (Stage.NEXT_ROUND, 2),
        (Stage.REFERENCES, 1),
        (Stage.OFFER, 1),
    ]
    assert [s.of_previous for s in steps] == [None, 0.8, 0.75, 2 / 3, 0.5, 1.0]


def test_a_stage_change_after_now_is_not_seen():
    later = interview(
        "later", stage="waiting", events=[stage("2026-11-25T10:00", "waiting", "offer")]
    )
    steps = funnel([later], NOW)
    assert [s.reached for s in steps] == [1, 1, 1, 0, 0, 0]
    assert steps[4].of_previous is None  # nobody reached the stage before


def test_the_closed_ones_are_counted_by_outcome_the_most_common_first():
    more = [
        *pipeline(),
        interview("again", stage="closed", outcome="withdrawn"),
        interview("unknown", stage="closed"),
    ]
    assert outcomes(more) == [
        OutcomeCount(Outcome.WITHDRAWN, 2),
        OutcomeCount(Outcome.REJECTED, 1),
        OutcomeCount(None, 1),
    ]


def test_a_card_moved_on_by_mistake_and_back_got_no_further():
    moves = ["scheduled", "interviewed", "waiting", "next_round", "references", "offer"]
    forth = [stage(f"2026-11-18T10:0{n}", a, b) for n, (a, b) in enumerate(pairwise(moves))]
    back = [stage(f"2026-11-18T10:1{n}", b, a)
            for n, (b, a) in enumerate(pairwise(moves[::-1]))]  # fmt: skip
    slip = interview("slip", stage="scheduled", events=[*forth, *back])
    assert [s.reached for s in funnel([slip], NOW)] == [1, 0, 0, 0, 0, 0]
    # Moved back a step from an offer it did reach, then on to it again: the offer counts.
    again = interview("again", stage="offer", events=[
        stage("2026-11-18T10:00", "waiting", "offer"),
        stage("2026-11-18T11:00", "offer", "waiting"),
        stage("2026-11-19T10:00", "waiting", "offer"),
    ])  # fmt: skip
    assert funnel([again], NOW)[-1].reached == 1


def test_a_next_round_held_and_then_waiting_for_the_decision_reached_the_next_round():
    # On the board waiting comes before next round; after the next round, it is waiting again.
    waits = interview("waits", stage="waiting", events=[
        stage("2026-11-02T11:00", "interviewed", "next_round"),
        stage("2026-11-12T11:00", "next_round", "waiting"),
    ])  # fmt: skip
    assert funnel([waits], NOW)[3].reached == 1  # next round

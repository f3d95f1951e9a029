"""``followup due --json --at T`` at the edges of days and across DST changes: the state of an
action just before and just after midnight, at the end of work hours, and 24 elapsed hours after
a round when the clocks change in between (SPEC sections 3 and 4).

Every expected time below was worked out by hand from the SPEC, written in the comment above
its scenario; none is computed by the engine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

LONDON, NEW_YORK = "Europe/London", "America/New_York"
# Work hours over the whole day, every day: a window that opens "at the start of work hours" on
# a day then opens at that day's 00:00, and one that closes "at the end of work hours" closes
# at its last instant.
ALL_DAY = {"work_hours": "00:00-24:00", "work_days": "mon-sun"}


@dataclass(frozen=True)
class Scenario:
    zone: str
    interview: dict[str, Any]
    kind: str
    due_from: str
    due_by: str
    states: dict[str, str | None]  # local time (read in the zone) -> state, None: not listed
    policy: dict[str, Any] | None = None


def waiting(round_starts: str, *, decision_by: str | None, thank_you_sent: str) -> dict[str, Any]:
    """Interviewed once, thanked, now waiting: the follow-up sequence starts at the round's end."""
    return {
        "stage": "waiting",
        "rounds": [{"id": "r1", "starts": round_starts, "minutes": 60, "interviewers": ["jane"]}],
        "decision_by": decision_by,
        "events": [
            {
                "at": thank_you_sent,
                "kind": "sent",
                "action": "thank_you",
                "round": "r1",
                "contact": "jane",
                "channel": "email",
            }
        ],
    }


def met(round_starts: str, *, no_contact_before: str | None = None) -> dict[str, Any]:
    """One round of 60 minutes with Jane; nothing sent yet."""
    return {
        "stage": "interviewed",
        "rounds": [{"id": "r1", "starts": round_starts, "minutes": 60, "interviewers": ["jane"]}],
        "preferences": {"no_contact_before": no_contact_before},
    }


SCENARIOS = {
    # Decision by Wed 18 Nov; the check-in opens at the start of work hours on the first
    # business day after it, Thu 19 09:00, and its window of 2 business days (Thu, Fri) closes
    # at the end of work hours on Fri 20, 17:00. The thank-you sent Mon 16 18:00 only holds
    # follow-ups back until Wed 18 18:00.
    "check-in closes at the end of work hours": Scenario(
        LONDON,
        waiting("2026-11-16T14:00", decision_by="2026-11-18", thank_you_sent="2026-11-16T18:00"),
        "check_in",
        "2026-11-19T09:00:00+00:00",
        "2026-11-20T17:00:00+00:00",
        {
            "2026-11-18T23:59": "upcoming",
            "2026-11-19T00:00": "upcoming",
            "2026-11-19T08:59:59": "upcoming",
            "2026-11-19T09:00": "due",
            "2026-11-20T16:59": "due",
            "2026-11-20T17:00": "due",
            "2026-11-20T17:00:01": "overdue",
            "2026-11-20T23:59": "overdue",
            "2026-11-21T00:00": "overdue",
        },
    ),
    # The same, with work hours all day: "decide by Wed 18" holds until the end of that day,
    # 23:59:59, and the check-in opens at the first instant after it, Thu 19 00:00; it closes
    # at the last instant of Fri 20.
    "decision_by holds until 23:59:59": Scenario(
        LONDON,
        waiting("2026-11-16T14:00", decision_by="2026-11-18", thank_you_sent="2026-11-16T18:00"),
        "check_in",
        "2026-11-19T00:00:00+00:00",
        "2026-11-20T23:59:59.999999+00:00",
        {
            "2026-11-18T23:59": "upcoming",
            "2026-11-18T23:59:59": "upcoming",
            "2026-11-19T00:00": "due",
            "2026-11-20T23:59:59": "due",
            "2026-11-21T00:00": "overdue",
        },
        ALL_DAY,
    ),
    # A round Fri 20 Nov 14:00-15:00; no contact before Mon 23. The thank-you would open Fri
    # 15:00; it opens at the start of work hours on Mon 23, 09:00, and keeps its 24 hours.
    "no contact before: the start of work hours on that day": Scenario(
        LONDON,
        met("2026-11-20T14:00", no_contact_before="2026-11-23"),
        "thank_you",
        "2026-11-23T09:00:00+00:00",
        "2026-11-24T09:00:00+00:00",
        {
            "2026-11-22T23:59": "upcoming",
            "2026-11-23T00:00": "upcoming",
            "2026-11-23T09:00": "due",
            "2026-11-24T09:00": "due",
            "2026-11-24T09:01": "overdue",
        },
    ),
    # Work hours all day: "not before Mon 23" means from its first instant, 00:00.
    "no contact before: from 00:00 on that day": Scenario(
        LONDON,
        met("2026-11-20T14:00", no_contact_before="2026-11-23"),
        "thank_you",
        "2026-11-23T00:00:00+00:00",
        "2026-11-24T00:00:00+00:00",
        {
            "2026-11-22T23:59:59": "upcoming",
            "2026-11-23T00:00": "due",
            "2026-11-24T00:00": "due",
            "2026-11-24T00:01": "overdue",
        },
        ALL_DAY,
    ),
    # New York springs forward on Sun 8 Mar 2026 at 02:00 EST. No contact before that day: the
    # thank-you opens at 00:00 EST (05:00 UTC); 24 elapsed hours later is 05:00 UTC on Mon 9,
    # 01:00 EDT, not 00:00.
    "no contact before a spring-forward day": Scenario(
        NEW_YORK,
        met("2026-03-06T14:00", no_contact_before="2026-03-08"),
        "thank_you",
        "2026-03-08T00:00:00-05:00",
        "2026-03-09T01:00:00-04:00",
        {
            "2026-03-07T23:59": "upcoming",
            "2026-03-08T00:00": "due",
            "2026-03-09T00:59": "due",
            "2026-03-09T01:00": "due",
            "2026-03-09T01:01": "overdue",
        },
        ALL_DAY,
    ),
    # London springs forward on Sun 29 Mar 2026 (01:00 GMT -> 02:00 BST). A round Sat 28
    # 14:00-15:00 GMT: the thank-you is listed from 00:00 that Saturday and due within 24
    # elapsed hours, until 15:00 UTC on Sun 29, which is 16:00 BST.
    "thank-you across London's spring forward": Scenario(
        LONDON,
        met("2026-03-28T14:00"),
        "thank_you",
        "2026-03-28T15:00:00+00:00",
        "2026-03-29T16:00:00+01:00",
        {
            "2026-03-27T23:59": None,
            "2026-03-28T00:00": "upcoming",
            "2026-03-28T23:59": "due",
            "2026-03-29T00:00": "due",
            "2026-03-29T15:59": "due",
            "2026-03-29T16:00": "due",
            "2026-03-29T16:01": "overdue",
        },
    ),
    # London falls back on Sun 25 Oct 2026 (02:00 BST -> 01:00 GMT). A round Sat 24 14:00-15:00
    # BST ends at 14:00 UTC; 24 elapsed hours later is 14:00 UTC = 14:00 GMT on Sun 25.
    "thank-you across London's fall back": Scenario(
        LONDON,
        met("2026-10-24T14:00"),
        "thank_you",
        "2026-10-24T15:00:00+01:00",
        "2026-10-25T14:00:00+00:00",
        {
            "2026-10-23T23:59": None,
            "2026-10-24T00:00": "upcoming",
            "2026-10-25T00:00": "due",
            "2026-10-25T13:59": "due",
            "2026-10-25T14:00": "due",
            "2026-10-25T14:01": "overdue",
        },
    ),
    # New York: a round Sat 7 Mar 14:00-15:00 EST (20:00 UTC); due by 20:00 UTC on Sun 8,
    # which is 16:00 EDT.
    "thank-you across New York's spring forward": Scenario(
        NEW_YORK,
        met("2026-03-07T14:00"),
        "thank_you",
        "2026-03-07T15:00:00-05:00",
        "2026-03-08T16:00:00-04:00",
        {
            "2026-03-06T23:59": None,
            "2026-03-07T00:00": "upcoming",
            "2026-03-08T00:00": "due",
            "2026-03-08T15:59": "due",
            "2026-03-08T16:01": "overdue",
        },
    ),
    # New York falls back on Sun 1 Nov 2026 (02:00 EDT -> 01:00 EST). A round Sat 31 Oct
    # 14:00-15:00 EDT (19:00 UTC); due by 19:00 UTC on Sun 1 Nov, 14:00 EST.
    "thank-you across New York's fall back": Scenario(
        NEW_YORK,
        met("2026-10-31T14:00"),
        "thank_you",
        "2026-10-31T15:00:00-04:00",
        "2026-11-01T14:00:00-05:00",
        {
            "2026-10-30T23:59": None,
            "2026-10-31T00:00": "upcoming",
            "2026-11-01T00:00": "due",
            "2026-11-01T14:00": "due",
            "2026-11-01T14:01": "overdue",
        },
    ),
    # Work hours all day, every day. Decision by Sat 28 Mar: the check-in opens at 00:00 on Sun
    # 29 (still GMT; the clocks change at 01:00) and closes at the end of its second business
    # day, Mon 30, in BST.
    "check-in opening on London's spring-forward day": Scenario(
        LONDON,
        waiting("2026-03-24T14:00", decision_by="2026-03-28", thank_you_sent="2026-03-24T18:00"),
        "check_in",
        "2026-03-29T00:00:00+00:00",
        "2026-03-30T23:59:59.999999+01:00",
        {
            "2026-03-28T23:59": "upcoming",
            "2026-03-29T00:00": "due",
            "2026-03-30T23:59": "due",
            "2026-03-31T00:00": "overdue",
        },
        ALL_DAY,
    ),
    # Decision by Sat 24 Oct: the check-in opens at 00:00 BST on Sun 25 and closes at the end of
    # Mon 26, in GMT.
    "check-in opening on London's fall-back day": Scenario(
        LONDON,
        waiting("2026-10-20T14:00", decision_by="2026-10-24", thank_you_sent="2026-10-20T18:00"),
        "check_in",
        "2026-10-25T00:00:00+01:00",
        "2026-10-26T23:59:59.999999+00:00",
        {
            "2026-10-24T23:59": "upcoming",
            "2026-10-25T00:00": "due",
            "2026-10-26T23:59": "due",
            "2026-10-27T00:00": "overdue",
        },
        ALL_DAY,
    ),
    # Decision by Sat 7 Mar: opens 00:00 EST on Sun 8, closes at the end of Mon 9, in EDT.
    "check-in opening on New York's spring-forward day": Scenario(
        NEW_YORK,
        waiting("2026-03-03T14:00", decision_by="2026-03-07", thank_you_sent="2026-03-03T18:00"),
        "check_in",
        "2026-03-08T00:00:00-05:00",
        "2026-03-09T23:59:59.999999-04:00",
        {
            "2026-03-07T23:59": "upcoming",
            "2026-03-08T00:00": "due",
            "2026-03-09T23:59": "due",
            "2026-03-10T00:00": "overdue",
        },
        ALL_DAY,
    ),
    # Decision by Sat 31 Oct: opens 00:00 EDT on Sun 1 Nov, closes at the end of Mon 2, in EST.
    "check-in opening on New York's fall-back day": Scenario(
        NEW_YORK,
        waiting("2026-10-27T14:00", decision_by="2026-10-31", thank_you_sent="2026-10-27T18:00"),
        "check_in",
        "2026-11-01T00:00:00-04:00",
        "2026-11-02T23:59:59.999999-05:00",
        {
            "2026-10-31T23:59": "upcoming",
            "2026-11-01T00:00": "due",
            "2026-11-02T23:59": "due",
            "2026-11-03T00:00": "overdue",
        },
        ALL_DAY,
    ),
    # No decision date: the anchor is the round's day + 7 calendar days, Fri 20 Mar + 7 = Fri
    # 27 Mar; the check-in opens at 09:00 on the next business day, Mon 30 Mar, by then in BST,
    # and closes at 17:00 BST on Tue 31.
    "check-in a week after, across London's spring forward": Scenario(
        LONDON,
        waiting("2026-03-20T14:00", decision_by=None, thank_you_sent="2026-03-20T18:00"),
        "check_in",
        "2026-03-30T09:00:00+01:00",
        "2026-03-31T17:00:00+01:00",
        {
            "2026-03-29T23:59": "upcoming",
            "2026-03-30T00:00": "upcoming",
            "2026-03-30T09:00": "due",
            "2026-03-31T17:00": "due",
            "2026-03-31T17:01": "overdue",
        },
    ),
}


def interchange(scenario: Scenario) -> dict[str, Any]:
    return {
        "format": "followup/1",
        "profile": {"name": "Alex Morgan", "timezone": scenario.zone},
        "policy": {"suggest_connect": False, **(scenario.policy or {})},
        "interviews": [
            {
                "id": "acme-pm",
                "company": "Acme Ltd",
                "role": "Product Manager",
                "timezone": scenario.zone,
                "contacts": [
                    {"id": "sam", "name": "Sam Lee", "role": "recruiter"},
                    {"id": "jane", "name": "Jane Doe", "role": "interviewer"},
                ],
                **scenario.interview,
            }
        ],
    }


def due(capsys: pytest.CaptureFixture[str], db: Path, at: str) -> list[dict[str, Any]]:
    code = main(["due", "--json", "--at", at, "--db", str(db)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    actions: list[dict[str, Any]] = json.loads(out)
    return actions


def same_instant_and_offset(shown: str, expected: str) -> bool:
    a, b = datetime.fromisoformat(shown), datetime.fromisoformat(expected)
    return a == b and a.utcoffset() == b.utcoffset()


@pytest.mark.parametrize("name", SCENARIOS)
def test_states_at_the_edges(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    scenario = SCENARIOS[name]
    source, db = tmp_path / "in.json", tmp_path / "followup.json"
    source.write_text(json.dumps(interchange(scenario)))
    assert main(["import", str(source), "--db", str(db)]) == 0
    capsys.readouterr()

    seen = {}
    for at, state in scenario.states.items():
        found = [a for a in due(capsys, db, at) if a["kind"] == scenario.kind]
        assert len(found) <= 1
        if state is not None:
            assert found, f"{scenario.kind} not listed at {at}"
            action = found[0]
            assert same_instant_and_offset(action["due_from"], scenario.due_from), at
            assert same_instant_and_offset(action["due_by"], scenario.due_by), at
        seen[at] = found[0]["state"] if found else None
    assert seen == scenario.states

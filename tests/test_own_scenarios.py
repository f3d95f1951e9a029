"""The project's own acceptance scenarios (``tests/scenarios/*.json``), replayed through the
command line in-process.

They have the shape of the shared scenarios (``../shared/scenarios``): interchange ``data`` to
import, then ``steps`` at given times that expect, forbid or count actions of ``due --json`` and
mark them sent, snoozed or skipped, or record a reply. The shared runner lives beside the project,
which a user's clone does not have, so the same checks are made here against ``app.cli.main``.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

SCENARIOS = Path(__file__).resolve().parent / "scenarios"
KEYS = {
    "id",
    "interview",
    "company",
    "kind",
    "contact",
    "round",
    "channel",
    "due_from",
    "due_by",
    "state",
    "reason",
}
TIME_FIELDS = {"due_from", "due_by"}
OPS: dict[str, Callable[[datetime, datetime], bool]] = {
    "gte": lambda a, b: a >= b,
    "lte": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "lt": lambda a, b: a < b,
}

Action = dict[str, Any]
Matcher = dict[str, Any]


class Failure(AssertionError):
    pass


def instant(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise Failure(f"time without a UTC offset: {text!r}")
    return value


def field_matches(action: Action, key: str, want: Any) -> bool:
    name, _, op = key.partition("__")
    if name not in action:
        raise Failure(f"matcher names a field that actions do not have: {key}")
    have = action[name]
    if op:
        if name not in TIME_FIELDS or have is None:
            return False
        return OPS[op](instant(have), instant(want))
    if name in TIME_FIELDS and have is not None and want is not None:
        return instant(have) == instant(want)
    return bool(have == want)


def matches(action: Action, matcher: Matcher) -> bool:
    return all(field_matches(action, k, v) for k, v in matcher.items() if k != "until")


class Replay:
    def __init__(self, db: Path) -> None:
        self.db = db

    def call(self, *args: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*args, "--db", str(self.db)])
        if code != 0:
            raise Failure(f"followup {' '.join(args)} exited {code}: {err.getvalue().strip()}")
        return out.getvalue()

    def due(self, at: str) -> list[Action]:
        actions: list[Action] = json.loads(self.call("due", "--json", "--days", "3650", "--at", at))
        for action in actions:
            if set(action) != KEYS:
                raise Failure(f"action keys {sorted(action)} are not {sorted(KEYS)}")
            if not action["reason"]:
                raise Failure(f"action {action['id']} has no reason")
            for name in TIME_FIELDS:
                instant(action[name])
        return actions

    def one(self, at: str, matcher: Matcher) -> Action:
        found = [a for a in self.due(at) if matches(a, matcher)]
        if len(found) != 1:
            raise Failure(f"at {at}: {len(found)} actions match {matcher}, want exactly 1")
        return found[0]

    def step(self, step: dict[str, Any]) -> None:
        at = step["at"]
        if "expect" in step or "absent" in step or "count" in step:
            actions = self.due(at)
            for m in step.get("expect", []):
                if not any(matches(a, m) for a in actions):
                    raise Failure(f"at {at}: nothing matches {m}; actions: {brief(actions)}")
            for m in step.get("absent", []):
                hit = [a for a in actions if matches(a, m)]
                if hit:
                    raise Failure(f"at {at}: {m} should be absent, found {brief(hit)}")
            for m, n in step.get("count", []):
                got = sum(1 for a in actions if matches(a, m))
                if got != n:
                    raise Failure(f"at {at}: {got} actions match {m}, want {n}; {brief(actions)}")
        if "sent" in step:
            self.call("sent", self.one(at, step["sent"])["id"], "--at", at)
        if "reply" in step:
            extra = ["--contact", step["contact"]] if step.get("contact") else []
            self.call("reply", step["reply"], "--at", at, *extra)
        if "snooze" in step:
            ident = self.one(at, step["snooze"])["id"]
            self.call("snooze", ident, "--until", step["until"], "--at", at)
        if "skip" in step:
            self.call("skip", self.one(at, step["skip"])["id"], "--at", at)


def brief(actions: list[Action]) -> list[str]:
    return [
        f"{a['kind']}:{a['contact']}:{a['state']}:{a['due_from']}..{a['due_by']}" for a in actions
    ]


def replay(scenario: dict[str, Any], folder: Path) -> None:
    data = folder / "in.json"
    data.write_text(json.dumps(scenario["data"]), encoding="utf-8")
    runner = Replay(folder / "db.json")
    runner.call("import", str(data))
    for number, step in enumerate(scenario["steps"], 1):
        try:
            runner.step(step)
        except Failure as problem:
            raise Failure(f"step {number}: {problem}") from None


def load(name: str) -> dict[str, Any]:
    scenario: dict[str, Any] = json.loads((SCENARIOS / name).read_text(encoding="utf-8"))
    return scenario


FILES = sorted(p.name for p in SCENARIOS.glob("*.json"))


def test_the_scenarios_are_there():
    assert {"their_promise_passed.json", "their_promise_kept.json"} <= set(FILES)
    assert "their_promise_replied.json" in FILES


@pytest.mark.parametrize("name", FILES)
def test_scenario(name: str, tmp_path: Path):
    replay(load(name), tmp_path)


def test_a_wrong_expectation_fails_the_replay(tmp_path: Path):
    """The replay checks what it says it checks: the check-in the promise brings forward,
    expected where it would be without the promise, fails."""
    scenario = load("their_promise_passed.json")
    expected = scenario["steps"][1]["expect"][0]
    assert expected["due_from"] == "2026-11-25T09:00:00+00:00"
    expected["due_from"] = "2026-12-07T09:00:00+00:00"
    with pytest.raises(Failure, match="step 2: at 2026-11-24T18:00:00\\+00:00: nothing matches"):
        replay(scenario, tmp_path)

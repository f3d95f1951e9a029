"""Whatever file is imported, followup answers with exit 0 or one clear line and exit 1, never
a traceback, and a refused file changes nothing in the database."""

from __future__ import annotations

import copy
import hashlib
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main

BASE: dict[str, Any] = {
    "format": "followup/1",
    "profile": {"name": "Alex Morgan", "timezone": "Europe/London"},
    "policy": {"max_unanswered": 2},
    "interviews": [
        {
            "id": "acme",
            "company": "Acme",
            "role": "PM",
            "stage": "waiting",
            "decision_by": "2026-11-27",
            "rounds": [
                {"id": "r1", "starts": "2026-11-20T14:00:00+00:00", "interviewers": ["jane"]}
            ],
            "contacts": [{"id": "jane", "name": "Jane", "role": "interviewer"}],
            "promises": [{"id": "p1", "what": "refs", "to": "jane", "due": "2026-11-21T09:00:00"}],
            "events": [
                {
                    "at": "2026-11-20T18:00:00",
                    "kind": "sent",
                    "action": "thank_you",
                    "round": "r1",
                    "contact": "jane",
                }
            ],
        }
    ],
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(data)))
        replacement = draw(
            json_values
            | st.just(math.nan)
            | st.text(min_size=1000, max_size=2000)
            | st.just([[[[[[[[[[[]]]]]]]]]]])
            | st.sampled_from(["", "x", "2026-13-45", "not a date", "closed", "phone"])
        )
        if not where:
            data = replacement
            break
        parent = data
        for step in where[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            parent[f"unknown_{draw(st.integers(0, 9))}"] = replacement
        else:
            parent[where[-1]] = replacement
    return data


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def check(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    db = tmp_path / "db.json"
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = digest(db)
    code = main(["import", str(source), "--db", str(db)])
    _, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "internal error" not in err and "Traceback" not in err
    if code == 1:
        assert err.count("\n") == 1 and err.startswith("followup: ")
        assert digest(db) == before
    else:
        assert main(["export", "--db", str(db)]) == 0
        capsys.readouterr()
    if db.exists():
        db.unlink()
        for leftover in tmp_path.glob("db.json*"):
            leftover.unlink()


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(mutated())
def test_mutations_of_a_valid_file(tmp_path, capsys, data):
    check(tmp_path, capsys, json.dumps(data, allow_nan=True))


@FUZZ
@given(json_values)
def test_random_json(tmp_path, capsys, data):
    check(tmp_path, capsys, json.dumps(data, allow_nan=True))


@FUZZ
@given(st.text(max_size=200))
def test_random_text(tmp_path, capsys, text):
    check(tmp_path, capsys, text)

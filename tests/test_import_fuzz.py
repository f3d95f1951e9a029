"""Whatever file is imported, followup answers with exit 0 or one clear line and exit 1, never
a traceback, and a refused file changes nothing in the database; an imported one can be
scheduled (`due` answers too)."""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.store.repository import Repository
from tests.strategies import far_days, far_moments, interchange_files

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
            "outcome": None,
            "decision_by": "2026-11-27",
            "offer_deadline": None,
            "rounds": [
                {"id": "r1", "starts": "2026-11-20T14:00:00+00:00", "interviewers": ["jane"]}
            ],
            "contacts": [{"id": "jane", "name": "Jane", "role": "interviewer"}],
            "preferences": {"channels": ["email"], "no_contact_before": "2026-11-23"},
            "notes": {"recap": ["scaled the funnel"], "discussed": "roadmap"},
            "promises": [
                {
                    "id": "p1",
                    "what": "refs",
                    "to": "jane",
                    "by": "me",
                    "due": "2026-11-21T09:00:00",
                    "created": "2026-11-20T15:00:00",
                }
            ],
            "events": [
                {
                    "at": "2026-11-20T18:00:00",
                    "kind": "sent",
                    "action": "thank_you",
                    "round": "r1",
                    "contact": "jane",
                    "channel": "email",
                },
                {
                    "at": "2026-11-20T18:05:00",
                    "kind": "snooze",
                    "action": "check_in",
                    "until": "2026-12-07T09:00:00",
                },
            ],
        }
    ],
}
# Where BASE holds a date or a date-time.
DAY_FIELDS = [
    ("interviews", 0, "decision_by"),
    ("interviews", 0, "offer_deadline"),
    ("interviews", 0, "preferences", "no_contact_before"),
]
MOMENT_FIELDS = [
    ("interviews", 0, "rounds", 0, "starts"),
    ("interviews", 0, "promises", 0, "due"),
    ("interviews", 0, "promises", 0, "created"),
    ("interviews", 0, "events", 0, "at"),
    ("interviews", 0, "events", 1, "until"),
]

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
            | far_days
            | far_moments()
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
        assert main(["due", "--json", "--db", str(db), "--at", "2026-11-20T10:00"]) == 0
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


def place(data: Any, where: tuple[Any, ...], value: Any) -> Any:
    if not where:
        return value
    parent = data
    for step in where[:-1]:
        parent = parent[step]
    parent[where[-1]] = value
    return data


def refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], source: Path) -> str:
    """Import ``source``, which must be refused: exit 1, one line, nothing written."""
    before = sorted(tmp_path.iterdir())
    code = main(["import", str(source), "--db", str(tmp_path / "db.json")])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert out == "" and err.count("\n") == 1 and err.startswith("followup: "), err
    assert "internal error" not in err and "Traceback" not in err
    assert sorted(tmp_path.iterdir()) == before
    return err


@FUZZ
@given(where=st.sampled_from(DAY_FIELDS), value=far_days)
def test_a_day_outside_the_years_is_refused(tmp_path, capsys, where, value):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(place(copy.deepcopy(BASE), where, value)))
    err = refused(tmp_path, capsys, source)
    assert f'{where[-1]}: not a date between 1900 and 2199: "{value}"' in err


@FUZZ
@given(where=st.sampled_from(MOMENT_FIELDS), value=far_moments())
def test_a_moment_outside_the_years_is_refused(tmp_path, capsys, where, value):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(place(copy.deepcopy(BASE), where, value)))
    err = refused(tmp_path, capsys, source)
    assert f'{where[-1]}: not a date-time between 1900 and 2199: "{value}"' in err


# Values spliced into the file's text where json.dumps (which recurses) could not write them.
# orjson reads up to 1,024 levels: the first two reach the reader, the third is refused as JSON.
HOLE = "@hole@"
HUGE = {
    "lists 1,000 deep": "[" * 1000 + "]" * 1000,
    "objects 1,000 deep": '{"a":' * 1000 + "1" + "}" * 1000,
    "lists 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "text of 1 MB": json.dumps("x" * 2**20),
    "text of 5 MB": json.dumps("é" * 5 * 2**20),
}


@pytest.mark.parametrize("value", HUGE.values(), ids=HUGE.keys())
@pytest.mark.parametrize(
    "where", paths(BASE), ids=lambda where: ".".join(map(str, where)) or "file"
)
def test_a_huge_value_anywhere_is_one_line(tmp_path, capsys, where, value):
    source = tmp_path / "in.json"
    text = json.dumps(place(copy.deepcopy(BASE), where, HOLE)).replace(json.dumps(HOLE), value)
    source.write_text(text, encoding="utf-8")
    refused(tmp_path, capsys, source)


# ----------------------------------------------------------------------- into a full database

POPULATED_AT = "2026-11-20T10:00:00+00:00"


def populated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A fresh copy of a database with the demo's interviews and a backup, made once per test."""
    template = tmp_path / "template"
    if not template.exists():
        db = template / "db.json"
        assert main(["demo", "--db", str(db), "--at", POPULATED_AT]) == 0
        assert (
            main(["snooze", "--db", str(db), "--at", POPULATED_AT, *_any_action(capsys, db)]) == 0
        )
        capsys.readouterr()
        assert (template / "db.json.bak").is_file()
    here = tmp_path / "here"
    if here.exists():
        shutil.rmtree(here)
    shutil.copytree(template, here)
    return here / "db.json"


def _any_action(capsys: pytest.CaptureFixture[str], db: Path) -> list[str]:
    capsys.readouterr()
    assert main(["due", "--json", "--db", str(db), "--at", POPULATED_AT]) == 0
    action = json.loads(capsys.readouterr().out)[0]["id"]
    return [action, "--until", "2026-12-01T09:00"]


def files(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir())}


def check_populated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, replace: bool
) -> str:
    """Import ``text`` into a database that holds interviews; return "refused" or "accepted"."""
    db = populated(tmp_path, capsys)
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = files(db.parent)
    old = Repository(db, default_zone="UTC").load()
    code = main(["import", str(source), "--db", str(db), *(["--replace"] if replace else [])])
    _, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "internal error" not in err and "Traceback" not in err
    if code == 1:
        assert err.count("\n") == 1 and err.startswith("followup: ")
        # The database, its backup and the folder: byte for byte as they were.
        assert files(db.parent) == before
        return "refused"
    new = Repository(db, default_zone="UTC").load()
    kept = {i.id: i for i in new.interviews}
    for interview in old.interviews:
        assert interview.id in kept
        if not replace:
            assert kept[interview.id] == interview
    assert main(["due", "--json", "--db", str(db), "--at", POPULATED_AT]) == 0
    capsys.readouterr()
    return "accepted"


POPULATED_FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@POPULATED_FUZZ
@given(data=mutated(), replace=st.booleans())
def test_mutations_into_a_populated_database(tmp_path, capsys, data, replace):
    event(check_populated(tmp_path, capsys, json.dumps(data, allow_nan=True), replace))


@POPULATED_FUZZ
@given(
    text=json_values.map(lambda value: json.dumps(value, allow_nan=True)) | st.text(max_size=200),
    replace=st.booleans(),
)
def test_random_documents_into_a_populated_database(tmp_path, capsys, text, replace):
    event(check_populated(tmp_path, capsys, text, replace))


@functools.cache
def _demo_ids() -> list[str]:
    import pendulum

    from app.demo import demo_pipeline

    return [i.id for i in demo_pipeline(pendulum.parse(POPULATED_AT), "UTC").interviews]


@st.composite
def valid_files(draw: st.DrawFn) -> dict[str, Any]:
    """A valid file, whose first interview at times takes the id of one already stored."""
    document = draw(interchange_files())
    if document["interviews"] and draw(st.booleans()):
        document["interviews"][0]["id"] = draw(st.sampled_from(_demo_ids()))
    return document


@POPULATED_FUZZ
@given(data=valid_files(), replace=st.booleans())
def test_valid_files_into_a_populated_database(tmp_path, capsys, data, replace):
    ids = {interview["id"] for interview in data["interviews"]}
    clash = bool(ids & set(_demo_ids()))
    outcome = check_populated(tmp_path, capsys, json.dumps(data), replace)
    event(outcome)
    assert outcome == ("refused" if clash and not replace else "accepted")
    if outcome == "accepted":
        stored = Repository(tmp_path / "here" / "db.json", default_zone="UTC").load()
        assert ids <= {interview.id for interview in stored.interviews}

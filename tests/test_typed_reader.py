"""The typed reader gives the record the full reader gives, or leaves the document to it: on
every document the program writes, on generated ones, and on any mutation of them."""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.demo import demo_pipeline
from app.domain.errors import InvalidData, Problems
from app.domain.interchange import read_interview, read_interviews, write_interview
from app.domain.interchange.typed import plain, typed_document, typed_interview
from bench.generate import generate_pipeline
from tests.strategies import interview as interview_documents
from tests.test_fuzz import paths

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HOSTILE = ["\x1b[2J", "\x00", "\x7f", "\x9b2J", "\r", "\x0c", "\x08", "\u202e"]
ODD_TIMES = [
    "2026-12-01T14:00:00z",
    "2026-12-01t14:00:00Z",
    "2026-12-01T14:00:00.1234567+00:00",
    "2026-12-01T14:00+00:00",
    "2026-12-01T14:00:00",
    "2026-12-01 14:00:00+00:00",
    "1800-01-01T00:00:00+00:00",
    "2300-01-01T00:00:00+00:00",
    "2026-02-30T00:00:00Z",
]
LEAF = st.one_of(
    st.text(max_size=20),
    st.sampled_from(HOSTILE + ODD_TIMES + ["", " ", "  x", "x ", "2026-12-01", "1899-12-31"]),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
)
VALUE = st.recursive(
    LEAF,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
)


def both(doc: Any, zone: str = ZONE) -> tuple[Any, Any]:
    """What the typed reader gives (None: left to the full reader), and what the full reader
    gives (an InvalidData: refused)."""
    raw = orjson.dumps(doc)
    typed = typed_interview(doc, zone) if plain(raw) else None
    # Read from its JSON, as the repository reads the file's documents: the very same.
    from_json = typed_document(raw, zone) if plain(raw) else None
    assert from_json == typed
    if typed is not None and from_json is not None:
        assert [e.at.isoformat() for e in from_json.events] == [
            e.at.isoformat() for e in typed.events
        ]
    try:
        full: Any = read_interview(doc, zone)
    except InvalidData as refused:
        full = refused
    return typed, full


def written() -> list[dict[str, Any]]:
    documents = [write_interview(i) for i in demo_pipeline(NOW, ZONE).interviews]
    documents += [write_interview(i) for i in generate_pipeline(150, seed=7).interviews]
    return documents


WRITTEN = written()


@pytest.mark.parametrize("doc", WRITTEN, ids=[d["id"] for d in WRITTEN])
def test_every_document_the_program_writes_is_read_typed_and_the_same(doc):
    typed, full = both(doc)
    assert typed is not None
    assert typed == full
    # The same on the clock: equal date-times in other zones would compare equal.
    assert [e.at.isoformat() for e in typed.events] == [e.at.isoformat() for e in full.events]
    assert [r.starts.tzinfo for r in typed.rounds] == [r.starts.tzinfo for r in full.rounds]


@SETTINGS
@given(st.data())
def test_generated_documents_read_the_same(data):
    doc = data.draw(interview_documents("x"))
    typed, full = both(doc)
    if typed is not None:
        assert typed == full
        assert [e.at.isoformat() for e in typed.events] == [e.at.isoformat() for e in full.events]


@SETTINGS
@given(st.data())
def test_a_mutated_document_is_read_the_same_or_left_to_the_full_reader(data):
    doc = copy.deepcopy(data.draw(st.sampled_from(WRITTEN[:12])))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(doc)[1:]))
        parent = doc
        for step in where[:-1]:
            parent = parent[step]
        how = data.draw(st.sampled_from(["set", "delete", "add"]))
        if how == "delete" and isinstance(parent, dict):
            del parent[where[-1]]
        elif how == "add" and isinstance(parent, dict):
            parent[f"{where[-1]}_extra"] = data.draw(VALUE)
        else:
            parent[where[-1]] = data.draw(VALUE)
    typed, full = both(doc)
    if typed is not None:
        assert not isinstance(full, InvalidData), full
        assert typed == full


@pytest.mark.parametrize("spoiled", [*HOSTILE[:-1], "\x9f"])
def test_a_control_character_anywhere_sends_the_file_the_long_way(spoiled):
    doc = copy.deepcopy(WRITTEN[0])
    doc["notes"]["impressions"] = f"fine{spoiled}"
    assert not plain(orjson.dumps({"interviews": {"1": doc}}))
    assert plain(orjson.dumps({"interviews": {"1": WRITTEN[0]}}))


def test_the_whole_file_reads_as_before():
    """Through read_interviews (the importer's reader) and the typed one, document by
    document."""
    problems = Problems()
    imported = read_interviews(WRITTEN, ZONE, problems)
    assert not problems
    assert tuple(typed_interview(d, ZONE) for d in WRITTEN) == imported

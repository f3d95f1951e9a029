"""A history is read by a quick path first; it must agree with the full checks everywhere."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import Problems
from app.domain.interchange import EVENT_KEYS, _Reader, _usual_event
from tests.strategies import ACTIONS, CHANNELS, STAGES, event

TZ = ZoneInfo("Europe/London")

# Values a hand-edited event might hold instead of the right one.
_odd = st.one_of(
    st.none(),
    st.integers(-3, 3),
    st.floats(allow_nan=True),
    st.booleans(),
    st.text(max_size=5),
    st.sampled_from([" r1", "r1 ", "", "a\tb", "x" * 201, "2026-13-01T00:00", [], {}]),
    st.sampled_from(ACTIONS + CHANNELS + STAGES + ["sent", "reply", "stage", "snooze", "skip"]),
)
_keys = st.sampled_from(sorted(EVENT_KEYS | {"unknown"}))


@st.composite
def events(draw: st.DrawFn) -> Any:
    body = draw(event(["jane", "sam"], ["r1", "r2"], ["p1"]))
    for _ in range(draw(st.integers(0, 2))):
        if draw(st.booleans()) and body:
            del body[draw(st.sampled_from(sorted(body)))]
        else:
            body[draw(_keys)] = draw(_odd)
    return draw(st.one_of(st.just(body), st.sampled_from([None, [], "event", 3])))


def checked(raw: Any) -> tuple[Any, Problems]:
    problems = Problems()
    return _Reader(problems).event(raw, "events[0]", TZ), problems


@settings(max_examples=600)
@given(events())
def test_the_quick_path_gives_what_the_checks_give_or_leaves_it_to_them(raw: Any) -> None:
    quick = _usual_event(raw, TZ)
    full, problems = checked(raw)
    if quick is not None:
        assert not problems
        assert quick == full


@given(event(["jane", "sam"], ["r1", "r2"], ["p1"]))
def test_every_valid_event_takes_the_quick_path(raw: dict[str, Any]) -> None:
    quick = _usual_event(raw, TZ)
    full, problems = checked(raw)
    assert not problems
    assert quick == full


def test_an_event_that_names_its_action_by_id_alone_is_of_the_kind_the_id_names() -> None:
    problems = Problems()
    body = {"at": "2026-11-16T15:00:00+00:00", "kind": "sent", "id": "acme/thank_you/r1/bob"}
    read = _Reader(problems).event(body, "events[0]", TZ)
    assert not problems.items
    assert read is not None and read.action == "thank_you"
    # An id that names no kind of action still needs "action".
    _Reader(problems).event({**body, "id": "my-own-id"}, "events[0]", TZ)
    assert [p.path for p in problems.items] == ["events[0].action"]

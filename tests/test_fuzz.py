"""Any input, any option: the command line answers with exit 0 or 1 and one line on stderr
(2 and argparse's usage for a usage error), never a traceback or an "internal error", never a
change to a database it refused, and never a control character on the terminal.

Hypothesis mutates a real interchange file (the demo's export: every record kind, every field)
and generates the options of every command that takes text from the user."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.demo import demo_pipeline
from app.domain.interchange import write_pipeline
from app.store.repository import Repository

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)
AT = NOW.isoformat()
# On the terminal: anything but tab and newline below space, DEL and the C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text as it comes from outside: printable, odd and hostile characters.
HOSTILE = st.sampled_from(
    ["\x1b]52;c;SGVsbG8=\x07", "\x1b[2J", "\x00", "\x7f", "\x9b2J", "\r", "\u202e", "\ufeff"]
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=10), HOSTILE, st.text(max_size=10)),
    st.sampled_from(["", " ", "2026-02-30", "tomorrow 9am", "0000-00-00T25:61", "1e999", "-1"]),
)
LEAF = st.one_of(
    TEXT, st.integers(-(2**70), 2**70), st.floats(allow_nan=True), st.booleans(), st.none()
)
VALUE = st.recursive(
    LEAF, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3)
)


@pytest.fixture(scope="module")
def demo_export() -> dict[str, Any]:
    exported: dict[str, Any] = write_pipeline(demo_pipeline(NOW, ZONE))
    return exported


def paths(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document: keys of objects and indexes of arrays."""
    found = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*at, index))
    return found


def mutated(document: Any, where: tuple[Any, ...], how: str, value: Any) -> Any:
    changed = copy.deepcopy(document)
    if not where:
        return value
    parent = changed
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    if how == "delete" and isinstance(parent, dict):
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent[f"{last}_extra"] = value
    else:
        parent[last] = value
    return changed


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def answered_well(code: int, out: str, err: str) -> None:
    assert "Traceback" not in out + err and "internal error" not in err, err
    assert not CONTROL.search(out) and not CONTROL.search(err), (out, err)
    if code == 1:
        assert err.count("\n") == 1 and err.startswith("followup: "), err
    elif code == 2:
        assert "usage:" in err
    else:
        assert code == 0, (code, err)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@SETTINGS
@given(data=st.data())
def test_any_interchange_file_is_imported_or_refused_in_one_line(
    data: st.DataObject,
    demo_export: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path_factory.mktemp("fuzz-import")
    db = folder / "db.json"
    assert main(["demo", "--db", str(db), "--at", AT]) == 0
    capsys.readouterr()
    where = data.draw(st.sampled_from(paths(demo_export)))
    how = data.draw(st.sampled_from(["replace", "delete", "add"]))
    document = mutated(demo_export, where, how, data.draw(VALUE))
    source = folder / "in.json"
    source.write_text(json.dumps(document, allow_nan=True), encoding="utf-8")
    before = files(folder)
    code, out, err = run(capsys, "import", str(source), "--db", str(db), "--replace")
    answered_well(code, out, err)
    if code != 0:
        assert files(folder) == before
    else:
        # What was taken in prints as it is kept, and nothing in it reaches the terminal raw.
        for command in (["due", "--at", AT], ["export"]):
            answered_well(*run(capsys, *command, "--db", str(db)))


OPTIONS = st.sampled_from(
    [
        ("reply", "{interview}", "--summary", "{text}"),
        ("reply", "{text}"),
        ("reply", "{interview}", "--contact", "{text}"),
        ("snooze", "{action}", "--until", "{text}"),
        ("sent", "{text}"),
        ("sent", "{action}", "--channel", "{text}"),
        ("skip", "{text}"),
        ("draft", "{text}"),
        ("draft", "{action}", "--with", "{text}"),
        ("due", "--days", "{text}"),
        ("profile", "--name", "{text}"),
        ("profile", "--email", "{text}"),
        ("profile", "--phone", "{text}"),
        ("profile", "--timezone", "{text}"),
        ("profile", "--signature", "{text}"),
    ]
)


@SETTINGS
@given(template=OPTIONS, text=TEXT, at=st.one_of(st.just(AT), TEXT))
def test_any_option_is_taken_or_refused_in_one_line(
    template: tuple[str, ...],
    text: str,
    at: str,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path_factory.mktemp("fuzz-options")
    db = folder / "db.json"
    assert main(["demo", "--db", str(db), "--at", AT]) == 0
    capsys.readouterr()
    pipeline = Repository(db, default_zone=ZONE).load()
    interview = pipeline.interviews[0].id
    code, out, _ = run(capsys, "due", "--json", "--at", AT, "--db", str(db))
    action = json.loads(out)[0]["id"]
    argv = [part.format(interview=interview, action=action, text=text) for part in template]
    before = files(folder)
    code, out, err = run(capsys, *argv, "--at", at, "--db", str(db))
    answered_well(code, out, err)
    if code != 0:
        assert files(folder) == before

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_support import sha256

from app.store import schema
from app.store.codec import decode, encode
from app.store.errors import NewerSchema, UnreadableDatabase
from app.store.schema import CURRENT_SCHEMA, MIGRATIONS, SCHEMA_KEY, upgrade
from app.store.storage import SafeJSONStorage

V0_FILE = b'{"jobs": {"1": {"title": "Engineer", "company": "Acme"}}, "misc": {}}'


def rename_jobs(tables: dict[str, Any]) -> dict[str, Any]:
    """A version 0 to 1 step: ``jobs`` became ``interviews`` and documents gained a stage."""
    upgraded = {name: table for name, table in tables.items() if name != "jobs"}
    upgraded["interviews"] = {
        doc_id: {**document, "stage": "applied"} for doc_id, document in tables["jobs"].items()
    }
    return upgraded


def test_the_one_step_today_moves_the_texts_apart() -> None:
    assert CURRENT_SCHEMA == 2
    assert set(MIGRATIONS) == {1}
    assert SCHEMA_KEY == "followup_schema"


def test_an_old_file_is_upgraded_on_read_but_not_rewritten(db_path: Path) -> None:
    db_path.write_bytes(V0_FILE)
    before = sha256(db_path)
    storage = SafeJSONStorage(db_path, migrations={**MIGRATIONS, 0: rename_jobs})

    tables = storage.read()

    assert tables == {
        "misc": {},
        "interviews": {"1": {"title": "Engineer", "company": "Acme", "stage": "applied"}},
    }
    assert sha256(db_path) == before

    assert tables is not None
    tables["interviews"]["2"] = {"title": "Designer", "company": "Bolt", "stage": "applied"}
    storage.write(tables)

    stored = orjson.loads(db_path.read_bytes())
    assert stored[SCHEMA_KEY] == CURRENT_SCHEMA
    assert stored["interviews"]["2"]["company"] == "Bolt"
    assert "jobs" not in stored
    # The backup is the old file as it was, should the upgrade have gone wrong.
    assert storage.backup_path.read_bytes() == V0_FILE
    assert SafeJSONStorage(db_path).read() == tables


def test_a_missing_step_is_an_unknown_version(db_path: Path) -> None:
    db_path.write_bytes(V0_FILE)
    with pytest.raises(UnreadableDatabase, match="has schema version 0, which this followup"):
        SafeJSONStorage(db_path).read()


def test_a_step_that_fails_refuses_the_file(db_path: Path) -> None:
    def broken(tables: dict[str, Any]) -> dict[str, Any]:
        return {"interviews": tables["no such table"]}

    db_path.write_bytes(V0_FILE)
    before = sha256(db_path)
    storage = SafeJSONStorage(db_path, migrations={0: broken})
    with pytest.raises(UnreadableDatabase, match="could not be upgraded from schema version 0"):
        storage.read()
    with pytest.raises(UnreadableDatabase):
        storage.write({})
    assert sha256(db_path) == before


def test_a_step_that_returns_a_bad_layout_refuses_the_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDatabase, match="table 'interviews' is a list"):
        upgrade(
            {},
            tmp_path / "db",
            tmp_path / "db.bak",
            {**MIGRATIONS, 0: lambda _: {"interviews": []}},
        )


def test_steps_run_in_order_from_the_file_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "CURRENT_SCHEMA", 3)
    ran: list[int] = []

    def step(version: int) -> schema.Migration:
        def run(tables: dict[str, Any]) -> dict[str, Any]:
            ran.append(version)
            return {**tables, f"from_{version}": {}}

        return run

    steps = {version: step(version) for version in range(3)}
    path, backup = tmp_path / "db", tmp_path / "db.bak"

    assert upgrade({SCHEMA_KEY: 1, "t": {}}, path, backup, steps) == {
        "t": {},
        "from_1": {},
        "from_2": {},
    }
    assert ran == [1, 2]
    with pytest.raises(NewerSchema):
        upgrade({SCHEMA_KEY: 4}, path, backup, steps)


def test_upgrade_does_not_change_what_it_was_given(tmp_path: Path) -> None:
    raw = {SCHEMA_KEY: 1, "interviews": {"1": {"a": 1}}}
    tables = upgrade(raw, tmp_path / "db", tmp_path / "db.bak")
    assert tables == {"interviews": {"1": {"a": 1}}}
    assert raw[SCHEMA_KEY] == 1


def test_encode_puts_the_version_first_and_is_deterministic() -> None:
    tables = {"interviews": {"1": {"b": [1, 2], "a": "x"}}, "meta": {}}
    content = encode(tables)
    assert content == encode(dict(tables))
    assert content.startswith(b'{"followup_schema":2,')
    assert content.endswith(b"}\n")
    with pytest.raises(ValueError, match="reserved"):
        encode({SCHEMA_KEY: {}})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
documents = st.dictionaries(st.text(max_size=8), json_values, max_size=5)
tables_strategy = st.dictionaries(
    st.text(max_size=10).filter(lambda name: name != SCHEMA_KEY),
    st.dictionaries(st.integers(0, 10_000).map(str), documents, max_size=5),
    max_size=4,
)


@settings(max_examples=60, deadline=None)
@given(tables_strategy)
def test_what_is_encoded_decodes_to_the_same_tables(tables: dict[str, dict[str, Any]]) -> None:
    path = Path("followup.json")
    assert decode(encode(tables), path, path.with_name("followup.json.bak")) == tables

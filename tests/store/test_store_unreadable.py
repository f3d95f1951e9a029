from __future__ import annotations

import codecs
from pathlib import Path

import orjson
import pytest
from store_support import sha256, temporaries
from tinydb import TinyDB

from app.store.errors import NewerSchema, StoreError, UnreadableDatabase
from app.store.storage import SafeJSONStorage

VALID = orjson.dumps(
    {
        "followup_schema": 1,
        "interviews": {
            str(number): {"company": f"Company {number}", "events": [{"kind": "applied"}]}
            for number in range(1, 20)
        },
    },
    option=orjson.OPT_INDENT_2,
)

BAD_FILES: dict[str, tuple[bytes, type[StoreError], str]] = {
    "empty": (b"", UnreadableDatabase, "is empty"),
    "blank": (b" \n\n", UnreadableDatabase, "is empty"),
    "NUL-filled": (b"\x00" * 4096, UnreadableDatabase, "contains only NUL bytes"),
    "NUL tail": (VALID + b"\x00" * 512, UnreadableDatabase, "contains NUL bytes"),
    "not JSON": (b"interviews:\n  - acme\n", UnreadableDatabase, "is not valid JSON (line 1"),
    "not JSON, line 3": (b'{\n"a": 1,\n  x}', UnreadableDatabase, "(line 3, column 3)"),
    "truncated": (VALID[: len(VALID) // 2], UnreadableDatabase, "is cut short"),
    "BOM-prefixed": (codecs.BOM_UTF8 + VALID, UnreadableDatabase, "byte order mark"),
    "not UTF-8": (b'{"a": "caf\xe9"}', UnreadableDatabase, "is not UTF-8 text"),
    "a list": (b"[]", UnreadableDatabase, "holds a list, not an object"),
    "a number": (b"3", UnreadableDatabase, "holds a number, not an object"),
    "table not an object": (
        b'{"followup_schema": 1, "interviews": [1, 2]}',
        UnreadableDatabase,
        "table 'interviews' is a list",
    ),
    "document not an object": (
        b'{"followup_schema": 1, "interviews": {"1": "acme"}}',
        UnreadableDatabase,
        "document 1 of table 'interviews' is text",
    ),
    "document id not a number": (
        b'{"followup_schema": 1, "interviews": {"acme": {}}}',
        UnreadableDatabase,
        "has 'acme' where a document number belongs",
    ),
    "schema key text": (
        b'{"followup_schema": "1", "interviews": {}}',
        UnreadableDatabase,
        "schema version that is not a whole number (text)",
    ),
    "schema key true": (
        b'{"followup_schema": true}',
        UnreadableDatabase,
        "not a whole number (true/false)",
    ),
    "schema key float": (b'{"followup_schema": 1.0}', UnreadableDatabase, "not a whole number"),
    "schema key negative": (b'{"followup_schema": -1}', UnreadableDatabase, "version -1"),
    "no schema key": (b'{"interviews": {}}', UnreadableDatabase, "schema version 0"),
    "newer schema": (
        b'{"followup_schema": 3, "interviews": {}}',
        NewerSchema,
        "was written by a newer followup (schema 3, this one knows up to 2)",
    ),
}


@pytest.fixture(params=sorted(BAD_FILES), ids=str)
def bad_file(request: pytest.FixtureRequest, db_path: Path) -> tuple[Path, type[StoreError], str]:
    content, error, reason = BAD_FILES[request.param]
    db_path.write_bytes(content)
    return db_path, error, reason


def test_read_refuses_with_a_message_naming_the_file_and_the_backup(
    bad_file: tuple[Path, type[StoreError], str],
) -> None:
    path, error, reason = bad_file
    storage = SafeJSONStorage(path)
    with pytest.raises(error) as raised:
        storage.read()
    message = str(raised.value)
    assert type(raised.value) is error
    assert message.startswith(f"{storage.path} ")
    assert reason in message
    assert "it was left untouched" in message
    assert f"there is no backup yet ({storage.backup_path} does not exist)" in message
    assert "\n" not in message


def test_write_after_such_a_read_refuses_too(
    bad_file: tuple[Path, type[StoreError], str],
) -> None:
    path, error, _ = bad_file
    before = sha256(path)
    storage = SafeJSONStorage(path)
    with pytest.raises(error):
        storage.read()
    with pytest.raises(error):
        storage.write({"interviews": {"1": {"company": "New"}}})
    assert sha256(path) == before
    assert not storage.backup_path.exists()
    assert temporaries(path) == []


def test_write_without_a_read_refuses_too(
    bad_file: tuple[Path, type[StoreError], str],
) -> None:
    path, error, _ = bad_file
    before = sha256(path)
    with pytest.raises(error):
        SafeJSONStorage(path).write({})
    assert sha256(path) == before


def test_tinydb_cannot_write_over_it_either(bad_file: tuple[Path, type[StoreError], str]) -> None:
    path, error, _ = bad_file
    before = sha256(path)
    db = TinyDB(path, storage=SafeJSONStorage)
    with pytest.raises(error):
        db.table("interviews").insert({"company": "New"})
    with pytest.raises(error):
        db.drop_tables()
    assert sha256(path) == before


def test_the_message_points_to_an_existing_backup(db_path: Path) -> None:
    storage = SafeJSONStorage(db_path)
    storage.write({"interviews": {"1": {"company": "Acme"}}})
    storage.write({"interviews": {"1": {"company": "Acme"}, "2": {"company": "Bolt"}}})
    db_path.write_bytes(b'{"interviews": ')
    with pytest.raises(UnreadableDatabase) as raised:
        storage.read()
    assert str(raised.value) == (
        f"{storage.path} is cut short (line 1, column 16); it was left untouched; "
        f"the previous version is in {storage.backup_path}; `followup restore` puts it back"
    )
    assert orjson.loads(storage.backup_path.read_bytes()) == {
        "followup_schema": 2,
        "interviews": {"1": {"company": "Acme"}},
    }


def test_a_file_damaged_after_a_good_read_is_not_written_over(db_path: Path) -> None:
    storage = SafeJSONStorage(db_path)
    storage.write({"interviews": {"1": {"company": "Acme"}}})
    assert storage.read() == {"interviews": {"1": {"company": "Acme"}}}
    db_path.write_bytes(b"\x00" * 100)
    with pytest.raises(UnreadableDatabase, match="only NUL bytes"):
        storage.write({"interviews": {}})
    assert db_path.read_bytes() == b"\x00" * 100


def test_a_file_that_cannot_be_opened_is_unreadable(db_path: Path) -> None:
    db_path.mkdir()
    with pytest.raises(UnreadableDatabase, match="could not be read"):
        SafeJSONStorage(db_path).read()

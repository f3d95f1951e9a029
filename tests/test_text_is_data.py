"""Text is data: a control character is refused where text comes in and escaped where it goes
out, whatever field it is in (issue 18)."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.clipboard import NoClipboard, SystemClipboard, copy_text
from app.domain.errors import InvalidData
from app.domain.interchange import read_pipeline
from app.domain.text import control_problem, printable
from tests.cli_runs import cli

AT = "2026-12-04T09:00:00Z"
PAYLOADS = ["\x1b]52;c;SGVsbG8=\x07", "\x1b[2J", "\x00", "\x7f", "\x9b2J"]
# Any raw control character but the tab and the line feed.
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The keys whose strings are free text, by the shape of their path; the rest are ids, choices,
# dates and zones, which refuse a control character in their own words.
TEXT = re.compile(
    r"(^profile\.(name|email|phone|signature)"
    r"|^interviews\[\d+\]\.(company|role)"
    r"|\.contacts\[\d+\]\.(name|title|email|phone|linkedin|notes\[\d+\])"
    r"|\.rounds\[\d+\]\.kind"
    r"|\.promises\[\d+\]\.what"
    r"|\.events\[\d+\]\.(text|summary)"
    r"|\.notes\.(discussed|company_news|impressions|recap\[\d+\]|challenges\[\d+\])"
    r"|\.open_questions\[\d+\](\.question|\.answer)?)$"
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo data as an interchange file."""
    from app.cli import main

    folder = tmp_path_factory.mktemp("demo")
    db = str(folder / "db.json")
    out = folder / "export.json"
    assert main(["demo", "--db", db, "--at", AT]) == 0
    with out.open("w") as stream:
        saved, sys.stdout = sys.stdout, stream
        try:
            assert main(["export", "--db", db]) == 0
        finally:
            sys.stdout = saved
    document: dict[str, Any] = json.loads(out.read_text())
    return document


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, list[Any] | dict[str, Any], Any]]:
    """Every string of a JSON document: its path, its container and its key there."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        where = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key
        if isinstance(item, str):
            yield where, value, key
        elif isinstance(item, dict | list):
            yield from leaves(item, where)


def spoiled(document: dict[str, Any], index: int) -> tuple[str, dict[str, Any]]:
    """The document with a payload in its ``index``-th string, and that string's path."""
    changed = copy.deepcopy(document)
    path, container, key = list(leaves(changed))[index]
    value = container[key]  # type: ignore[index]
    payload = PAYLOADS[index % len(PAYLOADS)]
    container[key] = value[:1] + payload + value[1:]  # type: ignore[index]
    return path, changed


def test_the_demo_export_has_every_kind_of_text_field(exported):
    paths = [path for path, _, _ in leaves(exported) if TEXT.search(path)]
    for kind in ("profile.signature", ".contacts[", ".rounds[", ".promises[", ".events["):
        assert any(kind in path for path in paths), kind
    for kind in (".notes.discussed", ".open_questions[", ".notes[", ".recap["):
        assert any(kind in path for path in paths), kind


def test_every_string_of_the_file_with_a_control_character_is_refused_where_it_is(exported):
    strings = list(leaves(exported))
    for index in range(len(strings)):
        path, document = spoiled(exported, index)
        with pytest.raises(InvalidData) as refused:
            read_pipeline(document, "UTC")
        said = [str(problem) for problem in refused.value.problems]
        assert any(line.startswith(f"{path}:") for line in said), (path, said)
        if TEXT.search(path):
            assert f"{path}: holds a control character (U+" in said[0], said


def _firsts(document: dict[str, Any]) -> list[int]:
    """One string of each kind of text field: the first of each path, numbers aside."""
    seen: set[str] = set()
    chosen = []
    for index, (path, _, _) in enumerate(leaves(document)):
        shape = re.sub(r"\[\d+\]", "[]", path)
        if TEXT.search(path) and shape not in seen:
            seen.add(shape)
            chosen.append(index)
    return chosen


def test_import_refuses_each_text_field_in_one_line_and_writes_nothing(exported, tmp_path, capsys):
    db = tmp_path / "db.json"
    assert cli(capsys, "profile", "--db", str(db), "--name", "Alex")[0] == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    chosen = _firsts(exported)
    assert len(chosen) >= 20
    for index in chosen:
        path, document = spoiled(exported, index)
        source = tmp_path / "in.json"
        source.write_text(json.dumps(document))
        code, out, err = cli(capsys, "import", str(source), "--db", str(db))
        assert (code, out) == (1, ""), path
        assert err.count("\n") == 1 and f"{path}: holds a control character (U+" in err, err
        assert not RAW.search(err)
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["reply", "acme", "--summary", "fine\x1b[2J"], "--summary"),
        (["profile", "--name", "Alex\x9b2J"], "--name"),
        (["profile", "--email", "a\x7f@b.example"], "--email"),
        (["profile", "--phone", "+44\x00 1"], "--phone"),
        (["profile", "--signature", "Alex\n\x1b]52;c;SGVsbG8=\x07"], "--signature"),
    ],
)
def test_an_option_with_a_control_character_is_refused(tmp_path, capsys, argv, option):
    db = tmp_path / "db.json"
    assert cli(capsys, "demo", "--db", str(db), "--at", AT)[0] == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code, out, err = cli(capsys, *argv, "--db", str(db))
    assert (code, out) == (1, "")
    said = rf"followup: {option}: holds a control character \(U\+00[0-9A-F]{{2}}\)(: '.*')?\n"
    assert re.fullmatch(said, err), err
    assert not RAW.search(err)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_form_field_with_a_control_character_is_refused():
    from app.ui.forms.checks import Checker

    check = Checker()
    check.plain("company", "Acme\tLtd\nand co")
    check.plain("name", "Jane\x1b[2J")
    assert check.errors == {"name": "holds a control character (U+001B)"}


# ---------------------------------------------------------------- text stored before the checks


@pytest.fixture
def spoiled_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo database with a payload in every text field of its own file, as a file written
    before the checks might hold them."""
    db = tmp_path / "db.json"
    assert cli(capsys, "demo", "--db", str(db), "--at", AT)[0] == 0
    raw = json.loads(db.read_text())
    tables = {"profile": raw["meta"]["1"]["profile"]}
    tables.update({f"interviews[{n}]": doc for n, doc in enumerate(raw["interviews"].values())})
    count = 0
    for path, container, key in list(leaves(tables)):
        # An address with an escape in it is no address: ``--eml`` would refuse it.
        if TEXT.search(path) and not path.endswith("email"):
            payload = PAYLOADS[count % len(PAYLOADS)]
            container[key] = payload + container[key] + payload  # type: ignore[index]
            count += 1
    assert count > 100
    db.write_text(json.dumps(raw))
    return db


def _clean(text: str) -> None:
    found = RAW.search(text)
    assert found is None, text[max(0, found.start() - 40) : found.end() + 40]


def _open_actions(db: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, out, err = cli(capsys, "due", "--db", str(db), "--at", AT, "--days", "60", "--json")
    assert code == 0, err
    _clean(out)
    return [action["id"] for action in json.loads(out)]


def test_due_and_profile_print_stored_control_characters_escaped(spoiled_db, capsys):
    code, out, err = cli(capsys, "due", "--db", str(spoiled_db), "--at", AT, "--days", "60")
    assert code == 0, err
    _clean(out + err)
    assert "\\x1b" in out
    code, out, err = cli(capsys, "profile", "--db", str(spoiled_db))
    assert code == 0
    _clean(out + err)
    assert "\\x1b]52;c;SGVsbG8=\\x07" in out


def test_drafts_and_their_mail_carry_no_control_character(spoiled_db, tmp_path, capsys):
    actions = _open_actions(spoiled_db, capsys)
    assert actions
    mails = 0
    for action in actions:
        eml = tmp_path / "draft.eml"
        eml.unlink(missing_ok=True)
        code, out, err = cli(
            capsys, "draft", action, "--db", str(spoiled_db), "--at", AT, "--eml", str(eml)
        )
        _clean(out + err)
        if code == 0 and eml.exists():
            mails += 1
            data = eml.read_bytes()
            # A message's lines end in CRLF; no other control character is in it.
            _clean(data.decode("utf-8").replace("\r\n", "\n"))
            assert b"\n" not in data.replace(b"\r\n", b"")
    assert mails > 0


def test_the_calendar_file_carries_no_control_character(spoiled_db, tmp_path, capsys):
    out = tmp_path / "due.ics"
    code, _, err = cli(
        capsys, "calendar", "--todos", "--db", str(spoiled_db), "--at", AT, "--out", str(out)
    )
    assert code == 0, err
    data = out.read_bytes()
    assert data.count(b"BEGIN:VTODO") > 0
    _clean(data.decode("utf-8").replace("\r\n", "\n"))
    assert b"\n" not in data.replace(b"\r\n", b"")


class _Kept:
    name = "fake"

    def __init__(self) -> None:
        self.text = ""

    def copy(self, text: str) -> None:
        self.text = text

    def paste(self) -> str:
        return self.text


def test_the_clipboard_gets_no_control_character(spoiled_db, capsys, monkeypatch):
    kept = _Kept()
    monkeypatch.setattr("app.clipboard.copy.SystemClipboard", lambda: kept)
    action = _open_actions(spoiled_db, capsys)[0]
    _, out, err = cli(capsys, "draft", action, "--db", str(spoiled_db), "--at", AT, "--copy")
    _clean(out + err)
    assert kept.text.strip()
    _clean(kept.text)
    sent: list[str] = []
    result = copy_text("Hi\tJane\n\x1b]52;c;SGVsbG8=\x07", backend=_Kept(), terminal=sent.append)
    assert result.ok and not sent


def test_printable_escapes_each_control_character_and_keeps_tabs_and_lines():
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("\x1b[2J\x00\x7f\x9b\r") == "\\x1b[2J\\x00\\x7f\\x9b\\x0d"
    assert control_problem("ok\tfine\nyes") is None
    assert control_problem("\x85") == "holds a control character (U+0085)"


# ---------------------------------------------------------------------- private by construction


def test_no_clipboard_puts_the_text_on_a_command_line(tmp_path, monkeypatch):
    """pyperclip's klipper mechanism runs ``qdbus … setClipboardContents TEXT``, which any user
    can read in ``ps``: it is refused, and nothing with the text in it is run."""
    log = tmp_path / "argv.log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("qdbus", "klipper"):
        helper = bin_dir / name
        helper.write_text(f'#!/bin/sh\nprintf "%s\\n" "$0 $*" >> "{log}"\necho\n')
        helper.chmod(helper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    secret = "Dear Jane, my salary hopes are 90k"
    with pytest.raises(NoClipboard, match="command line"):
        SystemClipboard().copy(secret)
    result = copy_text(secret)
    assert not result.ok
    assert "klipper" in result.message
    assert secret not in (log.read_text() if log.exists() else "")

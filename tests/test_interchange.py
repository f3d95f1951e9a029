"""A bad interchange file is refused whole: exit 1, one line naming the place, and the database
exactly as it was (or still absent)."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parent.parent


def good() -> dict[str, Any]:
    return {
        "format": "followup/1",
        "profile": {"name": "Alex Morgan", "timezone": "Europe/London"},
        "interviews": [
            {
                "id": "acme-pm",
                "company": "Acme Ltd",
                "role": "Product Manager",
                "stage": "waiting",
                "rounds": [
                    {"id": "r1", "starts": "2026-11-20T14:00:00+00:00", "interviewers": ["jane"]}
                ],
                "contacts": [
                    {"id": "jane", "name": "Jane Doe", "role": "interviewer"},
                    {"id": "sam", "name": "Sam Lee", "role": "recruiter"},
                ],
                "promises": [
                    {"id": "p1", "what": "refs", "to": "jane", "due": "2026-11-21T09:00:00"}
                ],
                "events": [
                    {"at": "2026-11-20T18:10:00+00:00", "kind": "sent", "action": "thank_you"}
                ],
            },
            {"id": "globex", "company": "Globex", "role": "Analyst"},
        ],
    }


def broken(change: Any) -> dict[str, Any]:
    document = copy.deepcopy(good())
    change(document)
    return document


def _set(path: str, value: Any) -> Any:
    """A change that sets ``value`` at a dotted path such as ``interviews.0.stage``."""

    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def _append(path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        node: Any = document
        for key in path.split("."):
            node = node[int(key)] if isinstance(node, list) else node[key]
        node.append(value)

    return change


# (name, file content, text the one line must contain)
BAD_DOCUMENTS = [
    (
        "bad date deep inside",
        broken(_set("interviews.0.promises.0.due", "next tuesday-ish")),
        'interviews[0].promises[0].due: not a date-time: "next tuesday-ish"',
    ),
    (
        "bad day",
        broken(_set("interviews.1.decision_by", "2026-02-30")),
        "interviews[1].decision_by: not a date",
    ),
    (
        "unknown stage",
        broken(_set("interviews.1.stage", "limbo")),
        "interviews[1].stage: not one of scheduled, interviewed, waiting, next_round, "
        'references, offer, closed: "limbo"',
    ),
    (
        "duplicate interview id",
        broken(_set("interviews.1.id", "acme-pm")),
        'interviews[1].id: duplicate interview id "acme-pm"',
    ),
    (
        "duplicate round id",
        broken(_append("interviews.0.rounds", {"id": "r1", "starts": "2026-11-25T10:00"})),
        'interviews[0].rounds[1].id: duplicate round id "r1"',
    ),
    (
        "duplicate contact id",
        broken(_append("interviews.0.contacts", {"id": "jane", "name": "Other Jane"})),
        'interviews[0].contacts[2].id: duplicate contact id "jane"',
    ),
    (
        "unknown field",
        broken(_set("interviews.0.colour", "blue")),
        "interviews[0].colour: unknown field",
    ),
    (
        "unknown top-level field",
        broken(_set("extra", 1)),
        "extra: unknown field",
    ),
    (
        "bad interviewer reference",
        broken(_set("interviews.0.rounds.0.interviewers", ["ghost"])),
        "interviews[0].rounds[0].interviewers[0]: not the id of a contact of this interview: "
        '"ghost"',
    ),
    (
        "bad promise reference",
        broken(_set("interviews.0.promises.0.to", "ghost")),
        "interviews[0].promises[0].to: not the id of a contact",
    ),
    (
        "unknown zone",
        broken(_set("interviews.1.timezone", "Mars/Olympus")),
        "interviews[1].timezone: not a time zone",
    ),
    (
        "missing company",
        broken(lambda d: d["interviews"][1].pop("company")),
        "interviews[1].company: missing",
    ),
    (
        "wrong format",
        broken(_set("format", "followup/9")),
        'format: not "followup/1"',
    ),
    (
        "bad policy",
        broken(_set("policy", {"max_unanswered": -1})),
        "policy.max_unanswered: not a whole number >= 0",
    ),
    ("not an object", [1, 2], "not an interchange object"),
    (
        "far-future day",
        broken(_set("interviews.1.offer_deadline", "9999-12-31")),
        'interviews[1].offer_deadline: not a date between 1900 and 2199: "9999-12-31"',
    ),
    (
        "far-past day",
        broken(_set("interviews.1.decision_by", "0001-01-01")),
        'interviews[1].decision_by: not a date between 1900 and 2199: "0001-01-01"',
    ),
    (
        "far-future moment with an offset",
        broken(_set("interviews.0.promises.0.due", "9999-12-31T23:59:00-05:00")),
        "interviews[0].promises[0].due: not a date-time between 1900 and 2199: "
        '"9999-12-31T23:59:00-05:00"',
    ),
    (
        "far-past moment",
        broken(_set("interviews.0.rounds.0.starts", "1899-12-31T23:59:59")),
        "interviews[0].rounds[0].starts: not a date-time between 1900 and 2199: "
        '"1899-12-31T23:59:59"',
    ),
    (
        "a year past the end on the interview's clock",
        broken(_set("interviews.0.events.0.at", "2199-12-31T23:30:00-01:00")),
        "interviews[0].events[0].at: not a date-time between 1900 and 2199",
    ),
    (
        "far-future snooze",
        broken(
            _append(
                "interviews.0.events",
                {
                    "at": "2026-11-20T19:00:00+00:00",
                    "kind": "snooze",
                    "action": "check_in",
                    "until": "9999-12-31T23:59",
                },
            )
        ),
        'interviews[0].events[1].until: not a date-time between 1900 and 2199: "9999-12-31T23:59"',
    ),
    # A line break in a one-line field would forge a line of its own wherever it is shown: in
    # the due listing, in a message's header.
    (
        "line break in a company",
        broken(_set("interviews.0.company", "Acme\nInjected: yes")),
        "interviews[0].company: holds a line break: one line only",
    ),
    (
        "line break in a contact's name",
        broken(_set("interviews.0.contacts.0.name", "Jane\nBcc: someone@else.example")),
        "interviews[0].contacts[0].name: holds a line break: one line only",
    ),
    (
        "line break in a promise",
        broken(_set("interviews.0.promises.0.what", "refs\n2  thank-you to Sam")),
        "interviews[0].promises[0].what: holds a line break: one line only",
    ),
    (
        "two addresses in one",
        broken(_set("interviews.0.contacts.0.email", "jane@acme.example, spy@evil.example")),
        "interviews[0].contacts[0].email: more than one email address: "
        '"jane@acme.example, spy@evil.example"',
    ),
    (
        "a mail message recorded twice",
        broken(
            _set(
                "interviews.0.events",
                [
                    {"at": "2026-11-21T10:00:00+00:00", "kind": "reply", "source": "<m@x>"},
                    {"at": "2026-11-22T10:00:00+00:00", "kind": "reply", "source": "<m@x>"},
                ],
            )
        ),
        'interviews[0].events: the message "<m@x>" is recorded twice: a message is recorded once',
    ),
    (
        "two addresses in the profile",
        broken(_set("profile.email", "me@x.example;cc@evil.example")),
        'profile.email: more than one email address: "me@x.example;cc@evil.example"',
    ),
]

BAD_BYTES = [
    (
        "malformed JSON",
        b'{"format": "followup/1",\n  "interviews": [}\n',
        "not valid JSON at line 2",
    ),
    ("empty file", b"", "the file is empty"),
    ("not UTF-8", b'{"format": "followup/1", "profile": {"name": "\xff"}}', "not UTF-8 text"),
    ("trailing garbage", json.dumps(good()).encode() + b"\n}", "not valid JSON at line 2"),
]


def sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def existing_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database that already holds an interview of its own."""
    db = tmp_path / "existing.json"
    source = tmp_path / "seed.json"
    seed = {"format": "followup/1", "interviews": [{"id": "seed", "company": "S", "role": "R"}]}
    source.write_text(json.dumps(seed))
    assert run_main(capsys, "import", str(source), "--db", str(db))[0] == 0
    return db


def assert_refused(
    capsys: pytest.CaptureFixture[str], source: Path, db: Path, expected: str
) -> None:
    before = sha256(db)
    code, out, err = run_main(capsys, "import", str(source), "--db", str(db))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"followup: {source}: ")
    assert expected in lines[0]
    assert "Traceback" not in err
    assert out == ""
    assert sha256(db) == before


@pytest.mark.parametrize(
    ("name", "document", "expected"), BAD_DOCUMENTS, ids=[b[0] for b in BAD_DOCUMENTS]
)
@pytest.mark.parametrize("db_exists", [False, True], ids=["absent", "present"])
def test_bad_document_is_refused_whole(
    *,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    existing_db: Path,
    name: str,
    document: Any,
    expected: str,
    db_exists: bool,
) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))
    db = existing_db if db_exists else tmp_path / "absent.json"
    assert_refused(capsys, source, db, expected)
    assert db.exists() == db_exists


@pytest.mark.parametrize(("name", "content", "expected"), BAD_BYTES, ids=[b[0] for b in BAD_BYTES])
def test_bad_bytes_are_refused(
    *,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    existing_db: Path,
    name: str,
    content: bytes,
    expected: str,
) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(content)
    assert_refused(capsys, source, existing_db, expected)
    assert_refused(capsys, source, tmp_path / "absent.json", expected)
    assert not (tmp_path / "absent.json").exists()


def test_every_problem_is_counted_on_the_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = broken(_set("interviews.1.stage", "limbo"))
    document["interviews"][0]["rounds"][0]["starts"] = "soon"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))
    assert_refused(capsys, source, tmp_path / "db.json", "(and 1 more problem)")


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "db.json"
    assert_refused(capsys, tmp_path / "nope.json", db, "no such file")
    assert_refused(capsys, tmp_path, db, "is a folder")
    assert not db.exists()


def test_a_file_over_the_limit_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.commands.import_ import MAX_BYTES

    source = tmp_path / "huge.json"
    with source.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is actually written
    assert_refused(
        capsys, source, tmp_path / "db.json", f"the file is {MAX_BYTES + 1:,} bytes; followup"
    )


def test_half_valid_file_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], existing_db: Path
) -> None:
    document = good()
    document["interviews"].append({"id": "third", "company": "C", "role": ""})
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))
    assert_refused(capsys, source, existing_db, "interviews[2].role: empty")
    _, out, _ = run_main(capsys, "export", "--db", str(existing_db))
    assert [i["id"] for i in json.loads(out)["interviews"]] == ["seed"]


def test_existing_id_needs_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], existing_db: Path
) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(good()))
    assert run_main(capsys, "import", str(source), "--db", str(existing_db))[0] == 0

    changed = good()
    changed["interviews"][1]["role"] = "Senior Analyst"
    changed["interviews"].append({"id": "new-one", "company": "N", "role": "R"})
    source.write_text(json.dumps(changed))
    assert_refused(capsys, source, existing_db, 'interview "acme-pm" (and 1 more) is already in')

    code, out, err = run_main(capsys, "import", str(source), "--db", str(existing_db), "--replace")
    assert (code, err) == (0, "")
    assert "1 added" in out and "2 replaced" in out
    _, out, _ = run_main(capsys, "export", "--db", str(existing_db))
    interviews = json.loads(out)["interviews"]
    assert [i["id"] for i in interviews] == ["seed", "acme-pm", "globex", "new-one"]
    assert interviews[2]["role"] == "Senior Analyst"


def test_refusal_as_a_real_process(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(broken(_set("interviews.0.rounds.0.starts", "2026-13-01"))))
    db = tmp_path / "db.json"
    done = subprocess.run(
        [sys.executable, "-m", "app", "import", str(source), "--db", str(db)],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        f'followup: {source}: interviews[0].rounds[0].starts: not a date-time: "2026-13-01"\n'
    )
    assert not db.exists()


def test_what_earlier_versions_and_the_inbox_wrote_still_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = good()
    # An address an earlier form let through, and one message recorded in two processes
    # (a contact of both wrote once): an export of such a database imports again.
    document["interviews"][0]["contacts"][0]["email"] = "<jane@acme.example>"
    reply = {"at": "2026-11-21T10:00:00+00:00", "kind": "reply", "source": "<both@acme>"}
    document["interviews"][0]["events"].append(dict(reply))
    document["interviews"][1]["events"] = [dict(reply)]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))
    db = tmp_path / "db.json"
    assert run_main(capsys, "import", str(source), "--db", str(db))[0] == 0
    code, first, _ = run_main(capsys, "export", "--db", str(db))
    assert code == 0
    again = tmp_path / "again.json"
    assert run_main(capsys, "import", str(_written(tmp_path, first)), "--db", str(again))[0] == 0
    assert run_main(capsys, "export", "--db", str(again))[1] == first


def _written(folder: Path, text: str) -> Path:
    path = folder / "export.json"
    path.write_text(text)
    return path

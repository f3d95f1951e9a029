"""`followup profile`: print it, set fields, refuse a bad value with one line and no write."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from app.cli import main
from app.domain.profile import ProfileError, changed_profile
from app.domain.records import Profile
from app.store.repository import Repository


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stored(db: Path) -> Profile:
    return Repository(db, default_zone="UTC").load_profile()


def test_an_empty_profile_prints_every_field_as_not_set(capsys, tmp_path):
    db = tmp_path / "db.json"
    code, out, err = run(capsys, "profile", "--db", str(db))
    assert (code, err) == (0, "")
    assert [line.split()[0] for line in out.splitlines()] == [
        "name",
        "email",
        "phone",
        "time",
        "signature",
    ]
    assert out.count("(not set)") == 5
    assert not db.exists()  # looking writes nothing


def test_options_set_only_their_fields_and_print_the_result(capsys, tmp_path):
    db = tmp_path / "db.json"
    assert (
        run(capsys, "profile", "--db", str(db), "--name", "Alex Morgan", "--phone", "+44 1")[0] == 0
    )
    code, out, _ = run(
        capsys,
        "profile",
        "--db",
        str(db),
        "--email",
        "alex@morgan.dev",
        "--timezone",
        "Europe/London",
    )
    assert code == 0
    assert "Saved your email, time zone" in out
    assert stored(db) == Profile(
        name="Alex Morgan", email="alex@morgan.dev", phone="+44 1", timezone="Europe/London"
    )
    assert "name       Alex Morgan" in out and "time zone  Europe/London" in out


def test_a_signature_from_standard_input_keeps_its_lines(capsys, tmp_path, monkeypatch):
    db = tmp_path / "db.json"
    given = io.TextIOWrapper(io.BytesIO(b"\nAlex Morgan  \nProduct Manager\n\n"))
    monkeypatch.setattr("sys.stdin", given)
    code, out, _ = run(capsys, "profile", "--db", str(db), "--signature", "-")
    assert code == 0
    assert stored(db).signature == "Alex Morgan\nProduct Manager"
    assert "signature  Alex Morgan\n           Product Manager\n" in out


def test_a_signature_that_is_not_utf8_is_refused_in_one_line(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "db.json"
    done = subprocess.run(
        [sys.executable, "-m", "app", "profile", "--db", str(db), "--signature", "-"],
        input=b"\xff\xfe Alex\n",
        capture_output=True,
        env={**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "followup: --signature -: standard input is not valid UTF-8 text\n"
    )
    assert not db.exists()
    # A valid é is one, whatever the locale would have made of it.
    done = subprocess.run(
        [sys.executable, "-m", "app", "profile", "--db", str(db), "--signature", "-"],
        input="José Álvarez\n".encode(),
        capture_output=True,
        env={**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert stored(db).signature == "José Álvarez"


def test_an_empty_value_clears_a_field(capsys, tmp_path):
    db = tmp_path / "db.json"
    run(capsys, "profile", "--db", str(db), "--name", "Alex", "--timezone", "Europe/Paris")
    assert run(capsys, "profile", "--db", str(db), "--timezone", "")[0] == 0
    assert stored(db) == Profile(name="Alex", timezone=None)


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--email", "alex-at-morgan", "--email: not an email address"),
        ("--timezone", "Mars/Olympus", "--timezone: unknown time zone 'Mars/Olympus'"),
        ("--timezone", "Asia", "--timezone: unknown time zone 'Asia'"),
        ("--name", "Alex\x1b]52;c;aGk=\x07", "--name: holds a control character"),
        ("--phone", "+44\n1", "--phone: holds a control character or a line break"),
    ],
)
def test_a_bad_value_is_one_line_exit_1_and_nothing_written(capsys, tmp_path, option, value, says):
    db = tmp_path / "db.json"
    run(capsys, "profile", "--db", str(db), "--name", "Alex Morgan")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code, out, err = run(
        capsys, "profile", "--db", str(db), "--name", "Someone Else", option, value
    )
    assert code == 1 and out == ""
    assert err.startswith(f"followup: {says}") and err.count("\n") == 1
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_changed_profile_checks_every_field_before_changing_any():
    with pytest.raises(ProfileError) as refused:
        changed_profile(Profile(name="A"), name="B", email="no")
    assert refused.value.field == "email"
    assert changed_profile(Profile(name="A"), email="a@b.example") == Profile(
        name="A", email="a@b.example"
    )


@pytest.mark.parametrize("one", ["x", "😀"], ids=["ascii", "four-byte"])
def test_a_signature_longer_than_its_limit_is_refused(capsys, tmp_path, monkeypatch, one):
    from app.commands.profile import MAX_SIGNATURE

    db = tmp_path / "db.json"
    given = io.TextIOWrapper(io.BytesIO((one * (MAX_SIGNATURE + 1)).encode()))
    monkeypatch.setattr("sys.stdin", given)
    code, _, err = run(capsys, "profile", "--db", str(db), "--signature", "-")
    assert code == 1
    assert f"standard input holds more than {MAX_SIGNATURE} characters" in err
    assert not db.exists()

"""``followup draft ID [--copy]``: the draft on stdout, everything else on stderr."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.clipboard import copy as copy_module

AT = "2026-11-20T16:00:00+00:00"
THANKS = "brightwater-pm/thank_you/r2/marcus"
NURTURE = "kestrel-tpm/nurture/0"
PROMISE = "tidewell-data/keep_promise/p1"
WHAT = "[your name]"


def unsigned(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """No name and no signature in the profile: every draft ends with a placeholder."""
    assert main(["profile", "--db", db, "--name", "", "--signature", ""]) == 0
    capsys.readouterr()


@pytest.fixture(autouse=True)
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user folders inside the test's own; returns the templates folder."""
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_path", lambda *a, **k: tmp_path / "data")
    monkeypatch.setattr(platformdirs, "user_config_path", lambda *a, **k: tmp_path / "config")
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    yield tmp_path / "config" / "templates"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "demo.json")
    assert main(["demo", "--db", path, "--at", AT]) == 0
    capsys.readouterr()
    return path


class Clipboard:
    held = ""
    broken = False
    name = "fakeclip"

    def copy(self, text: str) -> None:
        if self.broken:
            raise RuntimeError("no display")
        Clipboard.held = text

    def paste(self) -> str:
        return Clipboard.held


@pytest.fixture
def clipboard(monkeypatch: pytest.MonkeyPatch) -> type[Clipboard]:
    Clipboard.held, Clipboard.broken = "", False
    monkeypatch.setattr(copy_module, "SystemClipboard", Clipboard)
    return Clipboard


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_prints_the_draft_subject_first(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "draft", THANKS, "--db", db, "--at", AT)
    assert code == 0
    assert out.startswith(
        "Subject: Jordan Ellis – Thank you for the interview – Senior Product Manager\n\n"
        "Dear Marcus,"
    )
    assert out.endswith("+44 7700 900461\n")
    assert err == (
        "followup: thank-you to Marcus Feld <marcus.feld@brightwater.example> by email\n"
    )


def test_placeholders_left_are_warned_about(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    unsigned(db, capsys)
    code, out, err = run(capsys, "draft", PROMISE, "--db", db, "--at", AT)
    assert code == 0
    assert WHAT in out
    assert f"followup: warning: 1 placeholder still to fill in: {WHAT}\n" in err


def test_an_optional_part_with_nothing_to_say_is_left_out(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Kestrel has no company news: the nurture says something true instead of a placeholder.
    code, out, err = run(capsys, "draft", NURTURE, "--db", db, "--at", AT)
    assert code == 0 and "[" not in out and "placeholder" not in err
    assert "I hope all is going well for you and the team." in out


def test_an_unknown_id_is_a_one_line_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "draft", "brightwater-pm/thank_you/r2/marcu", "--db", db, "--at", AT
    )
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert f'did you mean "{THANKS}"?' in err
    code, _, err = run(capsys, "draft", "nothing-like-it", "--db", db, "--at", AT)
    assert code == 1 and "no open action" in err and "followup due" in err


def test_an_action_that_contacts_no_one(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "draft", "fernhill-insights/move_on/r1", "--db", db, "--at", AT)
    assert code == 1 and out == ""
    assert "contacts no one" in err


def test_copy(db: str, capsys: pytest.CaptureFixture[str], clipboard: type[Clipboard]) -> None:
    code, out, err = run(capsys, "draft", THANKS, "--db", db, "--at", AT, "--copy")
    assert code == 0
    assert clipboard.held == out.removesuffix("\n")
    assert "followup: Copied to the clipboard (fakeclip).\n" in err
    assert "warning" not in err


def test_copy_with_placeholders_copies_but_warns(
    db: str, capsys: pytest.CaptureFixture[str], clipboard: type[Clipboard]
) -> None:
    unsigned(db, capsys)
    code, out, err = run(capsys, "draft", PROMISE, "--db", db, "--at", AT, "--copy")
    assert code == 0
    assert clipboard.held == out.removesuffix("\n")
    first = f"followup: warning: 1 placeholder still to fill in: {WHAT}\n"
    copied = "followup: Copied to the clipboard (fakeclip).\n"
    assert first in err and err.index(first) < err.index(copied)  # it warns first
    assert (
        f"followup: warning: COPIED WITH 1 PLACEHOLDER STILL IN IT: {WHAT}; "
        "fill it in before you send it\n" in err
    )


def test_copy_with_placeholders_warns_even_when_the_copy_fails(
    db: str, capsys: pytest.CaptureFixture[str], clipboard: type[Clipboard]
) -> None:
    unsigned(db, capsys)
    clipboard.broken = True
    code, _, err = run(capsys, "draft", PROMISE, "--db", db, "--at", AT, "--copy")
    assert code == 1
    assert f"followup: warning: 1 placeholder still to fill in: {WHAT}\n" in err


def test_no_clipboard_is_said_plainly(
    db: str, capsys: pytest.CaptureFixture[str], clipboard: type[Clipboard]
) -> None:
    clipboard.broken = True
    code, out, err = run(capsys, "draft", THANKS, "--db", db, "--at", AT, "--copy")
    assert code == 1
    assert out.startswith("Subject: ")
    assert "followup: Not copied: no clipboard works here (fakeclip: no display)" in err
    assert f"followup draft {THANKS} > draft.txt" in err
    # stderr is no terminal here, so no escape sequence was written into it.
    assert "\x1b]52" not in err


def test_a_user_template_and_a_broken_one(
    db: str, capsys: pytest.CaptureFixture[str], folders: Path
) -> None:
    folders.mkdir(parents=True)
    (folders / "thank_you.email.txt").write_text(
        "Subject: Thank you, {first_name}\n\nIt was great to meet {day}.\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "draft", THANKS, "--db", db, "--at", AT)
    assert (code, out) == (0, "Subject: Thank you, Marcus\n\nIt was great to meet today.\n")
    broken = folders / "thank_you.email.txt"
    broken.write_text("Subject: Thank you\n\n{first_name} {oops\n", encoding="utf-8")
    code, out, err = run(capsys, "draft", THANKS, "--db", db, "--at", AT)
    assert code == 0
    assert out.startswith(
        "Subject: Jordan Ellis – Thank you for the interview – Senior Product Manager"
    )
    assert f"followup: warning: {broken}, line 3: unbalanced brace" in err
    assert "using the built-in template instead" in err


def test_the_at_option_changes_the_day(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, today, _ = run(capsys, "draft", THANKS, "--db", db, "--at", AT)
    _, tomorrow, _ = run(capsys, "draft", THANKS, "--db", db, "--at", "2026-11-21T09:00:00+00:00")
    assert "meet with me today" in today
    assert "meet with me yesterday" in tomorrow


def test_drafting_writes_nothing(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = Path(db).read_bytes()
    assert run(capsys, "draft", THANKS, "--db", db, "--at", AT)[0] == 0
    assert Path(db).read_bytes() == before
    assert json.loads(before)  # still the demo

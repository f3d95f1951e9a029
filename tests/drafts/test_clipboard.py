"""The clipboard with fakes: it works, it raises, it lies, it hangs, it is not there."""

from __future__ import annotations

import base64
import io
import os
import stat
import sys
import threading
import time
from pathlib import Path

import pytest

from app.clipboard import (
    CopyResult,
    Mechanism,
    NoClipboard,
    SystemClipboard,
    copy_text,
    osc52_sequence,
    save_draft,
    terminal_writer,
)
from app.clipboard import system as system_module

TEXT = "Subject: Thanks – Zoë\n\nDear Inês,\n"


class Fake:
    """A clipboard that keeps what it is given, unless told to misbehave."""

    def __init__(self, *, raises: Exception | None = None, keeps: bool = True) -> None:
        self.raises = raises
        self.keeps = keeps
        self.held = "what was there before"
        self.name = "fakeclip"

    def copy(self, text: str) -> None:
        if self.raises is not None:
            raise self.raises
        if self.keeps:
            self.held = text

    def paste(self) -> str:
        return self.held


class Hangs:
    name = "xclip"

    def __init__(self) -> None:
        self.release = threading.Event()

    def copy(self, text: str) -> None:
        self.release.wait(60)

    def paste(self) -> str:
        return ""


class Terminal:
    def __init__(self, *, fails: bool = False) -> None:
        self.fails = fails
        self.got: list[str] = []

    def __call__(self, text: str) -> None:
        if self.fails:
            raise RuntimeError("no driver")
        self.got.append(text)


def test_the_system_clipboard_first_and_read_back() -> None:
    fake, terminal = Fake(), Terminal()
    result = copy_text(TEXT, backend=fake, terminal=terminal)
    assert result == CopyResult(
        ok=True,
        mechanism=Mechanism.SYSTEM,
        message="Copied to the clipboard (fakeclip).",
        verified=True,
    )
    assert fake.held == TEXT
    assert terminal.got == []


def test_a_clipboard_that_changes_line_ends_still_counts() -> None:
    class Crlf(Fake):
        def paste(self) -> str:
            return self.held.replace("\n", "\r\n").rstrip("\r\n")

    assert copy_text(TEXT, backend=Crlf()).ok


@pytest.mark.parametrize(
    "backend",
    [
        Fake(raises=RuntimeError("Pyperclip could not find a copy/paste mechanism\nmore text")),
        Fake(raises=NoClipboard("pyperclip found none")),
        Fake(raises=FileNotFoundError(2, "No such file or directory", "xclip")),
        Fake(keeps=False),
    ],
    ids=["exception", "no-mechanism", "helper-gone", "silent-failure"],
)
def test_a_failing_system_clipboard_falls_back_to_the_terminal(backend: Fake) -> None:
    terminal = Terminal()
    result = copy_text(TEXT, backend=backend, terminal=terminal)
    assert result.ok and result.mechanism is Mechanism.TERMINAL
    assert not result.verified
    assert terminal.got == [TEXT]
    assert "terminal's clipboard (OSC 52)" in result.message
    # Unverified: what to do if it did not take is the caller's to say (a file, each its way).
    assert result.message.endswith("If pasting gives nothing, this terminal ignores OSC 52.")
    (problem,) = result.problems
    assert problem in result.message
    assert "\n" not in result.message


def test_a_silent_failure_is_named() -> None:
    result = copy_text(TEXT, backend=Fake(keeps=False))
    assert not result.ok and result.mechanism is Mechanism.NONE
    assert "fakeclip accepted the text but the clipboard did not keep it" in result.message


@pytest.mark.parametrize(
    "backend",
    [Fake(raises=RuntimeError("boom")), Fake(keeps=False)],
    ids=["exception", "silent-failure"],
)
def test_with_no_clipboard_at_all_it_says_so_plainly(backend: Fake) -> None:
    result = copy_text(TEXT, backend=backend)
    assert not result.ok
    assert result.mechanism is Mechanism.NONE
    assert result.message.startswith("Not copied: no clipboard works here (")


def test_a_failing_terminal_is_reported_too() -> None:
    result = copy_text(
        TEXT, backend=Fake(raises=RuntimeError("boom")), terminal=Terminal(fails=True)
    )
    assert not result.ok
    assert result.problems == ("fakeclip: boom", "the terminal's clipboard failed: no driver")


def test_a_hung_helper_freezes_nothing() -> None:
    hangs, terminal = Hangs(), Terminal()
    started = time.monotonic()
    result = copy_text(TEXT, backend=hangs, terminal=terminal)
    elapsed = time.monotonic() - started
    hangs.release.set()
    assert elapsed < 2.5
    assert result.mechanism is Mechanism.TERMINAL
    assert "xclip did not answer within 2 seconds" in result.message
    assert terminal.got == [TEXT]


def test_the_timeout_can_be_shorter() -> None:
    hangs = Hangs()
    started = time.monotonic()
    result = copy_text(TEXT, backend=hangs, timeout=0.2)
    hangs.release.set()
    assert time.monotonic() - started < 1
    assert not result.ok and "within 0.2 seconds" in result.message


# --------------------------------------------------------------------------- pyperclip


def test_pyperclip_without_a_mechanism_is_no_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyperclip

    class Unavailable:
        def __call__(self, *args: object) -> None:
            raise pyperclip.PyperclipException("Pyperclip could not find a copy/paste mechanism")

        def __bool__(self) -> bool:
            return False

    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (Unavailable(), Unavailable()))
    result = copy_text(TEXT)
    assert not result.ok
    assert "pyperclip found none" in result.message


def test_pyperclip_mechanisms_are_used_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyperclip

    held: list[str] = []

    def copy_osx_pbcopy(text: str) -> None:
        held.append(text)

    def paste_osx_pbcopy() -> str:
        return held[-1]

    monkeypatch.setattr(
        pyperclip, "determine_clipboard", lambda: (copy_osx_pbcopy, paste_osx_pbcopy)
    )
    result = copy_text(TEXT)
    assert result.ok and result.message == "Copied to the clipboard (pbcopy)."
    assert held == [TEXT]


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell helper")
def test_x11_helpers_run_detached_from_our_output(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """xclip stays behind to serve the selection; it must not hold our stdout open."""
    import pyperclip

    store = tmp_path / "clip"
    helper = tmp_path / "xclip"
    # Like xclip: read the text, then leave a process behind that outlives the call.
    helper.write_text(f'#!/bin/sh\ncat > "{store}"\n( sleep 30 ) &\nexit 0\n', encoding="utf-8")
    helper.chmod(helper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")

    def copy_xclip(text: str) -> None:
        raise AssertionError("pyperclip's own xclip call would share our output")

    def paste_xclip() -> str:
        return store.read_text(encoding="utf-8")

    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (copy_xclip, paste_xclip))
    result = copy_text(TEXT)
    assert result.ok and result.message == "Copied to the clipboard (xclip)."
    assert store.read_text(encoding="utf-8") == TEXT


def test_a_helper_that_fails_says_why(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    helper = tmp_path / "xsel"
    helper.write_text('#!/bin/sh\necho "Can\'t open display" >&2\nexit 1\n', encoding="utf-8")
    helper.chmod(helper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(NoClipboard, match=r"xsel failed \(exit status 1\): Can't open display"):
        system_module.run_helper(["xsel", "-b", "-i"], TEXT)
    with pytest.raises(NoClipboard, match="no-such-helper"):
        system_module.run_helper(["no-such-helper"], TEXT)


def test_the_system_clipboard_is_found_on_first_use_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pyperclip

    calls: list[int] = []
    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: calls.append(1) or (None, None))
    clipboard = SystemClipboard()
    assert clipboard.name == "the system clipboard"
    assert calls == []
    with pytest.raises(NoClipboard):
        clipboard.copy("x")
    assert calls == [1]


# --------------------------------------------------------------------------- the terminal


def test_osc52() -> None:
    sequence = osc52_sequence(TEXT)
    assert sequence.startswith("\x1b]52;c;") and sequence.endswith("\a")
    assert base64.b64decode(sequence[7:-1]).decode("utf-8") == TEXT
    stream = io.StringIO()
    terminal_writer(stream)(TEXT)
    assert stream.getvalue() == sequence


# --------------------------------------------------------------------------- saving


def test_save_draft(tmp_path: Path) -> None:
    folder = tmp_path / "drafts" / "new"
    first = save_draft(TEXT, folder, "acme/thank_you/r1/jane")
    assert first == folder / "acme-thank_you-r1-jane.txt"
    assert first.read_text(encoding="utf-8") == TEXT
    # The same text again is the same file; other text never overwrites it.
    assert save_draft(TEXT, folder, "acme/thank_you/r1/jane") == first
    second = save_draft("Other", folder, "acme/thank_you/r1/jane")
    assert second == folder / "acme-thank_you-r1-jane-2.txt"
    assert second.read_text(encoding="utf-8") == "Other\n"
    assert first.read_text(encoding="utf-8") == TEXT
    assert {p.name for p in folder.iterdir()} == {first.name, second.name}
    if sys.platform != "win32":
        assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert save_draft("x", folder, "../..").parent == folder
    assert save_draft("x", folder).name == "draft.txt"


def test_a_failed_save_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="No space"):
        save_draft(TEXT, tmp_path, "d")
    assert list(tmp_path.iterdir()) == []

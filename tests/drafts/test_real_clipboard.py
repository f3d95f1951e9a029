"""One copy through a real clipboard: ``followup draft ID --copy`` under Xvfb, read back with
xclip, byte for byte, accents and dashes included.

Outside CI it is skipped where Xvfb or xclip is missing; in CI (``$CI`` set) they must be there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AT = "2026-11-20T17:30:00+01:00"
ACTION = "cafe-lumiere/thank_you/r1/renee"
SEARCH = {
    "format": "followup/1",
    "profile": {
        "name": "Zoë Ångström",
        "email": "zoe@angstrom.example",
        "phone": "+33 6 00 00 00 00",
        "timezone": "Europe/Paris",
    },
    "interviews": [
        {
            "id": "cafe-lumiere",
            "company": "Café Lumière",
            "role": "Head of Product — Payments",
            "stage": "interviewed",
            "timezone": "Europe/Paris",
            "rounds": [
                {
                    "id": "r1",
                    "starts": "2026-11-20T14:00:00",
                    "minutes": 90,
                    "kind": "onsite",
                    "interviewers": ["renee"],
                }
            ],
            "contacts": [
                {
                    "id": "renee",
                    "name": "Renée Dubois-Lefèvre",
                    "title": "Directrice produit",
                    "email": "renee@cafe-lumiere.example",
                    "role": "interviewer",
                    "notes": ["the café's naïve retry logic"],
                }
            ],
            "notes": {
                "recap": [
                    "Rebuilt the checkout — 12% fewer drop-offs",
                    "Led a team of naïve… no, eager analysts",
                ],
                "challenges": [
                    "Payments in 14 currencies: start with the top three, then automate"
                ],
            },
        }
    ],
}


def _tools() -> tuple[str, str] | None:
    xvfb, xclip = shutil.which("Xvfb"), shutil.which("xclip")
    if xvfb and xclip:
        return xvfb, xclip
    if os.environ.get("CI"):
        pytest.fail("CI must install Xvfb and xclip (Debian: xvfb, xclip) for the clipboard test")
    pytest.skip("needs Xvfb and xclip")


@pytest.fixture
def display() -> Iterator[str]:
    """A private X display, started here and stopped after the test."""
    tools = _tools()
    assert tools is not None
    xvfb, _ = tools
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "320x240x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        # Xvfb writes its display number once it accepts connections.
        with os.fdopen(read_end, "rb") as stream:
            number = stream.readline().strip().decode()
        if not number:
            pytest.fail(f"Xvfb did not start (exit status {server.poll()})")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _env(tmp_path: Path, display: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("FOLLOWUP_") and k not in {"WAYLAND_DISPLAY", "DISPLAY"}
    }
    env.update(
        DISPLAY=display,
        PYTHONPATH=str(ROOT),
        PYTHONIOENCODING="utf-8",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return env


def _followup(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[bytes]:
    # Captured output: a clipboard helper left holding our stdout would hang this call.
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


def test_copy_to_a_real_clipboard(tmp_path: Path, display: str) -> None:
    env = _env(tmp_path, display)
    db = str(tmp_path / "search.json")
    source = tmp_path / "search.json.in"
    source.write_text(json.dumps(SEARCH, ensure_ascii=False), encoding="utf-8")
    imported = _followup(env, "import", str(source), "--db", db)
    assert imported.returncode == 0, imported.stderr.decode()

    done = _followup(env, "draft", ACTION, "--db", db, "--at", AT, "--copy")
    err = done.stderr.decode("utf-8")
    assert done.returncode == 0, err
    assert "followup: Copied to the clipboard (xclip)." in err
    draft = done.stdout.decode("utf-8").removesuffix("\n")
    assert draft.startswith(
        "Subject: Zoë Ångström – Thank you for the interview – Head of Product — Payments\n"
    )
    assert "Dear Renée," in draft and "Café Lumière" in draft and "naïve retry" in draft
    assert "checkout — 12%" in draft
    assert draft.rstrip().endswith("Zoë Ångström\n+33 6 00 00 00 00\nzoe@angstrom.example")

    pasted = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        capture_output=True,
        env=env,
        timeout=10,
        check=True,
    )
    assert pasted.stdout.decode("utf-8") == draft

"""The machine's zone comes from ``TZ`` when it is set: a zone name (or ``:name``, or the path of
a zone file) is used; anything else means UTC, said in one warning, never the system's zone in
silence. With ``TZ`` unset, the system's zone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.commands.context import machine_zone
from app.store.repository import Repository

ROOT = Path(__file__).resolve().parent.parent

# No zone anywhere in the file, so the interview takes the machine's. The round ends at 10:00
# on the machine's clock; the thank-you is due from then until 10:00 the next day.
INTERCHANGE = {
    "format": "followup/1",
    "profile": {"name": "Alex Morgan"},
    "interviews": [
        {
            "id": "acme-pm",
            "company": "Acme Ltd",
            "role": "Product Manager",
            "stage": "interviewed",
            "rounds": [{"id": "r1", "starts": "2026-11-20T09:00", "minutes": 60}],
            "contacts": [{"id": "jane", "name": "Jane Doe", "role": "interviewer"}],
        }
    ],
}


def followup(tmp_path: Path, tz: str | None, *argv: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_") and k != "TZ"
    }
    environment.update(PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path / "xdg"))
    if tz is not None:
        environment["TZ"] = tz
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
    )


def system_zone() -> str:
    """What pendulum reads from this system's configuration, with TZ out of the way."""
    environment = {k: v for k, v in os.environ.items() if k != "TZ"}
    code = "from pendulum.tz import get_local_timezone; print(get_local_timezone().name)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    return done.stdout.strip()


UTC_BECAUSE = "followup: warning: {}; times are read in UTC\n"


@pytest.mark.parametrize(
    ("tz", "zone", "offset", "warning"),
    [
        ("Invalid/Zone", "UTC", "+00:00", "TZ='Invalid/Zone' is not a time zone"),
        ("", "UTC", "+00:00", "TZ is set but empty"),
        ("garbage", "UTC", "+00:00", "TZ='garbage' is not a time zone"),
        ("Europe/Paris", "Europe/Paris", "+01:00", None),
        (":Europe/Paris", "Europe/Paris", "+01:00", None),
        ("America/New_York", "America/New_York", "-05:00", None),
        ("EST5EDT", "EST5EDT", "-05:00", None),  # POSIX-style, but in the zone database
    ],
)
def test_tz_decides_the_zone_or_is_reported(
    tmp_path: Path, tz: str, zone: str, offset: str, warning: str | None
) -> None:
    db = tmp_path / "followup.json"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(INTERCHANGE))
    expected_err = UTC_BECAUSE.format(warning) if warning else ""

    imported = followup(tmp_path, tz, "import", str(source), "--db", str(db))
    assert (imported.returncode, imported.stderr) == (0, expected_err)
    due = followup(tmp_path, tz, "due", "--json", "--at", "2026-11-20T12:00", "--db", str(db))
    assert (due.returncode, due.stderr) == (0, expected_err)

    assert Repository(db, default_zone="UTC").load().interviews[0].timezone == zone
    [thank_you] = [a for a in json.loads(due.stdout) if a["kind"] == "thank_you"]
    assert thank_you["due_from"] == f"2026-11-20T10:00:00{offset}"
    assert thank_you["due_by"] == f"2026-11-21T10:00:00{offset}"
    assert thank_you["state"] == "due"


def test_without_tz_the_system_zone_is_used_quietly(tmp_path: Path) -> None:
    expected = system_zone()
    db = tmp_path / "followup.json"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(INTERCHANGE))
    imported = followup(tmp_path, None, "import", str(source), "--db", str(db))
    assert (imported.returncode, imported.stderr) == (0, "")
    assert Repository(db, default_zone="UTC").load().interviews[0].timezone == expected


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("Asia/Tokyo", ("Asia/Tokyo", None)),
        (":Asia/Tokyo", ("Asia/Tokyo", None)),
        ("  ", ("UTC", "TZ is set but empty")),
        (":", ("UTC", "TZ is set but empty")),
        ("Europe/Paris ", ("UTC", "TZ='Europe/Paris ' is not a time zone")),
        ("CET-1CEST", ("UTC", "TZ='CET-1CEST' is not a time zone")),  # POSIX, not in the database
        ("../../etc/passwd", ("UTC", "TZ='../../etc/passwd' is not a time zone")),
        (
            ":/no/such/zoneinfo/Asia/Tokyo",
            ("UTC", "TZ=':/no/such/zoneinfo/Asia/Tokyo' is not a time zone"),
        ),
    ],
)
def test_tz_values(
    monkeypatch: pytest.MonkeyPatch, tz: str, expected: tuple[str, str | None]
) -> None:
    monkeypatch.setenv("TZ", tz)
    assert machine_zone() == expected


def test_tz_may_name_a_zone_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Where the zone files live differs between systems; the name is read from the path.
    path = tmp_path / "share" / "zoneinfo" / "Asia" / "Tokyo"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"TZif2")
    monkeypatch.setenv("TZ", f":{path}")
    assert machine_zone() == ("Asia/Tokyo", None)
    # A link to that file under another name, as /etc/localtime is.
    localtime = tmp_path / "localtime"
    localtime.symlink_to(path)
    monkeypatch.setenv("TZ", str(localtime))
    assert machine_zone() == ("Asia/Tokyo", None)
    path.unlink()  # a path to no file at all
    assert machine_zone() == ("UTC", f"TZ={str(localtime)!r} is not a time zone")


def test_the_dashboard_in_a_terminal_shows_a_bad_tz(tmp_path: Path) -> None:
    from app.cli import main
    from tests.test_signals import ANSI, INTERCHANGE, Terminal, wait_for

    db, source = tmp_path / "followup.json", tmp_path / "in.json"
    source.write_text(json.dumps(INTERCHANGE))
    assert main(["import", str(source), "--db", str(db)]) == 0
    terminal = Terminal(db, tmp_path, tz="Invalid/Zone")

    def before_and_on_screen() -> tuple[str, str]:
        before, _, after = terminal.output.partition(b"\x1b[?1049h")  # full screen from here
        return before.decode(), " ".join(ANSI.sub(b"", after).decode().split())

    try:
        wait_for(lambda: "1 interview ·" in before_and_on_screen()[1], "the dashboard")
        wait_for(lambda: "Invalid/Zone" in before_and_on_screen()[1], "the warning on screen")
        before, on_screen = before_and_on_screen()
        assert UTC_BECAUSE.format("TZ='Invalid/Zone' is not a time zone").strip() in before
        assert "is not a time zone" in on_screen
        terminal.type("\x11")  # ctrl+q
        assert terminal.process.wait(timeout=10) == 0
    finally:
        terminal.close()

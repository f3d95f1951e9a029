"""A real calendar client reads the file (issue 20): khal imports it, lists every open action
on its day and at its time in the client's zone, and a second import of the same file adds
nothing (the UIDs are stable). khal comes with the test extra; where it is missing the test
skips, and under CI it fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.cli_runs import cli, demo_database

AT = "2026-12-04T09:00:00+00:00"
LOCAL = "Europe/London"


def _khal() -> str:
    found = shutil.which("khal")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("khal is missing: the test extra installs it (pip install -e '.[test]')")
        pytest.skip("khal is not installed (pip install khal)")
    return found


def test_khal_lists_every_open_action_at_its_time_and_a_second_import_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    khal = _khal()
    db = demo_database(tmp_path, capsys, AT)
    feed = tmp_path / "feed.ics"
    assert cli(capsys, "calendar", "--out", str(feed), "--at", AT, "--db", str(db))[0] == 0
    code, out, err = cli(capsys, "due", "--json", "--days", "100000", "--at", AT, "--db", str(db))
    assert code == 0, err
    actions = json.loads(out)
    store = tmp_path / "calendars" / "followup"
    store.mkdir(parents=True)
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[followup]]\npath = {store}/\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        f"local_timezone = {LOCAL}\ndefault_timezone = {LOCAL}\n"
    )

    def khal_run(*argv: str) -> str:
        done = subprocess.run(
            [khal, "-c", str(config), *argv],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def listed() -> list[str]:
        out = khal_run("list", "--format", "{start} {title}", "--day-format", "",
                       "2026-01-01", "800d")  # fmt: skip
        return [line for line in out.splitlines() if line.strip()]

    khal_run("import", "--batch", "-a", "followup", str(feed))
    first = listed()
    expected = []
    for action in actions:
        starts = datetime.fromisoformat(action["due_from"]).astimezone(ZoneInfo(LOCAL))
        expected.append(f"{starts:%Y-%m-%d %H:%M} ")
    assert len(first) == len(actions) >= 15
    for action, when in zip(actions, expected, strict=True):
        matching = [line for line in first if line.startswith(when)]
        assert any(action["company"] in line for line in matching), (action["id"], when)
    khal_run("import", "--batch", "-a", "followup", str(feed))
    assert listed() == first

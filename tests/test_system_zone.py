"""The machine's zone found without pendulum is the zone pendulum finds, or no answer."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path
from zoneinfo import TZPATH

import pytest

from app.commands.system_zone import system_zone

pendulum_finds = importlib.import_module("pendulum.tz.local_timezone")._get_unix_timezone


def zone_file(name: str) -> Path:
    for folder in TZPATH:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no zone file for {name}")


def made_up_system(root: Path, timezone: str | None = None, link: str | None = None) -> str:
    etc = root / "etc"
    etc.mkdir(parents=True)
    if timezone is not None:
        (etc / "timezone").write_text(timezone)
    if link is not None:
        target = root / "usr" / "share" / "zoneinfo" / link
        target.parent.mkdir(parents=True)
        shutil.copy(zone_file(link), target)
        (etc / "localtime").symlink_to(target)
    return str(root)


@pytest.mark.parametrize(
    ("timezone", "link", "expected"),
    [
        ("Europe/Paris\n", None, "Europe/Paris"),
        ("Asia/Tokyo # set by the installer\n", "Europe/Paris", "Asia/Tokyo"),
        (None, "Asia/Tokyo", "Asia/Tokyo"),
        (None, "America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        (None, "Etc/UTC", "UTC"),
    ],
)
def test_the_zone_is_the_one_pendulum_finds(tmp_path, timezone, link, expected):
    root = made_up_system(tmp_path, timezone, link)
    assert system_zone(root) == expected
    assert pendulum_finds(root).name == expected


@pytest.mark.parametrize(
    "setup",
    [
        lambda etc: (etc / "timezone").write_text("America/New York\n"),  # refused by pendulum
        lambda etc: (etc / "timezone").write_bytes(b"TZif2 a zone file by mistake"),
        lambda etc: (etc / "sysconfig").mkdir() or (etc / "sysconfig" / "clock").write_text(""),
        lambda etc: shutil.copy(zone_file("Asia/Tokyo"), etc / "localtime"),  # not a link
        lambda etc: None,  # nothing at all
    ],
    ids=["refused-name", "zone-file", "sysconfig", "plain-localtime", "nothing"],
)
def test_anything_else_is_left_to_pendulum(tmp_path, setup):
    etc = tmp_path / "etc"
    etc.mkdir()
    setup(etc)
    assert system_zone(str(tmp_path)) is None

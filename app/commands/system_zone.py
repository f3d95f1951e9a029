"""The machine's time zone as pendulum finds it on a Unix system, for the common cases, without
importing pendulum: that costs every command some 12 ms at its start, more than the rest of a
``due`` on an unchanged file.

The files are looked at in pendulum's order (``pendulum.tz.local_timezone``), and a name is
read from them exactly as pendulum reads it; where pendulum would go on to something else (a
zone file to load, a name it would refuse, another system), the answer is None and pendulum is
asked after all. A test holds the two to the same answer on made-up systems.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.domain.interchange.zones import is_zone


def system_zone(root: str = "/") -> str | None:
    """The zone's name, or None where only pendulum can tell (or tell what is wrong)."""
    if os.name != "posix":
        return None
    etc = Path(root) / "etc"
    named = etc / "timezone"
    if named.is_file():
        data = named.read_bytes()
        if data.startswith(b"TZif2"):
            return None
        try:
            name = data.strip().decode()
        except UnicodeDecodeError:
            return None
        name = name.partition(" ")[0].partition("#")[0].replace(" ", "_")
        return name if is_zone(name) else None
    if (etc / "sysconfig" / "clock").is_file() or (etc / "conf.d" / "clock").is_file():
        return None
    localtime = etc / "localtime"
    if localtime.is_file() and localtime.is_symlink():
        parts = [p.replace(" ", "_") for p in reversed(localtime.resolve().parts)]
        # pendulum tries the shortest tail first: .../zoneinfo/Etc/UTC is "UTC".
        for length in range(1, len(parts) + 1):
            name = os.path.sep.join(reversed(parts[:length]))
            if is_zone(name):
                return name
    return None

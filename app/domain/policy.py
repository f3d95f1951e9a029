"""The engine's tunables (SPEC section 4), their defaults, and reading them from the interchange.

A database stores only the keys the user overrode, so that a default improved later reaches
databases that never chose otherwise; ``Policy.from_overrides`` fills in the rest.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any

from app.domain.errors import Problems
from app.domain.errors import show_value as _show

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


@dataclass(frozen=True, slots=True)
class Policy:
    thank_you_delay_hours: float = 0
    thank_you_within_hours: float = 24
    default_decision_days: int = 7
    check_in_grace_business_days: int = 1
    follow_up_gap_days: int = 7
    max_unanswered: int = 2
    min_gap_business_days: int = 2
    window_business_days: int = 2
    nurture_every_days: int = 30
    prepare_days_before: int = 2
    suggest_connect: bool = True
    work_start: time = time(9, 0)
    work_end: time = time(17, 0)
    work_days: frozenset[int] = frozenset(range(5))
    holidays: str | None = None

    @classmethod
    def from_overrides(cls, overrides: object, path: str = "policy") -> Policy:
        """Build a policy from the interchange's ``policy`` object; raise ``Problems``."""
        problems = Problems()
        values = read_overrides(overrides, path, problems)
        problems.raise_if_any()
        return cls(**values)


_INT_KEYS = {
    "default_decision_days": 0,
    "check_in_grace_business_days": 0,
    "follow_up_gap_days": 0,
    # SPEC: "max_unanswered is at least 1": a 0 is read as 1 (see read_overrides).
    "max_unanswered": 0,
    "min_gap_business_days": 0,
    "window_business_days": 1,
    "nurture_every_days": 1,
    "prepare_days_before": 0,
}
_HOUR_KEYS = ("thank_you_delay_hours", "thank_you_within_hours")
POLICY_KEYS = (*_HOUR_KEYS, *_INT_KEYS, "suggest_connect", "work_hours", "work_days", "holidays")


def read_overrides(overrides: object, path: str, problems: Problems) -> dict[str, Any]:
    """Check each override and turn it into ``Policy`` keyword arguments."""
    values: dict[str, Any] = {}
    if not isinstance(overrides, Mapping):
        problems.add(path, f"not an object: {_show(overrides)}")
        return values
    for key, value in overrides.items():
        where = f"{path}.{key}"
        if key in _INT_KEYS:
            if not _is_int(value) or value < _INT_KEYS[key]:
                problems.add(where, f"not a whole number >= {_INT_KEYS[key]}: {_show(value)}")
            else:
                values[key] = max(value, 1) if key == "max_unanswered" else value
        elif key in _HOUR_KEYS:
            if not _is_number(value) or value < 0 or value > 24 * 365:
                problems.add(where, f"not a number of hours from 0 to 8760: {_show(value)}")
            else:
                values[key] = value
        elif key == "suggest_connect":
            if not isinstance(value, bool):
                problems.add(where, f"not true or false: {_show(value)}")
            else:
                values[key] = value
        elif key == "work_hours":
            hours = parse_work_hours(value)
            if hours is None:
                problems.add(where, f'not hours such as "09:00-17:00": {_show(value)}')
            else:
                values["work_start"], values["work_end"] = hours
        elif key == "work_days":
            days = parse_work_days(value)
            if days is None:
                problems.add(where, f'not days such as ["mon", "tue"] or "mon-fri": {_show(value)}')
            else:
                values["work_days"] = days
        elif key == "holidays":
            if value is not None and not _is_country(value):
                problems.add(where, f'not a country code such as "GB": {_show(value)}')
            else:
                values["holidays"] = value.upper() if isinstance(value, str) else None
        else:
            problems.add(where, f"unknown policy key; known keys: {', '.join(POLICY_KEYS)}")
    return values


def parse_work_hours(value: object) -> tuple[time, time] | None:
    if not isinstance(value, str):
        return None
    match = _HOURS.match(value.strip())
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2 != 0):
        return None
    start = time(h1, m1)
    end = time(23, 59, 59, 999999) if h2 == 24 else time(h2, m2)
    if end <= start:
        return None
    return start, end


def parse_work_days(value: object) -> frozenset[int] | None:
    if isinstance(value, str):
        first, dash, last = value.strip().lower().partition("-")
        if not dash:
            return parse_work_days([value])
        if first[:3] not in DAY_NAMES or last[:3] not in DAY_NAMES:
            return None
        start, end = DAY_NAMES.index(first[:3]), DAY_NAMES.index(last[:3])
        if end < start:
            return None
        return frozenset(range(start, end + 1))
    if isinstance(value, list) and value:
        days = set()
        for item in value:
            if not isinstance(item, str) or item.strip().lower()[:3] not in DAY_NAMES:
                return None
            days.add(DAY_NAMES.index(item.strip().lower()[:3]))
        return frozenset(days)
    return None


def known_country(code: str) -> bool:
    import holidays

    return code.upper() in holidays.list_supported_countries()


def _is_country(value: object) -> bool:
    return (
        isinstance(value, str) and len(value) in (2, 3) and value.isalpha() and known_country(value)
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value <= 100_000


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)

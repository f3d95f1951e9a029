"""The checks on one value of an interchange file: its shape, text, ids, choices, dates and
date-times. Each wrong value is noted with its JSON path, and a harmless stand-in returned."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, tzinfo
from enum import StrEnum
from typing import Any, TypeVar

from app.domain.errors import Problems, show_value
from app.domain.interchange.schema import MAX_ID, MAX_TEXT
from app.domain.interchange.zones import _any_day, _in_zone, _written_moment
from app.domain.text import CONTROL, control_problem, printable
from app.domain.times import YEARS, in_years

# An id is one line of text, quoted in messages and in file names: no tab, no line break either.
_ID_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

E = TypeVar("E", bound=StrEnum)


class _Fields:
    __slots__ = ("plain", "problems")

    def __init__(self, problems: Problems, *, plain: bool = False) -> None:
        self.problems = problems
        # Text from a file from outside must be plain: a control character in it is refused.
        # The database's own file still opens with text stored before that check, its control
        # characters read as their escapes (``printable``): every screen, file and clipboard
        # the records reach then shows them, and none obeys them.
        self.plain = plain

    def keys(self, raw: Mapping[str, Any], path: str, allowed: set[str]) -> None:
        if allowed.issuperset(raw):
            return
        for key in raw:
            if key not in allowed:
                where = f"{path}.{key}" if path else str(key)
                self.problems.add(
                    where, f"unknown field; expected one of {', '.join(sorted(allowed))}"
                )

    def obj(self, raw: object, path: str) -> Mapping[str, Any] | None:
        if isinstance(raw, Mapping):
            return raw
        self.problems.add(path, f"not an object: {_show(raw)}")
        return None

    def array(self, raw: object, path: str) -> list[Any]:
        if raw is None:
            return []
        if isinstance(raw, list):
            return raw
        self.problems.add(path, f"not a list: {_show(raw)}")
        return []

    def text(self, raw: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> str:
        value = raw.get(key)
        # The common case first, without building the path that only a problem needs.
        if type(value) is str and not required and len(value) <= MAX_TEXT:
            if CONTROL.search(value) is None:
                return value
            if not self.plain:
                return printable(value)
        where = f"{path}.{key}"
        if value is None:
            if required:
                self.problems.add(where, "missing")
            return ""
        if not isinstance(value, str):
            self.problems.add(where, f"not text: {_show(value)}")
            return ""
        if len(value) > MAX_TEXT:
            self.problems.add(where, f"text longer than {MAX_TEXT:,} characters")
            return ""
        if self._has_control(value, where):
            return ""
        if required and not value.strip():
            self.problems.add(where, "empty")
        return printable(value)

    def line(self, raw: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> str:
        """Text of one line: a name, a title, a company, as a header or a list shows it. A
        file from outside with a line break in one is refused: the break would start a line
        of its own wherever it is shown."""
        value = self.text(raw, key, path, required=required)
        if self.plain and "\n" in value:
            self.problems.add(f"{path}.{key}", "holds a line break: one line only")
            return ""
        return value

    def address(self, raw: Mapping[str, Any], key: str, path: str) -> str:
        """One email address at most (none: ""): a second one would make a message's header,
        or a mailto: link, name two recipients. An address that is merely odd ("<jane@x>")
        still comes in, as earlier versions wrote it, so that an export always imports."""
        value = self.line(raw, key, path)
        if self.plain and value.count("@") > 1:
            self.problems.add(f"{path}.{key}", f"more than one email address: {_show(value)}")
            return ""
        return value

    def texts(self, raw: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = raw.get(key)
        where = f"{path}.{key}"
        if value is None:
            return ()
        if isinstance(value, str):
            # A single note typed as text rather than a list is still the user's note.
            if len(value) > MAX_TEXT:
                self.problems.add(where, f"text longer than {MAX_TEXT:,} characters")
                return ()
            if self._has_control(value, where):
                return ()
            value = printable(value)
            return (value,) if value.strip() else ()
        out = []
        for index, item in enumerate(self.array(value, where)):
            if not isinstance(item, str):
                self.problems.add(f"{where}[{index}]", f"not text: {_show(item)}")
            elif len(item) > MAX_TEXT:
                self.problems.add(f"{where}[{index}]", f"text longer than {MAX_TEXT:,} characters")
            elif not self._has_control(item, f"{where}[{index}]"):
                out.append(printable(item))
        return tuple(out)

    def _has_control(self, value: str, where: str) -> bool:
        """Whether ``value`` is refused for a control character, which is then noted."""
        problem = control_problem(value) if self.plain else None
        if problem:
            self.problems.add(where, problem)
        return problem is not None

    def ident(self, raw: Mapping[str, Any], key: str, path: str) -> str:
        value = raw.get(key)
        if (
            isinstance(value, str)
            and 0 < len(value) <= MAX_ID
            and value == value.strip()
            and not _ID_CONTROL.search(value)
        ):
            return value
        where = f"{path}.{key}"
        if not isinstance(value, str) or not value.strip():
            self.problems.add(where, "missing" if value is None else f"not an id: {_show(value)}")
            return ""
        if len(value) > MAX_ID or _ID_CONTROL.search(value) or value != value.strip():
            self.problems.add(
                where,
                f"not an id (at most {MAX_ID} characters, no spaces "
                f"around it, no control characters): {_show(value)}",
            )
            return ""
        return value

    def ref(self, raw: Mapping[str, Any], key: str, path: str) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        return self.ident(raw, key, path) or None

    def flag(self, raw: Mapping[str, Any], key: str, path: str) -> bool:
        value = raw.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problems.add(f"{path}.{key}", f"not true or false: {_show(value)}")
            return False
        return value

    def choice(self, raw: Mapping[str, Any], key: str, path: str, kind: type[E]) -> E | None:
        value = raw.get(key)
        if value is None:
            return None
        return self.member(value, f"{path}.{key}", kind)

    def member(self, value: object, path: str, kind: type[E]) -> E | None:
        # Looked up, never passed to ``kind(value)``: the enum's refusal quotes the value's
        # repr, which for a list nested a thousand deep exceeds the recursion limit.
        member = _member(kind, value)
        if member is None:
            names = ", ".join(m.value for m in kind)
            self.problems.add(path, f"not one of {names}: {_show(value)}")
        return member

    def moment(
        self, raw: Mapping[str, Any], key: str, path: str, tz: tzinfo, *, required: bool = False
    ) -> datetime | None:
        value = raw.get(key)
        if value is None:
            if required:
                self.problems.add(f"{path}.{key}", "missing")
            return None
        written = _written_moment(value)
        if written is None:
            self.problems.add(f"{path}.{key}", f"not a date-time: {_show(value)}")
            return None
        moment = _in_zone(written, tz)
        if moment is None:
            self.problems.add(f"{path}.{key}", f"not a date-time {YEARS}: {_show(value)}")
        return moment

    def day(self, raw: Mapping[str, Any], key: str, path: str) -> date | None:
        value = raw.get(key)
        if value is None:
            return None
        parsed = _any_day(value)
        if parsed is None:
            self.problems.add(f"{path}.{key}", f"not a date (YYYY-MM-DD): {_show(value)}")
        elif not in_years(parsed):
            self.problems.add(f"{path}.{key}", f"not a date {YEARS}: {_show(value)}")
            return None
        return parsed

    def unique(self, ids: Iterable[str], path: str, what: str) -> None:
        seen: set[str] = set()
        for index, ident in enumerate(ids):
            if ident and ident in seen:
                self.problems.add(f"{path}[{index}].id", f'duplicate {what} id "{ident}"')
            seen.add(ident)


def _show(value: object) -> str:
    """``show_value``, with its control characters escaped: a refusal quotes the bad value
    to the terminal."""
    return printable(show_value(value))


def _member(kind: type[E], value: object) -> E | None:
    if type(value) is not str:
        return None
    return kind._value2member_map_.get(value)  # type: ignore[return-value]


def _is_ident(value: object) -> bool:
    return (
        type(value) is str
        and 0 < len(value) <= MAX_ID
        and value == value.strip()
        and not _ID_CONTROL.search(value)
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)

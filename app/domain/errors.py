"""Problems found in data, each with the JSON path that locates it."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.text import printable


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InvalidData(ValueError):
    """Data that does not fit the interchange format; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.summary())

    def summary(self) -> str:
        first = str(self.problems[0]) if self.problems else "invalid data"
        more = len(self.problems) - 1
        if more > 0:
            first += f" (and {more} more problem{'s' if more > 1 else ''})"
        return first


class Problems:
    """A collector, so that validation reports everything wrong at once."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(Problem(path, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise InvalidData(list(self.items))


def show_value(value: object) -> str:
    """A short, JSON-flavoured rendering of a bad value for an error line."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # Quoted from a file: its control characters are shown, never sent to a terminal.
        value = printable(value)
        return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}..."'
    return repr(value)[:60]

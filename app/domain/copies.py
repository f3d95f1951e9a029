"""Copies of records with some fields changed, whatever kind of class holds them.

The records are msgspec Structs (decoded straight from the file, see ``records``); the other
values of the domain (the pipeline, the policy) are dataclasses. One ``replace`` serves both,
so that a caller never has to know which it holds.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")


def replace(value: T, /, **changes: Any) -> T:
    """``value`` with ``changes``; a Struct or a dataclass instance."""
    if isinstance(value, msgspec.Struct):
        return msgspec.structs.replace(value, **changes)
    return dataclasses.replace(value, **changes)  # type: ignore[type-var]


def field_names(kind: type) -> tuple[str, ...]:
    """The names of the fields of a Struct or dataclass type, in order."""
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return kind.__struct_fields__
    return tuple(f.name for f in dataclasses.fields(kind))  # type: ignore[arg-type]

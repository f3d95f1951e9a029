"""Ids for new records: readable slugs for interviews and contacts, numbers for rounds and
promises, never one that is already taken."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Far below the interchange format's limit, and short enough to type on the command line.
MAX_SLUG = 60


def slug(*parts: str, fallback: str = "item") -> str:
    """``slug("Acme Ltd", "Product Manager")`` is ``acme-ltd-product-manager``."""
    text = " ".join(parts)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    made = "-".join(words)[:MAX_SLUG].strip("-")
    return made or fallback


def unique(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is free first."""
    used = frozenset(taken)
    if base not in used:
        return base
    number = 2
    while f"{base}-{number}" in used:
        number += 1
    return f"{base}-{number}"


def numbered(prefix: str, taken: Iterable[str]) -> str:
    """The next of ``r1``, ``r2`` … after the highest taken, so that an id freed by a deletion
    is not handed to a new record (events may still name the old one)."""
    used = frozenset(taken)
    highest = 0
    for name in used:
        match = re.fullmatch(rf"{re.escape(prefix)}([0-9]+)", name)
        if match:
            highest = max(highest, int(match[1]))
    return unique(f"{prefix}{highest + 1}", used)

"""How long a text, an id and a round may be: what every reader of a file holds values to."""

from __future__ import annotations

MAX_TEXT = 1_000_000
MAX_ID = 200
MAX_MINUTES = 7 * 24 * 60

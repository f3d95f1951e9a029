"""Which interviews of a large file are read first, so that the board can be shown before the
rest is read: in each column, those it shows at the top.

The board orders a column by the rank of each interview's most pressing action. Before the
file is read, each stored interview is known by its id and stage only; its actions are known
from the answers kept beside the file, where they describe it (``open_actions.recalled``).
Where they do not (a first start, a file changed elsewhere), the first of each column in the
file's order are read first: the board is then shown from them and put in its order once the
file is read.
"""

from __future__ import annotations

import heapq
from datetime import datetime
from typing import TYPE_CHECKING

from app.domain.kinds import Stage
from app.engine.urgency import window_rank

if TYPE_CHECKING:
    from app.services.open_actions import Recalled

PER_STAGE = 30
"""Cards of a column read first: a screenful, and two more pages to scroll to."""

_NOTHING_DUE = (3, 0.0, 0.0)
"""The rank of an interview with nothing to do: after every action (as on the board)."""


def first_screenful(
    stored: list[tuple[object, object]], found: Recalled | None, now: datetime
) -> set[object]:
    """The ids of ``stored`` (id and stage of each interview, in the file's order) to read
    first: the ``PER_STAGE`` most pressing of each stage, and every offer."""
    moment = now.timestamp()
    ranks: dict[str, tuple[int, float, float]] = {}
    for interview_id, _, _, listed in found.answers if found is not None else ():
        if listed:
            ranks[interview_id] = min(
                window_rank(kept.opens, kept.closes, moment) for kept in listed
            )
    columns: dict[str | None, list[tuple[tuple[int, float, float], int, str]]] = {}
    offers: set[object] = set()
    for index, (ident, stage) in enumerate(stored):
        if not isinstance(ident, str):
            continue  # not an interview the board can show: the full read says what it is
        column = stage if isinstance(stage, str) else None
        if column == Stage.OFFER.value:
            # Every offer: the actions of the others depend on them all.
            offers.add(ident)
        columns.setdefault(column, []).append((ranks.get(ident, _NOTHING_DUE), index, ident))
    # Ranked, then in the file's order; the index settles every tie before the id is compared.
    return offers | {
        ident
        for members in columns.values()
        for _, _, ident in heapq.nsmallest(PER_STAGE, members, key=lambda m: (m[0], m[1]))
    }

"""How long a result of the engine holds: ``now`` made to note every instant it is compared
with.

The rules use ``now`` only to compare it with instants (a round has ended, a window is open, a
promise has lapsed). A result worked out at ``now`` is therefore the same at any other moment
from which no noted instant lies between the two, and it can be kept for that span instead of
being worked out again. ``now`` refuses to be used any other way (arithmetic, its date), so that
a rule written later cannot make a result depend on the time without its span showing it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, NoReturn


@dataclass(frozen=True, slots=True)
class Span:
    """The instants (POSIX timestamps) at which a result holds: exactly ``at``, and every
    instant strictly between ``after`` and ``before``."""

    at: float
    after: float
    before: float

    def holds_at(self, moment: float) -> bool:
        return moment == self.at or self.after < moment < self.before


class WatchedNow(datetime):
    """An aware ``now`` that notes what it is compared with; see ``span``."""

    __slots__ = ("_noted", "_plain")
    _noted: list[datetime]
    """Every instant compared with (a comparison with anything else fails, as datetime's
    own does)."""
    _plain: datetime

    @classmethod
    def of(cls, moment: datetime, noted: list[datetime] | None = None) -> WatchedNow:
        if moment.tzinfo is None:
            raise ValueError("now must be an aware date-time")
        watched = cls(
            moment.year,
            moment.month,
            moment.day,
            moment.hour,
            moment.minute,
            moment.second,
            moment.microsecond,
            moment.tzinfo,
            fold=moment.fold,
        )
        watched._noted = [] if noted is None else noted
        # Compared through a plain copy: datetime's own comparison of two zones does
        # arithmetic on self, which is refused below.
        watched._plain = watched.unwatched()
        return watched

    def unwatched(self) -> datetime:
        """The same instant as a plain ``datetime``."""
        return datetime(
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            self.microsecond,
            self.tzinfo,
            fold=self.fold,
        )

    def instant(self) -> float:
        return self._plain.timestamp()

    def span(self) -> Span:
        """The span over which every comparison made so far gives the answer it gave."""
        at = self.instant()
        after, before = -math.inf, math.inf
        # The same instant is often compared several times: each is converted once.
        for other in {id(other): other for other in self._noted}.values():
            moment = other.timestamp()
            if moment == at:
                # At ``at`` itself a comparison may flip either side (``now >= x``).
                return Span(at, at, at)
            if moment < at:
                after = max(after, moment)
            else:
                before = min(before, moment)
        return Span(at, after, before)

    def astimezone(self, tz: tzinfo | None = None) -> WatchedNow:
        # datetime's own conversion does arithmetic on self, which is refused below.
        return WatchedNow.of(self._plain.astimezone(tz), self._noted)

    def _note(self, other: object) -> None:
        if isinstance(other, datetime):
            self._noted.append(other)

    def __lt__(self, other: datetime) -> bool:  # type: ignore[override]  # as datetime's own
        self._noted.append(other)
        return self._plain.__lt__(other)

    def __le__(self, other: datetime) -> bool:  # type: ignore[override]  # as datetime's own
        self._noted.append(other)
        return self._plain.__le__(other)

    def __gt__(self, other: datetime) -> bool:  # type: ignore[override]  # as datetime's own
        self._noted.append(other)
        return self._plain.__gt__(other)

    def __ge__(self, other: datetime) -> bool:  # type: ignore[override]  # as datetime's own
        self._noted.append(other)
        return self._plain.__ge__(other)

    def __eq__(self, other: object) -> bool:
        self._note(other)
        return self._plain.__eq__(other)

    def __ne__(self, other: object) -> bool:
        self._note(other)
        return self._plain.__ne__(other)

    __hash__ = datetime.__hash__

    def __str__(self) -> str:
        return str(self.unwatched())

    def __repr__(self) -> str:
        return f"WatchedNow({self.unwatched()!r})"

    # Anything else would make a result depend on the time in a way no span records. (Its
    # fields, .hour and the like, cannot be refused: reading them is how a copy is made.)
    def _unwatched(self, *_: Any, **__: Any) -> NoReturn:
        raise TypeError("the engine may only compare now with an instant")

    __add__ = __radd__ = __sub__ = __rsub__ = _unwatched
    date = time = timetz = timetuple = utctimetuple = toordinal = _unwatched
    weekday = isoweekday = isocalendar = ctime = _unwatched
    timestamp = replace = isoformat = strftime = _unwatched

"""An interview's zone corrected: the times typed in it kept as they read on the clock.

Rounds and promises are typed as the interview's zone shows them ("Times are in …"). When that
zone was wrong, the user's fix is to the zone, not to the times: 10:00 typed stays 10:00 in the
zone put right. What happened (the history, a promise's making and keeping) stays the moment it
was.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.copies import replace
from app.domain.interchange import zone
from app.domain.records import Interview


def as_typed_in(interview: Interview, typed_zone: str) -> Interview:
    """``interview``, whose zone is no longer ``typed_zone``, with its rounds' starts and its
    promises' due times read again on its own zone's clock, as they were typed."""
    was, now = zone(typed_zone), zone(interview.timezone)

    def moved(moment: datetime) -> datetime:
        return moment.astimezone(was).replace(tzinfo=now)

    rounds = tuple(replace(r, starts=moved(r.starts)) for r in interview.rounds)
    promises = tuple(replace(p, due=moved(p.due)) for p in interview.promises)
    return replace(interview, rounds=rounds, promises=promises)


def has_typed_times(interview: Interview) -> bool:
    """Whether a change of zone moves anything typed: a round or a promise."""
    return bool(interview.rounds or interview.promises)

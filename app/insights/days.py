"""Calendar days on an interview's own clock."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.domain.records import Interview
from app.domain.times import at, zone_info

MIDNIGHT = time(0)


def local(moment: datetime, interview: Interview) -> datetime:
    return moment.astimezone(zone_info(interview.timezone))


def today(now: datetime, interview: Interview) -> date:
    return local(now, interview).date()


def end_of(day: date, interview: Interview) -> datetime:
    """The moment ``day`` is over in the interview's zone: "decide by the 27th" is kept until
    midnight at the end of the 27th."""
    return at(day + timedelta(days=1), MIDNIGHT, zone_info(interview.timezone))

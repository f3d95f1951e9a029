"""The interchange format (SPEC section 9), read into records and written back, in one place.

Reading validates everything and reports every problem with its JSON path, e.g.
``interviews[1].rounds[0].starts: not a date-time: "next tuesday-ish"``; nothing half-valid
comes out. Writing is canonical (times in the interview's zone, fixed key order), so that
``export`` then ``import`` then ``export`` prints the same bytes.
"""

from app.domain.interchange.read_events import _usual_event
from app.domain.interchange.reading import (
    _Reader,
    read_interview,
    read_interviews,
    read_pipeline,
    read_profile,
)
from app.domain.interchange.schema import (
    EVENT_KEYS,
    FORMAT,
    INTERVIEW_KEYS,
    MAX_ID,
    MAX_MINUTES,
    MAX_TEXT,
    NOTES_KEYS,
    Pipeline,
)
from app.domain.interchange.writing import (
    write_event,
    write_interview,
    write_pipeline,
    write_profile,
)
from app.domain.interchange.zones import is_zone, parse_moment, zone

__all__ = [
    "EVENT_KEYS",
    "FORMAT",
    "INTERVIEW_KEYS",
    "MAX_ID",
    "MAX_MINUTES",
    "MAX_TEXT",
    "NOTES_KEYS",
    "Pipeline",
    "_Reader",
    "_usual_event",
    "is_zone",
    "parse_moment",
    "read_interview",
    "read_interviews",
    "read_pipeline",
    "read_profile",
    "write_event",
    "write_interview",
    "write_pipeline",
    "write_profile",
    "zone",
]

"""The interchange format (SPEC section 9), read into records and written back, in one place.

Reading validates everything and reports every problem with its JSON path, e.g.
``interviews[1].rounds[0].starts: not a date-time: "next tuesday-ish"``; nothing half-valid
comes out. Writing is canonical (times in the interview's zone, fixed key order), so that
``export`` then ``import`` then ``export`` prints the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazy import on_first_use

if TYPE_CHECKING:
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
    from app.domain.interchange.typed import typed_document, typed_interview
    from app.domain.interchange.writing import (
        write_event,
        write_interview,
        write_pipeline,
        write_profile,
    )
    from app.domain.interchange.zones import is_zone, parse_moment, zone

# Imported on first use (PEP 562): a command that needs one of these modules does not pay
# for the others at its start.
_HOME = {
    "_usual_event": "app.domain.interchange.read_events",
    "_Reader": "app.domain.interchange.reading",
    "read_interview": "app.domain.interchange.reading",
    "read_interviews": "app.domain.interchange.reading",
    "read_pipeline": "app.domain.interchange.reading",
    "read_profile": "app.domain.interchange.reading",
    "EVENT_KEYS": "app.domain.interchange.schema",
    "FORMAT": "app.domain.interchange.schema",
    "INTERVIEW_KEYS": "app.domain.interchange.schema",
    "MAX_ID": "app.domain.interchange.schema",
    "MAX_MINUTES": "app.domain.interchange.schema",
    "MAX_TEXT": "app.domain.interchange.schema",
    "NOTES_KEYS": "app.domain.interchange.schema",
    "Pipeline": "app.domain.interchange.schema",
    "write_event": "app.domain.interchange.writing",
    "write_interview": "app.domain.interchange.writing",
    "write_pipeline": "app.domain.interchange.writing",
    "write_profile": "app.domain.interchange.writing",
    "typed_document": "app.domain.interchange.typed",
    "typed_interview": "app.domain.interchange.typed",
    "is_zone": "app.domain.interchange.zones",
    "parse_moment": "app.domain.interchange.zones",
    "zone": "app.domain.interchange.zones",
}


__getattr__ = on_first_use(__name__, _HOME)

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
    "typed_document",
    "typed_interview",
    "write_event",
    "write_interview",
    "write_pipeline",
    "write_profile",
    "zone",
]

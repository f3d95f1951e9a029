"""When a thank-you or a kept promise goes late: a time the other side counts on.

SPEC section 4: they are deadlines, and do not move for work hours. A snooze moves the whole
window, due time included, so the time they count on is the one the window has without it.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.copies import replace
from app.domain.policy import Policy
from app.domain.records import ActionKind, EventKind, Interview
from app.engine.action import Action
from app.engine.engine import interview_actions

DEADLINES = frozenset({ActionKind.THANK_YOU, ActionKind.KEEP_PROMISE})


def deadline(
    interview: Interview, action: Action, policy: Policy, now: datetime
) -> datetime | None:
    """When ``action`` of ``interview`` is late, snoozed or not; None for an action that is
    no deadline, or that would not be open at ``now`` without its snoozes."""
    if action.kind not in DEADLINES:
        return None
    # Every snooze set aside, with an id or typed without one (SPEC section 4: it applies to
    # the action its fields describe): one of another action moves only that action.
    unsnoozed = replace(
        interview, events=tuple(e for e in interview.events if e.kind is not EventKind.SNOOZE)
    )
    # No offers: they only shape updates on my timeline, which are no deadlines.
    found = (a for a in interview_actions(unsnoozed, policy, now, []) if a.id == action.id)
    return next((a.due_by for a in found), None)

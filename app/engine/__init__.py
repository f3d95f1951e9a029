"""The scheduling engine: pure functions of (interviews, policy, now) on pendulum.

It imports neither Textual nor TinyDB, and never reads the clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazy import on_first_use

if TYPE_CHECKING:
    from app.engine.action import Action, State
    from app.engine.engine import compute_actions, interview_actions, offers_at, sort_key
    from app.engine.rules.offers import Offer
    from app.engine.urgency import Urgency, counts, pressing_first, ranked

# ``urgency`` the function is imported from ``app.engine.urgency``: here the name would be
# the module's as soon as the module is imported.
# Imported on first use (PEP 562): a command that needs one of these modules does not pay
# for the others at its start.
_HOME = {
    "Action": "app.engine.action",
    "State": "app.engine.action",
    "compute_actions": "app.engine.engine",
    "interview_actions": "app.engine.engine",
    "offers_at": "app.engine.engine",
    "sort_key": "app.engine.engine",
    "Offer": "app.engine.rules.offers",
    "Urgency": "app.engine.urgency",
    "counts": "app.engine.urgency",
    "pressing_first": "app.engine.urgency",
    "ranked": "app.engine.urgency",
}


__getattr__ = on_first_use(__name__, _HOME)

__all__ = [
    "Action",
    "Offer",
    "State",
    "Urgency",
    "compute_actions",
    "counts",
    "interview_actions",
    "offers_at",
    "pressing_first",
    "ranked",
    "sort_key",
]

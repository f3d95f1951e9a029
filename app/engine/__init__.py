"""The scheduling engine: pure functions of (interviews, policy, now) on pendulum.

It imports neither Textual nor TinyDB, and never reads the clock.
"""

from app.engine.action import Action, State
from app.engine.engine import compute_actions, interview_actions, offers_at, sort_key
from app.engine.rules.offers import Offer
from app.engine.urgency import Urgency, counts, pressing_first, ranked, urgency

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
    "urgency",
]

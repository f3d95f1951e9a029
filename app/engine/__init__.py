"""The scheduling engine: pure functions of (interviews, policy, now) on pendulum.

It imports neither Textual nor TinyDB, and never reads the clock.
"""

from app.engine.action import Action, State
from app.engine.engine import compute_actions

__all__ = ["Action", "State", "compute_actions"]

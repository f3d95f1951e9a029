"""What the history says: what the employers owe and how late it is, and how the search is
going. Pure functions of (interviews, now), like the engine: no Textual, no TinyDB, no clock."""

from app.insights.stats import Stats, compute_stats
from app.insights.waiting import Awaited, Promised, how_late, waiting_on_them

__all__ = ["Awaited", "Promised", "Stats", "compute_stats", "how_late", "waiting_on_them"]

"""What an interchange file holds: the whole-database record, the format's name, its limits
and the keys each object may have."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["MAX_ID", "MAX_MINUTES", "MAX_TEXT"]  # where they were always imported from

from app.domain.limits import MAX_ID, MAX_MINUTES, MAX_TEXT
from app.domain.policy import Policy
from app.domain.records import Interview, Profile

FORMAT = "followup/1"


@dataclass(frozen=True, slots=True)
class Pipeline:
    """A whole database: who I am, how the engine is tuned, and every interview."""

    profile: Profile = field(default_factory=Profile)
    policy_overrides: Mapping[str, Any] = field(default_factory=dict)
    interviews: tuple[Interview, ...] = ()
    # What is worked out of the fields on first use and kept: every key of the dashboard
    # reads the policy and looks an interview up by id.
    _derived: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def policy(self) -> Policy:
        policy = self._derived.get("policy")
        if policy is None:
            policy = self._derived["policy"] = Policy.from_overrides(self.policy_overrides)
        return policy

    def interview(self, interview_id: str) -> Interview | None:
        by_id = self._derived.get("by_id")
        if by_id is None:
            # Made whole, then kept: another thread never sees it half filled.
            by_id = self._derived["by_id"] = {i.id: i for i in self.interviews}
        return by_id.get(interview_id)


INTERVIEW_KEYS = {
    "id",
    "company",
    "role",
    "stage",
    "outcome",
    "timezone",
    "rounds",
    "contacts",
    "preferences",
    "decision_by",
    "offer_deadline",
    "keep_warm",
    "notes",
    "promises",
    "events",
}
NOTES_KEYS = ("discussed", "recap", "challenges", "open_questions", "company_news", "impressions")
EVENT_KEYS = {
    "at",
    "kind",
    "action",
    "id",
    "round",
    "contact",
    "promise",
    "channel",
    "text",
    "summary",
    "from",
    "to",
    "until",
    "source",
}

"""Realistic sample interviews, for `followup demo`, the welcome screen's offer, the tests and
the README's screenshots. Nothing else in the application depends on them."""

from app.demo.pipeline import DEMO_IDS, ELSEWHERE, demo_pipeline

__all__ = ["DEMO_IDS", "ELSEWHERE", "demo_pipeline"]

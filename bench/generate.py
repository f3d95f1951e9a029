"""Large, realistic pipelines for benchmarks: the same records a busy user would have.

``generate_pipeline(10_000)`` gives ten thousand interviews with rounds, contacts, notes,
promises and a history of events, deterministic for a given seed, so that runs compare.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from app.domain.interchange import Pipeline
from app.domain.records import (
    ActionKind,
    Channel,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    Notes,
    OpenQuestion,
    Outcome,
    Preferences,
    Profile,
    Promise,
    Round,
    Stage,
)

ZONES = ("Europe/London", "America/New_York", "Europe/Berlin", "Asia/Singapore")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
FIRST = ("Ana", "Ben", "Chloé", "Dev", "Eli", "Farah", "Goran", "Hiro", "Inès", "Jonas", "Kemi")
LAST = ("Ahmed", "Brown", "Costa", "Dubois", "Evans", "Fischer", "García", "Huang", "Ivanova")
TITLES = ("Engineering Manager", "Head of Product", "Talent Partner", "Staff Engineer", "CTO")
WORDS = (
    "roadmap",
    "discovery",
    "pricing",
    "churn",
    "onboarding",
    "metrics",
    "platform",
    "migration",
    "hiring",
    "budget",
    "experiment",
    "retention",
    "latency",
    "dashboard",
    "contract",
    "launch",
)


def generate_pipeline(count: int, *, seed: int = 1) -> Pipeline:
    rng = random.Random(seed)
    interviews = tuple(_interview(rng, index) for index in range(count))
    profile = Profile(name="Bench User", email="bench@user.example", timezone="Europe/London")
    return Pipeline(profile=profile, policy_overrides={"max_unanswered": 2}, interviews=interviews)


def _sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _interview(rng: random.Random, index: int) -> Interview:
    zone = rng.choice(ZONES)
    tz = ZoneInfo(zone)
    domain = f"company{index}.example"
    contacts = tuple(
        Contact(
            id=f"c{n}",
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            title=rng.choice(TITLES),
            email=f"person{n}@{domain}",
            phone=f"+44 7700 900{rng.randrange(1000):03d}",
            linkedin=f"https://www.linkedin.com/in/person-{index}-{n}",
            role=ContactRole.RECRUITER if n == 0 else ContactRole.INTERVIEWER,
            notes=(_sentence(rng, 6),),
        )
        for n in range(rng.randint(2, 5))
    )
    first = START + timedelta(days=rng.randrange(300), hours=rng.randrange(8))
    rounds = tuple(
        Round(
            id=f"r{n}",
            starts=(first + timedelta(days=7 * n)).astimezone(tz),
            minutes=rng.choice((30, 45, 60, 90, 180)),
            kind=rng.choice(("phone screen", "video", "onsite", "panel")),
            interviewers=tuple(
                c.id for c in rng.sample(contacts[1:], min(2, rng.randint(1, len(contacts) - 1)))
            ),
        )
        for n in range(rng.randint(1, 4))
    )
    events = []
    for held in rounds:
        ends = held.starts + timedelta(minutes=held.minutes)
        for contact in held.interviewers:
            events.append(
                Event(
                    at=ends + timedelta(hours=2),
                    kind=EventKind.SENT,
                    action=ActionKind.THANK_YOU,
                    round=held.id,
                    contact=contact,
                    channel=Channel.EMAIL,
                    text=_sentence(rng, 40),
                )
            )
        events.append(
            Event(
                at=ends + timedelta(days=3),
                kind=EventKind.REPLY,
                contact="c0",
                summary=_sentence(rng),
            )
        )
    promises = tuple(
        Promise(
            id=f"p{n}",
            what=_sentence(rng, 6),
            due=rounds[0].starts + timedelta(days=n + 1),
            to="c1",
            done_at=rounds[0].starts + timedelta(days=n) if rng.random() < 0.7 else None,
        )
        for n in range(rng.randint(0, 3))
    )
    stage = rng.choice(tuple(Stage))
    return Interview(
        id=f"interview-{index:05d}",
        company=f"Company {index}",
        role=rng.choice(("Product Manager", "Data Analyst", "Backend Engineer", "Designer")),
        timezone=zone,
        stage=stage,
        outcome=Outcome.REJECTED if stage is Stage.CLOSED else None,
        rounds=rounds,
        contacts=contacts,
        preferences=Preferences(channels=(Channel.EMAIL,), no_calls=rng.random() < 0.2),
        decision_by=(rounds[-1].starts + timedelta(days=7)).date(),
        notes=Notes(
            discussed=_sentence(rng, 30),
            recap=tuple(_sentence(rng) for _ in range(3)),
            challenges=tuple(_sentence(rng) for _ in range(2)),
            open_questions=(
                OpenQuestion(_sentence(rng), answer=_sentence(rng), asked_by=contacts[-1].id),
            ),
            company_news=_sentence(rng),
            impressions=_sentence(rng, 20),
        ),
        promises=promises,
        events=tuple(sorted(events, key=lambda e: e.at)),
    )

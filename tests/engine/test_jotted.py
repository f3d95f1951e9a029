"""Notes jotted for oneself against notes a reader may be shown."""

from __future__ import annotations

import pytest

from app.engine.jotted import jotted, runs_on, spelled_out, without_emoji


@pytest.mark.parametrize(
    ("noted", "spelled"),
    [
        ("call w/ Sam re the offer", "call with Sam about the offer"),
        ("w/Sam", "with Sam"),
        ("Refs to Mei", "References to Mei"),
        ("intro me to the team lead", "introduce me to the team lead"),
        ("churn in yr 1", "churn in year 1"),
        # Not shorthand: a word that only starts or contains one.
        ("re-org of the team", "re-org of the team"),
        ("the intro call", "the intro call"),
        ("the intro her manager gave", "the intro her manager gave"),
        ("preferences", "preferences"),
        ("Cut churn by ~30%", "Cut churn by roughly 30%"),
        ("a ~10% lift", "a roughly 10% lift"),
        ("latency of <50ms, not >200ms", "latency of under 50ms, not over 200ms"),
        ("approx. 40 engineers", "roughly 40 engineers"),
        ("the avg deal size", "the average deal size"),
        # A capital makes it a name, and "re:" before a word is part of one.
        ("AWS re:Invent", "AWS re:Invent"),
        ("the Refs Summit", "the Refs Summit"),
        ("her RE portfolio", "her RE portfolio"),
        ("the w/c 14 Dec launch", "the w/c 14 Dec launch"),
    ],
)
def test_shorthand_with_one_meaning_is_spelled_out(noted: str, spelled: str) -> None:
    assert spelled_out(noted) == spelled


@pytest.mark.parametrize(
    "noted",
    [
        "shrink #s at LP store r bad",
        "handoff sales->CS is messy",
        "CAC payback ~22 mo, he wants <18",
        "Kafka -> Pulsar??",
        "your awful onboarding lol",
        "layoffs of 10% in Sept:(",
        "licence 🎉",
        "it was meh tbh",
        "the 2nd round :)",
    ],
)
def test_a_note_to_oneself_is_told_apart(noted: str) -> None:
    assert jotted(noted)


@pytest.mark.parametrize(
    "written",
    [
        "the Q3 roadmap",
        "why I left Acme",
        "e.g. the roadmap",
        "3.5 years of Go",
        "acme.com/careers",
        "U.S. expansion",
        "pricing vs. the incumbents",
        "Marlow & Pike's pricing",
        "the pricing roadmap; especially the enterprise tier",
        "R and Python for the models",
        "ranked #1 on G2",
        "Won Product of the Year at Acme!",
        "the Yahoo! partnership",
        'Drove the "Why now?" campaign',
        "her move from Acme Corp. to Initech",
        "AWS. iOS app is next",
        "https://acme.com/blog",
        "their 360° feedback process",
        "Salesforce® integration",
        "her work on toxic content detection",
        "building v buying the billing system",
    ],
)
def test_a_note_written_to_be_read_is_not_taken_for_one(written: str) -> None:
    assert not jotted(written)


def test_pictures_are_taken_out_and_the_spaces_they_leave() -> None:
    assert without_emoji("Series B 🎉 closed") == "Series B closed"
    assert without_emoji("Señor café") == "Señor café"


@pytest.mark.parametrize(
    ("text", "run_on"),
    [
        ("migration to AWS. she's lead on it", True),
        ("the reorg. seemed stressed", True),
        ("her move from Acme Corp. to Initech", False),
        ("the Sept. launch", False),
        ("U.S. expansion", False),
        ("AWS. iOS app is next", False),
    ],
)
def test_a_sentence_run_on_without_its_capital_is_told_from_an_abbreviation(
    text: str, run_on: bool
) -> None:
    assert runs_on(text) is run_on


@pytest.mark.parametrize(
    "noted",
    ["TODO send deck", "hmm maybe", "dunno yet", "the launch ... hmm", "#win", "TBD", "haha"],
)
def test_more_notes_to_oneself(noted: str) -> None:
    assert jotted(spelled_out(noted))


@pytest.mark.parametrize(
    ("noted", "spelled"),
    [
        ("Cut costs by 40% w/o hurting uptime", "Cut costs by 40% without hurting uptime"),
        ("Delivered the ~$3M project", "Delivered the roughly $3M project"),
        ("the pricing roadmap 🚀", "the pricing roadmap"),
    ],
)
def test_more_shorthand_spelled_out(noted: str, spelled: str) -> None:
    assert spelled_out(noted) == spelled

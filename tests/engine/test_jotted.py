"""Notes jotted for oneself against notes a reader may be shown."""

from __future__ import annotations

import pytest

from app.engine.jotted import jotted, spelled_out, without_emoji


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
        ("preferences", "preferences"),
    ],
)
def test_shorthand_with_one_meaning_is_spelled_out(noted: str, spelled: str) -> None:
    assert spelled_out(noted) == spelled


@pytest.mark.parametrize(
    "noted",
    [
        "shrink #s at LP store r bad",
        "handoff sales->CS is messy",
        "ARR target $40M by FY28 - aggressive!",
        "CAC payback ~22 mo, he wants <18",
        "Kafka -> Pulsar??",
        "your awful onboarding lol",
        "migration to AWS. she's lead on it",
        "layoffs of 10% in Sept:(",
        "licence 🎉",
        "team is 4 ppl",
        "v keen on this",
        "seems like a red flag",
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
    ],
)
def test_a_note_written_to_be_read_is_not_taken_for_one(written: str) -> None:
    assert not jotted(written)


def test_pictures_are_taken_out_and_the_spaces_they_leave() -> None:
    assert without_emoji("Series B 🎉 closed") == "Series B closed"
    assert without_emoji("Señor café") == "Señor café"

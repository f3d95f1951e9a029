"""Days, timelines, names and promises as a person writes them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.drafts import spoken

FRI = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("day", "today", "said"),
    [
        (FRI, FRI, "today"),
        (FRI, FRI + timedelta(days=1), "yesterday"),
        (FRI, FRI - timedelta(days=1), "tomorrow"),
        (date(2026, 11, 16), FRI, "on Monday"),
        (date(2026, 11, 18), date(2026, 11, 23), "on Wednesday"),
        (date(2026, 11, 24), FRI, "on Tuesday"),
        (date(2026, 11, 12), FRI, "last week"),
        (date(2026, 11, 9), date(2026, 11, 22), "last week"),
        (date(2026, 11, 8), date(2026, 11, 16), "on 8 November"),
        (date(2026, 11, 2), FRI, "on 2 November"),
        (date(2025, 12, 30), date(2026, 1, 20), "on 30 December 2025"),
    ],
)
def test_day_phrase(day: date, today: date, said: str) -> None:
    assert spoken.day_phrase(day, today) == said


@pytest.mark.parametrize(
    ("day", "today", "said"),
    [
        (FRI, FRI, "today"),
        (FRI, FRI + timedelta(days=1), "yesterday"),
        (FRI, FRI - timedelta(days=1), "by tomorrow"),
        (FRI, date(2026, 11, 17), "by Friday"),
        (date(2026, 11, 17), FRI, "by Tuesday"),
        (FRI, date(2026, 11, 24), "by the end of last week"),
        (date(2026, 11, 30), date(2026, 11, 2), "by the end of the month"),
        (date(2026, 10, 31), FRI, "by the end of October"),
        (date(2026, 12, 9), FRI, "by 9 December"),
        (date(2027, 1, 8), FRI, "by 8 January 2027"),
    ],
)
def test_timeline_phrase(day: date, today: date, said: str) -> None:
    assert spoken.timeline_phrase(day, today) == said


@pytest.mark.parametrize(
    ("day", "today", "said"),
    [
        (FRI, FRI, "by today"),
        (FRI, FRI + timedelta(days=1), "by Friday"),
        (date(2026, 11, 18), date(2026, 11, 19), "by Wednesday"),
        (FRI, FRI - timedelta(days=1), "by tomorrow"),
        (date(2026, 11, 17), FRI, "by Tuesday"),
        (FRI, date(2026, 11, 24), "by the end of last week"),
        (date(2026, 11, 2), FRI, "by 2 November"),
    ],
)
def test_promised_phrase_is_always_a_deadline(day: date, today: date, said: str) -> None:
    assert spoken.promised_phrase(day, today) == said


def test_deadline_and_dates() -> None:
    assert spoken.deadline_phrase(date(2026, 11, 27), FRI) == "by Friday 27 November"
    assert spoken.full_date(FRI) == "20 November 2026"


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Jane Doe", "Jane"),
        ("  Inês   Carvalho ", "Inês"),
        ("Dr. Hana Okafor", "Dr. Okafor"),
        ("Prof Ada Lovelace King", "Prof King"),
        ("Dr", "Dr"),
        ("", ""),
    ],
)
def test_first_name(name: str, first: str) -> None:
    assert spoken.first_name(name) == first


def test_names_list() -> None:
    assert spoken.names_list([]) == ""
    assert spoken.names_list(["Ana"]) == "Ana"
    assert spoken.names_list(["Ana", "Inês"]) == "Ana and Inês"
    assert spoken.names_list(["Ana", "", "Bo", "Cy"]) == "Ana, Bo and Cy"


@pytest.mark.parametrize(
    ("what", "said"),
    [
        (
            "Send Lena the contact details of two references",
            "send you the contact details of two references",
        ),
        ("Send Lena Vogt my CV.", "send you my CV"),
        ("Introduce Lena's team to my old manager", "introduce your team to my old manager"),
        ("CV with the new projects", "CV with the new projects"),
        ("Share the SQL sample", "share the SQL sample"),
        ("Ask Helena's team", "ask Helena's team"),
    ],
)
def test_promise_phrase(what: str, said: str) -> None:
    assert spoken.promise_phrase(what, ["Lena Vogt", "Lena"]) == said

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
        (date(2026, 11, 16), FRI, "on Monday"),  # earlier this week
        (date(2026, 11, 18), date(2026, 11, 23), "last Wednesday"),
        (date(2026, 11, 19), date(2026, 11, 25), "last Thursday"),  # six days on
        (date(2026, 11, 12), FRI, "on Thursday 12 November"),  # a week or more
        (date(2026, 11, 24), date(2026, 11, 23), "tomorrow"),
        (date(2026, 11, 27), date(2026, 11, 23), "on Friday"),  # later this week
        (date(2026, 11, 30), FRI, "on Monday 30 November"),  # next week: its date
        (date(2025, 12, 30), date(2026, 1, 20), "on Tuesday 30 December 2025"),
    ],
)
def test_day_phrase(day: date, today: date, said: str) -> None:
    assert spoken.day_phrase(day, today) == said


@pytest.mark.parametrize(
    ("day", "today", "said"),
    [
        (FRI, FRI, "by Friday 20 November"),
        (FRI, FRI + timedelta(days=1), "by Friday 20 November"),  # never "yesterday"
        (date(2026, 12, 1), date(2026, 12, 2), "by Tuesday 1 December"),
        (date(2027, 1, 8), FRI, "by Friday 8 January 2027"),
    ],
)
def test_the_employer_s_timeline_is_said_by_its_date(day: date, today: date, said: str) -> None:
    assert spoken.timeline_phrase(day, today) == said
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
        ("CV with the new projects", "send you the CV with the new projects"),
        ("Share the SQL sample", "share the SQL sample"),
        ("Ask Helena's team", "ask Helena's team"),
        # However the promise was noted, it reads after "I'm writing to".
        ("I'll send you the architecture diagram.", "send you the architecture diagram"),
        ("I will share the case study", "share the case study"),
        ("will share the case study with her", "share the case study with you"),
        ("Sending the case study", "send the case study"),
        ("the slide deck", "send you the slide deck"),
        ("Email Lena my references by Friday", "email you my references"),
        # Noted of the reader, said to her.
        ("Send her the deck", "send you the deck"),
        ("Send them the salary expectations", "send you the salary expectations"),
        ("get back to them on my notice period", "get back to you on my notice period"),
        ("Send the pre-read she asked for", "send the pre-read you asked for"),
        ("Send the notes he was missing", "send the notes you were missing"),
        ("Send her team's intro deck", "send your team's intro deck"),
        ("Introduce him to my old manager", "introduce you to my old manager"),
        ("I am going to send the deck", "send the deck"),
        ("Send her examples of my dashboards", "send you examples of my dashboards"),
        # Other people's things, and things that are not deeds, stay as noted.
        (
            "Send two references and their phone numbers",
            "send two references and their phone numbers",
        ),
        ("Send the slides and a summary of them", "send the slides and a summary of them"),
        ("Writing sample", "send you the writing sample"),
        ("Meeting notes from the workshop", "send you the meeting notes from the workshop"),
    ],
)
def test_promise_phrase(what: str, said: str) -> None:
    assert spoken.promise_phrase(what, ["Lena Vogt", "Lena"]) == said


def test_a_promise_made_to_someone_else_keeps_its_pronouns() -> None:
    # To the recruiter, of the interviewer it was made to: "her" is not the reader.
    said = spoken.promise_phrase("Send her the deck", ["Sam Reed", "Sam"], to_reader=False)
    assert said == "send her the deck"
    assert spoken.promise_phrase("the deck", [], to_reader=False) == "send the deck"


def test_a_name_behind_a_title_is_still_the_reader() -> None:
    names = ["Dr. Anne-Marie O'Neil", spoken.first_name("Dr. Anne-Marie O'Neil")]
    names.append(spoken.given_name("Dr. Anne-Marie O'Neil"))
    assert spoken.promise_phrase("email Anne-Marie my references", names) == (
        "email you my references"
    )


@pytest.mark.parametrize(
    ("kept", "written"),
    [
        ("Smith, John", "John Smith"),
        ("JOHN SMITH", "John Smith"),
        ("john smith", "John Smith"),
        ("ANNE-MARIE O'NEIL", "Anne-Marie O'Neil"),
        ("Jane Doe, PhD", "Jane Doe, PhD"),
        ("Jane Doe, Ph.D.", "Jane Doe, Ph.D."),
        ("Bob Stone, CFA", "Bob Stone, CFA"),
        ("Jane Doe, Head of Talent", "Jane Doe, Head of Talent"),
        ("Kim, Min-jun", "Min-jun Kim"),
        ("O'Neil, Anne-Marie", "Anne-Marie O'Neil"),
        ("de la Cruz, Ana", "Ana de la Cruz"),
        ("van der Berg, Pieter", "Pieter van der Berg"),
        ("  José   Álvarez ", "José Álvarez"),
        ("McDonald", "McDonald"),
        ("李伟", "李伟"),
    ],
)
def test_a_name_is_written_as_a_letter_writes_it(kept: str, written: str) -> None:
    assert spoken.as_written(kept) == written


def test_the_given_name_passes_over_a_title() -> None:
    assert spoken.given_name("Dr. Priya Shah") == "Priya"
    assert spoken.given_name("Prof Dr Ana Lima") == "Ana"
    assert spoken.given_name("Jordan Ellis") == "Jordan"
    assert spoken.given_name("") == ""


@pytest.mark.parametrize(
    ("name", "greeted"),
    [("Bob Stone, CFA", "Bob"), ("Jane Doe, Ph.D.", "Jane"), ("Smith, J.", "Smith")],
)
def test_a_credential_after_a_comma_is_never_the_greeting(name: str, greeted: str) -> None:
    assert spoken.first_name(spoken.as_written(name)) == greeted


@pytest.mark.parametrize(
    ("mine", "told"),
    [
        ("the workshop I ran", "the workshop you ran"),
        ("the plan I am drafting", "the plan you are drafting"),
        ("what I was asked", "what you were asked"),
        ("the I/O benchmark", "the I/O benchmark"),
        ("my CV, which I've updated", "your CV, which you've updated"),
    ],
)
def test_the_users_words_are_told_back_to_them(mine: str, told: str) -> None:
    from app.engine.describe import told_back

    assert told_back(mine) == told


@pytest.mark.parametrize(
    ("noted", "conversation"),
    [
        ("Call Jane back on Thursday", True),
        ("Ring her about the start date", True),
        ("give Jane a quick call", True),
        ("Catch up with Jane over coffee", True),
        ("Speak to her about the relocation package", True),
        ("Send the call notes", False),
        ("The phone number of my referee", False),
        ("Give her two references", False),
        ("Set up a call with the team", False),  # arranging it is what the message does
        ("Talk to my current manager", False),  # a talk, but not with the reader
        ("Meet to go over the offer", True),
        ("Meet with the hiring manager", True),
    ],
)
def test_a_promise_to_talk_is_told_from_one_to_send(noted: str, conversation: bool) -> None:
    said = spoken.promise_phrase(noted, ["Jane"])
    assert spoken.is_a_conversation(said) is conversation


@pytest.mark.parametrize(
    ("noted", "said"),
    [
        ("Answer her question about pricing", "answer your question about pricing"),
        ("Review her deck", "review your deck"),
        ("Send her team the roadmap doc", "send your team the roadmap doc"),
        ("send the deck to her team", "send the deck to your team"),
        ("Send her two references", "send you two references"),
        ("Send her the deck", "send you the deck"),
        ("introduce her to my old manager", "introduce you to my old manager"),
        ("Let her know my notice period", "let you know my notice period"),
        ("Keep her posted", "keep you posted"),
        ("Help her hire a PM", "help you hire a PM"),
        ("Send the deck to her directly", "send the deck to you directly"),
        ("Send the deck to her via email", "send the deck to you via email"),
        ("Send the deck to her after the call", "send the deck to you after the call"),
        ("Reply to her weekly update", "reply to your weekly update"),
        ("Answer her detailed questions", "answer your detailed questions"),
        ("Get her team the deck", "get your team the deck"),
        ("Ask her team for feedback", "ask your team for feedback"),
        ("Call Jane Friday", "call you"),
    ],
)
def test_her_thing_is_your_thing_and_her_is_you(noted: str, said: str) -> None:
    assert spoken.promise_phrase(noted, ["Jane Doe", "Jane"]) == said


@pytest.mark.parametrize(
    ("noted", "said"),
    [
        ("Call Jane back Thursday", "call you back"),
        ("Get the references over by EOD Friday", "get the references over"),
        ("Email her the case study first thing Monday", "email you the case study"),
        ("Send my portfolio link asap", "send my portfolio link"),
        ("Send the notes from Monday", "send the notes from Monday"),  # which notes
        ("Confirm I can start Monday", "confirm I can start Monday"),  # what was promised
        ("Send the report I wrote last Friday", "send the report I wrote last Friday"),
        (
            "Tell her which day works, Tuesday or Wednesday",
            "tell you which day works, Tuesday or Wednesday",
        ),
        ("Share my thoughts on Black Friday", "share my thoughts on Black Friday"),
    ],
)
def test_when_a_promise_was_due_is_left_to_the_sentence_around_it(noted: str, said: str) -> None:
    # A day word kept from the note stops being true: "call you back Thursday" read on Friday.
    assert spoken.promise_phrase(noted, ["Jane"]) == said


@pytest.mark.parametrize(
    ("name", "greeted"),
    [("Rev. Al Green", "Rev. Green"), ("Sir Ian McKellen", "Sir Ian"), ("Dame Judi Dench",
     "Dame Judi"), ("Dr. Anne-Marie O'Neil", "Dr. O'Neil")],
)  # fmt: skip
def test_a_title_is_greeted_as_it_is_said(name: str, greeted: str) -> None:
    assert spoken.first_name(name) == greeted


@pytest.mark.parametrize(
    ("noted", "message"),
    [
        ("Complete the online assessment", "follow up on the online assessment"),
        ("Look into the visa question and let her know", "follow up on the visa question"),
        ("Check with legal about the visa and let her know", "follow up on the visa"),
        ("check whether I can start in January", "let you know whether I can start in January"),
        ("Send the deck", None),  # the message keeps it
        ("Check with legal", None),
        ("Check my calendar and send times", "send times"),
        ("Upload the recording and send her the link", "send you the link"),
        ("Talk to my current manager about my notice period", "follow up on my notice period"),
        ("Talk to her about the role", None),  # a talk with the reader, to arrange
        ("Complete the take-home and send it back", "follow up on the take-home"),
        ("Consider the offer and email her back", "follow up on the offer"),
    ],
)
def test_a_promise_done_before_writing_is_followed_up(noted: str, message: str | None) -> None:
    assert spoken.followed_up(spoken.promise_phrase(noted, ["Jane"])) == message


@pytest.mark.parametrize(
    ("name", "greeted"),
    [
        ("María José García López", "María José"),
        ("José Luis Pérez", "José Luis"),
        ("Mary Ann Smith", "Mary Ann"),
        ("Maria Jose", "Maria"),  # two words: a given name and a surname
        ("Jane Doe", "Jane"),
    ],
)
def test_a_given_name_of_two_words_is_said_whole(name: str, greeted: str) -> None:
    assert spoken.first_name(name) == greeted

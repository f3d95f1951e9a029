"""Drafts a person sends unedited (SPEC section 5): each interviewer of a panel gets a thank-you
of their own, every message keeps to its length by leaving out what can go, an optional part
never leaves a placeholder, an answer goes once, and a note about someone is said to them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pendulum
import pytest

from app.domain.copies import replace
from app.domain.records import ActionKind, Channel, Event, EventKind
from app.drafts import LINKEDIN_LIMIT, Draft, compose
from app.drafts.compose import EMAIL_WORDS, THANK_YOU_WORDS, _words
from app.drafts.fields import WORDINGS
from app.engine import compute_actions

from .support import acme, action_of, demo, draft_at, the_only

TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "drafts" / "templates"

THANKS_AT = "2026-11-20T16:00:00+00:00"
CHECK_IN_AT = "2026-11-26T10:00:00+00:00"
SIGNATURE = "Alex Morgan\nalex@morgan.example"
# A sentence of twenty words, as a long note runs on.
LONG = (
    "the way the two onboarding flows share one billing model and one set of dashboards "
    "across every market the team runs today"
)


def panel(count: int, **notes: Any) -> Any:
    """Acme's onsite with ``count`` interviewers, none of whom I noted anything about."""
    people = [
        {"id": f"p{n}", "name": f"Person{n} Surname", "email": f"p{n}@acme.example",
         "linkedin": f"https://www.linkedin.com/in/p{n}", "phone": "+44 1", "role": "interviewer"}
        for n in range(count)
    ]  # fmt: skip
    rounds = [
        {"id": "r1", "starts": "2026-11-20T14:00:00", "kind": "onsite",
         "interviewers": [p["id"] for p in people]}
    ]  # fmt: skip
    return acme(contacts=people, rounds=rounds, notes=notes)


def bodies_of_the_panel(pipeline: Any, channel: Channel) -> list[str]:
    now = pendulum.parse(THANKS_AT)
    found = []
    for action in compute_actions(pipeline.interviews, pipeline.policy, now):  # type: ignore[arg-type]
        if action.kind is ActionKind.THANK_YOU:
            draft = compose(action, pipeline, now, channel=channel)  # type: ignore[arg-type]
            first = pipeline.interviews[0].contact(action.contact).name.split()[0]
            found.append(draft.text.replace(first, "NAME") + (draft.voicemail or ""))
    return found


@pytest.mark.parametrize("channel", list(Channel), ids=str)
def test_a_panel_of_nine_with_nothing_noted_gets_nine_different_thank_yous(
    channel: Channel,
) -> None:
    bodies = bodies_of_the_panel(panel(WORDINGS * WORDINGS), channel)
    assert len(bodies) == 9
    assert len(set(bodies)) == 9


def test_shared_recap_points_go_round_the_panel() -> None:
    points = ["Scaled the onboarding funnel", "Cut churn by a third", "Built the pricing team"]
    bodies = bodies_of_the_panel(panel(3, recap=points), Channel.EMAIL)
    said = ["I scaled the onboarding funnel", "I cut churn by a third", "I built the pricing team"]
    for body, point in zip(bodies, said, strict=True):
        assert point in body
        assert sum(other in body for other in said) == 1  # at most one of each (SPEC)


def twice(**notes: Any) -> Any:
    """Acme: Jane on a video call, then on the onsite a week later."""
    jane = {
        "id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "phone": "+44 1",
        "linkedin": "https://www.linkedin.com/in/jane", "role": "interviewer",
        "notes": ["her plan for the two onboarding flows", "the pricing review",
                  "the hiring of a data lead"],
    }  # fmt: skip
    rounds = [
        {"id": "r1", "starts": "2026-11-13T14:00:00", "kind": "video", "interviewers": ["jane"]},
        {"id": "r2", "starts": "2026-11-20T14:00:00", "kind": "onsite", "interviewers": ["jane"]},
    ]  # fmt: skip
    return acme(contacts=[jane], rounds=rounds, notes=notes)


@pytest.mark.parametrize("channel", list(Channel), ids=str)
def test_someone_met_at_an_earlier_round_is_thanked_in_other_words(channel: Channel) -> None:
    pipeline = twice(recap=["Scaled the onboarding funnel"])
    first = compose(
        action_of(pipeline, "2026-11-13T16:00:00+00:00", "acme/thank_you/r1/jane"),
        pipeline,
        pendulum.parse("2026-11-13T16:00:00+00:00"),  # type: ignore[arg-type]
        channel=channel,
    )
    again = draft_at(pipeline, THANKS_AT, "acme/thank_you/r2/jane", channel)
    # No placeholder the first did not have (the profile here has no phone number).
    assert again.text != first.text and set(again.placeholders) <= set(first.placeholders)
    said = again.text + (again.voicemail or "")
    assert "again" in said
    # Other points than the first time, and no point of mine she has heard already.
    assert "the hiring of a data lead" in said and "onboarding flows" not in said
    assert "onboarding funnel" not in said


def test_a_second_thank_you_says_a_point_of_mine_she_has_not_heard() -> None:
    pipeline = twice(recap=["Scaled the onboarding funnel", "Cut churn by a third"])
    first = draft_at(pipeline, "2026-11-13T16:00:00+00:00", "acme/thank_you/r1/jane")
    again = draft_at(pipeline, THANKS_AT, "acme/thank_you/r2/jane")
    assert "I scaled the onboarding funnel" in first.body
    assert "I cut churn by a third" in again.body
    assert "onboarding funnel" not in again.body
    assert again.body.startswith("Dear Jane,\n\nThank you for meeting with me again today.")


def test_a_thank_you_with_long_notes_keeps_to_150_words_and_leads_with_them() -> None:
    jane = {
        "id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "role": "interviewer",
        "notes": [f"{LONG}. And a second sentence about {LONG}", f"her view of {LONG}"],
    }  # fmt: skip
    pipeline = acme(
        contacts=[jane],
        notes={
            "recap": [f"Led {LONG}"],
            "challenges": [f"Billing: I would rebuild {LONG}"],
            "open_questions": [{"question": "q", "answer": f"{LONG}. {LONG}", "asked_by": "jane"}],
        },
    )
    draft = draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane")
    assert _words(draft.body, SIGNATURE) <= THANK_YOU_WORDS
    assert draft.placeholders == () and not draft.warnings
    # What was cut was the optional part and the second of each; what I discussed with her
    # still leads.
    assert f"talking with you about {LONG}." in draft.body
    assert "billing" not in draft.body.lower().split("about", 1)[0]


def test_a_check_in_with_long_news_and_answers_keeps_to_200_words() -> None:
    pipeline = acme(
        decision_by="2026-11-25",
        notes={
            "company_news": f"{LONG}, {LONG}, {LONG}",
            "open_questions": [
                {"question": "q1", "answer": f"{LONG}. {LONG}. {LONG}"},
                {"question": "q2", "answer": f"{LONG}. {LONG}"},
            ],
        },
    )
    draft = draft_at(pipeline, CHECK_IN_AT, "acme/check_in/r1")
    assert _words(draft.body, SIGNATURE) <= EMAIL_WORDS
    assert not draft.warnings and draft.placeholders == ()
    assert "here are fuller answers" in draft.body and "decide by" in draft.body


def test_a_linkedin_thank_you_fits_by_saying_one_point() -> None:
    jane = {
        "id": "jane", "name": "Jane Doe", "role": "interviewer",
        "linkedin": "https://www.linkedin.com/in/jane",
        "notes": [
            "her plan to merge the two onboarding flows",
            "the pricing experiments her team ran in every market this year, and what they taught",
        ],
    }  # fmt: skip
    pipeline = acme(contacts=[jane], role="Senior Product Manager, Payments Platform")
    whole = draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane", Channel.EMAIL)
    assert "the pricing experiments" in whole.body  # two points fit an email
    note = draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane", Channel.LINKEDIN)
    assert len(note.body) <= LINKEDIN_LIMIT and not note.warnings
    assert "your plan to merge the two onboarding flows" in note.body
    assert "pricing" not in note.body


def test_what_cannot_be_cut_enough_is_said_before_sending() -> None:
    jane = {
        "id": "jane", "name": "Jane Doe", "role": "interviewer", "email": "jane@acme.example",
        "notes": [" ".join([LONG] * 8)],
    }  # fmt: skip
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane")
    assert _words(draft.body, SIGNATURE) > THANK_YOU_WORDS
    assert any("words; at most 150 reads best" in w for w in draft.warnings)


@pytest.mark.parametrize("channel", list(Channel), ids=str)
def test_an_invitation_to_connect_without_notes_has_no_placeholder(channel: Channel) -> None:
    sam = {"id": "sam", "name": "Sam Lee", "email": "sam@acme.example", "role": "recruiter",
           "linkedin": "https://www.linkedin.com/in/sam", "phone": "+44 2"}  # fmt: skip
    jane = {"id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "role": "interviewer",
            "linkedin": "https://www.linkedin.com/in/jane", "phone": "+44 1"}  # fmt: skip
    thanked = {"at": "2026-11-20T17:00:00+00:00", "kind": "sent", "action": "thank_you",
               "round": "r1", "contact": "jane"}  # fmt: skip
    pipeline = acme(contacts=[jane, sam], events=[thanked])
    at = "2026-11-23T10:00:00+00:00"
    connect = [
        a
        for a in compute_actions(pipeline.interviews, pipeline.policy, pendulum.parse(at))  # type: ignore[arg-type]
        if a.kind is ActionKind.CONNECT and a.contact == "jane"
    ]
    assert connect, "a thank-you sent is followed by an invitation to connect"
    draft = compose(connect[0], pipeline, pendulum.parse(at), channel=channel)  # type: ignore[arg-type]
    assert draft.placeholders == () and "[" not in draft.text
    assert "talking" not in draft.text


def test_an_answer_for_no_one_in_particular_goes_into_the_next_check_in_only() -> None:
    answer = "I would start with the three heaviest customer segments"
    pipeline = acme(
        decision_by="2026-11-25",
        notes={"open_questions": [{"question": "how to size it", "answer": answer}]},
    )
    check_in = draft_at(pipeline, CHECK_IN_AT, "acme/check_in/r1")
    assert answer in check_in.body
    after = _with_events(pipeline, _sent(CHECK_IN_AT, ActionKind.CHECK_IN, "acme/check_in/r1"))
    later = "2026-12-04T10:00:00+00:00"
    value_adds = [
        a
        for a in compute_actions(after.interviews, after.policy, pendulum.parse(later))  # type: ignore[arg-type]
        if a.kind in (ActionKind.VALUE_ADD, ActionKind.CHECK_IN)
    ]
    assert value_adds
    for action in value_adds:
        body = compose(action, after, pendulum.parse(later)).body  # type: ignore[arg-type]
        assert answer not in body and "fuller answer" not in body, action.id


def test_a_note_about_them_is_said_to_them() -> None:
    draft = draft_at(acme(), THANKS_AT, "acme/thank_you/r1/jane")
    assert "talking with you about your plan to merge the two onboarding flows." in draft.body
    assert "her plan" not in draft.body


@pytest.mark.parametrize(
    ("noted", "said"),
    [
        ("Led the pricing-page redesign", "I led the pricing-page redesign"),
        ("Comfortable owning metric definitions", "I am comfortable owning metric definitions"),
        ("Experienced in usage-based pricing", "I am experienced in usage-based pricing"),
        ("My last two teams shipped weekly", "my last two teams shipped weekly"),
        ("Used cohort analysis to cut churn", "I used cohort analysis to cut churn"),
        ("Used to lead a team of six", "I used to lead a team of six"),
    ],
)
def test_a_recap_point_reads_as_a_sentence_of_mine(noted: str, said: str) -> None:
    draft = draft_at(acme(notes={"recap": [noted]}), THANKS_AT, "acme/thank_you/r1/jane")
    assert f"One thing I hope came across: {said}." in draft.body


@pytest.mark.parametrize(
    "first",
    [f"{LONG}, e.g. the billing flows that grew 3.5x", f"the work Dr. Patel's team did on {LONG}"],
)
def test_a_point_cut_to_its_first_sentence_keeps_an_abbreviation_whole(first: str) -> None:
    jane = {
        "id": "jane", "name": "Jane Doe", "role": "interviewer", "email": "jane@acme.example",
        "notes": [f"{first}. " + " ".join([f"And {LONG}."] * 6)],
    }  # fmt: skip
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane")
    assert f"talking with you about {first}." in draft.body
    assert _words(draft.body, SIGNATURE) <= THANK_YOU_WORDS


def _with_events(pipeline: Any, *events: Event) -> Any:
    return replace(
        pipeline,
        interviews=tuple(replace(i, events=(*i.events, *events)) for i in pipeline.interviews),
    )


def _sent(at: str, kind: ActionKind, action_id: str, channel: Channel | None = None) -> Event:
    return Event(
        at=pendulum.parse(at),  # type: ignore[arg-type]
        kind=EventKind.SENT,
        action=kind,
        action_id=action_id,
        contact="jane",
        channel=channel,
    )


def _checked_in(at: str, channel: Channel) -> Event:
    return _sent(at, ActionKind.CHECK_IN, "acme/check_in/r1", channel)


def test_a_check_in_with_no_room_for_the_answer_leaves_it_for_the_next() -> None:
    answer = "I would start with the three heaviest customer segments"
    pipeline = acme(
        decision_by="2026-11-25",
        notes={"open_questions": [{"question": "how to size it", "answer": answer}]},
    )
    after = _with_events(pipeline, _checked_in(CHECK_IN_AT, Channel.LINKEDIN))
    later = "2026-12-04T10:00:00+00:00"
    value_add = the_only(after, later, ActionKind.VALUE_ADD)
    assert answer in compose(value_add, after, pendulum.parse(later)).body  # type: ignore[arg-type]


def test_a_check_in_sent_before_the_last_meeting_carried_other_answers() -> None:
    answer = "I would start with the three heaviest customer segments"
    rounds = [
        {"id": "r1", "starts": "2026-11-20T14:00:00", "kind": "onsite", "interviewers": ["jane"]},
        {"id": "r2", "starts": "2026-12-01T14:00:00", "kind": "video", "interviewers": ["jane"]},
    ]
    pipeline = acme(
        rounds=rounds,
        decision_by="2026-12-03",
        notes={"open_questions": [{"question": "how to size it", "answer": answer}]},
    )
    after = _with_events(pipeline, _checked_in(CHECK_IN_AT, Channel.EMAIL))
    later = "2026-12-07T10:00:00+00:00"
    check_in = the_only(after, later, ActionKind.CHECK_IN)
    assert check_in.id == "acme/check_in/r2"
    assert answer in compose(check_in, after, pendulum.parse(later)).body  # type: ignore[arg-type]


def test_a_note_that_speaks_of_them_throughout_is_said_to_them_or_pointed_out() -> None:
    jane = {
        "id": "jane", "name": "Jane Doe", "role": "interviewer", "email": "jane@acme.example",
        "notes": ["her plan to merge the two flows and her hiring for 2027"],
    }  # fmt: skip
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane")
    assert "your plan to merge the two flows and your hiring for 2027" in draft.body
    assert not any("speaks of them" in w for w in draft.warnings)
    jane["notes"] = ["the team she leads in Leeds"]
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane")
    assert "talking with you about the team you lead in Leeds." in draft.body
    assert not any("speaks of them" in w for w in draft.warnings)
    # What cannot be turned is pointed out: "a chat she and Tom had".
    jane["notes"] = ["the offsite she and Tom ran"]
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane")
    assert any("speaks of them as “she”" in w for w in draft.warnings)


# ------------------------------------------------------------- what each kind has to say


def test_a_value_add_with_nothing_noted_to_share_asks_for_something() -> None:
    checked_in = _checked_in(CHECK_IN_AT, Channel.EMAIL)
    bare = _with_events(acme(decision_by="2026-11-25", notes={}), checked_in)
    later = "2026-12-04T10:00:00+00:00"
    value_add = the_only(bare, later, ActionKind.VALUE_ADD)
    draft = compose(value_add, bare, pendulum.parse(later))  # type: ignore[arg-type]
    # Never "something that might be useful" and then nothing: what to share is marked.
    assert draft.placeholders == ("[a work example or recent achievement that bears on the role]",)
    with_recap = _with_events(
        acme(decision_by="2026-11-25", notes={"recap": ["Scaled the onboarding funnel"]}),
        checked_in,
    )
    draft = compose(value_add, with_recap, pendulum.parse(later))  # type: ignore[arg-type]
    assert draft.placeholders == ()
    assert "One thing from my work that bears on the role: I scaled the onboarding funnel." in (
        draft.body
    )


def test_a_second_keep_warm_note_is_not_the_first_again() -> None:
    pipeline = acme(stage="closed", outcome="rejected", keep_warm=True)
    at = "2026-11-21T10:00:00+00:00"
    first = draft_at(pipeline, at, "acme/nurture/0")
    later = "2027-01-21T10:00:00+00:00"
    after = _with_events(pipeline, _sent(at, ActionKind.NURTURE, "acme/nurture/0"))
    second = the_only(after, later, ActionKind.NURTURE)
    again = compose(second, after, pendulum.parse(later))  # type: ignore[arg-type]
    firsts = set(first.body.split("\n\n")[1:-1])
    assert not firsts & set(again.body.split("\n\n")[1:-1])  # not one paragraph the same


def test_a_late_promise_says_sorry_and_an_early_one_does_not() -> None:
    on_time = _kept("Send Jane the deck")
    late = _kept("Send Jane the deck", at="2026-11-25T10:00:00+00:00")
    assert "later than I said" not in on_time.body
    assert "I'm sorry it comes later than I said." in late.body
    assert "You'll find it attached." in late.body


def test_references_are_not_offered_to_someone_already_taking_them() -> None:
    waiting = acme(stage="waiting", decision_by="2026-11-25")
    assert "such as references or more detail on my experience, just let me know." in (
        draft_at(waiting, CHECK_IN_AT, "acme/check_in/r1").body
    )
    taking = acme(stage="references", decision_by="2026-11-25")
    body = draft_at(taking, CHECK_IN_AT, "acme/check_in/r1").body
    assert "references" not in body
    assert (
        "If anything else would help with your decision, such as more detail on my experience"
        in body
    )


def test_a_decision_date_older_than_their_last_answer_is_not_quoted() -> None:
    pipeline = acme(decision_by="2026-11-25")
    assert "decide by" in draft_at(pipeline, CHECK_IN_AT, "acme/check_in/r1").body
    replied = Event(
        at=pendulum.parse("2026-11-26T09:00:00+00:00"),  # type: ignore[arg-type]
        kind=EventKind.REPLY,
        contact="jane",
    )
    after = _with_events(pipeline, replied)
    later = "2026-12-08T10:00:00+00:00"
    check_in = the_only(after, later, ActionKind.CHECK_IN)
    body = compose(check_in, after, pendulum.parse(later)).body  # type: ignore[arg-type]
    assert "25 November" not in body and "decide by" not in body


def test_a_thank_you_said_with_a_promise_is_still_a_brief_thank_you() -> None:
    from app.drafts.combine import one_message

    pipeline = demo()
    at = pendulum.parse("2026-11-21T16:00:00+00:00")
    actions = compute_actions(pipeline.interviews, pipeline.policy, at)  # type: ignore[arg-type]
    thanks = next(a for a in actions if a.id == "brightwater-pm/thank_you/r2/marcus")
    promise = next(a for a in actions if a.id == "brightwater-pm/keep_promise/p1")
    one = one_message([thanks, promise], pipeline, at)  # type: ignore[arg-type]
    signature = pipeline.profile.signature
    assert _words(one.body, signature) <= THANK_YOU_WORDS
    assert "onboarding teardown deck" in one.body and not any(
        "reads best" in w for w in one.warnings
    )


# ------------------------------------------------------------- found by a review


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.LINKEDIN], ids=str)
def test_a_note_that_begins_with_a_semicolon_is_drafted(channel: Channel) -> None:
    jane = {"id": "jane", "name": "Jane Doe", "role": "interviewer", "email": "jane@acme.example",
            "notes": ["; owns the pricing roadmap. " + " ".join([f"And {LONG}."] * 8)]}  # fmt: skip
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane", channel)
    # Long enough to be cut to its first sentence, which the "; " must not break.
    assert "owns the pricing roadmap" in draft.body and "And the way" not in draft.body


def test_her_as_the_person_is_left_and_pointed_out() -> None:
    jane = {"id": "jane", "name": "Jane Doe", "role": "interviewer", "email": "jane@acme.example",
            "notes": ["the pricing pilot I would run with her in my first quarter"]}  # fmt: skip
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane")
    assert "run with her in my first quarter" in draft.body and "with your" not in draft.body
    assert any("speaks of them as “her”" in w for w in draft.warnings)


def test_a_value_add_said_with_a_long_promise_keeps_what_it_shares() -> None:
    from app.drafts.combine import one_message

    promise = {
        "id": "p1", "what": "Send Sam " + " ".join(["the long appendix"] * 60), "to": "sam",
        "due": "2026-12-04T17:00:00", "created": "2026-11-20T15:00:00",
    }  # fmt: skip
    pipeline = _with_events(
        acme(decision_by="2026-11-25", promises=[promise]),
        _checked_in(CHECK_IN_AT, Channel.EMAIL),
    )
    at = pendulum.parse("2026-12-04T10:00:00+00:00")
    actions = compute_actions(pipeline.interviews, pipeline.policy, at)  # type: ignore[arg-type]
    value_add = next(a for a in actions if a.kind is ActionKind.VALUE_ADD)
    kept = next(a for a in actions if a.kind is ActionKind.KEEP_PROMISE)
    one = one_message([value_add, kept], pipeline, at)  # type: ignore[arg-type]
    assert "I scaled the onboarding funnel" in one.body  # acme's recap point, the value shared
    assert "work example or recent achievement" not in one.body
    assert sum("reads best" in w for w in one.warnings) == 1


def test_company_news_noted_about_them_is_said_to_them():
    # The notes form suggests "they just opened an office in Berlin": the check-in goes to
    # someone who works there.
    news = acme(notes={"company_news": "They just closed a Series C; their CEO announced it."})
    action = the_only(news, CHECK_IN_AT, ActionKind.CHECK_IN)
    body = draft_at(news, CHECK_IN_AT, action.id).body
    assert "I also saw the news: you just closed a Series C; their CEO announced it." in body


@pytest.mark.parametrize(
    ("noted", "said"),
    [
        ("Raised a Series B in March", "you raised a Series B in March"),
        ("just launched a new app", "you just launched a new app"),
        ("We won the award for best fintech", "you won the award for best fintech"),
        ("Red Hat partnership announced", "Red Hat partnership announced"),
        # Done to the company, it is "you were"; deeds no company does stay as noted.
        ("Acquired by Microsoft in October", "you were acquired by Microsoft in October"),
        ("Named a Gartner leader", "you were named a Gartner leader"),
        ("Ranked #1 on G2 🎉!", "you were ranked #1 on G2"),
        ("they just got their EMI licence 🎉", "you just got your EMI licence"),
        ("Closed its Series C last month", "you closed your Series C"),
        ("Automated warehouse opened in Leeds", "Automated warehouse opened in Leeds"),
    ],
)
def test_company_news_noted_without_its_subject_is_said_to_them(noted: str, said: str) -> None:
    news = acme(notes={"company_news": noted})
    action = the_only(news, CHECK_IN_AT, ActionKind.CHECK_IN)
    assert f"I also saw the news: {said}." in draft_at(news, CHECK_IN_AT, action.id).body


def test_a_they_further_into_the_news_is_left_as_noted():
    # "they" there are the customers, not the company.
    news = acme(notes={"company_news": "customers say they love the new app"})
    action = the_only(news, CHECK_IN_AT, ActionKind.CHECK_IN)
    body = draft_at(news, CHECK_IN_AT, action.id).body
    assert "I also saw the news: customers say they love the new app." in body


def _long_linkedin_thanks(role: str) -> Any:
    """Jane's LinkedIn thank-you, for a role titled ``role``, with a long point of hers."""
    jane = {
        "id": "jane",
        "name": "Jane Doe",
        "role": "interviewer",
        "linkedin": "https://www.linkedin.com/in/janedoe",
        "notes": [
            "her plan to merge the two onboarding flows into one funnel shared by the web and "
            "mobile apps, with one set of metrics the data team owns end to end"
        ],
    }
    long = acme(role=role, contacts=[jane], preferences={"channels": ["linkedin"]})
    return draft_at(long, THANKS_AT, "acme/thank_you/r1/jane")


def test_a_linkedin_thank_you_with_a_long_title_and_note_still_fits_its_300_characters():
    note = _long_linkedin_thanks("Senior Product Manager, Payments Risk and Compliance Platform")
    assert len(note.body) <= LINKEDIN_LIMIT and not note.warnings, (len(note.body), note.body)
    # What gave way: the team after the title, and the point's second clause.
    assert "about the Senior Product Manager role" in note.body
    assert "your plan to merge the two onboarding flows into one funnel shared by the web" in (
        note.body
    )
    assert "metrics" not in note.body and "Payments" not in note.body


def test_a_title_cut_short_to_fit_never_leaves_a_bracket_open() -> None:
    role = "Senior Brand and Communications Strategy Manager (Maternity Cover, 12 months)"
    note = _long_linkedin_thanks(role).body
    assert len(note) <= LINKEDIN_LIMIT
    assert "about the Senior Brand and Communications Strategy Manager role" in note
    assert note.count("(") == note.count(")")


@pytest.mark.parametrize(
    ("kept", "greeting"),
    [("Doe, Jane", "Dear Jane,"), ("JANE DOE", "Dear Jane,"), ("Dr. Jane Doe", "Dear Dr. Doe,")],
)
def test_a_name_kept_as_a_directory_lists_it_is_written_as_a_letter_writes_it(
    kept: str, greeting: str
) -> None:
    jane = {"id": "jane", "name": kept, "email": "jane@acme.example", "role": "interviewer"}
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane")
    assert draft.body.startswith(f"{greeting}\n\n")
    assert ",," not in draft.text


def test_a_title_before_my_name_is_not_how_i_sign_a_short_note() -> None:
    pipeline = acme(profile={"name": "Dr. Priya Shah", "email": "priya@shah.example"})
    draft = draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane", Channel.LINKEDIN)
    assert draft.text.endswith("Best, Priya")


def test_an_aside_in_my_notes_never_reaches_the_reader() -> None:
    jane = {
        "id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "role": "interviewer",
        "notes": ["her plan for the two onboarding flows (she seemed tired of it)"],
    }  # fmt: skip
    pipeline = acme(
        contacts=[jane],
        notes={"recap": ["Scaled the onboarding funnel (the one thing they cared about)"]},
    )
    draft = draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane")
    assert "talking with you about your plan for the two onboarding flows." in draft.body
    assert "I scaled the onboarding funnel." in draft.body
    assert "(" not in draft.body and "tired" not in draft.body and "cared" not in draft.body


@pytest.mark.parametrize(
    ("recap", "said"),
    [
        ("i'm fluent in Spanish", "One thing I hope came across: I'm fluent in Spanish."),
        ("I'm fluent in Spanish", "One thing I hope came across: I'm fluent in Spanish."),
        ("Have run 3 launches end to end", "came across: I have run 3 launches end to end."),
        ("Led the redesign", "came across: I led the redesign."),
        ("Oversaw the migration to AWS", "came across: I oversaw the migration to AWS."),
        ("Brought two products to market", "came across: I brought two products to market."),
        ("lead the data platform team today", "came across: I lead the data platform team"),
        ("Speaks fluent German", "came across: I speak fluent German."),
        ("Hands-on with Kubernetes", "came across: I am hands-on with Kubernetes."),
        ("Head of product at a startup", "came across: head of product at a startup."),
        # Things, not deeds: left as noted.
        ("lead generation for the SMB segment", "came across: lead generation for the SMB"),
        ("Use cases for the API", "came across: use cases for the API."),
        ("Hands-on Kubernetes experience", "came across: hands-on Kubernetes experience."),
        ("Paid media expertise", "came across: paid media expertise."),
        ("Certified Scrum Master", "came across: Certified Scrum Master."),
        ("love solving hard problems", "came across: I love solving hard problems."),
        ("Manage 12 engineers", "came across: I manage 12 engineers."),
        ("Mentor junior engineers", "came across: I mentor junior engineers."),
        ("Speaks Portuguese", "came across: I speak Portuguese."),
        ("Available immediately", "came across: I am available immediately."),
    ],
)
def test_a_point_of_mine_reads_as_mine_however_it_was_noted(recap: str, said: str) -> None:
    draft = draft_at(acme(notes={"recap": [recap]}), THANKS_AT, "acme/thank_you/r1/jane")
    assert said in draft.body


@pytest.mark.parametrize(
    ("challenge", "said"),
    [
        ("Churn: start with cohort interviews", "And on churn, I would start with cohort"),
        (
            "Legacy monolith — would strangle it gradually",
            "And on legacy monolith, I would strangle",
        ),
        ("Billing: I would rebuild it", "And on billing, I would rebuild it."),
        ("Pricing - we could test annual plans", "And on pricing, we could test annual plans."),
        ("Pricing: test annual plans", "And on pricing, I would test annual plans."),
        ("Standups at 9:30 – move them async", "And on standups at 9:30, I would move them"),
        ("Onboarding: automating the provisioning", "on onboarding, I would start by automating"),
        ("Roadmap churn: A quarterly planning cadence", "I would suggest a quarterly planning"),
        ("Churn. Plan: interview leavers", "And on churn, I would interview leavers."),
        ("Their NPS is falling: survey detractors", "And as their NPS is falling, I would survey"),
        ("Data quality: my first step would be an audit", "on data quality, my first step would"),
        ("Brand: bring the voice together", "And on brand, I would bring the voice together."),
        ("Churn: pricing page redesign", "And on churn, pricing page redesign."),
        ("Retention: their biggest worry", "And on retention, their biggest worry."),
        ("The 90-day plan: start with user interviews", "And on the 90-day plan, I would start"),
        ("Churn: improving the onboarding flow", "And on churn, I would start by improving the"),
    ],
)
def test_a_challenge_says_how_i_would_meet_it_in_my_own_voice(challenge: str, said: str) -> None:
    pipeline = acme(notes={"recap": ["Led the redesign"], "challenges": [challenge]})
    assert said in draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane").body


@pytest.mark.parametrize("challenge", ["the pricing model", "Pricing: not sure yet", "Hiring: ?"])
def test_a_challenge_noted_without_how_i_would_meet_it_is_left_out(challenge: str) -> None:
    pipeline = acme(notes={"recap": ["Led the redesign"], "challenges": [challenge]})
    body = draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane").body
    assert challenge.partition(":")[0].lower() not in body.lower() and "And " not in body
    assert draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane").placeholders == ()


def test_a_note_about_her_teams_plans_is_said_to_her() -> None:
    jane = {
        "id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "role": "interviewer",
        "notes": ["her team's rollout plan"],
    }  # fmt: skip
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane")
    assert "talking with you about your team's rollout plan." in draft.body
    assert not draft.warnings


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("Discussed the Q3 roadmap", "talking with you about the Q3 roadmap."),
        ("We talked about her team's hiring plans", "talking with you about your team's hiring"),
        ("I told her about my migration to Kafka", "talking with you about my migration to Kafka."),
        ("Asked me about my gap year", "talking with you about my gap year."),
        ("Mentioned the Series B", "talking with you about the Series B."),
        ("Told me about their Berlin office", "talking with you about your Berlin office."),
        ("Gave me an overview of the data stack", "talking with you about the data stack."),
        ("The case study on churn", "talking with you about the case study on churn."),
        ("Our shared time at Google", "talking with you about our shared time at Google."),
        ("the reorg – seemed stressed", "talking with you about the reorg."),
        ("pricing – especially the enterprise tier", "about pricing – especially the enterprise"),
    ],
)
def test_a_note_of_what_we_discussed_reads_as_its_topic(note: str, said: str) -> None:
    jane = {"id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "notes": [note]}
    assert said in draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane").body


@pytest.mark.parametrize(
    "note",
    ["She's a fellow Manchester United fan", "Liked my portfolio", "Seemed keen on me",
     "Mentioned the role could be remote", "Told me she is leaving in March",
     "Thought my portfolio was strong"],
)  # fmt: skip
def test_a_note_of_what_they_did_or_are_is_not_put_after_about(note: str) -> None:
    jane = {"id": "jane", "name": "Jane Doe", "role": "interviewer", "email": "jane@acme.example",
            "notes": [note]}  # fmt: skip
    draft = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane")
    assert note not in draft.body and note.lower() not in draft.body
    assert "[what you talked about with them]" in draft.placeholders


def test_a_note_that_is_a_sentence_of_its_own_is_not_put_after_about() -> None:
    notes = ["we both love rock climbing!", "the Q3 roadmap"]
    jane = {"id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "notes": notes}
    body = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane").body
    assert "talking with you about the Q3 roadmap." in body and "climbing" not in body


def test_a_keep_warm_note_assumes_nothing_of_the_role_or_the_time_since() -> None:
    # Whoever ended it (they, or I by withdrawing), and however long since the last note.
    for template in ("nurture.email.txt", "nurture.letter.txt", "nurture.phone.txt"):
        text = (TEMPLATES / template).read_text()
        assert "opens up again" not in text and "the months since" not in text


def test_a_panel_met_again_in_another_order_hears_new_points_each() -> None:
    people = [
        {"id": p, "name": f"{p.title()} Doe", "email": f"{p}@acme.example", "role": "interviewer"}
        for p in ("jane", "bob")
    ]
    rounds = [
        {"id": "r1", "starts": "2026-11-13T14:00:00", "interviewers": ["jane", "bob"]},
        {"id": "r2", "starts": "2026-11-20T14:00:00", "interviewers": ["bob", "jane"]},
    ]
    recap = ["Scaled the onboarding funnel", "Cut churn by a third", "Built the pricing team"]
    pipeline = acme(contacts=people, rounds=rounds, notes={"recap": recap})
    said = ["I scaled the onboarding funnel", "I cut churn by a third", "I built the pricing team"]

    def point(at: str, action_id: str) -> str:
        body = draft_at(pipeline, at, action_id).body
        (found,) = [p for p in said if p in body]
        return found

    first = {
        p: point("2026-11-13T16:00:00+00:00", f"acme/thank_you/r1/{p}") for p in ("jane", "bob")
    }
    again = {p: point(THANKS_AT, f"acme/thank_you/r2/{p}") for p in ("jane", "bob")}
    assert again["jane"] != again["bob"]
    assert all(again[p] != first[p] for p in ("jane", "bob")), (first, again)


def test_a_note_starting_with_initials_is_a_topic_and_one_that_is_all_aside_is_nothing() -> None:
    notes = ["(ask about salary)", "it was fun", "IT procurement process"]
    jane = {"id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "notes": notes}
    body = draft_at(acme(contacts=[jane]), THANKS_AT, "acme/thank_you/r1/jane").body
    assert "talking with you about IT procurement process." in body
    assert "salary" not in body and "was fun" not in body


def test_a_linkedin_thank_you_to_someone_met_before_cut_to_fit_keeps_to_new_points() -> None:
    long_notes = [f"the first of my notes about {LONG}", f"the second of them, {LONG}",
                  f"a third: {LONG}", "the hiring of a data lead"]  # fmt: skip
    pipeline = twice()
    jane = replace(pipeline.interviews[0].contacts[0], notes=tuple(long_notes))
    interview = replace(pipeline.interviews[0], contacts=(jane,))
    pipeline = replace(pipeline, interviews=(interview,))
    draft = draft_at(pipeline, THANKS_AT, "acme/thank_you/r2/jane", Channel.LINKEDIN)
    assert len(draft.text) <= LINKEDIN_LIMIT
    assert "first of my notes" not in draft.text and "second of them" not in draft.text


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.LINKEDIN, Channel.TEXT, Channel.LETTER])
@pytest.mark.parametrize(
    ("what", "said"),
    [
        ("Call Jane back about my notice period", "call you back about my notice period"),
        ("I'll give her a quick call about the start date", "give you a quick call about"),
        ("Meet Jane's team for coffee", "meet your team for coffee"),
    ],
)
def test_a_promised_call_is_offered_not_said_to_be_made_by_writing(
    channel: Channel, what: str, said: str
) -> None:
    draft = _kept(what, channel=channel)
    assert said in draft.body
    assert "writing to" not in draft.body
    assert "like to" in draft.body and "a good time for you" in draft.body
    # Nothing to paste in: the call is what was promised, and copying it does not warn.
    assert not draft.placeholders and "attached" not in draft.body


def test_a_promised_call_on_the_phone_is_made_and_in_a_voicemail_asks_to_be_called_back() -> None:
    draft = _kept(
        "Call Jane back about my notice period",
        at="2026-11-25T10:00:00+00:00",
        channel=Channel.PHONE,
    )
    assert "I promised to call you back about my notice period, so I'm calling" in draft.body
    assert "(Talk it through;" in draft.body
    assert draft.voicemail is not None
    assert "Please call me back when it suits you." in draft.voicemail
    assert "by email as well" not in draft.voicemail


def test_a_late_promised_call_says_sorry_for_itself() -> None:
    late = _kept("Call Jane back", at="2026-11-25T10:00:00+00:00")
    assert "I'd like to call you back. I'm sorry to be later than I said." in late.body


def _kept(
    what: str,
    *,
    to: str | None = "jane",
    at: str = "2026-11-23T10:00:00+00:00",
    channel: Channel | None = None,
) -> Draft:
    """The draft of Acme's one promise, ``what``, made on Friday and due Monday at 17:00."""
    promise = {"id": "p1", "what": what, "to": to,
               "due": "2026-11-23T17:00:00", "created": "2026-11-20T15:00:00"}  # fmt: skip
    return draft_at(acme(promises=[promise]), at, "acme/keep_promise/p1", channel)


# Another process at an offer since Sunday, to be answered by Monday 30 November.
OFFER = {"id": "globex", "company": "Globex", "role": "PM", "stage": "offer",
         "offer_deadline": "2026-11-30",
         "rounds": [{"id": "r1", "starts": "2026-11-19T14:00:00", "interviewers": []}],
         "events": [{"at": "2026-11-22T10:00:00", "kind": "stage", "from": "waiting",
                     "to": "offer"}]}  # fmt: skip


def _one_message_at(pipeline: Any, at: str, *kinds: ActionKind) -> Draft:
    from app.drafts.combine import one_message

    now = pendulum.parse(at)
    actions = compute_actions(pipeline.interviews, pipeline.policy, now)  # type: ignore[arg-type]
    chosen = [next(a for a in actions if a.kind is kind) for kind in kinds]
    return one_message(chosen, pipeline, now)  # type: ignore[arg-type]


def test_one_message_says_once_that_i_am_still_keen() -> None:
    # Sam, the recruiter, ran the screen: the thank-you is late, a promise and the check-in due.
    promise = {"id": "p1", "what": "Send Sam my list of references", "to": "sam",
               "due": "2026-11-23T12:00:00", "created": "2026-11-20T15:10:00"}  # fmt: skip
    pipeline = acme(
        stage="waiting",
        decision_by="2026-11-20",
        rounds=[{"id": "r1", "starts": "2026-11-20T14:00:00", "interviewers": ["sam"]}],
        notes={"company_news": "Acme raised a Series B last month"},
        promises=[promise],
    )
    kinds = (ActionKind.THANK_YOU, ActionKind.KEEP_PROMISE, ActionKind.CHECK_IN)
    one = _one_message_at(pipeline, "2026-11-23T10:00:00+00:00", *kinds)
    assert "still very interested" not in one.body  # the thank-you's closing says it
    assert one.body.count("even more excited about joining Acme Ltd") == 1
    # "last month" was true when it was noted, and may not be when the message is read.
    assert "I also saw the news: Acme raised a Series B." in one.body
    assert "so I wanted to check in on how things are moving" in one.body
    # Said alone, the check-in still says it.
    alone = _one_message_at(pipeline, "2026-11-23T10:00:00+00:00", ActionKind.CHECK_IN)
    assert "still very interested in the role and in joining Acme Ltd" in alone.body


def test_an_update_on_an_offer_says_how_keen_i_am_and_the_check_in_with_it_does_not_again() -> None:
    pipeline = acme(others=(OFFER,), stage="waiting", decision_by="2026-11-20")
    kinds = (ActionKind.UPDATE_OTHERS, ActionKind.CHECK_IN)
    one = _one_message_at(pipeline, "2026-11-23T10:00:00+00:00", *kinds)
    assert "Acme Ltd is still very high on my list" in one.body
    assert "still very interested" not in one.body
    assert "I enjoyed meeting Jane last Friday." in one.body  # what it recalls stays


@pytest.mark.parametrize(
    ("what", "to_do"),
    [
        ("Upload my portfolio to the candidate portal", True),
        ("Complete the online assessment", True),
        ("Send the references", False),  # to be sent to someone: the draft asks to whom
        ("Update them on my notice period", False),
        ("Update the recruiter on my notice period", False),
        ("Request the salary band from HR", False),
        ("Book a call with Sam to discuss the offer", False),
        ("Complete the take-home and send it back", False),
        ("Sign the offer letter", True),
        ("Submit my application on the portal", True),
        ("Upload my passport to the portal and update my profile", True),
    ],
)
def test_a_promise_to_no_one_in_particular_that_is_a_thing_to_do_is_not_a_message(
    what: str, to_do: bool
) -> None:
    draft = _kept(what, to=None)
    assert ("writing to" not in draft.body) is to_do
    assert draft.reminder is to_do
    if to_do:
        assert draft.body.startswith(
            f"Nothing to send: you told Acme Ltd you would {what[0].lower()}"
        )
        assert not draft.placeholders and "[their first name]" not in draft.body


def _promise_and_check_in_to_sam(channel: str, **fields: Any) -> Any:
    promise = {"id": "p1", "what": "Send Sam my portfolio", "to": "sam",
               "due": "2026-11-23T12:00:00", "created": "2026-11-20T15:10:00"}  # fmt: skip
    return acme(stage="waiting", decision_by="2026-11-20", promises=[promise],
                preferences={"channels": [channel]}, **fields)  # fmt: skip


def test_one_letter_signs_off_once_at_its_end() -> None:
    pipeline = _promise_and_check_in_to_sam("letter")
    kinds = (ActionKind.KEEP_PROMISE, ActionKind.CHECK_IN)
    one = _one_message_at(pipeline, "2026-11-23T10:00:00+00:00", *kinds)
    paragraphs = one.body.split("\n\n")
    assert one.body.count("Yours sincerely,") == 1
    assert paragraphs[-2] == "Yours sincerely,"  # then the signature
    assert "how things are moving" in one.body and "enclosed with this letter" in one.body


def test_one_text_with_a_stop_inside_the_role_keeps_the_role_whole() -> None:
    pipeline = _promise_and_check_in_to_sam("text", others=(OFFER,), role="Sr. Node.js Developer")
    kinds = (ActionKind.UPDATE_OTHERS, ActionKind.CHECK_IN)
    one = _one_message_at(pipeline, "2026-11-23T10:00:00+00:00", *kinds)
    assert "any news on the Sr. Node.js Developer role before then?" in one.body
    assert "check in" not in one.body and "Js Developer" not in one.body
    assert one.body.count("Developer role") == 1  # no piece of the check-in left behind


def test_one_text_says_who_i_am_once_and_asks_once() -> None:
    pipeline = _promise_and_check_in_to_sam("text", others=(OFFER,))
    kinds = (ActionKind.UPDATE_OTHERS, ActionKind.CHECK_IN)
    one = _one_message_at(pipeline, "2026-11-23T10:00:00+00:00", *kinds)
    assert one.body.count("it's Alex Morgan") + one.body.count("It's Alex Morgan") == 1
    assert "any news on the Product Manager role before then?" in one.body
    assert "check in" not in one.body and "still very interested" not in one.body


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.LETTER])
def test_two_answers_to_her_questions_are_two_sentences(channel: Channel) -> None:
    questions = [{"question": "q1", "answer": "I would use Snowflake", "asked_by": "jane"},
                 {"question": "q2", "answer": "Yes, I have managed a $2M budget.",
                  "asked_by": "jane"}]  # fmt: skip
    pipeline = acme(notes={"open_questions": questions})
    draft = draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane", channel)
    assert "the questions you asked me" in draft.body
    assert "I would use Snowflake. Yes, I have managed a $2M budget." in draft.body
    one = acme(notes={"open_questions": questions[:1]})
    alone = draft_at(one, THANKS_AT, "acme/thank_you/r1/jane", channel)
    assert "the question you asked me" in alone.body and "I would use Snowflake." in alone.body


@pytest.mark.parametrize(
    ("text", "again"),
    [("", False), ("Dear Jane, … I would start from the 40,000 firms on the platform.", False),
     ("Dear Jane, thank you for your time.", True)],
)  # fmt: skip
def test_an_answer_she_has_had_is_not_in_her_second_thank_you(text: str, again: bool) -> None:
    answer = "I would start from the 40,000 firms on the platform"
    rounds = [{"id": "r1", "starts": "2026-11-20T14:00:00", "interviewers": ["jane"]},
              {"id": "r2", "starts": "2026-11-27T14:00:00", "interviewers": ["jane"]}]  # fmt: skip
    pipeline = acme(
        rounds=rounds,
        notes={"open_questions": [{"question": "q", "answer": answer, "asked_by": "jane"}]},
    )
    first = draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane")
    assert answer in first.body
    thanked = replace(_sent("2026-11-20T16:30:00+00:00", ActionKind.THANK_YOU,
                            "acme/thank_you/r1/jane"), text=text)  # fmt: skip
    second = draft_at(
        _with_events(pipeline, thanked), "2026-11-27T16:00:00+00:00", "acme/thank_you/r2/jane"
    )
    # Sent with no text kept, its draft said it; sent with its text, the text tells.
    assert (answer in second.body) is again


def test_each_value_add_shares_a_point_the_last_did_not_then_asks_for_a_new_one() -> None:
    notes = {"challenges": ["Churn: start with cohort interviews", "Billing: rebuild it"]}
    # Four unanswered before moving on: room for three value-adds.
    four = acme(decision_by="2026-11-25", notes=notes)
    four = replace(four, policy_overrides={"max_unanswered": 4})
    pipeline = _with_events(four, _checked_in(CHECK_IN_AT, Channel.EMAIL))
    shared = []
    at = pendulum.parse("2026-12-04T10:00:00+00:00")
    for _ in range(3):
        value_add = the_only(pipeline, at.isoformat(), ActionKind.VALUE_ADD)
        draft = compose(value_add, pipeline, at)  # type: ignore[arg-type]
        shared.append(draft.body)
        sent = replace(_sent(at.isoformat(), ActionKind.VALUE_ADD, value_add.id), text=draft.body)
        pipeline = _with_events(pipeline, sent)
        at = at.add(days=9)
    assert "on churn, I would start with cohort interviews" in shared[0]
    assert "on billing, I would rebuild it" in shared[1] and "churn" not in shared[1]
    # Nothing noted is left unsaid to them: the third asks the user for something new.
    assert "[a work example or recent achievement that bears on the role]" in shared[2]


def test_a_second_check_in_does_not_tell_the_news_again() -> None:
    pipeline = acme(decision_by="2026-11-25", notes={"company_news": "Acme raised a Series B"})
    first = draft_at(pipeline, CHECK_IN_AT, "acme/check_in/r1")
    assert "Series B" in first.body
    told = replace(_checked_in(CHECK_IN_AT, Channel.EMAIL), text=first.body)
    replied = Event(at=pendulum.parse("2026-11-28T10:00:00+00:00"), kind=EventKind.REPLY,
                    contact="sam")  # type: ignore[arg-type]  # fmt: skip
    later = _with_events(pipeline, told, replied)
    at = "2026-12-09T10:00:00+00:00"
    second = compose(the_only(later, at, ActionKind.CHECK_IN), later, pendulum.parse(at))  # type: ignore[arg-type]
    assert "Series B" not in second.body


def test_a_promise_done_before_the_message_is_followed_up_in_it() -> None:
    draft = _kept("Look into the visa question and let her know")
    assert "I'm writing to follow up on the visa question." in draft.body
    assert "writing to look into" not in draft.body


@pytest.mark.parametrize(
    ("what", "attached"),
    [("Share my GitHub", False), ("Send my availability for next week", False),
     ("Send the link to my portfolio", False), ("Send Jane the deck", True),
     ("Send the website redesign case study", True), ("Send my CV and a link to my GitHub", True),
     ("Send the calendar sync design doc", True), ("Send some times that work", False),
     ("Send the link I mentioned", False), ("Send the GitHub repo", False)],
)  # fmt: skip
def test_a_link_or_my_availability_is_written_in_not_attached(what: str, attached: bool) -> None:
    draft = _kept(what)
    assert ("attached." in draft.body) is attached
    assert bool(draft.attach) is attached


def test_a_reply_promised_is_a_reply() -> None:
    draft = _kept("Reply to her email about the offsite")
    assert "I'm writing to reply to your email about the offsite." in draft.body


@pytest.mark.parametrize("kind", ["Zoom", "Teams call", "Google Meet"])
def test_a_round_named_by_its_video_tool_is_a_video_call(kind: str) -> None:
    rounds = [{"id": "r1", "starts": "2026-11-20T14:00:00", "kind": kind, "interviewers": ["jane"]}]
    recruiter_note = draft_at(acme(rounds=rounds, decision_by="2026-11-25"), CHECK_IN_AT,
                              "acme/check_in/r1")  # fmt: skip
    assert kind.lower() not in recruiter_note.body.lower()
    from app.drafts.fields import meeting_phrase

    assert meeting_phrase(kind) == "our video call"


def test_a_check_in_by_phone_did_not_tell_the_news() -> None:
    pipeline = acme(decision_by="2026-11-25", notes={"company_news": "Acme raised a Series B"},
                    stage="closed", outcome="rejected", keep_warm=True)  # fmt: skip
    by_phone = replace(_checked_in(CHECK_IN_AT, Channel.PHONE), text="")
    later = _with_events(pipeline, by_phone)
    at = "2027-01-10T10:00:00+00:00"
    nurture = the_only(later, at, ActionKind.NURTURE)
    assert "Series B" in compose(nurture, later, pendulum.parse(at)).body  # type: ignore[arg-type]


def test_a_promise_to_answer_a_question_is_sent_as_the_answer() -> None:
    draft = _kept("Answer to the pricing question")
    assert "I'm writing to send you the answer to the pricing question." in draft.body


def test_value_adds_share_every_challenge_then_every_point_of_mine() -> None:
    notes = {"challenges": ["Churn: start with cohort interviews"],
             "recap": ["Led the checkout redesign", "Grew weekly users 3x"]}  # fmt: skip
    four = replace(
        acme(decision_by="2026-11-25", notes=notes), policy_overrides={"max_unanswered": 5}
    )
    pipeline = _with_events(four, _checked_in(CHECK_IN_AT, Channel.EMAIL))
    at = pendulum.parse("2026-12-04T10:00:00+00:00")
    shared = []
    for _ in range(3):
        value_add = the_only(pipeline, at.isoformat(), ActionKind.VALUE_ADD)
        body = compose(value_add, pipeline, at).body  # type: ignore[arg-type]
        shared.append(body)
        pipeline = _with_events(pipeline, replace(_sent(at.isoformat(), ActionKind.VALUE_ADD,
                                                        value_add.id), text=body))  # fmt: skip
        at = at.add(days=9)
    assert "on churn" in shared[0]
    assert "I led the checkout redesign" in shared[1]
    assert "I grew weekly users 3x" in shared[2]


def test_someone_met_who_shares_the_reader_s_first_name_is_named_in_full() -> None:
    contacts = [
        {"id": "ca", "name": "Chris Adams", "email": "ca@acme.example", "role": "recruiter"},
        {"id": "cb", "name": "Chris Bell", "email": "cb@acme.example", "role": "interviewer"},
        {"id": "jo", "name": "Jo Park", "email": "jo@acme.example", "role": "interviewer"},
    ]
    rounds = [{"id": "r1", "starts": "2026-11-20T14:00:00", "kind": "onsite",
               "interviewers": ["cb", "jo"]}]  # fmt: skip
    pipeline = acme(contacts=contacts, rounds=rounds, stage="waiting")
    body = draft_at(pipeline, "2026-11-30T10:00:00+00:00", "acme/check_in/r1").body
    assert body.startswith("Hi Chris,")
    assert "I enjoyed meeting Chris Bell and Jo on Friday 20 November" in body


def test_an_answer_under_a_heading_of_mine_reads_without_a_second_colon() -> None:
    answer = "Correcting my case math: I should have divided by 12, not 10"
    notes = {
        "open_questions": [{"question": "market sizing", "asked_by": "jane", "answer": answer}]
    }
    body = draft_at(acme(notes=notes), THANKS_AT, "acme/thank_you/r1/jane").body
    assert "here is a fuller answer: I should have divided by 12, not 10." in body
    assert "case math" not in body


def test_one_message_with_a_promise_made_today_says_so_as_of_when_it_goes() -> None:
    # The promise opens tomorrow: alone, its draft speaks as of then; sent with today's
    # thank-you, it goes now, and was made earlier today.
    promise = {"id": "p1", "what": "Send Jane the deck", "to": "jane",
               "due": "2026-11-23T17:00:00", "created": "2026-11-20T14:50:00"}  # fmt: skip
    pipeline = acme(promises=[promise])
    one = _one_message_at(pipeline, THANKS_AT, ActionKind.THANK_YOU, ActionKind.KEEP_PROMISE)
    assert "meet with me today" in one.body
    assert "As I promised earlier today" in one.body and "yesterday" not in one.body


@pytest.mark.parametrize(
    "channel", [Channel.EMAIL, Channel.LETTER, Channel.LINKEDIN, Channel.TEXT, Channel.PHONE]
)
def test_a_round_with_no_interviewers_noted_thanks_who_arranged_it_for_that(
    channel: Channel,
) -> None:
    # Sam, the recruiter, gets the thank-you, but was not in the room as far as anyone noted.
    rounds = [{"id": "r1", "starts": "2026-11-20T14:00:00", "kind": "onsite", "interviewers": []}]
    pipeline = acme(rounds=rounds)
    body = draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/sam", channel).body
    assert "arranging" in body
    for unmet in ("meet with me", "meeting me", "your time", "talking", "Our conversation", "["):
        assert unmet not in body, unmet


_CHECKED_IN = [
    {"at": "2026-11-20T18:00:00+00:00", "kind": "sent", "action": "thank_you", "round": "r1",
     "contact": "jane"},
    {"at": "2026-11-27T10:00:00+00:00", "kind": "sent", "action": "check_in", "contact": "sam"},
]  # fmt: skip


@pytest.mark.parametrize("channel", [Channel.TEXT, Channel.LINKEDIN, Channel.PHONE])
@pytest.mark.parametrize(
    ("notes", "shared"),
    [
        ({"challenges": ["Churn in month one – I would start with an onboarding email series"]},
         "I would start with an onboarding email series"),
        ({"recap": ["Scaled the onboarding funnel to 9k signups a week"]},
         "I scaled the onboarding funnel to 9k signups a week"),
    ],
)  # fmt: skip
def test_a_value_add_on_a_short_channel_carries_the_value(
    channel: Channel, notes: dict[str, Any], shared: str
) -> None:
    at = "2026-12-07T10:00:00+00:00"
    pipeline = acme(stage="waiting", decision_by="2026-11-26", events=_CHECKED_IN, notes=notes)
    action = the_only(pipeline, at, ActionKind.VALUE_ADD)
    body = draft_at(pipeline, at, action.id, channel).body
    assert shared in body
    assert "(And:)" not in body  # nothing came before it


def test_a_value_add_call_with_nothing_noted_asks_what_to_share() -> None:
    at = "2026-12-07T10:00:00+00:00"
    pipeline = acme(stage="waiting", decision_by="2026-11-26", events=_CHECKED_IN, notes={})
    action = the_only(pipeline, at, ActionKind.VALUE_ADD)
    body = draft_at(pipeline, at, action.id, Channel.PHONE).body
    assert "(Share briefly:) [a work example or recent achievement" in body


def test_a_linkedin_thank_you_carries_their_answer_where_it_fits_and_never_breaks_the_limit() -> (
    None
):
    jane = {"id": "jane", "name": "Jane Doe", "role": "interviewer", "email": "jane@acme.example",
            "linkedin": "https://linkedin.com/in/jd", "notes": ["the pricing roadmap"]}  # fmt: skip

    def note(answer: str) -> str:
        asked = {"open_questions": [{"question": "sizing", "asked_by": "jane", "answer": answer}]}
        pipeline = acme(contacts=[jane], notes=asked)
        return draft_at(pipeline, THANKS_AT, "acme/thank_you/r1/jane", Channel.LINKEDIN).body

    short = note("start from the 40,000 firms already on the platform")
    assert "On your question: start from the 40,000 firms already on the platform." in short
    assert len(short) <= LINKEDIN_LIMIT
    long = note("start from the 40,000 firms already on the platform, then apply " + "x " * 80)
    assert len(long) <= LINKEDIN_LIMIT and "the pricing roadmap" in long


def test_on_linkedin_one_message_with_a_connect_is_the_invitation_s_note_and_says_it_once() -> None:
    jane = {"id": "jane", "name": "Jane Doe", "role": "interviewer",
            "linkedin": "https://linkedin.com/in/jd", "notes": ["the pricing roadmap"]}  # fmt: skip
    thanked = {"at": "2026-11-20T17:00:00+00:00", "kind": "sent", "action": "thank_you",
               "round": "r1", "contact": "jane", "channel": "linkedin"}  # fmt: skip
    promise = {"id": "p1", "what": "Send Jane the deck", "to": "jane",
               "due": "2026-11-23T17:00:00", "created": "2026-11-20T14:50:00"}  # fmt: skip
    pipeline = acme(contacts=[jane], events=[thanked], promises=[promise],
                    preferences={"channels": ["linkedin"]})  # fmt: skip
    at = "2026-11-23T10:00:00+00:00"
    one = _one_message_at(pipeline, at, ActionKind.KEEP_PROMISE, ActionKind.CONNECT)
    alone = draft_at(pipeline, at, "acme/connect/jane").body
    assert alone not in one.body
    assert one.body.count("Hi Jane") == 1 and one.body.count("Best, Alex") == 1
    assert "I'm writing to send you the deck" in one.body
    assert len(one.body) <= LINKEDIN_LIMIT

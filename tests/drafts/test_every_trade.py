"""Drafts read right in every line of work, not only in an office: a verdict jotted after a dash
stays with the user, bad news is never congratulated, a signature's own sign-off is said once,
a shared mailbox or a titled person is greeted as a letter would, a qualification reads as
mine, a lesson observation is not an "interview", and a phone call is not a meeting."""

from __future__ import annotations

import pytest

from app.domain.copies import replace
from app.domain.records import ActionKind, Channel
from app.drafts import compose
from app.drafts.fields import meeting_phrase
from app.drafts.spoken import first_name
from app.engine import compute_actions

from .support import acme, demo, demo_now, draft_at, the_only

THANKS_AT = "2026-11-20T16:00:00+00:00"
CHECK_IN_AT = "2026-11-30T10:00:00+00:00"
JANE = "acme/thank_you/r1/jane"


def jane_noted(note: str) -> str:
    """The thank-you to Jane, with ``note`` all I noted discussing with her."""
    contacts = [
        {"id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "role": "interviewer",
         "notes": [note]},
        {"id": "sam", "name": "Sam Lee", "email": "sam@acme.example", "role": "recruiter"},
    ]  # fmt: skip
    return draft_at(acme(contacts=contacts), THANKS_AT, JANE).body


@pytest.mark.parametrize(
    ("note", "topic", "verdict"),
    [
        ("the merger - worried about jobs", "the merger.", "worried"),
        ("the staff survey - hates agency staff", "the staff survey.", "hates"),
        ("patient flow - a shambles", "patient flow.", "shambles"),
        ("the night shift – knackered", "the night shift.", "knackered"),
        ("the car park - nightmare", "the car park.", "nightmare"),
        ("the new menu — total legend", "the new menu.", "legend"),
        ("the Ofsted visit - nervous", "the Ofsted visit.", "nervous"),
    ],
)
def test_a_word_of_mine_after_a_dash_never_reaches_the_person_it_judges(
    note: str, topic: str, verdict: str
) -> None:
    body = jane_noted(note)
    assert f"talking with you about {topic}" in body
    assert verdict not in body


@pytest.mark.parametrize(
    "note",
    [
        "pricing – especially the enterprise tier",
        "the data stack – Snowflake, dbt and Airflow",
        "the rota - from four shifts to three",
        "the budget - 2026 to 2027",
    ],
)
def test_what_goes_on_after_a_dash_is_kept(note: str) -> None:
    assert f"talking with you about {note}." in jane_noted(note)


def check_in_with_news(news: str) -> str:
    pipeline = acme(notes={"company_news": news}, decision_by="2026-11-25")
    action = the_only(pipeline, CHECK_IN_AT, ActionKind.CHECK_IN)
    return compose(action, pipeline, action.due_from).body


@pytest.mark.parametrize(
    "news",
    [
        "CQC rated them 'Requires Improvement' in the summer",
        "Ofsted downgraded the school to Good",
        "closing the Leeds branch",
        "the head is retiring at Easter",
        "in the news for the nurses' strike",
        "budget cuts announced",
    ],
)
def test_bad_news_is_not_told_back(news: str) -> None:
    body = check_in_with_news(news)
    assert "news" not in body
    assert news.rsplit(maxsplit=1)[-1] not in body


def test_a_grade_is_told_as_given_to_them() -> None:
    body = check_in_with_news("Rated Outstanding by the CQC")
    assert "I also saw the news: you were rated Outstanding by the CQC" in body


@pytest.mark.parametrize("sign_off", ["Yours sincerely,", "Kind regards,", "Thanks,", "Best"])
def test_a_signature_with_its_own_sign_off_is_signed_off_once(sign_off: str) -> None:
    pipeline = acme()
    signature = f"{sign_off}\n\nAisha Rahman\n07700 900123"
    pipeline = replace(pipeline, profile=replace(pipeline.profile, signature=signature))
    for channel in (Channel.EMAIL, Channel.LETTER):
        body = draft_at(pipeline, THANKS_AT, JANE, channel).body
        assert body.endswith(f"next steps.\n\n{signature}")
        assert body.count(sign_off) == 1


def test_a_signature_of_a_name_alone_keeps_the_templates_sign_off() -> None:
    pipeline = acme()
    pipeline = replace(pipeline, profile=replace(pipeline.profile, signature="Aisha Rahman"))
    assert draft_at(pipeline, THANKS_AT, JANE).body.endswith("Best regards,\nAisha Rahman")


@pytest.mark.parametrize(
    ("name", "greeted"),
    [
        ("The Hiring Team", "Hiring Team"),
        ("Certificated HR Team", "Certificated HR Team"),
        ("HR", "HR team"),
        ("Recruitment", "Recruitment team"),
        ("Hiring Manager", "Hiring Manager"),
        ("Sister Mary Brennan", "Sister Brennan"),
        ("Cllr Ann Jones", "Cllr Jones"),
        ("Ms. Zoë Ó Briain", "Ms. Ó Briain"),
        ("Dr. Ana de la Cruz", "Dr. de la Cruz"),
        ('Rajesh "Raj" Patel CEng', "Raj"),
        ("Robert (Bob) Smith", "Bob"),
        ("Mary Ann O'Neill-O'Brien", "Mary Ann"),
        ("Jane Doe", "Jane"),
    ],
)
def test_each_is_greeted_as_a_letter_would(name: str, greeted: str) -> None:
    assert first_name(name) == greeted


def test_a_check_in_to_a_team_mailbox_greets_the_team() -> None:
    contacts = [
        {"id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "role": "interviewer"},
        {"id": "hr", "name": "The Hiring Team", "email": "hiring@acme.example", "role": "hr"},
    ]  # fmt: skip
    pipeline = acme(contacts=contacts, decision_by="2026-11-25")
    action = the_only(pipeline, CHECK_IN_AT, ActionKind.CHECK_IN)
    body = compose(action, pipeline, action.due_from).body
    assert body.startswith("Hi Hiring Team,")


@pytest.mark.parametrize(
    ("recap", "said"),
    [
        ("ILS certified", "I am ILS certified"),
        ("Social Work England registered", "I am Social Work England registered"),
        ("Supervised a crew of 35 on nights", "I supervised a crew of 35 on nights"),
        ("5 years teaching KS3-KS5", "I have 5 years teaching KS3-KS5"),
        ("Responsible for a £2m budget", "I am responsible for a £2m budget"),
        ("Level 5 Diploma in Leadership", "Level 5 Diploma in Leadership"),
        ("Qualified Teacher Status", "Qualified Teacher Status"),
        ("Supervised learning experience", "supervised learning experience"),
        ("Advanced SQL skills", "advanced SQL skills"),
    ],
)
def test_a_qualification_reads_as_mine_and_a_name_keeps_its_capitals(recap: str, said: str) -> None:
    body = draft_at(acme(notes={"recap": [recap]}), THANKS_AT, JANE).body
    assert f"One thing I hope came across: {said}." in body


@pytest.mark.parametrize(
    ("kind", "named"),
    [
        ("lesson observation", "our lesson observation"),
        ("trade test", "our trade test"),
        ("site visit", "our site visit"),
        ("assessment centre", "our assessment centre"),
        ("trial shift", "our trial shift"),
        ("technical", "our technical interview"),
        ("final", "our final interview"),
        ("phone screen", "our call"),
    ],
)
def test_a_meeting_of_its_own_is_not_called_an_interview(kind: str, named: str) -> None:
    assert meeting_phrase(kind) == named


@pytest.mark.parametrize("channel", list(Channel), ids=str)
def test_a_phone_interview_is_spoken_of_as_a_call(channel: Channel) -> None:
    rounds = [
        {"id": "r1", "starts": "2026-11-20T14:00:00", "kind": "phone screen",
         "interviewers": ["jane"]}
    ]  # fmt: skip
    draft = draft_at(acme(rounds=rounds), THANKS_AT, JANE, channel)
    said = f"{draft.body} {draft.voicemail or ''}"
    for wrong in ("meet with me", "meet you", "meeting me", "meeting with me", "We met"):
        assert wrong not in said
    onsite = draft_at(acme(), THANKS_AT, JANE, channel)
    assert onsite.body != draft.body or channel is Channel.TEXT


@pytest.mark.parametrize("kind", ["onsite", "panel"])
def test_a_check_in_to_one_who_sat_in_the_round_calls_it_ours(kind: str) -> None:
    rounds = [
        {"id": "r1", "starts": "2026-11-20T14:00:00", "kind": kind, "interviewers": ["jane", "tom"]}
    ]
    contacts = [
        {"id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "role": "interviewer"},
        {"id": "tom", "name": "Tom Hale", "email": "tom@acme.example", "role": "interviewer"},
    ]  # fmt: skip
    pipeline = acme(rounds=rounds, contacts=contacts, decision_by="2026-11-25")
    action = the_only(pipeline, CHECK_IN_AT, ActionKind.CHECK_IN)
    body = compose(action, pipeline, action.due_from).body
    assert f"I enjoyed our {kind} interview last Friday with Tom, and" in body


def test_two_answers_cut_to_fit_stay_two_sentences() -> None:
    long = " ".join(["Then I would check every step with the team once more."] * 6)
    questions = [
        {"question": "first", "answer": f"I would file the report the same day. {long}",
         "asked_by": "jane"},
        {"question": "second", "answer": f"a section 47 enquiry starts on reasonable cause. {long}",
         "asked_by": "jane"},
    ]  # fmt: skip
    body = draft_at(acme(notes={"open_questions": questions}), THANKS_AT, JANE).body
    assert "I would file the report the same day. A section 47 enquiry starts" in body
    assert "same day and a section" not in body


def test_a_letter_says_the_day_by_its_date() -> None:
    letter = draft_at(acme(), THANKS_AT, JANE, Channel.LETTER).body
    assert "to meet with me on Friday 20 November to discuss" in letter
    assert " today" not in letter
    # Sent by email the same afternoon, "today" is true when it is read.
    assert "to meet with me today to discuss" in draft_at(acme(), THANKS_AT, JANE).body


def test_my_own_title_is_left_to_others() -> None:
    pipeline = acme()
    me = replace(pipeline.profile, name="Dr. Owen Pryce-Williams", signature="")
    draft = draft_at(replace(pipeline, profile=me), THANKS_AT, JANE)
    assert draft.subject is not None and draft.subject.startswith("Owen Pryce-Williams – ")
    phoned = draft_at(replace(pipeline, profile=me), THANKS_AT, JANE, Channel.PHONE)
    assert "this is Owen Pryce-Williams." in phoned.body


def test_a_combined_call_asks_for_them_once_and_says_goodbye_once() -> None:
    from app.drafts.combine import one_message

    pipeline = demo()
    now = demo_now()
    wanted = ("tidewell-data/keep_promise/p1", "tidewell-data/check_in/reply-20261116T160500Z")
    actions = [
        replace(a, channel=Channel.PHONE)
        for a in compute_actions(pipeline.interviews, pipeline.policy, now)
        if a.id in wanted
    ]
    assert len(actions) == 2
    draft = one_message(actions, pipeline, now)
    assert draft.body.count("Hello, could I speak with") == 1
    assert draft.body.count("this is Jordan Ellis") == 1
    assert draft.body.count("Have a good day") + draft.body.count("have a good day") == 1
    assert "I promised to send you" in draft.body and "any news" in draft.body
    assert draft.voicemail is not None and "You can reach me on" in draft.voicemail
    assert not any("read them through as one" in w for w in draft.warnings)
    assert not any("the message says it is attached" in w for w in draft.warnings)


@pytest.mark.parametrize(
    ("what", "said", "attach"),
    [
        ("email priya my updated CV w/ the Sage 200 experience at the top",
         "I'm writing to send you my updated CV with the Sage 200 experience at the top.",
         "my updated CV with the Sage 200 experience at the top"),
        ("forward my references to priya", "I'm writing to forward my references to you.",
         "my references"),
        ("send priya the deck", "I'm writing to send you the deck.", "the deck"),
        ("ring priya back re the start date",
         "I'd like to call you back about the start date. When would be a good time for you?",
         ""),
    ],
)  # fmt: skip
def test_a_promise_naming_the_reader_in_small_letters_is_said_to_them(
    what: str, said: str, attach: str
) -> None:
    contacts = [
        {"id": "priya", "name": "Priya Shah", "email": "priya@acme.example", "role": "recruiter"}
    ]
    rounds = [
        {"id": "r1", "starts": "2026-11-20T14:00:00", "kind": "onsite", "interviewers": ["priya"]}
    ]
    promises = [
        {"id": "p1", "what": what, "to": "priya", "created": "2026-11-20T14:50:00+00:00",
         "due": "2026-11-23T09:00:00+00:00"}
    ]  # fmt: skip
    pipeline = acme(contacts=contacts, rounds=rounds, promises=promises)
    action = the_only(pipeline, "2026-11-22T10:00:00+00:00", ActionKind.KEEP_PROMISE)
    draft = compose(action, pipeline, action.due_from)
    assert f"As I promised on Friday, {said}" in draft.body
    assert "priya" not in draft.body
    assert draft.attach == attach


def test_a_name_that_is_a_word_is_a_word_in_small_letters() -> None:
    from app.drafts.spoken import promise_phrase

    assert promise_phrase("Send Will the deck", ["Will Chen", "Will"]) == "send you the deck"
    assert promise_phrase("will send the deck", ["Will Chen", "Will"]) == "send the deck"


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("the dental clinics she runs", "the dental clinics you run"),
        ("how she got into fundraising", "how you got into fundraising"),
        ("her 20 years on the wards", "your 20 years on the wards"),
        ("the school he teaches at", "the school you teach at"),
        ("what young people want from their social worker",
         "what young people want from their social worker"),
    ],
)  # fmt: skip
def test_a_note_about_them_is_said_to_them_and_others_stay_others(note: str, said: str) -> None:
    assert f"talking with you about {said}." in jane_noted(note)


def test_a_value_add_does_not_share_what_their_thank_you_already_said() -> None:
    import pendulum

    from app.domain.records import Event, EventKind

    jane = {"id": "jane", "name": "Jane Doe", "email": "jane@acme.example", "role": "interviewer"}
    challenges = [
        "High agency spend on nights: build up the bank staff pool",
        "Falls on the ward: I would introduce hourly rounding",
    ]
    pipeline = acme(contacts=[jane], decision_by="2026-11-25", notes={"challenges": challenges})
    thanked = compose(the_only(pipeline, THANKS_AT, ActionKind.THANK_YOU), pipeline,
                      pendulum.parse(THANKS_AT))  # type: ignore[arg-type]  # fmt: skip
    assert "high agency spend on nights" in thanked.body

    def sent(at: str, kind: ActionKind, text: str) -> Event:
        return Event(at=pendulum.parse(at), kind=EventKind.SENT, action=kind,  # type: ignore[arg-type]
                     contact="jane", text=text)  # fmt: skip

    events = (
        sent(THANKS_AT, ActionKind.THANK_YOU, thanked.body),
        sent(CHECK_IN_AT, ActionKind.CHECK_IN, "Hi Jane, checking in."),
    )
    later = replace(
        pipeline, interviews=tuple(replace(i, events=events) for i in pipeline.interviews)
    )
    value_add = the_only(later, "2026-12-08T10:00:00+00:00", ActionKind.VALUE_ADD)
    body = compose(value_add, later, value_add.due_from).body
    assert "falls on the ward" in body
    assert "agency spend" not in body

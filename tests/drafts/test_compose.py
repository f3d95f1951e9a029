"""Drafts filled from the records: every kind on every channel, what is missing, what to warn
about, and the user's own templates."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest

from app.domain.copies import replace
from app.domain.records import ActionKind, Channel, Contact
from app.drafts import LINKEDIN_LIMIT, TEMPLATE_NAMES, Draft, DraftError, compose
from app.drafts.fields import FIELDS, LABELS, values_for
from app.drafts.library import KINDS, PARTS, builtin, template_name
from app.engine import Action
from app.engine.action import CONTACTING

from .support import acme, action_of, demo, demo_actions, demo_now

MARKER = re.compile(r"\[([^\[\]]+)\]")
THANKS_AT = "2026-11-20T16:00:00+00:00"
THANKS_ID = "acme/thank_you/r1/jane"


def test_every_builtin_template_exists_and_parses() -> None:
    assert set(KINDS) == set(CONTACTING)
    assert len(TEMPLATE_NAMES) == len(KINDS) * 6
    for name in TEMPLATE_NAMES:
        loaded = builtin(name)
        assert (loaded.subject is not None) == (".email." in name), name
        assert loaded.body.names() <= set(LABELS)


@pytest.mark.parametrize("kind", KINDS, ids=str)
@pytest.mark.parametrize("channel", list(Channel), ids=str)
def test_every_kind_on_every_channel_renders_from_the_demo(
    kind: ActionKind, channel: Channel
) -> None:
    pipeline, now = demo(), demo_now()
    for action in demo_actions()[kind]:
        draft = compose(action, pipeline, now, channel=channel)
        if draft.reminder:
            # A promise due at a booked meeting: something to bring, on every channel.
            assert draft.placeholders == () and draft.body.startswith("Nothing to send: bring")
            continue
        values = values_for(action, pipeline, max(now, action.due_from))
        _check(draft, values)
        if channel is Channel.EMAIL:
            assert draft.subject and draft.text.startswith(f"Subject: {draft.subject}\n\n")
        else:
            assert draft.subject is None
        assert (draft.voicemail is not None) == (channel is Channel.PHONE)
        if channel is Channel.LINKEDIN:
            assert len(draft.body) <= LINKEDIN_LIMIT, (action.id, len(draft.body))
            assert draft.limit == LINKEDIN_LIMIT


def _check(draft: Draft, values: dict[str, str]) -> None:
    text = draft.text
    assert "{" not in text and "}" not in text, text
    assert text == text.strip() and "\n\n\n" not in text
    assert not any(line != line.rstrip() for line in text.splitlines())
    # What is reported is exactly what is in the text, and each one is truly missing.
    assert draft.placeholders == draft.unfilled()
    found = {f"[{m}]" for m in MARKER.findall(text) if m in LABELS.values()}
    assert found == set(draft.placeholders)
    for marker in draft.placeholders:
        fields = [f.name for f in FIELDS if f"[{f.label}]" == marker]
        assert fields and all(not values[f] for f in fields), (marker, draft.action_id)


def test_a_demo_thank_you_is_complete_on_every_channel() -> None:
    pipeline, now = demo(), demo_now()
    (action,) = [a for a in demo_actions()[ActionKind.THANK_YOU] if a.contact == "marcus"]
    for channel in Channel:
        draft = compose(action, pipeline, now, channel=channel)
        assert draft.placeholders == (), (channel, draft.placeholders)
    email = compose(action, pipeline, now)
    assert email.subject == "Jordan Ellis – Thank you for the interview – Senior Product Manager"
    assert email.recipient == "Marcus Feld <marcus.feld@brightwater.example>"
    body = email.body
    assert body.startswith("Dear Marcus,\n\nThank you for taking the time to meet with me today")
    # His own points lead, then the answer to the question he asked.
    assert (
        "I especially enjoyed talking with you about how the self-serve analytics roadmap is "
        "sequenced and moving product planning from quarterly to continuous." in body
    )
    assert "here is a fuller answer: on pricing by use, I would anchor the price on the" in body
    assert "One thing I hope came across: I led the pricing-page redesign" in body
    assert "And on churn in the first 30 days, I would start with cohort interviews" in body
    # Prose, brief, and nothing of mine alone: no bullets, no self-critique, no impressions.
    assert "\n- " not in body and len(body.split()) <= 150 + 7
    for private in ("vague", "usage-based tier", "hard to read", "roadmap for self-serve"):
        assert private not in body
    assert "Brightwater Analytics" in body
    assert body.endswith("Jordan Ellis\nProduct Manager · data products\n+44 7700 900461")
    assert email.warnings == ()


def test_a_demo_check_in_uses_the_employers_timeline() -> None:
    pipeline, now = demo(), pendulum.parse("2026-11-19T10:00:00+00:00")
    action = action_of(pipeline, "2026-11-19T10:00:00+00:00", "harbor-analytics/check_in/r2")
    draft = compose(action, pipeline, now)  # type: ignore[arg-type]
    assert draft.subject == "Checking in – Product Analytics Lead"
    assert "You mentioned you were hoping to decide by Tuesday 17 November" in draft.body
    # Sofia was not in the meeting: it is not "our" interview to her.
    assert "I enjoyed meeting Daniel and Inês on Monday 9 November" in draft.body
    assert "our" not in draft.body.split("I enjoyed")[1].split(",")[0]
    assert "I also saw the news: Harbor Lane won the regional rail-freight contract" in draft.body
    assert "recent" not in draft.body


def test_keep_promise_says_the_promise_to_its_reader() -> None:
    pipeline, now = demo(), demo_now()
    (action,) = [a for a in demo_actions()[ActionKind.KEEP_PROMISE] if a.contact == "lena"]
    draft = compose(action, pipeline, now)
    assert (
        "As I promised on Monday, I'm writing to send you the contact details of two "
        "references." in draft.body
    )
    # Something to send goes as an attachment, and the user is reminded to attach it.
    # Several things: "them", not "it".
    assert "You'll find them attached." in draft.body
    assert draft.placeholders == () and draft.attach == "the contact details of two references"
    assert draft.warnings[0].startswith("attach the contact details of two references before")


def test_a_promise_to_tell_them_something_leaves_a_place_for_it() -> None:
    pipeline = acme(
        promises=[
            {
                "id": "p1",
                "what": "Tell Jane my start date",
                "to": "jane",
                "due": "2026-11-23T12:00:00",
                "created": "2026-11-20T14:50:00",
            }
        ]
    )
    action = action_of(pipeline, "2026-11-23T09:00:00+00:00", "acme/keep_promise/p1")
    draft = compose(action, pipeline, pendulum.parse("2026-11-23T09:00:00+00:00"))  # type: ignore[arg-type]
    assert "As I promised last Friday, I'm writing to tell you my start date." in draft.body
    assert draft.placeholders == ("[what you promised: write or paste it here, or attach it]",)
    assert draft.attach == "" and "Thank you again for your time" in draft.body


@pytest.mark.parametrize(
    ("due", "said"),
    [
        # Due two days after the onsite: made there.
        ("2026-11-22T17:00:00", "As I promised last Friday, I'm writing to"),
        # To bring to the onsite: made before it, on no day the records know.
        ("2026-11-20T14:00:00", "As promised, I'm writing to"),
    ],
)
def test_a_promise_not_noted_when_was_made_at_the_last_meeting_before_it_was_due(
    due: str, said: str
) -> None:
    promise = {"id": "p1", "what": "Send Jane the deck", "to": "jane", "due": due}
    pipeline = acme(promises=[promise])
    now = "2026-11-24T09:00:00+00:00"
    action = action_of(pipeline, now, "acme/keep_promise/p1")
    draft = compose(action, pipeline, pendulum.parse(now))  # type: ignore[arg-type]
    assert said in draft.body


def test_thanks_for_their_time_only_after_meeting_them() -> None:
    # Promised to Sam, the recruiter, who was not in the onsite: nothing to thank him for yet.
    pipeline = acme(
        promises=[{"id": "p1", "what": "Send Sam my CV", "to": "sam", "due": "2026-11-23T12:00:00"}]
    )
    action = action_of(pipeline, "2026-11-23T09:00:00+00:00", "acme/keep_promise/p1")
    draft = compose(action, pipeline, pendulum.parse("2026-11-23T09:00:00+00:00"))  # type: ignore[arg-type]
    assert "Thank you again for your time" not in draft.body
    assert "Please let me know if anything is unclear" in draft.body


def test_a_promise_due_at_a_booked_meeting_with_them_is_a_reminder_to_bring_it() -> None:
    pipeline = acme(
        rounds=[
            {"id": "r1", "starts": "2026-11-20T14:00:00", "interviewers": ["jane"]},
            {
                "id": "r2",
                "starts": "2026-11-30T10:00:00",
                "kind": "onsite",
                "interviewers": ["jane"],
            },
        ],
        promises=[
            {
                "id": "p1",
                "what": "Bring Jane a summary of the pricing study I ran",
                "to": "jane",
                "due": "2026-11-30T10:00:00",
            }
        ],
    )
    now = "2026-11-29T18:00:00+00:00"
    action = action_of(pipeline, now, "acme/keep_promise/p1")
    draft = compose(action, pipeline, pendulum.parse(now))  # type: ignore[arg-type]
    assert draft.reminder and draft.subject is None
    assert draft.body == (
        "Nothing to send: bring it to the onsite interview with Jane Doe tomorrow at 10:00. "
        # For the user's own eyes: what they wrote of themselves, told back to them.
        "You promised to bring Jane a summary of the pricing study you ran."
    )
    # Once the meeting has passed, what was not brought is sent.
    later = "2026-11-30T12:00:00+00:00"
    after = compose(
        action_of(pipeline, later, "acme/keep_promise/p1"), pipeline, pendulum.parse(later)
    )  # type: ignore[arg-type]
    assert not after.reminder
    assert "I'm writing to send you a summary of the pricing study I ran." in after.body


def test_update_others_gives_the_other_offers_deadline_but_not_its_name() -> None:
    pipeline, now = demo(), demo_now()
    action = demo_actions()[ActionKind.UPDATE_OTHERS][0]
    draft = compose(action, pipeline, now)
    assert "by Saturday 28 November" in draft.body
    assert "Oakline" not in draft.text


# --------------------------------------------------------------------------- the day


@pytest.mark.parametrize(
    ("now", "said"),
    [
        ("2026-11-20T16:00:00+00:00", "meet with me today"),
        ("2026-11-21T09:00:00+00:00", "meet with me yesterday"),
        ("2026-11-23T09:00:00+00:00", "meet with me last Friday"),
        ("2026-11-27T09:00:00+00:00", "meet with me on Friday 20 November"),
        ("2026-12-07T09:00:00+00:00", "meet with me on Friday 20 November"),
        # Still Friday in London, whatever the time.
        ("2026-11-20T23:30:00+00:00", "meet with me today"),
        ("2026-11-21T00:30:00+00:00", "meet with me yesterday"),
    ],
)
def test_the_day_is_said_relative_to_now(now: str, said: str) -> None:
    pipeline = acme()
    action = action_of(pipeline, THANKS_AT, THANKS_ID)
    draft = compose(action, pipeline, pendulum.parse(now))  # type: ignore[arg-type]
    assert said in draft.body


def test_the_day_is_read_in_the_interviews_zone() -> None:
    pipeline = acme(
        timezone="Asia/Tokyo",
        rounds=[{"id": "r1", "starts": "2026-11-20T23:00:00", "interviewers": ["jane"]}],
    )
    action = action_of(pipeline, "2026-11-20T15:00:00+00:00", THANKS_ID)
    # 15:00 in London is 00:00 on the 21st in Tokyo: the day after the interview there.
    draft = compose(action, pipeline, pendulum.parse("2026-11-20T15:00:00+00:00"))  # type: ignore[arg-type]
    assert "meet with me yesterday" in draft.body


# --------------------------------------------------------------------------- missing values


def test_missing_values_stay_visible_and_are_reported() -> None:
    pipeline = acme(notes={}, profile={})
    contacts = tuple(replace(c, notes=()) for c in pipeline.interviews[0].contacts)
    pipeline = replace(pipeline, interviews=(replace(pipeline.interviews[0], contacts=contacts),))
    action = action_of(pipeline, THANKS_AT, THANKS_ID)
    draft = compose(action, pipeline, pendulum.parse(THANKS_AT))  # type: ignore[arg-type]
    # What a thank-you cannot do without is marked; a recap with nothing to say is left out.
    personal = "[what you talked about with them]"
    assert draft.placeholders == (personal, "[your name]")
    assert draft.missing == ("what you talked about with them", "your name")
    assert f"I especially enjoyed talking with you about {personal}." in draft.body
    assert "recap" not in draft.body and "came across" not in draft.body
    assert draft.body.endswith("Best regards,\n[your name]")
    edited = draft.text.replace(personal, "the roadmap").replace("[your name]", "Al")
    assert draft.unfilled(edited) == ()
    assert draft.unfilled(draft.text.replace("[your name]", "Al")) == (personal,)


def test_a_signature_is_made_from_the_profile_when_there_is_none() -> None:
    pipeline = acme(profile={"name": "Alex Morgan", "phone": "+44 1", "email": "a@m.example"})
    action = action_of(pipeline, THANKS_AT, THANKS_ID)
    draft = compose(action, pipeline, pendulum.parse(THANKS_AT))  # type: ignore[arg-type]
    assert draft.body.endswith("Best regards,\nAlex Morgan\n+44 1\na@m.example")


def test_a_stale_decision_date_is_not_quoted() -> None:
    pipeline = acme(decision_by="2026-11-01", stage="waiting")
    values = values_for(
        action_of(pipeline, "2026-12-01T10:00:00+00:00", "acme/check_in/r1"),
        pipeline,
        pendulum.parse("2026-12-01T10:00:00+00:00"),  # type: ignore[arg-type]
    )
    assert values["timeline"] == ""


def test_actions_that_contact_no_one_have_no_draft() -> None:
    pipeline = acme()
    prepare = replace(action_of(pipeline, THANKS_AT, THANKS_ID), kind=ActionKind.PREPARE)
    with pytest.raises(DraftError, match="contacts no one"):
        compose(prepare, pipeline, pendulum.parse(THANKS_AT))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- warnings


@pytest.mark.parametrize(
    ("email", "personal"),
    [
        ("jane@gmail.com", True),
        ("Jane@GoogleMail.com", True),
        ("jane@yahoo.co.uk", True),
        ("jane@hotmail.fr", True),
        ("jane@outlook.com", True),
        ("jane@icloud.com", True),
        ("jane@proton.me", True),
        ("jane@acme.example", False),
        ("jane@outlook.acme.com", False),
        ("jane@mail.acme.com", False),
        ("not an address", False),
    ],
)
def test_personal_addresses_are_flagged(email: str, personal: bool) -> None:
    pipeline = acme()
    contacts = tuple(
        replace(c, email=email) if c.id == "jane" else c for c in pipeline.interviews[0].contacts
    )
    pipeline = replace(pipeline, interviews=(replace(pipeline.interviews[0], contacts=contacts),))
    action = action_of(pipeline, THANKS_AT, THANKS_ID)
    draft = compose(action, pipeline, pendulum.parse(THANKS_AT))  # type: ignore[arg-type]
    flagged = [w for w in draft.warnings if "personal address" in w]
    assert bool(flagged) == personal
    if personal:
        assert email in flagged[0] and "business" in flagged[0]
    # Not on a channel that does not use the address.
    linkedin = compose(action, pipeline, pendulum.parse(THANKS_AT), channel=Channel.LINKEDIN)  # type: ignore[arg-type]
    assert not [w for w in linkedin.warnings if "personal address" in w]


def test_a_missing_address_or_number_is_said() -> None:
    pipeline = acme()
    action = action_of(pipeline, THANKS_AT, THANKS_ID)
    now = pendulum.parse(THANKS_AT)
    assert (
        "no phone number on file for Jane Doe"
        in compose(
            action,
            pipeline,
            now,
            channel=Channel.PHONE,  # type: ignore[arg-type]
        ).warnings
    )
    assert (
        "no LinkedIn profile on file for Jane Doe"
        in compose(
            action,
            pipeline,
            now,
            channel=Channel.LINKEDIN,  # type: ignore[arg-type]
        ).warnings
    )


def test_a_long_linkedin_note_is_flagged() -> None:
    pipeline = acme(role="Principal " * 30 + "Manager")
    action = action_of(pipeline, THANKS_AT, THANKS_ID)
    draft = compose(action, pipeline, pendulum.parse(THANKS_AT), channel=Channel.LINKEDIN)  # type: ignore[arg-type]
    assert len(draft.body) > LINKEDIN_LIMIT
    assert any("LinkedIn takes 300" in w for w in draft.warnings)


# --------------------------------------------------------------------------- user templates


def _thanks(folder: Path | None) -> Draft:
    pipeline = acme()
    action: Action = action_of(pipeline, THANKS_AT, THANKS_ID)
    return compose(action, pipeline, pendulum.parse(THANKS_AT), templates=folder)  # type: ignore[arg-type]


def test_a_user_template_replaces_the_builtin_one(tmp_path: Path) -> None:
    (tmp_path / "thank_you.email.txt").write_text(
        "Subject: Thanks, {first_name}!\n\nCheers for {meeting} {day}, {first_name}.\n{{ok}}\n",
        encoding="utf-8",
    )
    draft = _thanks(tmp_path)
    assert draft.subject == "Thanks, Jane!"
    assert draft.body == "Cheers for our onsite interview today, Jane.\n{ok}"
    assert draft.warnings == ()
    # Other templates stay built-in.
    assert "thank you for meeting" in _linkedin(tmp_path).body


def _linkedin(folder: Path) -> Draft:
    pipeline = acme()
    action = action_of(pipeline, THANKS_AT, THANKS_ID)
    return compose(
        action,
        pipeline,
        pendulum.parse(THANKS_AT),
        channel=Channel.LINKEDIN,
        templates=folder,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("Subject: Hi\n\nDear {first_name},\nThanks {profile.__class__}\n", 4, "not a placeholder"),
        ("Subject: Hi\n\nDear {frist_name},\n", 3, "unknown placeholder {frist_name}"),
        ("Subject: Hi {role\n\nDear Jane\n", 1, "unbalanced brace"),
        ("Subject: Hi\n\n{if company_news}\nDear\n", 3, "never closed"),
        ("Dear {first_name},\n", 1, 'starts with its subject line: "Subject: …"'),
    ],
)
def test_a_broken_user_template_is_reported_and_the_builtin_used(
    tmp_path: Path, content: str, line: int, words: str
) -> None:
    path = tmp_path / "thank_you.email.txt"
    path.write_text(content, encoding="utf-8")
    draft = _thanks(tmp_path)
    assert draft.subject == "Alex Morgan – Thank you for the interview – Product Manager"
    (warning,) = draft.warnings
    assert warning.startswith(f"{path}, line {line}: ")
    assert words in warning
    assert warning.endswith("using the built-in template instead")


def test_a_user_template_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "thank_you.email.txt"
    path.write_bytes(b"Subject: Hi\n\nCaf\xe9\n")
    (warning,) = _thanks(tmp_path).warnings
    assert warning.startswith(f"{path}, line 3: not UTF-8 text")


def test_windows_line_ends_and_a_bom_are_fine(tmp_path: Path) -> None:
    (tmp_path / "thank_you.email.txt").write_bytes(
        "\ufeffSubject: Hi {first_name}\r\n\r\nBody {day}\r\n".encode()
    )
    draft = _thanks(tmp_path)
    assert (draft.subject, draft.body, draft.warnings) == ("Hi Jane", "Body today", ())


def test_a_misnamed_user_file_is_pointed_out(tmp_path: Path) -> None:
    (tmp_path / "thankyou.email.txt").write_text("Subject: x\n\ny\n", encoding="utf-8")
    (tmp_path / "README.txt").write_text("my notes", encoding="utf-8")
    (tmp_path / "thank_you.email.txt~").write_text("backup", encoding="utf-8")
    (warning,) = _thanks(tmp_path).warnings
    assert "thankyou.email.txt: not a template name" in warning


def test_a_missing_user_folder_is_no_problem(tmp_path: Path) -> None:
    draft = _thanks(tmp_path / "nowhere")
    assert draft.warnings == ()


def test_every_template_name_is_kind_dot_part() -> None:
    assert template_name(ActionKind.CHECK_IN, "voicemail") == "check_in.voicemail.txt"
    assert {p for parts in PARTS.values() for p in parts} == {
        "email",
        "linkedin",
        "phone",
        "voicemail",
        "letter",
        "text",
    }


def test_a_contact_without_a_name_keeps_a_placeholder() -> None:
    pipeline = acme()
    contacts = (Contact(id="jane", email="jane@acme.example"),)
    pipeline = replace(pipeline, interviews=(replace(pipeline.interviews[0], contacts=contacts),))
    action = action_of(pipeline, THANKS_AT, THANKS_ID)
    draft = compose(action, pipeline, pendulum.parse(THANKS_AT))  # type: ignore[arg-type]
    assert draft.body.startswith("Dear [their first name],")
    assert "[their first name]" in draft.placeholders


def test_a_time_without_a_zone_is_read_in_the_interviews_zone() -> None:
    """The demo built from a pendulum "now" has had such a time; a draft must not fail on it."""
    pipeline = acme()
    interview = pipeline.interviews[0]
    (held,) = interview.rounds
    naive = replace(held, starts=held.starts.replace(tzinfo=None))
    pipeline = replace(pipeline, interviews=(replace(interview, rounds=(naive,)),))
    action = action_of(acme(), THANKS_AT, THANKS_ID)
    draft = compose(action, pipeline, pendulum.parse(THANKS_AT))  # type: ignore[arg-type]
    assert "meet with me today" in draft.body


def test_a_huge_template_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "thank_you.email.txt"
    with path.open("wb") as sparse:
        sparse.truncate(4 * 1024**3)  # 4 GB of nothing, on no disk space
    draft = _thanks(tmp_path)
    (warning,) = draft.warnings
    assert "larger than" in warning and "using the built-in template instead" in warning
    assert draft.subject  # the built-in one


def test_a_template_that_is_a_fifo_never_holds_up_a_draft(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "thank_you.email.txt")
    draft = _thanks(tmp_path)
    assert draft.subject and draft.body  # the built-in one, at once


def test_a_value_add_with_one_thought_says_one_thought() -> None:
    (action,) = demo_actions()[ActionKind.VALUE_ADD]
    body = compose(action, demo(), demo_now()).body
    # Alone (no answer before it), it is not "a further" thought; its plan is in my voice.
    assert "One thought: on warehouse data that arrives a day late, I would make" in body
    assert "further" not in body


@pytest.mark.parametrize(
    ("what", "attached"),
    [
        ("Send Jane my CV and cover letter", "them"),
        ("Send Jane the news I mentioned", "it"),
        ("Send Jane the slides", "them"),
    ],
)
def test_one_thing_is_it_and_several_are_them(what: str, attached: str) -> None:
    promise = {"id": "p1", "what": what, "to": "jane", "due": "2026-11-22T17:00:00"}
    pipeline = acme(promises=[promise])
    now = "2026-11-22T09:00:00+00:00"
    draft = compose(action_of(pipeline, now, "acme/keep_promise/p1"), pipeline, pendulum.parse(now))  # type: ignore[arg-type]
    assert f"You'll find {attached} attached." in draft.body

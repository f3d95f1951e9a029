"""A check-in opened by a promise of theirs that passed quotes it, on every channel."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pendulum
import pytest

from app.cli import main
from app.demo import demo_pipeline
from app.domain.interchange import Pipeline
from app.domain.records import Channel
from app.drafts import LINKEDIN_LIMIT, compose
from app.drafts.fields import values_for
from tests.engine.test_their_promises import AS_TYPED

from .support import ZONE, acme, action_of

# Sam said Acme would send the take-home by Tue 24 Nov; on Thu 26 Nov it has not come.
NOW = "2026-11-26T10:00:00+00:00"
CHECK_IN = "acme/check_in/r1"
QUOTE = "You mentioned you would send the take-home by Tuesday 24 November"
ASK = "so I wanted to ask whether there is any news."
THANKED = {
    "at": "2026-11-20T16:00:00",
    "kind": "sent",
    "action": "thank_you",
    "round": "r1",
    "contact": "jane",
    "channel": "email",
}


def waiting(*promises: dict[str, Any], **fields: Any) -> Pipeline:
    return acme(
        stage="waiting",
        decision_by="2026-11-27",
        promises=list(promises),
        events=[THANKED],
        **fields,
    )


def theirs(**fields: Any) -> dict[str, Any]:
    promise = {
        "id": "p1",
        "what": "Send the take-home.",
        "to": "sam",
        "due": "2026-11-24T12:00:00",
        "by": "them",
    }
    promise.update(fields)
    return promise


def draft(pipeline: Pipeline, channel: Channel):
    action = action_of(pipeline, NOW, CHECK_IN)
    return compose(action, pipeline, pendulum.parse(NOW), channel=channel)


def test_the_email_quotes_their_promise_instead_of_the_decision_date():
    email = draft(waiting(theirs()), Channel.EMAIL)
    assert f"\n\n{QUOTE}, {ASK}\n\n" in email.body
    # It asks about what they said they would do, not about "your decision".
    assert "hoping to decide" not in email.body and "decision" not in email.body
    assert email.placeholders == ()


def test_the_linkedin_note_quotes_it_within_the_limit():
    note = draft(waiting(theirs()), Channel.LINKEDIN)
    assert note.body == (
        f"Hi Sam, I hope your week is going well. {QUOTE}, {ASK} I'm still very interested. "
        "Best, Alex"
    )
    assert len(note.body) <= LINKEDIN_LIMIT
    assert not any("characters" in w for w in note.warnings)


@pytest.mark.parametrize("channel", [Channel.PHONE, Channel.LETTER, Channel.TEXT], ids=str)
def test_every_other_channel_quotes_it_too(channel: Channel):
    text = draft(waiting(theirs()), channel).text
    assert QUOTE in text and "hoping to decide" not in text
    if channel is Channel.PHONE:
        assert text.count(QUOTE) == 2  # the call and the voicemail


@pytest.mark.parametrize(
    ("due", "by"),
    [
        # Due Wed 25 Nov at noon: the check-in opened on Thu 26 Nov at 09:00.
        ("2026-11-25T12:00:00", "by Wednesday 25 November"),
        # Due at 09:00 this morning: its check-in is still to come, drafted early.
        ("2026-11-26T09:00:00", "by Thursday 26 November"),
    ],
)
def test_a_promise_due_yesterday_or_today_still_reads_as_a_deadline(due: str, by: str):
    pipeline = waiting(theirs(due=due, what="Introduce me to the CTO"))
    values = values_for(action_of(pipeline, NOW, CHECK_IN), pipeline, pendulum.parse(NOW))
    assert values["their_promise"] == f"You mentioned you would introduce me to the CTO {by}"


@pytest.mark.parametrize(("what", "said"), AS_TYPED)
def test_a_promise_typed_as_a_sentence_reads_as_one(what: str, said: str):
    pipeline = waiting(theirs(what=what))
    quote = f"You mentioned you would {said} by Tuesday 24 November"
    email = draft(pipeline, Channel.EMAIL)
    assert f"\n\n{quote}, {ASK}\n\n" in email.body
    note = draft(pipeline, Channel.LINKEDIN)
    assert note.body.startswith(f"Hi Sam, I hope your week is going well. {quote}, {ASK}")


def test_a_promise_made_by_someone_else_names_them():
    email = draft(waiting(theirs(to="jane")), Channel.EMAIL)
    assert "Jane mentioned they would send the take-home by Tuesday 24 November, so I" in email.body


def test_an_acronym_that_leads_the_promise_keeps_its_capital():
    email = draft(waiting(theirs(what="OK the budget with Acme finance")), Channel.EMAIL)
    assert "You mentioned you would OK the budget with Acme finance by Tuesday 24" in email.body


def test_without_a_passed_promise_the_check_in_is_as_before():
    pipeline = waiting(theirs(done_at="2026-11-25T09:00:00"))
    action = action_of(pipeline, "2026-11-30T10:00:00+00:00", CHECK_IN)
    assert action.promise is None
    email = compose(action, pipeline, pendulum.parse("2026-11-30T10:00:00+00:00"))
    assert "You mentioned you were hoping to decide by Friday 27 November" in email.body
    assert "take-home" not in email.body


def test_the_promise_field_is_for_my_promises_only():
    pipeline = waiting(theirs())
    action = action_of(pipeline, NOW, CHECK_IN)
    assert action.promise == "p1"
    values = values_for(action, pipeline, pendulum.parse(NOW))
    assert values["their_promise"] == QUOTE
    assert values["promise"] == ""


def test_followup_draft_quotes_it_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    scenario = Path(__file__).resolve().parents[1] / "scenarios" / "their_promise_passed.json"
    data = tmp_path / "in.json"
    data.write_text(json.dumps(json.loads(scenario.read_text())["data"]), encoding="utf-8")
    db = str(tmp_path / "db.json")
    assert main(["import", str(data), "--db", db]) == 0
    capsys.readouterr()
    code = main(["draft", "globex-data/check_in/r1", "--db", db, "--at", "2026-11-26T10:00:00Z"])
    out = capsys.readouterr().out
    assert code == 0
    assert "You mentioned you would send the take-home exercise by Tuesday 24 November, so" in out


def test_the_demo_s_check_in_at_tidewell_opens_from_lena_s_late_promise():
    # Fri 20 Nov at 10:00: Lena said on Mon 16 Nov that she would send times by Wed 18 Nov.
    now = "2026-11-20T10:00:00+00:00"
    pipeline = demo_pipeline(pendulum.parse(now), ZONE)
    action = action_of(pipeline, now, "tidewell-data/check_in/reply-20261116T160500Z")
    assert (action.state, action.promise, action.contact) == ("due", "p2", "lena")
    assert action.reason == (
        "Lena Vogt replied on Mon 16 Nov and said they would send times for the final "
        "systems-design round by Wed 18 Nov and that has passed; check in"
    )
    email = compose(action, pipeline, pendulum.parse(now), channel=Channel.EMAIL)
    assert (
        "You mentioned you would send times for the final systems-design round by Wednesday "
        "18 November, so I wanted to ask whether there is any news." in email.body
    )

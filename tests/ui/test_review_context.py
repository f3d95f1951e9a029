"""The context beside a draft in the review: what it says of the last contacts."""

from __future__ import annotations

import pendulum

from app.domain.interchange import read_pipeline
from app.engine import compute_actions
from app.ui.screens.review import render_context


def test_last_contacts_are_the_messages_that_reached_them_said_in_words() -> None:
    sent = [
        {"at": "2026-11-20T18:00:00+00:00", "kind": "sent", "action": "thank_you",
         "round": "r1", "contact": "jane"},
        {"at": "2026-11-21T09:00:00+00:00", "kind": "sent", "action": "keep_promise",
         "promise": "p1", "contact": "jane"},
        {"at": "2026-11-22T09:00:00+00:00", "kind": "sent", "action": "prepare", "round": "r2"},
        {"at": "2026-11-23T09:00:00+00:00", "kind": "reply", "contact": "jane"},
    ]  # fmt: skip
    data = {"format": "followup/1", "interviews": [{
        "id": "acme", "company": "Acme", "role": "PM", "stage": "waiting",
        "timezone": "Europe/London",
        "rounds": [{"id": "r1", "starts": "2026-11-20T14:00:00+00:00", "interviewers": ["jane"]},
                   {"id": "r2", "starts": "2026-11-24T14:00:00+00:00", "interviewers": ["jane"]}],
        "contacts": [{"id": "jane", "name": "Jane Doe", "email": "jane@acme.example"}],
        "promises": [{"id": "p1", "what": "Send the deck", "to": "jane",
                      "due": "2026-11-21T17:00:00+00:00", "done_at": "2026-11-21T09:00:00+00:00"}],
        "events": sent,
    }]}  # fmt: skip
    pipeline = read_pipeline(data)
    now = pendulum.datetime(2026, 11, 25, 10, tz="Europe/London")
    interview = pipeline.interviews[0]
    action = compute_actions(pipeline.interviews, pipeline.policy, now)[0]
    said = render_context(interview, action, now).plain
    contacts = said.split("Last contacts\n", 1)[1].splitlines()
    assert contacts == [
        "Mon 23 Nov · reply from Jane Doe",
        "Sat 21 Nov · you sent what you promised",
        "Fri 20 Nov · you sent a thank-you",
    ]

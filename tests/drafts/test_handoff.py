"""Combining actions into one message, and handing a draft to the mail program: an unsent
.eml, a mailto: link, the desktop's handler."""

from __future__ import annotations

import email
import email.policy
import os
import stat
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from app.cli import main
from app.domain.records import Profile
from app.drafts import compose
from app.drafts.combine import CombineError, combine
from app.drafts.handoff import HandOffError, as_eml, as_mailto
from app.store.repository import Repository

from .support import ZONE, acme, action_of, demo, demo_actions, demo_now

AT = "2026-11-20T16:00:00+00:00"
THANKS = "brightwater-pm/thank_you/r2/marcus"
PROMISE = "brightwater-pm/keep_promise/p1"
OTHER = "brightwater-pm/thank_you/r2/hana"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> str:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_config_path", lambda *a, **k: tmp_path / "config")
    path = str(tmp_path / "demo.json")
    assert main(["demo", "--db", path, "--at", AT]) == 0
    capsys.readouterr()
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --------------------------------------------------------------------------- one message


def test_two_actions_to_one_person_are_one_message_doing_both(db, capsys):
    code, out, err = run(capsys, "draft", PROMISE, "--with", THANKS, "--db", db, "--at", AT)
    assert code == 0
    assert out.count("Dear Marcus,") + out.count("Hi Marcus,") == 1
    assert out.count("Best regards,") == 1 and out.startswith(
        "Subject: Jordan Ellis – Thank you for the interview"
    )
    # Thanks first, then the promised item, then one sign-off.
    thanks = out.index("Thank you for taking the time")
    promised = out.index(
        "As I promised earlier today, I'm writing to send you the onboarding teardown"
    )
    assert thanks < promised < out.index("Best regards,")
    assert "keep-promise and thank-you to Marcus Feld" in err


def test_sent_with_records_each_at_the_same_time(db, capsys):
    code, out, _ = run(capsys, "sent", PROMISE, "--with", THANKS, "--db", db, "--at", AT)
    assert code == 0 and out.splitlines() == [f"Marked sent: {PROMISE}", f"Marked sent: {THANKS}"]
    stored = Repository(Path(db), default_zone=ZONE).load()
    interview = next(i for i in stored.interviews if i.id == "brightwater-pm")
    sent = [e for e in interview.events if e.kind.value == "sent" and e.at.isoformat() == AT]
    assert {e.action_id for e in sent} == {PROMISE, THANKS}
    assert interview.promise("p1").done_at is not None


def test_different_people_are_a_clear_error_and_nothing_is_written(db, capsys):
    before = Path(db).read_bytes()
    for command in ("draft", "sent"):
        code, out, err = run(capsys, command, THANKS, "--with", OTHER, "--db", db, "--at", AT)
        assert code == 1 and out == "" and "one message goes to one person" in err
        assert err.count("\n") == 1
    assert Path(db).read_bytes() == before


def test_combining_keeps_every_placeholder_that_is_left_and_names_the_others():
    pipeline, now = demo(), demo_now()
    promise = next(a for a in demo_actions()[_kind("keep_promise")] if a.contact == "marcus")
    thanks = next(a for a in demo_actions()[_kind("thank_you")] if a.contact == "marcus")
    one = combine(
        [(promise, compose(promise, pipeline, now)), (thanks, compose(thanks, pipeline, now))]
    )
    assert one.action_id == thanks.id and one.also == (promise.id,)
    # The promised deck goes as an attachment, and the combined message still says so.
    assert one.placeholders == () and one.attach == "the onboarding teardown deck I mentioned"
    assert any(w.startswith("attach the onboarding teardown deck") for w in one.warnings)
    with pytest.raises(CombineError):
        hana = next(a for a in demo_actions()[_kind("thank_you")] if a.contact == "hana")
        combine([(thanks, compose(thanks, pipeline, now)), (hana, compose(hana, pipeline, now))])


def _kind(name: str):
    from app.domain.records import ActionKind

    return ActionKind(name)


# --------------------------------------------------------------------------- the mail program

NAMES = {
    "name": "Zoë Ångström",
    "email": "zoe@angstrom.example",
}


def _non_ascii():
    pipeline = acme(profile=NAMES)
    interview = pipeline.interviews[0]
    contacts = tuple(
        c.__class__(**{**{f: getattr(c, f) for f in c.__struct_fields__}, "name": "Renée Dubois"})
        if c.id == "jane"
        else c
        for c in interview.contacts
    )
    from app.domain.copies import replace

    pipeline = replace(
        pipeline, interviews=(replace(interview, contacts=contacts, role="Head of Product — Café"),)
    )
    action = action_of(pipeline, AT, "acme/thank_you/r1/jane")
    import pendulum

    return pipeline, compose(action, pipeline, pendulum.parse(AT))


def test_the_eml_parses_back_to_the_same_to_subject_and_body():
    pipeline, draft = _non_ascii()
    import pendulum

    data = as_eml(draft, pipeline.profile, pendulum.parse(AT))
    assert data.isascii()  # encoded for mail: RFC 2047 headers, a transfer-encoded body
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert str(message["To"]) == "Renée Dubois <jane@acme.example>"
    assert message["To"].addresses[0].addr_spec == "jane@acme.example"
    assert str(message["From"]) == "Zoë Ångström <zoe@angstrom.example>"
    assert (
        message["Subject"]
        == draft.subject
        == "Zoë Ångström – Thank you for the interview – Head of Product — Café"
    )
    assert message["X-Unsent"] == "1" and message["Date"]
    # Lines end in CRLF, as RFC 5322 has them.
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == draft.body
    assert "Dear Renée," in draft.body


def test_the_mailto_link_round_trips():
    _, draft = _non_ascii()
    url = as_mailto(draft)
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "jane@acme.example"
    assert " " not in url and "\n" not in url
    query = parse_qs(parts.query)
    assert query["subject"] == [draft.subject]
    assert query["body"] == [draft.body.replace("\n", "\r\n")]


def test_only_an_email_with_an_address_can_be_handed_on():
    _, draft = _non_ascii()
    from app.domain.copies import replace

    with pytest.raises(HandOffError, match="not email"):
        as_mailto(replace(draft, channel=draft.channel.__class__("linkedin")))
    with pytest.raises(HandOffError, match="no email address on file for Renée Dubois"):
        as_eml(replace(draft, to_address=""), Profile(), demo_now())


def test_draft_eml_writes_the_file_and_says_so(db, capsys, tmp_path):
    target = tmp_path / "thanks.eml"
    code, out, err = run(capsys, "draft", THANKS, "--eml", str(target), "--db", db, "--at", AT)
    assert code == 0 and out.startswith("Subject: ")
    assert f"wrote {target}" in err
    message = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
    assert message["To"].addresses[0].addr_spec == "marcus.feld@brightwater.example"
    body = message.get_content().replace("\r\n", "\n").rstrip("\n")
    assert body == out.split("\n\n", 1)[1].rstrip("\n")


def test_draft_eml_never_writes_over_the_database(db, capsys):
    before = Path(db).read_bytes()
    code, _, err = run(capsys, "draft", THANKS, "--eml", db, "--db", db, "--at", AT)
    assert code == 1 and "is the database itself" in err
    assert Path(db).read_bytes() == before


def test_draft_mailto_prints_the_link(db, capsys):
    code, out, _ = run(capsys, "draft", THANKS, "--mailto", "--db", db, "--at", AT)
    assert code == 0 and out.startswith("mailto:marcus.feld@brightwater.example?subject=")


def test_draft_open_uses_the_desktop_handler(db, capsys, tmp_path, monkeypatch):
    seen = tmp_path / "seen.txt"
    opener = tmp_path / "bin" / "xdg-open"
    opener.parent.mkdir()
    opener.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{seen}"\n', encoding="utf-8")
    opener.chmod(opener.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{opener.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr("sys.platform", "linux")
    code, _, err = run(capsys, "draft", THANKS, "--open", "--db", db, "--at", AT)
    assert code == 0 and "handed to your mail program through xdg-open" in err
    import time

    for _ in range(100):
        if seen.exists() and seen.read_text():
            break
        time.sleep(0.05)
    assert seen.read_text().startswith("mailto:marcus.feld@brightwater.example?subject=")


def test_draft_open_without_a_handler_says_what_to_do(db, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("sys.platform", "linux")
    code, _, err = run(capsys, "draft", THANKS, "--open", "--db", db, "--at", AT)
    assert code == 1 and "nothing here opens mailto: links" in err and "--eml FILE" in err


def test_draft_eml_into_a_missing_folder_prints_nothing(db, capsys, tmp_path):
    target = tmp_path / "no such folder" / "thanks.eml"
    code, out, err = run(capsys, "draft", THANKS, "--eml", str(target), "--db", db, "--at", AT)
    assert code == 1 and out == ""
    assert err == f"followup: --eml {target}: there is no folder {target.parent}\n"


def test_draft_eml_of_a_linkedin_note_prints_nothing(db, capsys, tmp_path):
    target = tmp_path / "connect.eml"
    code, out, err = run(
        capsys, "draft", "marlow-ops/connect/amira", "--eml", str(target), "--db", db, "--at", AT
    )
    assert code == 1 and out == "" and not target.exists()
    assert err.count("\n") == 1 and "linkedin" in err.lower()


def test_one_message_closes_once_at_its_end(db, capsys):
    code, out, _ = run(capsys, "draft", PROMISE, "--with", THANKS, "--db", db, "--at", AT)
    assert code == 0
    body = out.split("\n\n", 2)[2]  # after the subject and the greeting
    paragraphs = body.split("\n\n")
    # The thank-you's closing line closes the whole message, after the promised item; the
    # promise's own closing ("Thank you again for your time") is not said in the middle.
    assert paragraphs[-2].startswith("Our conversation left me even more excited")
    assert "Thank you again for your time" not in out
    assert out.count("look forward") == 1
    assert out.index("As I promised earlier today") < out.index("Our conversation left me")


def test_an_update_on_my_timeline_does_the_check_in_s_job_and_asks_once(db, capsys):
    update, check_in = (
        "harbor-analytics/update_others/oakline-patient",
        "harbor-analytics/check_in/r2",
    )
    code, alone, _ = run(capsys, "draft", update, "--db", db, "--at", AT)
    assert code == 0
    code, one, err = run(capsys, "draft", check_in, "--with", update, "--db", db, "--at", AT)
    assert code == 0 and "check-in and update-others to Sofia Marsh" in err
    # The update asks where they are in the process; the check-in's own question goes, and
    # what else it says stays. "If your timeline doesn't allow it" stays beside the question
    # it speaks of.
    assert "check in on how things are moving" not in one
    assert one.count("where you are in the process") == 1
    assert "I enjoyed meeting Daniel and Inês" in one
    paragraphs = one.split("\n\n")
    asked = next(n for n, p in enumerate(paragraphs) if "where you are in the process" in p)
    assert paragraphs[asked + 1].startswith("I completely understand if your timeline")
    assert alone.split("\n\n")[-2].startswith("I completely understand")


def test_a_later_message_s_news_stays_when_its_pleasantry_goes():
    from app.domain.copies import replace

    pipeline, now = demo(), demo_now()
    promise = next(a for a in demo_actions()[_kind("keep_promise")] if a.contact == "marcus")
    thanks = next(a for a in demo_actions()[_kind("thank_you")] if a.contact == "marcus")
    first, second = compose(thanks, pipeline, now), compose(promise, pipeline, now)
    greeting, rest = second.body.split("\n\n", 1)
    news = "I hope you're well. I wanted to let you know that I have an offer elsewhere."
    second = replace(second, body=f"{greeting}\n\n{news}\n\n{rest}")
    one = combine([(thanks, first), (promise, second)])
    assert "I wanted to let you know that I have an offer elsewhere." in one.body
    assert "I hope you're well." not in one.body


def test_two_linkedin_notes_to_one_person_are_one_note():
    from app.domain.records import Channel

    pipeline, now = demo(), demo_now()
    promise = next(a for a in demo_actions()[_kind("keep_promise")] if a.contact == "marcus")
    thanks = next(a for a in demo_actions()[_kind("thank_you")] if a.contact == "marcus")
    notes = [(a, compose(a, pipeline, now, channel=Channel.LINKEDIN)) for a in (thanks, promise)]
    one = combine(notes)
    assert "\n" not in one.body
    assert one.body.count("Hi Marcus,") == 1 and one.body.startswith("Hi Marcus,")
    assert one.body.endswith("Best, Jordan") and one.body.count("Best,") == 1
    assert not any("one after the other" in w for w in one.warnings)
    # Each note's own words are all there, and a note too long for LinkedIn is said to be.
    for _, note in notes:
        middle = note.body.split(", ", 1)[1].rsplit(" Best,", 1)[0]
        assert middle[1:] in one.body
    assert len(one.body) <= 300 or any("LinkedIn takes 300" in w for w in one.warnings)


def test_what_a_later_message_s_last_paragraph_says_stays(tmp_path, capsys):
    db = str(tmp_path / "later.json")
    assert main(["demo", "--db", db, "--at", AT]) == 0
    thanked = "2026-11-25T10:00:00+00:00"
    assert main(["sent", "cobalt-security/thank_you/r1/owen", "--db", db, "--at", thanked]) == 0
    capsys.readouterr()
    later = "2026-11-26T16:00:00+00:00"
    promise, connect = "cobalt-security/keep_promise/p1", "cobalt-security/connect/owen"
    code, out, _ = run(capsys, "draft", promise, "--with", connect, "--db", db, "--at", later)
    assert code == 0, out
    assert "invitation to connect on LinkedIn" in out  # the point of the invitation
    assert out.count("let me know") <= 1


def test_a_later_note_s_pleasantry_goes_in_one_note():
    from app.domain.copies import replace
    from app.domain.records import Channel

    pipeline, now = demo(), demo_now()
    promise = next(a for a in demo_actions()[_kind("keep_promise")] if a.contact == "marcus")
    thanks = next(a for a in demo_actions()[_kind("thank_you")] if a.contact == "marcus")
    first = compose(thanks, pipeline, now, channel=Channel.LINKEDIN)
    second = compose(promise, pipeline, now, channel=Channel.LINKEDIN)
    hoped = second.body.replace("Hi Marcus, ", "Hi Marcus, I hope your week is going well. ", 1)
    one = combine([(thanks, first), (promise, replace(second, body=hoped))])
    assert "I hope your week is going well" not in one.body
    assert one.body.count("Hi Marcus,") == 1


def test_draft_eml_to_a_path_ending_in_a_slash_writes_nothing(db, capsys, tmp_path):
    target = tmp_path / "thanks.eml"
    target.write_text("mine")
    for given in (f"{target}/", f"{tmp_path / 'sub'}/"):
        code, out, err = run(capsys, "draft", THANKS, "--eml", given, "--db", db, "--at", AT)
        assert code == 1 and out == "" and "names a folder" in err
    assert target.read_text() == "mine" and not (tmp_path / "sub").exists()

"""The texts of sent messages are kept in a table of their own: the daily read never parses
them, a record read without them never writes them away, an older file is moved to the new
layout on its first write, and a texts document that does not fit is refused with its place."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.copies import replace
from app.domain.interchange import Pipeline, read_interview, write_interview
from app.domain.limits import MAX_TEXT
from app.domain.records import ActionKind, Event, EventKind, Interview
from app.store.errors import UnreadableDatabase
from app.store.repository import Repository
from app.store.source import Source
from tests.strategies import interview as interview_documents

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
THANKS = "Dear Ana,\n\nThank you for the conversation on Tuesday about the platform team."


def _sent(at: datetime, text: str) -> Event:
    return Event(at=at, kind=EventKind.SENT, action=ActionKind.THANK_YOU, text=text)


def _interview(ident: str, *events: Event) -> Interview:
    return Interview(
        id=ident, company=ident.title(), role="PM", timezone="UTC", events=tuple(events)
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "followup.json"
    Repository(db, default_zone="UTC").import_pipeline(
        Pipeline(
            interviews=(
                _interview("acme", _sent(AT, THANKS)),
                _interview("globex", Event(at=AT, kind=EventKind.REPLY, summary="soon")),
            )
        ),
        replace=False,
    )
    return db


def _file(path: Path) -> dict[str, Any]:
    stored: dict[str, Any] = orjson.loads(path.read_bytes())
    return stored


def _exported(path: Path) -> dict[str, Any]:
    pipeline = Repository(path, default_zone="UTC").load(texts=True)
    return {i.id: write_interview(i) for i in pipeline.interviews}


def test_a_sent_text_is_stored_beside_its_interview_not_in_it(path: Path) -> None:
    stored = _file(path)
    assert stored["followup_schema"] == 2
    acme = next(k for k, doc in stored["interviews"].items() if doc["id"] == "acme")
    assert "text" not in stored["interviews"][acme]["events"][0]
    at = stored["interviews"][acme]["events"][0]["at"]
    assert stored["texts"] == {acme: {"id": "acme", "texts": {"0": {"at": at, "text": THANKS}}}}


def test_the_daily_read_leaves_the_texts_unread_and_an_export_reads_them(path: Path) -> None:
    daily = Repository(path, default_zone="UTC").load()
    assert daily.interviews[0].events[0].text == ""
    whole = Repository(path, default_zone="UTC").load(texts=True)
    assert whole.interviews[0].events[0].text == THANKS
    # A texts document spoilt by hand: the daily read does not see it, since it never parses
    # it; the export, which does, refuses it with its place.
    spoilt = _file(path)
    spoilt["texts"]["1"]["texts"]["0"]["text"] = 5
    path.write_bytes(orjson.dumps(spoilt))
    assert Repository(path, default_zone="UTC").load().interviews[0].id == "acme"
    with pytest.raises(UnreadableDatabase, match=r'texts\["1"\]\.texts\.0\.text: not text: 5'):
        Repository(path, default_zone="UTC").load(texts=True)


def test_a_read_with_the_texts_reads_each_document_once(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repository(path, default_zone="UTC")
    repo.load()  # the documents now point into the file, read back when asked
    asked: list[tuple[int, int]] = []
    real = Source.read

    def counting(self: Source, start: int, end: int) -> bytes:
        asked.append((start, end))
        return real(self, start, end)

    monkeypatch.setattr(Source, "read", counting)
    whole = repo.load(texts=True)
    assert whole.interviews[0].events[0].text == THANKS
    # acme's interview and its texts: each once.
    assert len(asked) == len(set(asked)) == 2


def test_a_change_to_a_record_read_without_its_texts_keeps_them(path: Path) -> None:
    repo = Repository(path, default_zone="UTC")
    acme = repo.load().interviews[0]
    assert acme.events[0].text == ""
    later = _sent(AT + timedelta(days=7), "Hi Ana, here is the article I mentioned.")
    repo.put_interview(acme.with_events(later))

    events = Repository(path, default_zone="UTC").load(texts=True).interviews[0].events
    assert [e.text for e in events] == [THANKS, later.text]
    stored = _file(path)
    said = stored["texts"]["1"]["texts"]
    assert {key: entry["text"] for key, entry in said.items()} == {"0": THANKS, "1": later.text}
    events = stored["interviews"]["1"]["events"]
    assert [said[key]["at"] for key in ("0", "1")] == [e["at"] for e in events]


def test_an_event_taken_back_takes_its_text_with_it(path: Path) -> None:
    repo = Repository(path, default_zone="UTC")
    acme = repo.load().interviews[0]
    repo.put_interview(msgspec.structs.replace(acme, events=()))
    assert "texts" not in _file(path)
    assert Repository(path, default_zone="UTC").load(texts=True).interviews[0].events == ()


def test_a_change_to_another_interview_writes_the_texts_back_as_they_were(path: Path) -> None:
    before = path.read_bytes()
    texts_before = orjson.dumps(_file(path)["texts"])
    Repository(path, default_zone="UTC").append_event(
        "globex", Event(at=AT + timedelta(days=1), kind=EventKind.REPLY, summary="next week")
    )
    assert path.read_bytes() != before
    assert orjson.dumps(_file(path)["texts"]) == texts_before
    assert _exported(path)["acme"]["events"][0]["text"] == THANKS


def test_a_change_from_the_command_line_keeps_the_texts(path: Path) -> None:
    """``change_interview`` reads the one interview, without its texts, and writes it."""
    Repository(path, default_zone="UTC").append_event(
        "acme", Event(at=AT + timedelta(days=2), kind=EventKind.REPLY, summary="thanks!")
    )
    events = _exported(path)["acme"]["events"]
    assert [e.get("text") for e in events] == [THANKS, None]


def _schema_1(path: Path, events: list[dict[str, Any]]) -> bytes:
    doc = {"id": "acme", "company": "Acme", "role": "PM", "timezone": "UTC", "events": events}
    content = json.dumps({"followup_schema": 1, "interviews": {"1": doc}}).encode()
    path.write_bytes(content)
    return content


def test_a_schema_1_file_is_read_whole_and_moved_apart_on_its_first_write(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.json"
    sent = {"at": "2026-11-20T10:00:00Z", "kind": "sent", "action": "thank_you", "text": THANKS}
    content = _schema_1(path, [sent])
    repo = Repository(path, default_zone="UTC")
    # Read the long way, texts and all, and not written.
    assert repo.load().interviews[0].events[0].text == THANKS
    assert path.read_bytes() == content

    repo.append_event("acme", Event(at=AT + timedelta(days=1), kind=EventKind.REPLY))
    stored = _file(path)
    assert stored["followup_schema"] == 2
    assert "text" not in stored["interviews"]["1"]["events"][0]
    entry = {"at": stored["interviews"]["1"]["events"][0]["at"], "text": THANKS}
    assert stored["texts"] == {"1": {"id": "acme", "texts": {"0": entry}}}
    assert path.with_name(path.name + ".bak").read_bytes() == content
    assert _exported(path)["acme"]["events"][0]["text"] == THANKS


def test_a_bad_text_in_a_schema_1_file_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    sent = {"at": "2026-11-20T10:00:00Z", "kind": "sent", "action": "thank_you", "text": 7}
    content = _schema_1(path, [sent])
    with pytest.raises(UnreadableDatabase, match=r'interviews\["1"\]\.events\[0\]\.text: not text'):
        Repository(path, default_zone="UTC").load()
    assert path.read_bytes() == content


_ENTRY = {"at": "2026-11-20T10:00:00+00:00", "text": "x"}


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (lambda t: t.update({"9": {"id": "acme", "texts": {}}}), r'texts\["9"\]: sits beside no'),
        (
            lambda t: t["1"]["texts"].update({"4": _ENTRY}),
            r'texts\["1"\]\.texts\.4: names no event',
        ),
        (lambda t: t["1"].update({"id": "globex"}), r'texts\["1"\]\.id: "globex" is not'),
        (lambda t: t["1"].update({"texts": ["x"]}), r'texts\["1"\]\.texts: not an object'),
    ],
    ids=["beside no interview", "no such event", "another interview's", "not an object"],
)
def test_a_texts_document_that_does_not_fit_is_refused_and_nothing_is_written(
    path: Path, spoil: Any, said: str
) -> None:
    stored = _file(path)
    spoil(stored["texts"])
    spoilt = orjson.dumps(stored)
    path.write_bytes(spoilt)
    with pytest.raises(UnreadableDatabase, match=said):
        repo = Repository(path, default_zone="UTC")
        repo.load(texts=True)
    with pytest.raises(UnreadableDatabase, match=said):
        Repository(path, default_zone="UTC").append_event(
            "acme", Event(at=AT + timedelta(days=1), kind=EventKind.REPLY)
        )
    assert path.read_bytes() == spoilt


def test_a_texts_document_that_is_not_json_is_never_written_over(path: Path) -> None:
    """Changing another interview writes the texts back unread: never unless they can be read."""
    spoilt = path.read_bytes().replace(b'"Dear Ana', b'"Dear \xffAna')
    path.write_bytes(spoilt)
    with pytest.raises(UnreadableDatabase, match=r'texts\["1"\]'):
        Repository(path, default_zone="UTC").append_event(
            "globex", Event(at=AT + timedelta(days=1), kind=EventKind.REPLY)
        )
    assert path.read_bytes() == spoilt


@settings(max_examples=60, deadline=None)
@given(
    doc=interview_documents("acme"),
    extra=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
)
def test_a_record_read_without_texts_and_changed_keeps_every_text(
    doc: dict[str, Any], extra: str
) -> None:
    whole = read_interview(doc, "UTC")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "followup.json"
        Repository(path, default_zone="UTC").import_pipeline(
            Pipeline(interviews=(whole,)), replace=False
        )
        repo = Repository(path, default_zone="UTC")
        daily = repo.load().interviews[0]
        assert all(e.text == "" for e in daily.events)
        added = Event(at=AT, kind=EventKind.SENT, action=ActionKind.CHECK_IN, text=extra)
        repo.put_interview(daily.with_events(added))

        expected = whole.with_events(added)
        assert Repository(path, default_zone="UTC").load(texts=True).interviews == (expected,)


def test_an_import_that_replaces_an_interview_replaces_its_texts_too(path: Path) -> None:
    """An imported record holds all its texts: one left out is gone, not kept from the file."""
    repo = Repository(path, default_zone="UTC")
    acme = repo.load(texts=True).interviews[0]
    scrubbed = msgspec.structs.replace(
        acme, events=tuple(msgspec.structs.replace(e, text="") for e in acme.events)
    )
    report = repo.import_pipeline(Pipeline(interviews=(scrubbed,)), replace=True)
    assert report.replaced == ("acme",)
    assert "texts" not in _file(path)
    assert _exported(path)["acme"]["events"][0].get("text") is None
    # And one that brings a text brings it.
    repo.import_pipeline(Pipeline(interviews=(acme,)), replace=True)
    assert _exported(path)["acme"]["events"][0]["text"] == THANKS


def test_a_schema_1_event_whose_text_is_null_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    sent = {"at": "2026-11-20T10:00:00Z", "kind": "sent", "action": "thank_you", "text": None}
    _schema_1(path, [sent])
    Repository(path, default_zone="UTC").append_event(
        "acme", Event(at=AT + timedelta(days=1), kind=EventKind.REPLY)
    )
    stored = _file(path)
    assert "texts" not in stored and "text" not in stored["interviews"]["1"]["events"][0]
    assert "text" not in _exported(path)["acme"]["events"][0]


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (
            lambda t: t["1"]["texts"].update({"4": _ENTRY}),
            r'texts\["1"\]\.texts\.4: names no event',
        ),
        (lambda t: t["1"].update({"id": "globex"}), r'texts\["1"\]\.id: "globex" is not'),
        (lambda t: t["1"]["texts"]["0"].update(text="x" * (MAX_TEXT + 1)), r"not a text followup"),
        (lambda t: t["1"]["texts"].update({"9" * 5000: _ENTRY}), r"names no event"),
    ],
    ids=["no such event", "another interview's", "too long", "a key past any history"],
)
@pytest.mark.parametrize("whole", [False, True], ids=["one interview", "whole file"])
def test_texts_that_do_not_fit_are_not_carried_by_a_change_to_another_interview(
    path: Path, spoil: Any, said: str, whole: bool
) -> None:
    """The texts of an interview left unread by a change are checked before they are written
    back: the change is refused and the file, and its backup, stay as they were."""
    Repository(path, default_zone="UTC").append_event(
        "globex", Event(at=AT + timedelta(hours=1), kind=EventKind.REPLY)
    )
    stored = _file(path)
    spoil(stored["texts"])
    spoilt = orjson.dumps(stored)
    path.write_bytes(spoilt)
    backup = path.with_name(path.name + ".bak").read_bytes()
    repo = Repository(path, default_zone="UTC")
    with pytest.raises(UnreadableDatabase, match=said):
        if whole:
            repo.update(lambda p: replace(p, policy_overrides={"max_unanswered": 3}))
        else:
            repo.append_event("globex", Event(at=AT + timedelta(days=1), kind=EventKind.REPLY))
    assert path.read_bytes() == spoilt
    assert path.with_name(path.name + ".bak").read_bytes() == backup


def test_a_text_the_typed_reader_would_refuse_sends_no_interview_the_long_way(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``due`` reads the documents of a file it splits; a text written with an escape the
    typed reader leaves to the full one (a carriage return) sits in the texts table, and no
    interview is read the long way for it."""
    from app.store import repository

    Repository(path, default_zone="UTC").append_event(
        "globex", _sent(AT + timedelta(days=1), "Dear Ana,\r\nThank you.")
    )
    content = path.read_bytes()
    assert b"\\r\\n" in content
    long_way: list[str] = []

    def full_reader(raw: Any, zone: str, where: str) -> Interview:
        long_way.append(where)
        return read_interview(raw, zone, where)

    monkeypatch.setattr(repository, "read_interview", full_reader)
    repo = Repository(path, default_zone="UTC")
    documents = repo.documents(content)
    read = [repo.read_document(documents, document) for document in documents.interviews]
    assert [i.id for i in read] == ["acme", "globex"]
    assert long_way == []


def test_an_event_taken_out_by_hand_is_found_out_not_given_the_next_ones_text(
    tmp_path: Path,
) -> None:
    """Texts are kept by the index of their event: one taken out of the history by hand would
    shift them onto the events after it. The time kept with each text finds it out."""
    path = tmp_path / "followup.json"
    first, second = _sent(AT, "The first message."), _sent(AT + timedelta(days=1), "The second.")
    Repository(path, default_zone="UTC").import_pipeline(
        Pipeline(interviews=(_interview("acme", first, second),)), replace=False
    )
    stored = _file(path)
    del stored["interviews"]["1"]["events"][0]
    edited = orjson.dumps(stored)
    path.write_bytes(edited)
    with pytest.raises(UnreadableDatabase, match=r'texts\["1"\]\.texts\.0\.at: .* edited by hand'):
        Repository(path, default_zone="UTC").load(texts=True)
    with pytest.raises(UnreadableDatabase, match=r"edited by hand"):
        Repository(path, default_zone="UTC").append_event(
            "acme", Event(at=AT + timedelta(days=2), kind=EventKind.REPLY)
        )
    assert path.read_bytes() == edited


def test_texts_shifted_by_a_hand_edit_are_not_carried_by_a_change_to_another_interview(
    tmp_path: Path,
) -> None:
    """An event taken out by hand between two with texts leaves every text's index in range:
    the time kept with each one finds it out before a change elsewhere writes the file."""
    path = tmp_path / "followup.json"
    reply = Event(at=AT + timedelta(hours=1), kind=EventKind.REPLY)
    history = (_sent(AT, "A"), reply, _sent(AT + timedelta(days=1), "B"))
    Repository(path, default_zone="UTC").import_pipeline(
        Pipeline(interviews=(_interview("acme", *history), _interview("globex"))), replace=False
    )
    stored = _file(path)
    del stored["interviews"]["1"]["events"][1]
    edited = orjson.dumps(stored)
    path.write_bytes(edited)
    with pytest.raises(UnreadableDatabase, match=r'texts\["1"\]\.texts\.2: names no event'):
        Repository(path, default_zone="UTC").append_event("globex", reply)
    later = {"at": "2026-11-22T10:00:00+00:00", "kind": "reply"}
    stored["interviews"]["1"]["events"].append(later)
    shifted = orjson.dumps(stored)  # three events again: text 2 would be read as the reply's
    path.write_bytes(shifted)
    with pytest.raises(UnreadableDatabase, match=r'texts\["1"\]\.texts\.2\.at: .* edited'):
        Repository(path, default_zone="UTC").append_event("globex", reply)
    assert path.read_bytes() == shifted


def test_a_schema_1_text_whose_event_has_no_time_is_refused_where_the_time_belongs(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.json"
    content = _schema_1(path, [{"kind": "sent", "action": "thank_you", "text": "hi"}])
    with pytest.raises(UnreadableDatabase, match=r'interviews\["1"\]\.events\[0\]\.at: missing'):
        Repository(path, default_zone="UTC").load()
    assert path.read_bytes() == content


@pytest.mark.parametrize("table", ["interviews", "texts"])
def test_a_document_id_past_what_a_number_can_be_read_from_is_refused_not_a_crash(
    path: Path, table: str
) -> None:
    stored = _file(path)
    stored[table]["9" * 5000] = stored[table].pop("1")
    spoilt = orjson.dumps(stored)
    path.write_bytes(spoilt)
    with pytest.raises(UnreadableDatabase, match=f"table '{table}' has '9999"):
        Repository(path, default_zone="UTC").load()
    assert path.read_bytes() == spoilt

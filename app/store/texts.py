"""The texts of sent messages, kept in a table of their own (``texts``) beside the interviews.

The texts of sent messages weigh much of a long history (a quarter of the bench's files), and
nothing on the daily path reads them: the engine, the board and ``due`` need when a message
went, not what it said. So the interviews table holds each history without its texts, and the
texts table holds them, one document per interview that has any, under the same document id:

    "texts": {"7": {"id": "acme-2026", "texts": {"0": {"at": "2026-11-20T10:00:00+00:00",
                                                       "text": "Dear Ana, ..."}, ...}}}

Each key is the index of the event in the interview document's ``events``, and ``at`` is that
event's time as written there. Both documents are written together, from the whole record, so
the two always agree; an event taken out of a history by hand is found out by its neighbours'
times, rather than its text being read as the next one's.

The texts are read back into the records for ``export`` (``Repository.load(texts=True)``), for
a file read the long way (an older schema, a hand edit), and for an interview about to be
written again (``kept_texts``): a record read without its texts never writes them away.
"""

from __future__ import annotations

from typing import Any

import msgspec

from app.domain.errors import Problems, show_value
from app.domain.limits import MAX_TEXT
from app.domain.records import Interview
from app.store.documents import INTERVIEWS, TEXTS


def apart(doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """An interview document as written (``write_interview``) without the texts of its events,
    and its texts document (None: no event has a text). A text that is null or empty is no
    text, and is dropped; a value that is not text stays in its event."""
    events = doc.get("events")
    if not isinstance(events, list):
        return doc, None
    texts: dict[str, Any] = {}
    bare: list[Any] = []
    for index, event in enumerate(events):
        # A text moves with its event's time; a null is no text. Anything else (not text, or
        # an event without a time) stays in the event, for the reader to say what is wrong.
        said = event.get("text", 0) if isinstance(event, dict) else 0
        if said is None or (isinstance(said, str) and isinstance(event.get("at"), str)):
            if said:
                texts[str(index)] = {"at": event.get("at"), "text": said}
            bare.append({key: value for key, value in event.items() if key != "text"})
        else:
            bare.append(event)
    if bare == events:
        return doc, None
    return {**doc, "events": bare}, {"id": doc.get("id"), "texts": texts} if texts else None


def together(doc: Any, texts: Any, where: str) -> Any:
    """The interview document ``doc`` (parsed) with its texts put back, where the texts
    document (parsed) is at ``where``; raises ``InvalidData`` for a texts document that does
    not fit it. What each text may hold beyond that is the interview reader's to check."""
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        # Not an interview's shape: its reader says so, where it is.
        _fitted(texts, doc.get("id") if isinstance(doc, dict) else None, [], where)
        return doc
    merged = list(doc["events"])
    times = [event.get("at") if isinstance(event, dict) else None for event in merged]
    problems = Problems()
    for index, text in _fitted(texts, doc.get("id"), times, where).items():
        if "text" in merged[index]:
            problems.add(f"{where}.texts.{index}", "the event has a text of its own already")
        else:
            merged[index] = {**merged[index], "text": text}
    problems.raise_if_any()
    return {**doc, "events": merged}


def kept_texts(interview: Interview, earlier: Interview) -> Interview:
    """``interview`` with the texts ``earlier`` (the same interview as stored, texts and all)
    gave its events: an event read without its text gets the text of the stored event it is,
    in order. An event that has a text keeps it; one no longer there takes its text with it."""
    said = [(msgspec.structs.replace(e, text=""), e.text) for e in earlier.events if e.text]
    if not said:
        return interview
    events = list(interview.events)
    for index, event in enumerate(events):
        if event.text:
            continue
        for at, (bare, text) in enumerate(said):
            if bare == event:
                events[index] = msgspec.structs.replace(event, text=text)
                del said[at]
                break
    return msgspec.structs.replace(interview, events=tuple(events))


def moved_apart(tables: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 to 2: each interview document's texts moved to the texts table. A document of
    a shape followup does not write is left as it is, for the reader to say what is wrong."""
    if TEXTS in tables:
        raise ValueError(f"a schema 1 file has no {TEXTS!r} table")
    docs = tables.get(INTERVIEWS)
    if not isinstance(docs, dict):
        return tables
    bare: dict[str, Any] = {}
    texts: dict[str, Any] = {}
    for doc_id, doc in docs.items():
        bare[doc_id], said = apart(doc) if isinstance(doc, dict) else (doc, None)
        if said is not None:
            texts[doc_id] = said
    moved = {**tables, INTERVIEWS: bare}
    if texts:
        moved[TEXTS] = texts
    return moved


class _Event(msgspec.Struct):
    at: Any = None


class _History(msgspec.Struct):
    events: list[_Event] = []


_HISTORY = msgspec.json.Decoder(_History)


def event_times(doc: bytes) -> list[Any] | None:
    """The time of each event of an interview document (its JSON), as written there; None if
    its history is not a list of objects. Only the times are read: the rest is skipped."""
    try:
        return [event.at for event in _HISTORY.decode(doc).events]
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


def check(texts: Any, beside: object, times: list[Any] | None, where: str) -> None:
    """Raise ``InvalidData`` unless a texts document (parsed) is one followup writes for the
    interview whose id is ``beside`` and whose events are at ``times`` (``event_times``). It
    is checked so before it is written back unread, without reading the whole interview."""
    _fitted(texts, beside, times or [], where)


def _fitted(texts: Any, beside: object, times: list[Any], where: str) -> dict[int, str]:
    """The texts of a texts document (parsed), by the index of their event, where it fits
    the interview whose id is ``beside`` and whose events are at ``times``; raises
    ``InvalidData`` naming each place it does not."""
    problems = Problems()
    if not isinstance(texts, dict):
        problems.add(where, f"not an object: {show_value(texts)}")
        problems.raise_if_any()
    for key in sorted(set(texts) - {"id", "texts"}, key=str):
        problems.add(f"{where}.{key}", "unknown field; expected one of id, texts")
    if texts.get("id") != beside:
        problems.add(
            f"{where}.id",
            f"{show_value(texts.get('id'))} is not the interview it sits beside "
            f"({show_value(beside)})",
        )
    said = texts.get("texts")
    if not isinstance(said, dict):
        problems.add(f"{where}.texts", f"not an object: {show_value(said)}")
        problems.raise_if_any()
    fitted: dict[int, str] = {}
    for key, entry in said.items():
        index, place = _index(key), f"{where}.texts.{key}"
        if not 0 <= index < len(times) or times[index] is None:
            problems.add(place, "names no event of the interview")
        elif not _is_entry(entry):
            problems.add(*_entry_problem(entry, place))
        elif not entry["text"] or len(entry["text"]) > MAX_TEXT:
            problems.add(place, f"not a text followup writes: {show_value(entry['text'])}")
        elif entry["at"] != times[index]:
            problems.add(f"{place}.at", _moved(entry["at"], index, times[index]))
        else:
            fitted[index] = entry["text"]
    problems.raise_if_any()
    return fitted


def _moved(at: Any, index: int, event_at: Any) -> str:
    return (
        f"{show_value(at)} is not the time of event {index} ({show_value(event_at)}): "
        "the history was edited by hand, and its texts no longer match it"
    )


def _entry_problem(entry: Any, place: str) -> tuple[str, str]:
    """Where and what is wrong with an entry that is not ``_is_entry``."""
    if not isinstance(entry, dict):
        return place, f"not an object: {show_value(entry)}"
    if entry.keys() != {"at", "text"}:
        keys = ", ".join(sorted(map(str, entry)))
        return place, f"has {keys or 'no field'}; expected at and text"
    key = "at" if not isinstance(entry["at"], str) else "text"
    return f"{place}.{key}", f"not text: {show_value(entry[key])}"


def _is_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and entry.keys() == {"at", "text"}
        and isinstance(entry["at"], str)
        and isinstance(entry["text"], str)
    )


def _index(key: str) -> int:
    """The event index a key names; -1 for one that names none."""
    # Nine digits at most: no history is that long, and int() refuses past 4,300.
    if key.isascii() and key.isdigit() and len(key) <= 9:
        return int(key)
    return -1

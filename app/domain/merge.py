"""A change made to one copy of an interview, carried over to another copy of the same one.

The dashboard edits the interview it read; meanwhile another instance (a command in another
terminal, a second dashboard) may have written the stored one. Writing the edited copy whole
would undo that other write, so a change is saved as what it changed: the fields it changed,
the rounds, contacts and promises it added, changed or removed (by id), and the events it added
or took away; everything else stays as stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import msgspec

from app.domain.copies import field_names, replace
from app.domain.records import Event, Interview

Edit = Callable[[Interview], Interview]

_KEYED = frozenset({"rounds", "contacts", "promises"})


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


class Conflict(Exception):
    """The stored copy was changed, where this edit changes it, to something else: applying the
    edit would write over that change unseen. ``what`` names what was changed there."""

    def __init__(self, what: list[str]) -> None:
        super().__init__(", ".join(what))
        self.what = what


def carry_over(before: Interview, after: Interview) -> Edit:
    """The edit that turns ``before`` into ``after``, to apply to another copy of it. It raises
    ``Conflict`` on a copy where what it changes was changed to something else meanwhile (the
    history is never a conflict: events are only added or taken away)."""
    changed = {
        name: (getattr(before, name), getattr(after, name))
        for name in field_names(Interview)
        if name != "id" and getattr(before, name) != getattr(after, name)
    }

    def apply(stored: Interview) -> Interview:
        if not changed:
            return stored
        updates: dict[str, Any] = {}
        conflicts: list[str] = []
        for name, (old, new) in changed.items():
            if name in _KEYED:
                conflicts += _keyed_conflicts(name, getattr(stored, name), old, new)
                updates[name] = _merge_keyed(getattr(stored, name), old, new)
            elif name == "events":
                updates[name] = _merge_events(stored.events, old, new)
            else:
                if getattr(stored, name) not in (old, new):
                    conflicts.append(name.replace("_", " "))
                updates[name] = new
        if conflicts:
            raise Conflict(conflicts)
        return replace(stored, **updates)

    return apply


def _keyed_conflicts(
    name: str, stored: Sequence[_Identified], old: Sequence[_Identified], new: Sequence[_Identified]
) -> list[str]:
    """The items changed here that were changed there too, to something else."""
    stored_by_id = {item.id: item for item in stored}
    new_by_id = {item.id: item for item in new}
    return [
        f"{name[:-1]} {item.id}"
        for item in old
        if item.id in stored_by_id
        and new_by_id.get(item.id) != item
        and stored_by_id[item.id] not in (item, new_by_id.get(item.id))
    ]


def _merge_keyed(
    stored: Sequence[_Identified], old: Sequence[_Identified], new: Sequence[_Identified]
) -> tuple[Any, ...]:
    old_by_id = {item.id: item for item in old}
    new_by_id = {item.id: item for item in new}
    removed = old_by_id.keys() - new_by_id.keys()
    edited = {ident: item for ident, item in new_by_id.items() if old_by_id.get(ident) != item}
    # In the stored order (another copy's undo may have put one back at the front), each as
    # edited here; one removed there stays removed, unless it was edited here.
    merged = [edited.pop(item.id, item) for item in stored if item.id not in removed]
    # What was added here (or edited here and removed there) goes where it is in this copy,
    # after the item before it: the order of contacts means something (the first recruiter is
    # the one written to), and a contact put back by an undo is where it was.
    for index, item in enumerate(new):
        if item.id not in edited:
            continue
        there = [m.id for m in merged]
        before = next((new[n].id for n in range(index - 1, -1, -1) if new[n].id in there), None)
        at = there.index(before) + 1 if before is not None else 0
        merged.insert(at, edited.pop(item.id))
    return tuple(merged)


def _merge_events(
    stored: tuple[Event, ...], old: tuple[Event, ...], new: tuple[Event, ...]
) -> tuple[Event, ...]:
    # An event is known by what happened, not by the text of its message: a copy read
    # without the texts (as the daily path reads them) holds the same events.
    more = Counter(map(_happened, new)) - Counter(map(_happened, old))
    taken = Counter(map(_happened, old)) - Counter(map(_happened, new))
    # Of events alike but for their text, the one added is the one with a text: a message
    # just recorded beside one read without its text.
    chosen: list[int] = []
    for index in sorted(range(len(new)), key=lambda i: not new[i].text):
        if more[_happened(new[index])] > 0:
            more[_happened(new[index])] -= 1
            chosen.append(index)
    added = [new[index] for index in sorted(chosen)]
    kept: list[Event] = []
    for event in stored:
        if taken[_happened(event)] > 0:
            taken[_happened(event)] -= 1
        else:
            kept.append(event)
    # A history stays in time order; sorted() is stable, so equal times keep their order.
    return tuple(sorted([*kept, *added], key=lambda e: e.at))


def _happened(event: Event) -> Event:
    return msgspec.structs.replace(event, text="") if event.text else event

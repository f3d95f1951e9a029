"""An edit carried over to a copy changed elsewhere keeps the order of contacts: the first
recruiter is the one written to."""

from __future__ import annotations

from app.domain.merge import _merge_keyed
from app.domain.records import Contact


def ids(*contacts: Contact) -> list[str]:
    return [c.id for c in contacts]


def test_a_contact_put_back_by_an_undo_is_where_it_was() -> None:
    sam, jo = Contact("sam", "Sam"), Contact("jo", "Jo")
    assert ids(*_merge_keyed((sam,), (sam,), (jo, sam))) == ["jo", "sam"]


def test_an_edit_here_keeps_the_order_written_there() -> None:
    sam, jane = Contact("sam", "Sam"), Contact("jane", "Jane")
    renamed = Contact("jane", "Jane Doe")
    # Another copy put Sam back first; this one, read before that, renames Jane.
    merged = _merge_keyed((sam, jane), (jane,), (renamed,))
    assert ids(*merged) == ["sam", "jane"] and merged[1].name == "Jane Doe"


def test_what_was_added_on_both_sides_is_kept_and_what_was_removed_here_goes() -> None:
    a, b, x, y = (Contact(i, i) for i in "abxy")
    assert ids(*_merge_keyed((a, b, x), (a, b), (a, b, y))) == ["a", "b", "y", "x"]
    assert ids(*_merge_keyed((a, b), (a, b), (b,))) == ["b"]

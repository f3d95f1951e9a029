"""The edit menu with records whose ids look like its own entries: an imported round, contact
or promise may be called "new", "a:b" or "part-1", and each must still be listed once, apart
from "Add a …", and hand back its own id."""

from __future__ import annotations

from collections.abc import Callable
from itertools import product
from pathlib import Path
from typing import Any

import pendulum
import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList

from app.domain.copies import replace
from app.domain.interchange import read_pipeline
from app.domain.records import STAGES, Contact, Interview, Promise, Round
from app.store.repository import Repository
from app.ui.forms import ContactForm, EditMenu, EditPart, PartKind, PromiseForm, RoundForm
from app.ui.forms.edit_menu import menu_entries
from app.ui.widgets.board import Board
from tests.ui.conftest import ZONE
from tests.ui.test_forms import ACME, LONDON, host

WHEN = pendulum.datetime(2026, 11, 24, 10, tz=LONDON)
AWKWARD = ["new", "a:b"]
KINDS = [PartKind.ROUND, PartKind.CONTACT, PartKind.PROMISE]
ADD = {
    PartKind.ROUND: "Add a round",
    PartKind.CONTACT: "Add a contact",
    PartKind.PROMISE: "Add a promise",
}


def with_record(kind: PartKind, ident: str) -> Interview:
    """Acme with one more record of that kind, called ``ident``, beside the ones it has."""
    if kind is PartKind.ROUND:
        return replace(ACME, rounds=(*ACME.rounds, Round(ident, WHEN, 30, "call")))
    if kind is PartKind.CONTACT:
        return replace(ACME, contacts=(*ACME.contacts, Contact(ident, "Nova Newman")))
    promise = Promise(ident, "Send the portfolio", WHEN, "jane")
    return replace(ACME, promises=(*ACME.promises, promise))


def label_of(kind: PartKind, ident: str) -> str:
    if kind is PartKind.ROUND:
        return f"Round {ident} · Tue 24 Nov 10:00"
    if kind is PartKind.CONTACT:
        return "Contact Nova Newman"
    return "Promise Send the portfolio · due Tue 24 Nov 10:00"


def menu(app: App[None]) -> OptionList:
    return app.screen.query_one("#edit-menu", OptionList)


def prompts(app: App[None]) -> list[str]:
    options = menu(app).options
    return [str(option.prompt) for option in options]


async def choose(pilot: Pilot[None], prompt: str) -> None:
    """Down the menu, as a person does, to the entry that reads ``prompt``, then enter."""
    await choose_highlight(pilot, prompt)
    await pilot.press("enter")
    await pilot.pause()


async def choose_highlight(pilot: Pilot[Any], prompt: str) -> None:
    """Down the menu, as a person does, to the entry that reads ``prompt``."""
    await pilot.pause()
    found = menu(pilot.app)
    for _ in range(found.option_count):
        option = found.highlighted_option
        if option is not None and str(option.prompt) == prompt:
            break
        await pilot.press("down")
    option = found.highlighted_option
    assert option is not None and str(option.prompt) == prompt, f"no {prompt!r} in the menu"


CASES = list(product(KINDS, AWKWARD))


@pytest.mark.parametrize(("kind", "ident"), CASES)
async def test_the_menu_lists_the_record_once_beside_add(kind: PartKind, ident: str) -> None:
    app = host(EditMenu(with_record(kind, ident)))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditMenu)
        shown = prompts(app)
        assert shown.count(ADD[kind]) == 1
        assert shown.count(label_of(kind, ident)) == 1
        assert len(shown) == 12
        await pilot.press("escape")
    assert app.results == [None]


@pytest.mark.parametrize(("kind", "ident"), CASES)
async def test_add_is_a_new_one(kind: PartKind, ident: str) -> None:
    app = host(EditMenu(with_record(kind, ident)))
    async with app.run_test(size=(100, 40)) as pilot:
        await choose(pilot, ADD[kind])
    assert app.results == [EditPart(kind, None)]


@pytest.mark.parametrize(("kind", "ident"), CASES)
async def test_the_record_is_itself(kind: PartKind, ident: str) -> None:
    app = host(EditMenu(with_record(kind, ident)))
    async with app.run_test(size=(100, 40)) as pilot:
        await choose(pilot, label_of(kind, ident))
    assert app.results == [EditPart(kind, ident)]


def awkward() -> Interview:
    """Ids that spell the menu's own entries, their old ids and the options' ids."""
    return replace(
        ACME,
        rounds=tuple(Round(i, WHEN.add(days=n)) for n, i in enumerate(["new", "a:b", "part-1"])),
        contacts=(Contact("new", "Nova"), Contact("interview", "Ivy"), Contact("part-0", "Pat")),
        promises=(
            Promise("new", "Deck", WHEN, "new"),
            Promise("promise:new", "Brief", WHEN, "new"),
            Promise("round:r1", "Notes", WHEN, "new"),
        ),
    )


def test_the_entries() -> None:
    shown = [None if e is None else (str(e.label), e.part) for e in menu_entries(awkward())]
    assert shown == [
        ("Interview details", EditPart(PartKind.INTERVIEW)),
        None,
        ("Add a round", EditPart(PartKind.ROUND)),
        ("Round new · Tue 24 Nov 10:00", EditPart(PartKind.ROUND, "new")),
        ("Round a:b · Wed 25 Nov 10:00", EditPart(PartKind.ROUND, "a:b")),
        ("Round part-1 · Thu 26 Nov 10:00", EditPart(PartKind.ROUND, "part-1")),
        None,
        ("Add a contact", EditPart(PartKind.CONTACT)),
        ("Contact Nova", EditPart(PartKind.CONTACT, "new")),
        ("Contact Ivy", EditPart(PartKind.CONTACT, "interview")),
        ("Contact Pat", EditPart(PartKind.CONTACT, "part-0")),
        None,
        ("Preferences", EditPart(PartKind.PREFERENCES)),
        ("Notes", EditPart(PartKind.NOTES)),
        None,
        ("Add an open question", EditPart(PartKind.QUESTION)),
        None,
        ("Add a promise", EditPart(PartKind.PROMISE)),
        ("Promise Deck · due Tue 24 Nov 10:00", EditPart(PartKind.PROMISE, "new")),
        ("Promise Brief · due Tue 24 Nov 10:00", EditPart(PartKind.PROMISE, "promise:new")),
        ("Promise Notes · due Tue 24 Nov 10:00", EditPart(PartKind.PROMISE, "round:r1")),
    ]
    assert EditPart(PartKind.ROUND, "new") != EditPart(PartKind.ROUND, None)
    assert PartKind("promise") is PartKind.PROMISE


async def option_ids(interview: Interview) -> list[str | None]:
    app = host(EditMenu(interview))
    async with app.run_test(size=(100, 40)):
        return [option.id for option in menu(app).options]


async def test_option_ids_never_come_from_the_records() -> None:
    # Same shape, other names: if an option's id were made from a record's, these would differ.
    plain = replace(
        ACME,
        rounds=tuple(Round(f"r{n}", WHEN) for n in range(3)),
        contacts=tuple(Contact(f"c{n}", "C") for n in range(3)),
        promises=tuple(Promise(f"p{n}", "P", WHEN) for n in range(3)),
    )
    ids = await option_ids(awkward())
    assert ids == await option_ids(plain)
    assert len(set(ids)) == len(ids) == 16


async def test_every_entry_of_the_awkward_menu_is_its_own_part() -> None:
    parts = [entry.part for entry in menu_entries(awkward()) if entry is not None]
    assert len(set(parts)) == len(parts)
    for downs, part in enumerate(parts):
        app = host(EditMenu(awkward()))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press(*["down"] * downs, "enter")
        assert app.results == [part], downs


# ---------------------------------------------------------------- opened from the dashboard


def imported(kind: PartKind, ident: str) -> dict[str, object]:
    interview: dict[str, object] = {
        "id": "odd-ids",
        "company": "Acme",
        "role": "PM",
        "stage": "waiting",
        "rounds": [{"id": "r1", "starts": "2026-11-24T10:00:00+00:00"}],
        "contacts": [{"id": "jo", "name": "Jo Doe"}],
        "promises": [{"id": "p1", "what": "Send the deck", "due": "2026-11-24T10:00:00+00:00"}],
    }
    if kind is PartKind.ROUND:
        interview["rounds"] = [{"id": ident, "starts": "2026-11-24T10:00:00+00:00"}]
    elif kind is PartKind.CONTACT:
        interview["contacts"] = [{"id": ident, "name": "Nova Newman"}]
    else:
        interview["promises"] = [
            {"id": ident, "what": "Send the portfolio", "due": "2026-11-24T10:00:00+00:00"}
        ]
    return {
        "format": "followup/1",
        "profile": {"name": "Alex", "timezone": ZONE},
        "interviews": [interview],
    }


FORMS: dict[PartKind, type[Screen[Any]]] = {
    PartKind.ROUND: RoundForm,
    PartKind.CONTACT: ContactForm,
    PartKind.PROMISE: PromiseForm,
}


def record_of(form: Screen[Any], kind: PartKind) -> Round | Contact | Promise | None:
    # Each form keeps the record it edits under its kind's name: form.round, form.contact …
    record = getattr(form, kind.value)
    assert record is None or isinstance(record, Round | Contact | Promise)
    return record


@pytest.mark.parametrize(("kind", "ident"), CASES)
async def test_from_the_dashboard_the_form_opens_on_the_chosen_record(
    tmp_path: Path, make: Callable[..., App[None]], kind: PartKind, ident: str
) -> None:
    path = tmp_path / "imported.json"
    Repository(path, default_zone=ZONE).import_pipeline(
        read_pipeline(imported(kind, ident)), replace=False
    )
    app = make(path)
    form_type = FORMS[kind]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(Board)
        for _ in range(len(STAGES)):
            if board.selected != "odd-ids":
                await pilot.press("l")
                await pilot.pause()
        assert board.selected == "odd-ids"
        dashboard = app.screen

        await pilot.press("e")
        await choose(pilot, ADD[kind])
        assert isinstance(app.screen, form_type)
        assert record_of(app.screen, kind) is None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dashboard

        await pilot.press("e")
        await choose(pilot, label_of(kind, ident))
        assert isinstance(app.screen, form_type)
        record = record_of(app.screen, kind)
        assert record is not None and record.id == ident
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dashboard

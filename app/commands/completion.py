"""Tab completion for bash, zsh and fish, through argcomplete: the shell runs ``followup`` with
``_ARGCOMPLETE`` set, and this answers with the commands, the options, and the ids in the
database that ``--db`` names (or the default one): interviews for ``reply``, its contacts for
``--contact``, and the open actions with the numbers of the last ``due`` listing.

Imported only when the shell asks, so that a command never pays for argcomplete. Completion
reads the database as any command does and writes nothing of its own; whatever goes wrong (no
database, a broken one, an unknown zone) completes nothing rather than print a traceback into
the user's prompt.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.interchange import Pipeline

if TYPE_CHECKING:
    import pendulum

Choices = dict[str, str]
"""What may complete the word, each with what zsh and fish show beside it."""


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell and end the process; returns only if argcomplete did not answer."""
    import argcomplete

    # Options only once a dash is typed: an id is what the word before it usually wants.
    argcomplete.autocomplete(parser, always_complete_options=False)


def interviews(prefix: str, parsed_args: argparse.Namespace, **_: object) -> Choices:
    return _quietly(parsed_args, _interviews)


def contacts(prefix: str, parsed_args: argparse.Namespace, **_: object) -> Choices:
    return _quietly(parsed_args, _contacts)


def actions(prefix: str, parsed_args: argparse.Namespace, **_: object) -> Choices:
    return _quietly(parsed_args, _actions)


def _quietly(
    parsed_args: argparse.Namespace, choices: Callable[[Pipeline, argparse.Namespace], Choices]
) -> Choices:
    try:
        pipeline = _pipeline(parsed_args)
        return {} if pipeline is None else choices(pipeline, parsed_args)
    except Exception:  # a prompt is no place for an error: complete nothing
        return {}


def _pipeline(parsed_args: argparse.Namespace) -> Pipeline | None:
    from app.commands.context import machine_zone
    from app.services.records import Records

    path = _database(parsed_args)
    if not path.is_file():
        return None  # nothing to read, and nothing is made by looking
    return Records(path, default_zone=machine_zone()[0]).load()


def _interviews(pipeline: Pipeline, _: argparse.Namespace) -> Choices:
    return {i.id: f"{i.company} · {i.role}" for i in pipeline.interviews}


def _contacts(pipeline: Pipeline, parsed_args: argparse.Namespace) -> Choices:
    wanted = getattr(parsed_args, "interview", None)
    return {
        c.id: c.name or c.title or c.id
        for i in pipeline.interviews
        if i.id == wanted
        for c in i.contacts
    }


def _actions(pipeline: Pipeline, parsed_args: argparse.Namespace) -> Choices:
    """The open actions at ``--at`` (else now), after the numbers of the last listing that
    still name one of them."""
    from app.engine import compute_actions
    from app.services.listing import load_listing

    now = _now(pipeline, parsed_args)
    open_now = compute_actions(pipeline.interviews, pipeline.policy, now)
    names = _names(pipeline)
    choices: Choices = {}
    by_id = {a.id: a for a in open_now}
    try:
        listed = load_listing(_database(parsed_args)) or []
    except Exception:  # an unreadable listing: its numbers are not offered, the ids still are
        listed = []
    for entry in listed:
        if entry.id in by_id:
            choices[str(entry.number)] = f"{entry.what} ({entry.id})"
    for action in open_now:
        who = names.get((action.interview, action.contact or ""), "")
        kind = action.kind.value.replace("_", "-")
        choices[action.id] = f"{kind}{f' to {who}' if who else ''} · {action.company}"
    return choices


def _names(pipeline: Pipeline) -> Mapping[tuple[str, str], str]:
    return {(i.id, c.id): c.name or c.id for i in pipeline.interviews for c in i.contacts}


def _database(parsed_args: argparse.Namespace) -> Path:
    from app.paths import resolve_db_path

    return resolve_db_path(getattr(parsed_args, "db", None))


def _now(pipeline: Pipeline, parsed_args: argparse.Namespace) -> pendulum.DateTime:
    import pendulum

    from app.commands.context import machine_zone, parse_at

    zone = pipeline.profile.timezone or machine_zone()[0]
    try:
        at = parse_at(getattr(parsed_args, "at", None))
    except Exception:  # a phrase or a half-typed time: the open actions of now
        at = None
    if at is None:
        return pendulum.now(zone)
    if at.tzinfo is None:
        return pendulum.instance(at, tz=zone)
    return pendulum.instance(at)

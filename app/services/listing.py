"""The numbers of the last ``followup due`` listing, so that ``followup sent 3`` means the action
that listing numbered 3 (SPEC section 8).

The listing is kept beside the database it was made from, one per database file. It only says
which id each number stood for: the id is looked up in the database every time, so a stale or
edited listing can name an action that is no longer open, never make one up. Deleting it is
safe; the next ``followup due`` writes it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from app.errors import UserError
from app.store.beside import LISTING, beside_path, load_beside, write_beside

if TYPE_CHECKING:
    from app.domain.interchange import Pipeline
    from app.domain.records import Interview

FORMAT = "followup-due-listing/1"
# A listing of every action of ten thousand interviews is some 2 MB.
_MAX_BYTES = 64 * 1024 * 1024
_DUE = "`followup due`"


# NamedTuples rather than dataclasses: `due` imports this module, and a dataclass costs it
# half a millisecond to define.
class Listed(NamedTuple):
    """One line of a listing: its number, the action's id, and how the listing named it."""

    number: int
    id: str
    interview: str
    what: str


class Wanted(NamedTuple):
    """An action as the user named it: by its id, or by a number of the last listing."""

    id: str
    listed: Listed | None = None

    def named(self) -> str:
        """The action as a message names it: the number says which one the user meant."""
        if self.listed is None:
            return repr(self.id)
        return f"{self.listed.number} in the last {_DUE} listing ({self.listed.what}, {self.id})"


def listing_path(database: Path) -> Path:
    """``<database>.due-listing.json`` beside the file the database really is (through a link),
    where its backup and lock live too."""
    return beside_path(database, LISTING)


def is_number(text: str) -> bool:
    # An action id always holds a slash (interview/kind/...), so digits alone are a number.
    return text.isascii() and text.isdigit()


def save_listing(database: Path, listed: Sequence[Listed], at: datetime) -> None:
    """Keep ``listed`` as the last listing of ``database``, replacing the one before in one
    step. Raises UserError when it cannot be written."""
    write_beside(
        listing_path(database),
        {
            "format": FORMAT,
            "listed_at": at.isoformat(),
            "actions": [
                {"number": e.number, "id": e.id, "interview": e.interview, "what": e.what}
                for e in listed
            ],
        },
    )


def forget_listing(database: Path) -> bool:
    """Remove the last listing, so that its numbers mean nothing; whether none is left."""
    try:
        listing_path(database).unlink(missing_ok=True)
    except OSError:
        return False
    return True


def load_listing(database: Path) -> list[Listed] | None:
    """The last listing of ``database``; None when there is none. Raises UserError when it
    cannot be read."""
    path = listing_path(database)
    not_ours = (
        f"the last {_DUE} listing {path} is not one followup wrote: run {_DUE} again "
        "(the file is safe to delete)"
    )
    return load_beside(path, FORMAT, "listing", _MAX_BYTES, _read, not_ours=not_ours)


def resolve(database: Path, typed: Sequence[str]) -> list[Wanted]:
    """What each of ``typed`` names: an id as it is, a number through the last listing.

    Raises UserError for a number when there is no listing or the number was not in it.
    """
    if not any(is_number(text) for text in typed):
        return [Wanted(text) for text in typed]
    listing = load_listing(database)
    if listing is None:
        raise UserError(
            f"{next(t for t in typed if is_number(t))} stands for an action of the last {_DUE} "
            f"listing, and {database} has none yet: run {_DUE} to number the actions"
        )
    by_number = {e.number: e for e in listing}
    wanted = []
    for text in typed:
        if not is_number(text):
            wanted.append(Wanted(text))
            continue
        entry = by_number.get(int(text))
        if entry is None:
            numbers = f"1 to {len(listing)}" if listing else "no action"
            raise UserError(
                f"there is no {text} in the last {_DUE} listing (it numbered {numbers}): "
                f"run {_DUE} again"
            )
        wanted.append(Wanted(entry.id, entry))
    return wanted


def not_open(wanted: Wanted, pipeline: Pipeline, now: datetime) -> UserError:
    """Why ``wanted`` is not among the open actions at ``now``, as well as the database says."""
    from app.when.describe import to_the_minute

    why = why_closed(wanted, pipeline)
    if wanted.listed is None and why is None:
        return UserError(
            f"no open action has the id {wanted.named()} at {to_the_minute(now)} (see {_DUE})"
        )
    if why is None:
        return UserError(f"{wanted.named()} is no longer open at {to_the_minute(now)}")
    return UserError(f"{wanted.named()} is no longer open: {why}")


def why_closed(
    wanted: Wanted, pipeline: Pipeline, said_at: Callable[[datetime], str] | None = None
) -> str | None:
    """What the database says happened to the action: sent, skipped, snoozed, its interview
    closed or gone; None when it cannot tell (such as an id that was never an action's).
    ``said_at`` says when it was sent or skipped: "on 2026-11-30T11:00+00:00" by default."""
    from app.domain.records import EventKind, Stage
    from app.when.describe import to_the_minute

    said_at = said_at or (lambda moment: f"on {to_the_minute(moment)}")

    interview = _interview_of(wanted, pipeline)
    if interview is None:
        if wanted.listed is None:
            return None
        return f"its interview {wanted.listed.interview!r} is no longer in the database"
    said = {EventKind.SENT: "it was sent", EventKind.SKIP: "it was skipped"}
    about = [
        e
        for e in interview.events
        if e.action_id == wanted.id and e.kind in (*said, EventKind.SNOOZE)
    ]
    if about:
        last = about[-1]
        if last.kind is EventKind.SNOOZE:
            until = f" until {said_at(last.until).removeprefix('on ')}" if last.until else ""
            return f"it was snoozed{until}"
        return f"{said[last.kind]} {said_at(last.at)}"
    if interview.stage is Stage.CLOSED:
        outcome = f" ({interview.outcome.value.replace('_', ' ')})" if interview.outcome else ""
        return f"the interview with {interview.company} is closed{outcome}"
    return None


def _interview_of(wanted: Wanted, pipeline: Pipeline) -> Interview | None:
    if wanted.listed is not None:
        return next((i for i in pipeline.interviews if i.id == wanted.listed.interview), None)
    # An id starts with its interview's id and a slash (app.engine.action.action_id).
    return next((i for i in pipeline.interviews if wanted.id.startswith(f"{i.id}/")), None)


def _read(document: dict[str, Any]) -> list[Listed] | None:
    entries = document.get("actions")
    if not isinstance(entries, list):
        return None
    listed = []
    for entry in entries:
        if not isinstance(entry, dict):
            return None
        number, action_id = entry.get("number"), entry.get("id")
        interview, what = entry.get("interview"), entry.get("what")
        if not (
            isinstance(number, int)
            and not isinstance(number, bool)
            and all(isinstance(v, str) for v in (action_id, interview, what))
        ):
            return None
        listed.append(Listed(number, str(action_id), str(interview), str(what)))
    return listed

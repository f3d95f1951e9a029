"""The command line's door to the database. Each method is one read, or one change made under
the lock to the file as it is now, so that a command never writes over what another followup
wrote meanwhile; the storage behind it is nobody else's business."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import UserError
from app.lazy import on_first_use

if TYPE_CHECKING:
    from app.domain.interchange import Pipeline
    from app.domain.records import Interview, Profile
    from app.engine import Action
    from app.services.listing import Wanted
    from app.services.open_actions import OpenActions
    from app.store.repository import ImportReport, InterviewsExist, Repository
    from app.store.restore import Backup

__all__ = ["Backup", "ChangeAction", "ImportReport", "InterviewsExist", "Records"]

ChangeAction = Callable[["Interview", "Action"], "Interview"]


# Imported on first use: ``due`` on an unchanged file never reads the records.
__getattr__ = on_first_use(
    __name__,
    {
        "ImportReport": "app.store.repository",
        "InterviewsExist": "app.store.repository",
        "Backup": "app.store.restore",
    },
)


class Records:
    def __init__(self, path: Path, *, default_zone: str) -> None:
        self._path = path
        self._default_zone = default_zone
        self._restored = False

    @property
    def wrote(self) -> bool:
        """Whether anything was written to the database through these records."""
        repo = self.__dict__.get("_repo")
        return self._restored or (repo is not None and repo.writes > 0)

    @cached_property
    def _repo(self) -> Repository:
        from app.store.repository import Repository

        return Repository(self._path, default_zone=self._default_zone)

    @property
    def path(self) -> Path:
        return self._path

    def load(self, *, texts: bool = False) -> Pipeline:
        """The records; the texts of sent messages only with ``texts`` (``Repository.load``)."""
        return self._repo.load(texts=texts)

    def open_actions(self, now: datetime) -> OpenActions:
        """Every open action at ``now``, given again from what was worked out last time for
        as much of the file as is unchanged (``open_actions``)."""
        from app.services.open_actions import open_actions

        return open_actions(self._path, self._default_zone, now, lambda: self._repo)

    def load_profile(self) -> Profile:
        """Only the profile: cheap enough to check a file before anything else is done."""
        return self._repo.load_profile()

    def update(self, change: Callable[[Pipeline], Pipeline]) -> Pipeline:
        return self._repo.update(change)

    def change_interview(
        self, interview_id: str, change: Callable[[Interview], Interview]
    ) -> Interview:
        if not self.path.exists():
            # Refused before the lock: a change to no database writes nothing, no lock file
            # and no folder for it either.
            from app.store.repository import UnknownInterview

            raise UnknownInterview(interview_id, self.path)
        return self._repo.change_interview(interview_id, change)

    def import_pipeline(self, incoming: Pipeline, *, replace: bool) -> ImportReport:
        """All of ``incoming`` or nothing; raises ``InterviewsExist`` on an id already there
        unless ``replace``."""
        return self._repo.import_pipeline(incoming, replace=replace)

    def change_actions(
        self, wanted: Sequence[Wanted], change: ChangeAction, now: datetime
    ) -> list[Action]:
        """Find the open actions on the file as it is now and change their interview with
        each, in order, in one write; several must go to one person (one message does them).
        One that is not open is refused, saying why where the file tells."""
        # Here rather than at the top: `due` and `export` need no drafting to start.
        from app.domain.copies import replace
        from app.drafts.combine import CombineError, check_one_person
        from app.engine import compute_actions
        from app.services.listing import not_open

        found: list[Action] = []

        def apply(pipeline: Pipeline) -> Pipeline:
            actions = {a.id: a for a in compute_actions(pipeline.interviews, pipeline.policy, now)}
            chosen = []
            for one in wanted:
                action = actions.get(one.id)
                if action is None:
                    raise not_open(one, pipeline, now)
                chosen.append(action)
            try:
                check_one_person(chosen)
            except CombineError as problem:
                raise UserError(str(problem)) from None
            found[:] = chosen
            return replace(
                pipeline,
                interviews=tuple(_changed(i, chosen, change) for i in pipeline.interviews),
            )

        if not self.path.exists():
            from app.domain.interchange import Pipeline

            apply(Pipeline())  # nothing is open in no database: refused before the lock
        self._repo.update(apply)
        return found

    def fill_with_samples(self, sample: Pipeline, samples: Collection[str]) -> Pipeline:
        """``sample`` in place of earlier samples (the ids in ``samples``); refused where the
        file holds interviews of the user's own, and a profile already filled in stays."""
        from app.domain.copies import replace
        from app.store.repository import merge, merge_profile

        path = self.path

        def fill(current: Pipeline) -> Pipeline:
            theirs = [i.id for i in current.interviews if i.id not in samples]
            if theirs:
                # Never mix sample data into someone's real search.
                raise UserError(
                    f"{path} already holds {len(theirs)} interview"
                    f'{"" if len(theirs) == 1 else "s"} of your own (such as "{theirs[0]}"); '
                    "the demo fills only an empty database: pick another with --db"
                )
            merged, _ = merge(current, sample, replace=True, path=path)
            profile, _ = merge_profile(current.profile, sample.profile, replace_all=False)
            return replace(merged, profile=profile)

        return self._repo.update(fill, texts=True)

    def backups(self) -> list[Backup]:
        """The previous version, then copies kept by earlier restores, readable ones first."""
        from app.store.restore import list_backups

        return list_backups(self.path)

    def restore(self, backup: Backup, now: datetime) -> Path | None:
        """Put ``backup`` back; returns where the file it replaced is kept, if there was one."""
        from app.store.restore import restore

        kept = restore(self.path, backup, now)
        self._restored = True
        return kept


def _changed(interview: Interview, actions: list[Action], change: ChangeAction) -> Interview:
    for action in actions:
        if action.interview == interview.id:
            interview = change(interview, action)
    return interview

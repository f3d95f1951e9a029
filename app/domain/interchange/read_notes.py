"""The notes of an interview read from a file: my own notes, and the open questions, each a
plain string (as older files have them: a question with no answer yet) or
``{question, answer, asked_by}``."""

from __future__ import annotations

from collections.abc import Collection

from app.domain.interchange.read_events import _Events
from app.domain.interchange.read_fields import _show
from app.domain.interchange.schema import MAX_TEXT, NOTES_KEYS
from app.domain.records import Notes, OpenQuestion

QUESTION_KEYS = {"question", "answer", "asked_by"}


class _Notes(_Events):
    __slots__ = ()

    def notes(self, raw: object, path: str, contacts: Collection[str] = ()) -> Notes:
        if raw is None:
            return Notes()
        body = self.obj(raw, path)
        if body is None:
            return Notes()
        self.keys(body, path, set(NOTES_KEYS))
        where = f"{path}.open_questions"
        items = body.get("open_questions")
        questions = tuple(
            q
            for index, item in enumerate(
                [items] if isinstance(items, str) else self.array(items, where)
            )
            if (q := self.open_question(item, f"{where}[{index}]", contacts)) is not None
        )
        return Notes(
            discussed=self.text(body, "discussed", path),
            recap=self.texts(body, "recap", path),
            challenges=self.texts(body, "challenges", path),
            open_questions=questions,
            company_news=self.text(body, "company_news", path),
            impressions=self.text(body, "impressions", path),
        )

    def open_question(
        self, raw: object, path: str, contacts: Collection[str]
    ) -> OpenQuestion | None:
        if isinstance(raw, str):
            if len(raw) > MAX_TEXT:
                self.problems.add(path, f"text longer than {MAX_TEXT:,} characters")
                return None
            if self._has_control(raw, path):
                return None
            return OpenQuestion(raw) if raw.strip() else None
        body = self.obj(raw, path)
        if body is None:
            return None
        self.keys(body, path, QUESTION_KEYS)
        asked_by = self.ref(body, "asked_by", path)
        if asked_by is not None and asked_by not in contacts:
            self.problems.add(
                f"{path}.asked_by", f"not the id of a contact of this interview: {_show(asked_by)}"
            )
        return OpenQuestion(
            question=self.text(body, "question", path),
            answer=self.text(body, "answer", path),
            asked_by=asked_by,
        )

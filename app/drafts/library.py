"""Where templates come from: the built-in files of this package, each replaceable by a file of
the same name in the user's templates folder.

A template is named ``KIND.PART.txt``: ``thank_you.email.txt``, ``check_in.linkedin.txt``. The
parts are ``email`` (its first line is ``Subject: …``), ``linkedin``, ``phone`` (the call
script), ``voicemail``, ``letter`` and ``text``. A user's file that cannot be used is reported
with its path and line, and the built-in one is used instead: a typo never costs a draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from app.domain.records import ActionKind, Channel
from app.drafts.fields import LABELS
from app.drafts.template import Template, TemplateError
from app.engine.action import CONTACTING

KINDS: tuple[ActionKind, ...] = tuple(k for k in ActionKind if k in CONTACTING)
PARTS: dict[Channel, tuple[str, ...]] = {
    Channel.EMAIL: ("email",),
    Channel.LINKEDIN: ("linkedin",),
    Channel.PHONE: ("phone", "voicemail"),
    Channel.LETTER: ("letter",),
    Channel.TEXT: ("text",),
}
ALL_PARTS: tuple[str, ...] = tuple(part for parts in PARTS.values() for part in parts)
EMAIL_PART = "email"
MAX_BYTES = 100_000
_SUBJECT = re.compile(r"[ \t]*subject:(.*)", re.IGNORECASE)


def template_name(kind: ActionKind, part: str) -> str:
    return f"{kind.value}.{part}.txt"


_BY_KIND_AND_PART = {
    (kind, part): template_name(kind, part) for kind in KINDS for part in ALL_PARTS
}
TEMPLATE_NAMES: tuple[str, ...] = tuple(_BY_KIND_AND_PART.values())


@dataclass(frozen=True, slots=True)
class Loaded:
    body: Template
    subject: Template | None
    source: str
    """Where it came from: a user file's path, or "built-in"."""


def parse_template(text: str, source: str, *, email: bool) -> Loaded:
    """Parse a template file's text; raise ``TemplateError`` naming ``source`` and the line."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not email:
        return Loaded(Template.parse(text, source, LABELS), None, source)
    first, _, rest = text.partition("\n")
    heading = _SUBJECT.fullmatch(first)
    if heading is None:
        raise TemplateError(
            source, 1, 'an email template starts with its subject line: "Subject: …"'
        )
    subject = Template.parse(heading.group(1).strip(), source, LABELS)
    return Loaded(Template.parse(rest, source, LABELS, first_line=2), subject, source)


@cache
def builtin(name: str) -> Loaded:
    """A template shipped with followup; one that does not parse is a bug, so it raises."""
    if name not in TEMPLATE_NAMES:
        raise KeyError(name)
    text = resources.files("app.drafts").joinpath("templates", name).read_text(encoding="utf-8")
    return parse_template(text, f"built-in {name}", email=_is_email(name))


class Library:
    """The templates in use: the user's folder first, then the built-in ones.

    Each ``load`` reads the user's file, unless ``read_all`` has read them all into memory
    first: what an interface does before it shows anything, so that drafting never waits on
    the disk.
    """

    __slots__ = ("_read", "folder")

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._read: _Read | None = None

    def read_all(self) -> None:
        """Read every template now (blocking), and the folder's stray files; ``load`` and
        ``strays`` then answer from memory until the next ``read_all``."""
        fresh = Library(self.folder)
        # Swapped in whole: a thread drafting meanwhile sees the old set or the new one.
        self._read = _Read(
            {name: fresh.load(kind, part) for (kind, part), name in _BY_KIND_AND_PART.items()},
            fresh.strays(),
        )

    def load(self, kind: ActionKind, part: str) -> tuple[Loaded, list[str]]:
        """The template for ``kind`` and ``part``, and the problems met on the way."""
        name = template_name(kind, part)
        if self._read is not None:
            loaded, problems = self._read.templates[name]
            return loaded, list(problems)
        if self.folder is None:
            return builtin(name), []
        path = self.folder / name
        try:
            if not path.is_file():
                return builtin(name), []
            return _read_user(path, email=_is_email(name)), []
        except TemplateError as problem:
            return builtin(name), [f"{problem}; using the built-in template instead"]
        except OSError as problem:
            reason = problem.strerror or str(problem)
            return builtin(name), [f"{path}: {reason}; using the built-in template instead"]

    def strays(self) -> list[str]:
        """Files in the user's folder that look like templates but match no template name."""
        if self._read is not None:
            return list(self._read.strays)
        if self.folder is None:
            return []
        try:
            names = sorted(p.name for p in self.folder.iterdir() if p.suffix == ".txt")
        except OSError:
            return []
        known = set(TEMPLATE_NAMES)
        return [
            f"{self.folder / name}: not a template name (such as thank_you.email.txt), "
            "so it is not used"
            for name in names
            if name not in known and not name.startswith((".", "README", "readme"))
        ]


@dataclass(frozen=True, slots=True)
class _Read:
    templates: dict[str, tuple[Loaded, list[str]]]
    strays: list[str]


def _read_user(path: Path, *, email: bool) -> Loaded:
    from app.files import TooLarge, Unreadable, read_regular

    source = str(path)
    try:
        # Never more than a template's worth: a huge file or a device is read no further.
        data = read_regular(path, MAX_BYTES)
    except TooLarge:
        raise TemplateError(
            source, 1, f"larger than {MAX_BYTES // 1000} KB: not a template"
        ) from None
    except Unreadable as problem:
        raise TemplateError(source, 1, problem.problem) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        raise TemplateError(source, line, "not UTF-8 text") from None
    return parse_template(text, source, email=email)


def _is_email(name: str) -> bool:
    return name.split(".")[1] == EMAIL_PART

"""The template language of drafts: small on purpose, so that a user's file can do no harm.

``{name}`` is a value, ``{if name}`` … ``{else}`` … ``{end}`` keeps a passage only when a value
is there (or only when it is not), and ``{{`` / ``}}`` are literal braces. Nothing else exists:
a placeholder is looked up by its exact name in a table of strings, so no template can reach an
attribute, call anything or format a number (``str.format`` on a user's file would let
``{profile.__class__}`` walk the objects behind the values).

A block tag alone on its line takes the whole line with it, so that optional paragraphs leave no
blank lines behind. A value that is missing is rendered as its marked placeholder, such as
``[recap point]``, and reported, so that a draft never looks finished when it is not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

NAME = re.compile(r"[a-z][a-z0-9_]*")
# One line at a time: a brace pair never spans lines, which is how an unclosed brace is caught
# on the line where it was opened.
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|\{|\}")
_STANDALONE = re.compile(r"[ \t]*\{(if [^{}\n]*|else|end)\}[ \t]*\n?")
# A value that already ends a sentence swallows the full stop that follows it in the template.
_SENTENCE_END = (".", "!", "?", "…")


class TemplateError(ValueError):
    """A template that cannot be used, with the file and line that say where."""

    def __init__(self, source: str, line: int, message: str) -> None:
        self.source = source
        self.line = line
        self.message = message
        super().__init__(f"{source}, line {line}: {message}")


@dataclass(frozen=True, slots=True)
class _Text:
    text: str


@dataclass(frozen=True, slots=True)
class _Field:
    name: str


@dataclass(slots=True)
class _Block:
    name: str
    line: int
    then: list[_Node] = field(default_factory=list)
    otherwise: list[_Node] | None = None


_Node = _Text | _Field | _Block


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    placeholders: tuple[str, ...]
    """The marked placeholders left in ``text``, in order of first appearance."""


class Template:
    """A parsed template; ``parse`` checks everything, so rendering cannot fail."""

    __slots__ = ("_nodes", "source")

    def __init__(self, nodes: list[_Node], source: str) -> None:
        self._nodes = nodes
        self.source = source

    @classmethod
    def parse(
        cls, text: str, source: str, known: Mapping[str, str], *, first_line: int = 1
    ) -> Template:
        """Parse ``text``; ``known`` maps every placeholder name to its label.

        Raises ``TemplateError`` naming ``source`` and the line of the first problem.
        """
        root: list[_Node] = []
        stack: list[_Block] = []

        def here() -> list[_Node]:
            if not stack:
                return root
            top = stack[-1]
            return top.then if top.otherwise is None else top.otherwise

        def tag(inner: str, line: int) -> None:
            words = inner.split()
            if inner == "else":
                if not stack:
                    raise TemplateError(source, line, "{else} without an {if …} before it")
                if stack[-1].otherwise is not None:
                    raise TemplateError(source, line, "a second {else} in the same {if …}")
                stack[-1].otherwise = []
            elif inner == "end":
                if not stack:
                    raise TemplateError(source, line, "{end} without an {if …} before it")
                stack.pop()
            elif len(words) == 2 and words[0] == "if":
                name = _checked_name(words[1], source, line, known)
                block = _Block(name, line)
                here().append(block)
                stack.append(block)
            elif words and words[0] == "if":
                raise TemplateError(
                    source, line, f"{{{inner}}}: write {{if name}} with one placeholder name"
                )
            else:
                here().append(_Field(_checked_name(inner, source, line, known)))

        for offset, raw_line in enumerate(text.splitlines(keepends=True)):
            line = first_line + offset
            alone = _STANDALONE.fullmatch(raw_line)
            if alone:
                tag(alone.group(1).strip(), line)
                continue
            position = 0
            for match in _TOKEN.finditer(raw_line):
                if match.start() > position:
                    here().append(_Text(raw_line[position : match.start()]))
                position = match.end()
                token = match.group(0)
                if token == "{{":
                    here().append(_Text("{"))
                elif token == "}}":
                    here().append(_Text("}"))
                elif token == "{":
                    raise TemplateError(
                        source,
                        line,
                        "unbalanced brace: this '{' is not closed on its line "
                        "(write {{ for a brace in the text)",
                    )
                elif token == "}":
                    raise TemplateError(
                        source,
                        line,
                        "unbalanced brace: this '}' closes nothing (write }} for a brace in the "
                        "text)",
                    )
                else:
                    tag(match.group(1).strip(), line)
            if position < len(raw_line):
                here().append(_Text(raw_line[position:]))
        if stack:
            block = stack[-1]
            raise TemplateError(
                source, block.line, f"{{if {block.name}}} is never closed with {{end}}"
            )
        return cls(root, source)

    def names(self) -> set[str]:
        """Every placeholder name the template uses, in values or in conditions."""
        found: set[str] = set()

        def walk(nodes: list[_Node]) -> None:
            for node in nodes:
                if isinstance(node, _Field):
                    found.add(node.name)
                elif isinstance(node, _Block):
                    found.add(node.name)
                    walk(node.then)
                    walk(node.otherwise or [])

        walk(self._nodes)
        return found

    def render(self, values: Mapping[str, str], labels: Mapping[str, str]) -> Rendered:
        """Fill the template; a value that is empty or absent becomes ``[its label]``."""
        out: list[str] = []
        placeholders: list[str] = []
        swallow_stop = False

        def walk(nodes: list[_Node]) -> None:
            nonlocal swallow_stop
            for node in nodes:
                if isinstance(node, _Text):
                    text = node.text
                    if swallow_stop and text.startswith("."):
                        text = text[1:]
                    swallow_stop = False
                    out.append(text)
                elif isinstance(node, _Field):
                    value = values.get(node.name, "").strip()
                    if value:
                        out.append(value)
                        swallow_stop = value.endswith(_SENTENCE_END)
                    else:
                        marker = f"[{labels[node.name]}]"
                        if marker not in placeholders:
                            placeholders.append(marker)
                        out.append(marker)
                        swallow_stop = False
                else:
                    present = bool(values.get(node.name, "").strip())
                    walk(node.then if present else (node.otherwise or []))

        walk(self._nodes)
        return Rendered(tidy("".join(out)), tuple(placeholders))


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, no blank lines around the text."""
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if not line and (not kept or not kept[-1]):
            continue
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)


def _checked_name(word: str, source: str, line: int, known: Mapping[str, str]) -> str:
    if not NAME.fullmatch(word):
        raise TemplateError(
            source,
            line,
            f"{{{word}}} is not a placeholder: a placeholder is a name such as {{first_name}} "
            "(write {{ and }} for braces in the text)",
        )
    if word not in known:
        close = _close_to(word, known)
        hint = f" (did you mean {{{close}}}?)" if close else ""
        raise TemplateError(source, line, f"unknown placeholder {{{word}}}{hint}")
    return word


def _close_to(word: str, known: Mapping[str, str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(word, list(known), n=1)
    return matches[0] if matches else None

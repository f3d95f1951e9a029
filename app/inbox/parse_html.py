"""An HTML mail body reduced to the text a person reads in it: Outlook and the webmail clients
often send nothing else.

Tags go, scripts, styles and the head go with what is in them, and the blocks that a browser
shows on lines of their own (``<br>``, ``<p>``, ``<div>``, rows, list items) keep their line
breaks. A ``<blockquote>``, where Gmail and Apple Mail put the quoted history, has its lines
marked with ``>`` as a plain-text client would, so that the history is told apart the same way
in both."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript"})
_BLOCKS = frozenset(
    {
        "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "pre", "section", "article", "header", "footer", "dl", "dt", "dd",
    }
)  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def text_of_html(html: str) -> str:
    """The text of ``html``; the tags themselves stripped when the markup is too broken to
    read."""
    reader = _Reader()
    try:
        reader.feed(_unclosed_escaped(html))
        reader.close()
    except Exception:
        return _tidy(re.sub(r"<[^>]*>", " ", html))
    return _tidy(reader.text())


def _unclosed_escaped(html: str) -> str:
    """``html`` with each "<" that no ">" closes before the next "<" written as text: the
    standard parser looks for the end of each such tag to the end of the input, which takes
    hours on a megabyte of them."""
    pieces = html.split("<")
    return pieces[0] + "".join(("<" if ">" in piece else "&lt;") + piece for piece in pieces[1:])


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._line: list[str] = []
        self._hidden = 0
        self._quoted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            # A head left open by broken markup would otherwise hide the whole message.
            self._hidden = 0
        elif tag in _HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self._break()
        elif tag == "blockquote":
            self._break()
            self._quoted += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "blockquote":
            self._break()
            self._quoted = max(0, self._quoted - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        words = _SPACES.sub(" ", data)
        if not self._line:
            words = words.lstrip()
            if words and self._quoted:
                words = "> " * self._quoted + words
        if words:
            self._line.append(words)

    def _break(self) -> None:
        self._lines.append("".join(self._line).rstrip())
        self._line = []

    def text(self) -> str:
        self._break()
        return "\n".join(self._lines)


def _tidy(text: str) -> str:
    """At most one blank line in a row, none at either end."""
    lines = (line.rstrip() for line in text.replace("\u00a0", " ").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")

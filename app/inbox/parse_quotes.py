"""The start of what the writer of a message wrote, without the history their client quoted
below it or their signature: what a proposal shows as the message's first lines.

The history starts at a Gmail or Apple Mail attribution ("On Tue, 8 Dec 2026 at 14:03, Jane
Doe <jane@acme.example> wrote:", which clients wrap onto two lines when it is long, or its
German "Am … schrieb Jane Doe <…>:" and the like), at
Outlook's "-----Original Message-----" or its header block ("From: …" followed within a few
lines by "Sent: …" or "Date: …"), or at a line of underscores that Outlook draws above that
block. A line quoted with ">" is left out wherever it is, since a reply written between quoted
lines goes on after them. The signature starts at the "-- " line (or "--", as clients that strip
trailing spaces leave it), or at a mobile client's "Sent from my …"."""

from __future__ import annotations

import re

MAX_FIRST_LINES = 300

_ATTRIBUTION = re.compile(
    r"^(on|le|am|el|em|il|op|den|på)\s.*"
    r"(wrote|a écrit|schrieb|escribió|escreveu|ha scritto|scritto|schreef|skrev)(\s*:?|\s.*:)$",
    re.IGNORECASE,
)
_ATTRIBUTION_START = re.compile(r"^(on|le|am|el|em|il|op|den|på)\s", re.IGNORECASE)
_ORIGINAL = re.compile(r"^-{2,}\s*(original message|forwarded message|message d'origine)",
                       re.IGNORECASE)  # fmt: skip
_RULE = re.compile(r"^_{10,}$")
_HEADER_FROM = re.compile(r"^\*?(from|von|de|van)\s*:\*?\s", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\*?(sent|date|gesendet|envoyé|enviado|to|subject)\s*:", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(--|sent from my .*|get outlook for .*)$", re.IGNORECASE)


def first_lines(text: str, limit: int = MAX_FIRST_LINES) -> str:
    """The first non-empty lines that the writer of ``text`` wrote, at most ``limit``
    characters, one line break between them."""
    lines = text.split("\n")
    kept: list[str] = []
    size = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if _ends_own_text(stripped, lines, index):
            break
        if not stripped or stripped.startswith(">"):
            continue
        kept.append(stripped)
        size += len(stripped) + 1
        if size > limit:
            break
    joined = "\n".join(kept)
    if len(joined) > limit:
        return joined[: limit - 1].rstrip() + "…"
    return joined


def _ends_own_text(line: str, lines: list[str], index: int) -> bool:
    if _SIGNATURE.match(line) or _ORIGINAL.match(line) or _ATTRIBUTION.match(line):
        return True
    if _ATTRIBUTION_START.match(line) and index + 1 < len(lines):
        joined = f"{line} {lines[index + 1].strip()}"
        if _ATTRIBUTION.match(joined) and len(joined) < 300:
            return True
    following = [later.strip() for later in lines[index + 1 : index + 5]]
    if _RULE.match(line):
        return any(_HEADER_FROM.match(later) for later in following)
    if _HEADER_FROM.match(line):
        return any(_HEADER_NEXT.match(later) for later in following)
    return False

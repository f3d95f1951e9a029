"""Notes as they are jotted ("handoff sales->CS is messy", "feedback early next wk") against
notes a reader may be shown.

A note is written for the user, fast: shorthand, arrows, question marks, a verdict. A message
carries a note only once it reads as written English; the few abbreviations that have one
meaning are spelled out first, and a note with anything else of the kind is left out of the
message (or, where the message cannot do without it, left to the user to say).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Shorthand with one meaning, as a message spells it.
_SPELLED = {
    "w/": "with", "w/o": "without", "b/c": "because", "abt": "about", "re": "about",
    "re:": "about", "refs": "references", "ref": "reference", "ppl": "people",
    "yr": "year", "yrs": "years", "wk": "week", "wks": "weeks", "mgr": "manager",
    "mgmt": "management", "approx": "about", "thru": "through", "tmrw": "tomorrow",
}  # fmt: skip


# The patterns are compiled when a note is first read: every command's start would pay for them.
@cache
def _shorthand() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(_SPELLED, key=len, reverse=True))
    return re.compile(rf"(?<![\w/'’-])(?:{words})(?![\w/'’-])", re.IGNORECASE)


@cache
def _intro() -> re.Pattern[str]:
    return re.compile(r"\bintro(?=\s+(?:me|us|you|him|her|them)\b)", re.IGNORECASE)


@cache
def _with_glued() -> re.Pattern[str]:
    return re.compile(r"(?<![\w/])(w/o?)(?=\w)", re.IGNORECASE)  # "w/Sam"


@cache
def _marks() -> re.Pattern[str]:
    """What a reader should never be shown: the user's verdicts, doubts and marks."""
    return re.compile(
        r"->|=>|<-|[→⇒←~?!]|(?<!\w)[<>]\s*\d|#s\b|#\s+of\b|[:;]-?[()/DPp](?!\w)"
        r"|(?<![\w'’-])(?:lol|imo|imho|tbh|fyi|btw|thx|pls|plz|meh|ugh|yikes|ppl|avg|tbd|tbc"
        r"|mo|mos|r|u|ur|v|awful|terrible|toxic|sketchy|shady|dodgy|nightmare|sucks"
        r"|red\s+flag|small\s+talk|not\s+impressed)(?![\w'’-])",
    )


@cache
def _run_on() -> re.Pattern[str]:
    """A sentence run on without its capital ("migration to AWS. she's lead on it"), not
    after an abbreviation ("e.g. the roadmap")."""
    return re.compile(r"(?<=\w)(?<![A-Za-z]\.[A-Za-z])(?<!\bvs)(?<!\betc)(?<!\bapprox)\.\s+[a-z]")


def spelled_out(text: str) -> str:
    """``text`` with its one-meaning shorthand spelled out: "call w/ Sam re the offer" is
    "call with Sam about the offer"."""
    text = _intro().sub("introduce", _with_glued().sub(r"\1 ", text))
    return _shorthand().sub(_spelled, text)


def _spelled(found: re.Match[str]) -> str:
    word = _SPELLED[found.group(0).casefold()]
    return word.capitalize() if found.group(0)[0].isupper() else word


def jotted(text: str) -> bool:
    """Whether ``text`` still reads as a note to oneself: an arrow, a question or exclamation
    mark, an emoticon or emoji, shorthand, a verdict ("lol", "red flag"), a sentence run on."""
    return bool(_marks().search(text) or _run_on().search(text) or _has_emoji(text))


def without_emoji(text: str) -> str:
    """``text`` without its pictures ("Series B 🎉" is "Series B")."""
    if text.isascii():
        return text
    kept = "".join(ch for ch in text if not _is_emoji(ch))
    return " ".join(kept.split())


def _has_emoji(text: str) -> bool:
    return not text.isascii() and any(_is_emoji(ch) for ch in text)


def _is_emoji(ch: str) -> bool:
    # Pictographs are "other symbols"; the joiner and the variation selector glue them.
    return unicodedata.category(ch) == "So" or ch in "\u200d\ufe0f"

"""Notes as they are jotted ("handoff sales->CS is messy", "feedback early next wk") against
notes a reader may be shown.

A note is written for the user, fast: shorthand, arrows, question marks, a verdict. A message
carries a note only once it reads as written English; the few abbreviations that have one
meaning are spelled out first, and a note with anything else of the kind is left out of the
message (or, where the message cannot do without it, left to the user to say).

Both sides are narrow on purpose: a name, a product or a figure ("AWS re:Invent", "Yahoo!",
"<50ms", "360°", "https://…") is the reader's own language and goes through as written.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# Shorthand with one meaning, as a message spells it: written in lower case (a capital makes
# it a name, "the Refs Summit", "ABT"), save as the note's first word ("Refs to Mei").
_SPELLED = {
    "w/": "with", "w/o": "without", "b/c": "because", "abt": "about", "re": "about",
    "re:": "about", "refs": "references", "ref": "reference", "ppl": "people",
    "yr": "year", "yrs": "years", "wk": "week", "wks": "weeks", "mgr": "manager",
    "mgmt": "management", "approx.": "roughly", "approx": "roughly", "tmrw": "tomorrow",
    "avg": "average", "dept": "department", "depts": "departments", "govt": "government",
}  # fmt: skip
# Before a figure: "~30%" is roughly 30% ("a roughly 10% lift"), "<50ms" under 50 ms.
_ROUGHLY = {"~": "roughly ", "<": "under ", ">": "over "}
# Verbs a promise may lead with whose object is a person: "intro me to the team lead".
_INTRODUCE = frozenset(["me", "us", "you", "him", "her", "them"])
_NOT_A_VERB_AFTER = frozenset(
    ["the", "a", "an", "my", "your", "her", "his", "our", "their", "its", "this", "that"]
)


# The patterns are compiled when a note is first read: every command's start would pay for them.
@cache
def _shorthand() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(_SPELLED, key=len, reverse=True))
    return re.compile(rf"(?<![\w/'’:-])(?:{words})(?![\w/'’:-])", re.IGNORECASE)


@cache
def _roughly() -> re.Pattern[str]:
    return re.compile(r"(?<![\w<>~=-])([~<>])\s*(?=[$£€]?\d)")


@cache
def _intro() -> re.Pattern[str]:
    return re.compile(r"\b(\w+\s+)?intro(?=\s+(\w+)\b)", re.IGNORECASE)


@cache
def _with_glued() -> re.Pattern[str]:
    # "w/Sam", "w/o a doubt"; not "w/c 14 Dec"
    return re.compile(r"(?<![\w/])(w/o(?=\w)|w/(?!o\b)(?![ce]\b)(?=\w))")


@cache
def _marks() -> re.Pattern[str]:
    """What a reader should never be shown: the user's arrows, doubts and verdicts."""
    return re.compile(
        r"->|=>|<-|[→⇒←]|\?|!!|[:;]-?[()](?!\w)|(?<!\w)[:;]-?[/DPp](?![\w/])|#s\b|#\s+of\b"
        r"|~|(?<!\w)[<>]\s*\d"
        r"|(?<![\w'’-])(?:lol|imo|imho|tbh|fyi|btw|thx|pls|plz|meh|ugh|yikes|ppl|tbd|tbc"
        r"|TBD|TBC|TODO|todo|NB|hmm+|dunno|idk|haha+|lmao|xx+|mo|mos|r|u|ur|awful|sketchy"
        r"|shady|dodgy|sucks|not\s+impressed)(?![\w'’/-])"
        r"|(?<![\w&])#[A-Za-z]\w*|(?:\.\.\.|…)\s*(?:\w+\s*)?$",
    )


@cache
def _run_on() -> re.Pattern[str]:
    """A sentence run on without its capital ("migration to AWS. she's lead on it"): a full
    stop after a word that is no abbreviation, then a word all in small letters."""
    return re.compile(r"\b(\w+)\.\s+[a-z][a-z'’]*(?=[\s,;:]|$)")


# Words a full stop ends without ending the sentence: "Acme Corp. to Initech".
_ABBREVIATIONS = frozenset(
    ["corp", "inc", "ltd", "co", "sc", "ba", "ma", "bsc", "msc", "phd", "dr", "mr", "mrs", "ms",
     "st", "jr", "sr", "no", "vs", "etc", "approx", "dept", "intl", "bros", "e.g", "i.e", "g",
     "e", "am", "pm", "p", "pp", "vol", "fig", "est", "mt", "ave", "rd", "jan", "feb", "mar",
     "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)  # fmt: skip
# Quoted words are someone's title or saying ("the “Why now?” campaign"): not the user's.
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’|(?<!\w)'[^']+'(?!\w)")


# Kept per text: every draft on screen reads the same few notes again, at each key.
@lru_cache(maxsize=4096)
def spelled_out(text: str) -> str:
    """``text`` with its one-meaning shorthand spelled out: "call w/ Sam re the offer" is
    "call with Sam about the offer", "~30%" roughly 30%."""
    # A picture goes ("the roadmap 🚀"): the words say what the note says.
    text = _with_glued().sub(r"\1 ", without_emoji(text))
    text = _intro().sub(_introduce, text)
    text = _roughly().sub(lambda m: _ROUGHLY[m.group(1)], text)
    # "HACCP + the allergen matrix": a plus between words is "and" ("C++", "2 + 2" stay).
    text = _PLUS.sub(" and ", text)
    return _shorthand().sub(_spelled, text)


_PLUS = re.compile(r"(?<=[^\W\d_]) \+ (?=[^\W\d_])")


def _spelled(found: re.Match[str]) -> str:
    said = found.group(0)
    if not said.islower() and not (found.start() == 0 and said[1:].islower()):
        return said  # "the Refs Summit", "ABT": a name
    word = _SPELLED[said.casefold()]
    return word.capitalize() if said[0].isupper() else word


def _introduce(found: re.Match[str]) -> str:
    before = found.group(1) or ""
    if found.group(2).casefold() not in _INTRODUCE:
        return found.group(0)
    if before.strip().casefold() in _NOT_A_VERB_AFTER:
        return found.group(0)  # "the intro her manager gave": a thing
    return f"{before}introduce"


@lru_cache(maxsize=4096)
def jotted(text: str) -> bool:
    """Whether ``text`` still reads as a note to oneself: an arrow, a question mark, a
    doubled exclamation, an emoticon or emoji, shorthand, a verdict ("lol")."""
    said = _QUOTED.sub("", text)
    return bool(_marks().search(said) or _has_emoji(said))


def runs_on(text: str) -> bool:
    """Whether ``text`` runs a sentence on without its capital ("migration to AWS. she's
    lead on it"): as a point to name in a sentence, a note of two thoughts jotted down."""
    return _runs_on(_QUOTED.sub("", text))


def _runs_on(text: str) -> bool:
    # A single letter is an initial ("U.S. expansion").
    return any(
        len(found.group(1)) > 1 and found.group(1).casefold() not in _ABBREVIATIONS
        for found in _run_on().finditer(text)
    )


def without_emoji(text: str) -> str:
    """``text`` without its pictures ("Series B 🎉" is "Series B")."""
    if text.isascii():
        return text
    kept = "".join(ch for ch in text if not _is_emoji(ch))
    return " ".join(kept.split())


def _has_emoji(text: str) -> bool:
    return not text.isascii() and any(_is_emoji(ch) for ch in text)


def _is_emoji(ch: str) -> bool:
    # The pictographs' blocks, and the joiner and variation selector that glue them; not the
    # symbols of ordinary writing ("360°", "Salesforce®", "→" is an arrow, said above).
    point = ord(ch)
    return (
        0x1F000 <= point <= 0x1FAFF
        or (0x2600 <= point <= 0x27BF and point not in (0x2605, 0x2606))  # "4.8★"
        or 0x2B00 <= point <= 0x2BFF
        or ch in "\u200d\ufe0f"
    )

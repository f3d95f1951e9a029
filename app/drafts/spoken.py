"""Days, deadlines and people said the way a person writes them in a note.

English names are spelled out here rather than taken from ``strftime``, so that a draft reads the
same whatever the machine's locale.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from app.engine.describe import (
    DETERMINERS,
    POSSESSIVE,
    bare_verb,
    leads_with_verb,
    lowered,
    without_asides,
    without_inner_time,
    without_my_lead,
    without_when,
)
from app.engine.jotted import spelled_out

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_HONORIFICS = frozenset(
    {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "rev", "revd",
     "fr", "father", "rabbi", "imam", "pastor", "sister", "sr", "cllr", "councillor", "sgt",
     "sergeant", "judge", "capt", "captain", "col", "colonel", "maj", "major", "lt",
     "lieutenant", "cdr", "commander", "insp", "inspector", "supt", "canon", "bishop"}
)  # fmt: skip


def day_phrase(day: date, today: date) -> str:
    """``today``, ``yesterday``, ``on Monday`` (earlier this week), ``last Thursday`` (in the
    week before), then ``on Thursday 3 December``: a weekday alone only where it cannot be read
    as another week's. It reads after "Thank you for your time …" and "as I promised …" alike.
    """
    ago = (today - day).days
    if ago == 0:
        return "today"
    if ago == 1:
        return "yesterday"
    if ago == -1:
        return "tomorrow"
    weekday = WEEKDAYS[day.weekday()]
    if 0 < ago <= 6:
        return f"on {weekday}" if _week(day) == _week(today) else f"last {weekday}"
    if -6 <= ago < 0 and _week(day) == _week(today):
        return f"on {weekday}"
    return dated_day_phrase(day, today)


def dated_day_phrase(day: date, today: date) -> str:
    """A day said by its date, for a letter read days after it is written: ``on Wednesday 18
    November``."""
    return f"on {WEEKDAYS[day.weekday()]} {date_phrase(day, today)}"


def timeline_phrase(day: date, today: date) -> str:
    """When the employer said it would decide, to follow "you were hoping to decide …", said
    by its date so that it reads true whenever the note is read: ``by Tuesday 1 December``."""
    return deadline_phrase(day, today)


def promised_phrase(day: date, today: date) -> str:
    """By when someone said they would do something, to follow "you would …": a deadline with
    its date, since "you would introduce me yesterday" reads as when it was to happen."""
    return deadline_phrase(day, today)


def deadline_phrase(day: date, today: date) -> str:
    """A deadline I must meet, said with its date so that nobody can misread it:
    ``by Friday 27 November``."""
    return f"by {WEEKDAYS[day.weekday()]} {date_phrase(day, today)}"


def date_phrase(day: date, today: date) -> str:
    """``3 November``, with the year only when it is not this year's."""
    return f"{day.day} {MONTHS[day.month - 1]}{_year(day, today)}"


def full_date(day: date) -> str:
    """``20 November 2026``, as a letter is dated."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def first_name(name: str) -> str:
    """What a note says after "Hi": the first name, or "Dr Okafor" where a title leads."""
    # What follows a comma is a credential ("Jane Doe, PhD"): never a greeting.
    words = name.partition(",")[0].split() or name.replace(",", " ").split()
    if not words:
        return ""
    called = _CALLED.search(name.partition(",")[0])
    if called is not None and len(words) > 2:
        return called[1]  # "Rajesh “Raj” Patel", "Robert (Bob) Smith": what they go by
    if words[0].casefold() == "the" and len(words) > 1:
        words = words[1:]  # "The Hiring Team"
    if words[-1].casefold().rstrip(".") in _TEAMS or [w.casefold() for w in words] == [
        "hiring",
        "manager",
    ]:
        # A shared mailbox: "Dear Hiring Team", "Dear HR team", never "Dear Certificated".
        return " ".join(words) if len(words) > 1 else f"{words[0]} team"
    title = words[0].lower().rstrip(".")
    if len(words) > 1 and title in _BY_GIVEN_NAME:
        return f"{words[0]} {words[1]}"  # "Sir Ian", "Dame Judi"
    if len(words) > 1 and title in _HONORIFICS:
        return f"{words[0]} {_surname(words[1:])}"
    if len(words) > 2 and f"{words[0]} {words[1]}".casefold() in _TWO_GIVEN_NAMES:
        return f"{words[0]} {words[1]}"  # "María José García López" is María José
    return words[0]


def _surname(words: list[str]) -> str:
    """The surname at the end of ``words``, with the particles that begin it ("Ó Briain",
    "de la Cruz")."""
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES | _GAELIC:
        start -= 1
    return " ".join(words[start:])


# A name someone goes by, quoted or in brackets after the given name.
_CALLED = re.compile(r"(?<!\S)[\"“'‘(]([A-Z][\w-]*)[\"”'’)](?!\S)")
# The last word of a shared mailbox's name.
_TEAMS = frozenset(
    {"team", "teams", "department", "dept", "office", "recruitment", "recruiting", "careers",
     "talent", "admissions", "hiring", "desk", "hr", "resourcing", "personnel", "panel",
     "committee"}
)  # fmt: skip
_GAELIC = frozenset({"ó", "ní", "nic", "mac", "ua", "uí", "o'"})


# Given names of two words, said together ("Dear María José"); only before a surname.
_TWO_GIVEN_NAMES = frozenset(
    ["maría josé", "maria jose", "josé luis", "jose luis", "juan carlos", "josé antonio",
     "jose antonio", "josé maría", "jose maria", "ana maría", "ana maria", "maría jesús",
     "maria jesus", "juan pablo", "maría teresa", "maria teresa", "luis miguel", "miguel ángel",
     "miguel angel", "juan manuel", "maría luisa", "maria luisa", "mary ann", "mary jane",
     "anne marie", "jean pierre", "jean paul", "jean marc", "marie claire", "marie france",
     "ana paula", "ana carolina", "maria eduarda", "joão pedro", "joao pedro", "maria clara"]
)  # fmt: skip


# Titles said with the given name rather than the surname.
_BY_GIVEN_NAME = frozenset({"sir", "dame"})
# Words that begin a surname ("de la Cruz", "van der Berg"): one kept as a directory lists it,
# "de la Cruz, Ana", is still one surname before its comma.
_PARTICLES = frozenset(
    {"de", "la", "le", "du", "des", "del", "della", "di", "da", "das", "dos", "van", "von",
     "der", "den", "ter", "ten", "bin", "ibn", "al", "el", "st", "st."}
)  # fmt: skip


def as_written(name: str) -> str:
    """A person's name as a letter writes it, however it was kept: "Smith, John" (as a
    directory lists it) is "John Smith"; "JOHN SMITH" and "john smith" are "John Smith". After
    a comma that follows a whole name ("Jane Doe, Ph.D.", "Bob Stone, CFA") is a credential, kept
    where it is."""
    name = " ".join(name.split())
    last, comma, given = name.partition(",")
    # Only a surname alone before the comma, and a given name or two after it.
    after, surname = given.split(), last.split()
    one_surname = len(surname) == 1 or all(w.lower() in _PARTICLES for w in surname[:-1])
    if comma and one_surname and 1 <= len(after) <= 2 and all(map(_given, after)):
        name = f"{given.strip()} {last.strip()}"
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 1 and (name == name.upper() or name == name.lower()):
        name = name.title()
    return name


def _given(word: str) -> bool:
    """Whether ``word`` can be a given name: no initials' dots, not written in capitals (as
    CFA or PMP are)."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return letters.isalpha() and not (word.isupper() and len(word) > 1)


def untitled(name: str) -> str:
    """A name without the titles that lead it, as one says one's own: "Dr. Owen Pryce-Williams"
    is "Owen Pryce-Williams"."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def given_name(name: str) -> str:
    """The first name, whatever title leads it: "Dr. Anne-Marie O'Neil" -> "Anne-Marie"."""
    return untitled(name).partition(" ")[0]


def names_list(names: Sequence[str]) -> str:
    """``Daniel``, ``Daniel and Inês``, ``Daniel, Inês and Tom``."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {item.strip()}" for item in items if item.strip())


def promise_phrase(what: str, names: Sequence[str], *, to_reader: bool = True) -> str:
    """A promise as it reads after "I'm writing to …", told to the person it was made to
    (``to_reader``), however it was noted.

    "Send Lena the contact details" becomes "send you the contact details", and "Lena's team"
    becomes "your team", so that the note does not talk about its reader in the third person;
    so do "send her the deck" and "the pre-read she asked for". "I'll send …", "Will send …"
    and "Sending …" read as "send …", a thing alone ("the slide deck") as "send you the slide
    deck", and the time it was due by is left to the sentence around it.
    """
    text = without_my_lead(spelled_out(without_asides(" ".join(what.split()))).rstrip(".!"))
    text = without_when(text) or text
    for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        # "send priya the deck", typed in haste, names her too; "will", "grace" and the like
        # typed small are words, not the reader.
        flags = 0 if name.casefold() in _NAMES_THAT_ARE_WORDS else re.IGNORECASE
        pattern = re.compile(rf"\b{re.escape(name)}(?P<own>['’]s)?\b", flags)
        text = pattern.sub(lambda m: "your" if m.group("own") else "you", text)
    # "Ring you back": to call, said the British way.
    text = _RING.sub(r"call \1", text)
    # "Call Jane Friday" is "call you Friday": its time, once it follows "you", goes too.
    text = without_inner_time(without_when(text) or text)
    if to_reader:
        text = _to_reader(text)
    first, space, rest = text.partition(" ")
    verb = bare_verb(first)
    # "Sending the case study" is a deed; "Writing sample" and "Meeting notes" are things.
    if verb is not None and rest.split(" ", 1)[0].casefold() in (DETERMINERS | _OBJECTS):
        text = verb + space + rest
    # A verb leads ("Send …"); an acronym ("CV …") or "I" keeps its capital.
    text = lowered(text)
    if not leads_with_verb(text):
        # "References to Mei": sent to the reader, who is named once.
        text = re.sub(r"\s+to\s+you$", "", text) if to_reader else text
        thing = text if text.split(" ", 1)[0].casefold() in DETERMINERS else f"the {text}"
        text = f"send you {thing}" if to_reader else f"send {thing}"
    return text


# Given names that are also everyday words: matched in a note only as written, capital and all.
_NAMES_THAT_ARE_WORDS = frozenset(
    ["will", "grace", "hope", "may", "mark", "rose", "bill", "sue", "pat", "joy", "faith", "dawn",
     "summer", "june", "april", "jack", "frank", "art", "rob", "ray", "sandy", "amber", "ruby",
     "iris", "lily", "holly", "ivy", "jade", "penny", "sky", "guy", "chase", "drew", "miles",
     "max", "eve", "gay", "honey", "crystal", "harmony", "skip", "sunny", "rich", "pearl",
     "dean", "glen", "carol", "jean", "gene", "don", "earl", "hunter", "price", "page", "lane"]
)  # fmt: skip
_RING = re.compile(r"^ring\s+(you|back)\b", re.IGNORECASE)


def kept_in_writing(promise: str) -> str:
    """A promise as a written message keeps it, the message being that email ("I'm writing
    to email you" says it twice): "email you the deck" is "send you the deck", "… with my
    availability" "send you my availability", "… about the start date" "follow up on the start
    date", "… to confirm the date" "confirm the date"."""
    found = _BY_MESSAGE.match(promise)
    if found is None:
        return promise
    rest = promise[found.end() :]
    word, _, after = rest.partition(" ")
    low = word.casefold()
    if low in ("about", "regarding", "re") and after:
        return f"follow up on {after}"
    if low == "back" and not after:
        return "get back to you"
    if low == "to" and after and leads_with_verb(after):
        return after
    if low == "with" and after:
        return f"send you {after}"
    if low in DETERMINERS or low in ("copies", "details"):
        return f"send you {rest}"
    return promise


# Only before a thing sent ("email you the deck"), never "email you about …" or "text you
# when I land", which are the message itself.
_BY_MESSAGE = re.compile(r"^(?:email|e-mail|text|message|dm|whatsapp)\s+you\s+", re.IGNORECASE)


_OBJECTS = frozenset(["you", "it", "them", "him", "her", "over", "across", "back"])


def is_a_conversation(promise: str) -> bool:
    """Whether ``promise`` (as ``promise_phrase`` says it) is a call or a meeting: something a
    written message cannot do, only offer to arrange ("I'm writing to call you back" is not a
    sentence anyone sends)."""
    words = [w.rstrip(",.;:!?").casefold() for w in promise.split()]
    if not words:
        return False
    # "Talk to my current manager": a conversation, but not with the reader.
    if words[0] in ("talk", "speak", "chat") and words[1:2] in (["to"], ["with"]):
        return words[2:3] == ["you"]
    if words[0] in _TOGETHER or words[:2] == ["catch", "up"]:
        return True
    # "give you a call", "give Sam a quick ring"
    return words[0] == "give" and any(w in _A_CALL for w in words[1:5])


def followed_up(promise: str, *, to_reader: bool = True) -> str | None:
    """What a message does for a promise that is done before it is written ("look into the
    visa question and let them know"): "follow up on the visa question", or "let you know
    whether I can start in January"; None for a promise the message itself keeps."""
    words = promise.split()
    lead = next((n for n in (2, 1) if tuple(w.casefold() for w in words[:n]) in _DONE_FIRST), 0)
    if not lead:
        return None
    rest = " ".join(words[lead:])
    if lead == 2 and words[1].casefold() in ("to", "with"):
        # "Talk to my manager about my notice period": followed up is what it was about; a
        # talk with the reader is the message's to arrange, not to follow up.
        if rest.split(" ", 1)[0].casefold() == "you":
            return None
        rest = f"with {rest}"
    # "check with legal about the visa": what it is about is what is followed up.
    rest = re.sub(r"^with\s+.+?\s+(?:about|on)\s+", "", rest, count=1, flags=re.IGNORECASE)
    if rest.split(" ", 1)[0].casefold() in ("with", "in", "back", "out", "up"):
        return None
    # "Check my calendar and send times": what the message does is the sending.
    then = re.split(r"\s+and\s+(?:then\s+)?(?=\w)", rest, maxsplit=1)[1:]
    sent = then[0].split() if then else []
    sends_a_thing = any(w.casefold() not in _NO_THING for w in sent[1:])
    if sent and sent[0].casefold() in SENDING and sends_a_thing:
        return _to_reader(then[0]) if to_reader else then[0]
    whether = re.match(r"(?:whether|if)\s+(.+)", rest, re.IGNORECASE)
    if whether is not None:
        return f"let you know whether {_before_and(whether.group(1))}"
    thing = _before_and(rest)
    return f"follow up on {thing}" if thing else None


SENDING = frozenset(["send", "share", "email", "e-mail", "forward", "mail"])
"""The verbs of a promise kept by sending something."""
# What a sending with no thing of its own sends ("send it back", "email her back").
_NO_THING = frozenset(["it", "them", "her", "him", "you", "back", "over"])


def _before_and(text: str) -> str:
    """``text`` up to what was to follow it: "the visa question and let them know"."""
    return re.split(r"\s+and\s+(?:then\s+)?(?=\w)", text, maxsplit=1)[0].strip(" ,;")


# Deeds done before the message that tells of them.
_DONE_FIRST = frozenset(
    [("complete",), ("finish",), ("fill", "in"), ("fill", "out"), ("look", "into"),
     ("find", "out"), ("think", "about"), ("think", "over"), ("review",), ("consider",),
     ("figure", "out"), ("work", "out"), ("sort", "out"), ("research",), ("read",),
     ("check", "on"), ("check",), ("upload",), ("talk", "to"), ("talk", "with"),
     ("speak", "to"), ("speak", "with")]
)  # fmt: skip
_TOGETHER = frozenset(["call", "ring", "phone", "speak", "talk", "chat", "meet"])
_A_CALL = frozenset(["call", "ring", "buzz", "bell"])

# Words after which "her" or "their" begins a thing of theirs ("about her plan").
LEADS_IN = frozenset({"and", "about", "on", "of", "in", "for", "with", "from", "at"})
# Words that never follow a "her" that is a thing of hers: "a chat with her and Tom", "run
# with her in my first quarter", "send her the deck".
NOT_OWNED = frozenset(
    ["and", "or", "but", "in", "on", "at", "to", "for", "from", "with", "about", "as", "by",
     "the", "a", "an", "that", "this", "these", "those", "my", "our", "your", "some", "any",
     "all", "when", "while", "if", "so", "is", "was", "has", "had", "will", "would", "can",
     "could", "did", "does", "again", "too", "then", "later", "back", "up", "over"]
)  # fmt: skip
AS_YOU = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
           "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't"}  # fmt: skip


def _to_reader(text: str) -> str:
    """``text``, a promise to the person it is said to, said to them: "send her the deck she
    asked for" -> "send you the deck you asked for". Only where "her", "him" or "them" can
    be no one else (right after the verb, or after "to", "with" or "for", the first time) and
    "her" or "his" where a thing of theirs follows a preposition: "two references and their
    phone numbers" and "a summary of them" are about other things."""
    words = text.split(" ")
    said: list[str] = []
    after_subject = turned = False
    for at, word in enumerate(words):
        core = word.rstrip(",.;:!?")
        tail, low = word[len(core) :], core.casefold()
        before = words[at - 1].casefold() if at else ""
        following = words[at + 1].rstrip(",.;:!?").casefold() if at + 1 < len(words) else ""
        owned = POSSESSIVE.search(following) is not None or (
            following.isalpha() and following not in NOT_OWNED
        )
        if after_subject and low in AS_YOU:
            core = AS_YOU[low]
        elif low in ("she", "he"):
            core = "you"
        elif low in ("him", "her", "them") and not turned and (at == 1 or before in _TO_WHOM):
            # "Send her team's deck", "answer her question": the team and the question are hers.
            hers = POSSESSIVE.search(following) is not None or _hers(words, at)
            core = "your" if low == "her" and hers else "you"
            turned = True
        elif low in ("his", "her") and before in LEADS_IN and owned:
            core = "your"
        elif low in ("himself", "herself"):
            core = "yourself"
        after_subject = low in ("she", "he")
        said.append(core + tail)
    return " ".join(said)


_TO_WHOM = frozenset(["to", "with", "for"])
# Verbs whose "her" is the one given to: "send her the deck", "send her two references"; it
# is hers only before what is given ("send her team the deck").
_GIVING = frozenset(
    ["send", "give", "show", "tell", "email", "forward", "pass", "bring", "get", "mail",
     "offer", "lend", "write", "text", "message", "hand", "owe", "promise", "find", "book"]
)  # fmt: skip
_COUNTS = frozenset(["one", "two", "three", "four", "five", "a", "an", "some", "more", "both"])


def _hers(words: Sequence[str], at: int) -> bool:
    """Whether the "her" at ``at`` is "her thing" rather than her: "answer her question",
    "send it to her team", "send her team the deck"; not "send her two references", "email
    her tomorrow", "let her know", "send it to her directly"."""
    following = _bare(words, at + 1)
    if not following.isalpha() or following in NOT_OWNED or following in _COUNTS:
        return False
    if following in DETERMINERS or following in _WHEN_WORDS or following in _NOT_THINGS:
        return False
    # "to her directly", "keep her posted": how or what, unless a thing follows ("her weekly
    # update", "her detailed questions").
    after = _bare(words, at + 2)
    if following.endswith(("ly", "ed")) and (
        not after or after in NOT_OWNED or after in DETERMINERS
    ):
        return False
    verb = _bare(words, 0)
    if at == 1 and verb in _CAUSING:
        return following in _GROUPS  # "help her team hire", but "let her know"
    if at == 1 and verb in _GIVING:
        return _bare(words, at + 2) in DETERMINERS
    return True


# Verbs whose "her" does what follows: "let her know", "have her call me".
_CAUSING = frozenset(
    ["let", "help", "make", "have", "keep", "see", "watch", "hear", "remind", "ask", "invite",
     "want", "need", "allow"]
)  # fmt: skip
_GROUPS = frozenset(
    ["team", "colleagues", "manager", "boss", "company", "department", "group", "panel",
     "recruiters", "engineers", "reports", "peers"]
)  # fmt: skip
# Words after "her" that are no thing of hers.
_NOT_THINGS = frozenset(
    ["via", "after", "before", "during", "until", "once", "know", "have", "hire", "decide",
     "directly", "separately", "personally", "again", "first", "instead", "too", "also"]
)  # fmt: skip


_WHEN_WORDS = frozenset(["today", "tomorrow", "tonight", "soon", "asap", "now", "first", "once"])


def _bare(words: Sequence[str], at: int) -> str:
    return words[at].rstrip(",.;:!?").casefold() if at < len(words) else ""


def _week(day: date) -> int:
    """A count of Monday-to-Sunday weeks, comparable across years."""
    return (day.toordinal() - 1) // 7


def _year(day: date, today: date) -> str:
    return "" if day.year == today.year else f" {day.year}"

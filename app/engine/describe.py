"""Dates and people said the way reasons say them, whatever the machine's locale."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache

from app.domain.records import Contact
from app.engine.jotted import jotted, spelled_out

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TRAILING = ",;:!?"
POSSESSIVE = re.compile(r"['’]s$")
"""The ending of a word that owns the next: "team's"."""
# A promise is noted in the user's own words; a reason speaks to the user.
_TO_YOU = {"me": "you", "my": "your", "mine": "yours", "myself": "yourself"}
_FIRST_PERSON = re.compile(r"\b(?:me|my|mine|myself)\b")


def day(value: date) -> str:
    """``Fri 27 Nov``."""
    return f"{_DAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]}"


def moment(value: datetime) -> str:
    """``Fri 20 Nov at 14:00``, in the zone ``value`` carries."""
    return f"{day(value.date())} at {value:%H:%M}"


def person(contact: Contact | None, company: str) -> str:
    if contact is None:
        return company
    return contact.name.strip() or contact.title.strip() or company


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def meeting_named(kind: str) -> str:
    """A round's kind as a sentence names it: "video" is a "video interview", "onsite" an
    "onsite interview"; "phone screen" and "trade test" are meetings of their own."""
    words = " ".join(kind.split())
    if not words:
        return "interview"
    if words.casefold().split()[-1] in MEETINGS:
        return words
    return f"{words} interview"


# The last word of a kind of round that is a meeting of its own, not which interview it was.
MEETINGS = frozenset(
    ["interview", "call", "chat", "meeting", "conversation", "screen", "observation", "test",
     "visit", "walk", "tour", "shift", "centre", "center", "day", "presentation", "exercise",
     "assessment", "lunch", "dinner", "breakfast", "coffee", "session", "workshop", "review",
     "trial", "demo", "audition", "study", "exam", "simulation", "challenge", "task", "lesson",
     "pitch", "walkthrough", "tasting", "shadowing", "practical", "drive", "ride-along",
     "huddle", "screening"]
)  # fmt: skip


def lowered(what: str, names: Iterable[str] = ()) -> str:
    """A note as it reads after "to" or "would": "Send the take-home." becomes "send the
    take-home".

    The first word loses its capital; an acronym ("CV"), "I", or a word of one of ``names``
    (people, the company) keeps it.
    """
    text = " ".join(what.split()).rstrip(".")
    first, _, rest = text.partition(" ")
    word = first.rstrip(_TRAILING)
    kept = {part for name in names for part in name.split()}
    mine = word[:2] in ("I'", "I’")  # "I'm", "I've": "I" whatever follows it
    if len(word) > 1 and word[1:].islower() and not mine and POSSESSIVE.sub("", word) not in kept:
        text = first[0].lower() + first[1:] + (f" {rest}" if rest else "")
    return text


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A promise of theirs is noted however it was said: "Sam will send the take-home by Tuesday",
# "To send the contract", "Feedback on the take-home". After "they would" it must read as a
# verb phrase, with no subject of its own and no date that the "by <day>" after it repeats.
_PRONOUNS = ("they", "he", "she", "we", "the team", "the company", "their team")
_MODAL = r"(?:['’](?:ll|d)|\s+(?:will|would|shall|are going to|is going to|to))\b"
# "Sam said she'd", "Sam promised to": what someone else said they would do.
_THEIR_MODAL = (
    rf"(?:{_MODAL}|\s+(?:said|says|mentioned)\s+(?:she|he|they)(?:['’](?:ll|d)|\s+(?:will|would))"
    r"|\s+(?:promised|offered|agreed|needs|has)\s+to)"
)
_BARE_MODAL = re.compile(r"^(?:will|shall|going\s+to|to)\s+", re.IGNORECASE)
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
)
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?"
)
_DATE = (
    rf"(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?{_MONTH}(?:\s+\d{{4}})?)?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2})"
)
_DAYS_OFF = (
    r"(?:today|tomorrow|tonight|(?:early\s+|later\s+)?(?:this|next)\s+(?:week|month)"
    r"|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:day|week|month)"
    r"|asap|as\s+soon\s+as\s+possible"
    rf"|(?:(?:eod|eow|cob|close\s+of\s+business|first\s+thing)(?:\s+(?:on\s+)?(?:tomorrow|{_WEEKDAY}))?)"
    r"|(?:this|next|coming)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
)
# A weekday alone ends a promise only after "back", "over" or a person ("call Jane back
# Thursday", "call me Friday"): "I can start Monday" and "Black Friday" are what was promised.
_DAY_AFTER_BACK = (
    r"(?:(?<=\bback)|(?<=\bover)|(?<=\bme)|(?<=\byou)|(?<=\bher)|(?<=\bhim)|(?<=\bthem))"
    r"\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_CLOCK = (
    r"(?:\s+(?:morning|afternoon|evening|night|noon|midday))?"
    r"(?:\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)?)?"
)
_WHEN = (
    rf"(?:{_DAYS_OFF}|(?:(?:this|next|coming|the)\s+)?{_WEEKDAY}(?:,?\s+{_DATE})?|{_DATE})"
    rf"{_CLOCK}(?:\s+at\s+the\s+latest)?"
)


@cache
def _time_after() -> re.Pattern[str]:
    # Compiled when first needed (a promise of theirs): a long pattern, and every command's
    # start would pay for it.
    return re.compile(
        rf"(?:^|[,;]?\s+)(?:by|on|before|until|till|no\s+later\s+than)\s+{_WHEN}$", re.IGNORECASE
    )


def without_inner_time(text: str) -> str:
    """``text`` without a time inside it, which the sentence around it says: "text me by
    Mon with next steps" is "text me with next steps", "call you back Tues about the start
    date" "call you back about the start date"."""
    # A bare number is no time ("bump the base by 5 and add equity").
    return _inner_time().sub(lambda m: m.group(0) if _A_NUMBER.match(m.group(0)) else "", text)


_A_NUMBER = re.compile(r"^\s+(?:by|before|no\s+later\s+than)\s+[\d.,%]+$", re.IGNORECASE)


@cache
def _inner_time() -> re.Pattern[str]:
    # Only before what goes on with the deed: "by the 3rd of the month" is one time.
    return re.compile(
        rf"(?:\s+(?:by|before|no\s+later\s+than)\s+{_WHEN}|(?<=\bback)\s+(?:on\s+)?{_WEEKDAY})"
        r"(?=\s+(?:with|and|so|about|including|plus|once|after|to)\b)",
        re.IGNORECASE,
    )


# "tomorrow" and "next week" need no "by" in front, unless the word before makes them part of
# the thing promised ("the notes from tomorrow").
@cache
def _time_bare() -> re.Pattern[str]:
    return re.compile(rf"(?:(?:^|[,;]?\s+){_DAYS_OFF}|{_DAY_AFTER_BACK}){_CLOCK}$", re.IGNORECASE)


_OWNS_TIME = frozenset({"from", "of", "about", "since", "for", "after", "with", "the", "at"})
# Words that start a verb phrase in a promise ("send", "confirm"); words that do when they
# stand alone or take an object ("call Jane", "update me", but "update on the role"); and
# words that start a noun phrase ("the offer letter").
_VERBS = _words(
    """
    send share confirm let introduce get give arrange book set organise organize provide
    forward tell ask invite come decide make put loop pass sort circulate reach write
    prepare chase speak talk chat meet follow finalise finalize approve ok sign issue extend
    discuss look find see think consider reconsider be have do try aim like want need hope
    run walk show connect respond return deliver submit post mail agree clarify explain
    outline flag notify inform advise recommend refer escalate keep reschedule move open
    start begin finish complete process bring take pick add include cc release announce
    know hear revert also then hopefully probably definitely likely soon still
    """
)
_EITHER = _words(
    "call email e-mail phone ring update review answer reply check schedule contact message "
    "text plan"
)
DETERMINERS = _words(
    "the a an some any all both each our their your his her its my this that these those next"
)
# What follows a verb at the head of a promise: its object ("send the", "call Jane").
_OBJECTS = _words(
    "the a an me us you him her them it my our your their his its this that these those some "
    "any all over back up out through in"
)


_ASIDE = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")


def without_asides(text: str) -> str:
    """A note without what it says in brackets: "a decision (she sounded unsure)" is "a
    decision". A note's asides are the user's own, never the reader's to see."""
    kept = _ASIDE.sub("", text)
    # Only the space an aside left before a mark ("the deck (v2), then"), not one that
    # belongs there ("the .NET migration").
    return re.sub(r"\s+([,;:.!?])(?=\s|$)", r"\1", kept).strip()


def deed(what: str, names: Iterable[str] = ()) -> str:
    """A promise of theirs as it reads after "they would", in the words of the note: "Sam will
    send the take-home by Tuesday" becomes "send the take-home"; a thing rather than a deed
    ("Feedback on the take-home") becomes "get back to me about feedback on the take-home".

    ``names`` are the people and the company: one of them, or a first name, may lead the note
    as its subject, and their words keep their capitals. "I" is never their subject: a note
    that starts so is left as written.
    """
    names = [" ".join(name.split()) for name in names if name.strip()]
    said = spelled_out(without_asides(" ".join(what.split())))
    # Their promise is its first sentence ("…the take-home. Due in 48 hours" says when).
    said = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", said, maxsplit=1)[0].rstrip(".!")
    said = _without_label(said, names)
    # "I'll hear back by Thursday": noted from my side, it is their getting back to me.
    if _HEAR_BACK.match(said):
        return "get back to me"
    text = _without_other_subject(without_when(_without_subject(said, names)))
    text = without_inner_time(text)
    # Their promise's day is its due date, said beside it: "Decision Friday" is the decision.
    text = _LAST_WEEKDAY.sub("", text)
    if not text:
        return "get back to me"
    text = lowered(text, names)
    if jotted(text) or ": " in text:
        # "feedback early next wk??", "Panel feedback: positive so far, …": the note's words
        # are the user's own, not a deed to tell back.
        return "get back to me"
    if leads_with_verb(text):
        return text
    # "Decision" alone is "the decision", and so is "Update on the headcount" the update;
    # "feedback on the take-home" needs no article.
    head, _, more = text.partition(" ")
    # "Update on the headcount": a countable thing before what it is about.
    about = more.split(" ", 1)[0].casefold() in ("on", "about", "of", "for", "from", "re", "to")
    article = "the " if not more or (head.casefold() in _COUNTABLE and about) else ""
    return f"get back to me about {article}{text}"


_LABEL = re.compile(r"^(?P<label>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,2}):\s+(?=\S)")


def _without_label(said: str, names: list[str]) -> str:
    """A note under a label: "Recruiter: will confirm the panel dates" is who will, and goes;
    "Salary band: will confirm" is what they will confirm ("confirm the salary band")."""
    found = _LABEL.match(said)
    if found is None:
        return said
    label, rest = found["label"], said[found.end() :]
    known = {w.casefold() for name in names for w in name.split()}
    last = label.split()[-1].casefold()
    if last.rstrip("s") in _PEOPLE or last in known:
        return rest
    verb = _BARE_MODAL.sub("", rest, count=1)
    if verb != rest and len(verb.split()) == 1 and leads_with_verb(verb):
        return f"{verb} the {label.lower()}"
    return said


_HEAR_BACK = re.compile(
    r"^I(?:['’]ll|\s+will|\s+should)\s+(?:hear\s+back|hear\s+from\s+(?:them|her|him)|get\s+"
    r"(?:an\s+answer|a\s+decision|feedback))\b",
    re.IGNORECASE,
)
# Nouns that take "the" when a promise of theirs is one of them: "the update on the headcount".
_COUNTABLE = frozenset(
    ["update", "decision", "answer", "offer", "contract", "response", "reply", "timeline",
     "result", "outcome", "invitation", "invite", "intro", "introduction", "proposal", "schedule",
     "plan", "date", "quote", "estimate"]
)  # fmt: skip


def _without_other_subject(text: str) -> str:
    """``text`` without a subject no name matched: "Hiring manager to call me" is "call me",
    "The panel will share feedback" is "share feedback"; "Offer letter to follow" is "send the
    offer letter". Anything else is left as noted ("Case study to review")."""
    found = _SOMEONE_WILL.match(text)
    if found is None or leads_with_verb(found["who"].lower()):
        return text
    who, rest = found["who"], found["rest"]
    if rest.casefold() in ("follow", "come"):  # "Offer letter to follow": a thing to send
        thing = lowered(who)
        return f"send {thing if thing.split()[0] in DETERMINERS else 'the ' + thing}"
    # Only a person (a role, a team) is a subject: "Offer to be confirmed" is not one.
    if who.split()[-1].casefold().rstrip("s") not in _PEOPLE:
        return text
    return rest if leads_with_verb(lowered(rest)) else text


_LAST_WEEKDAY = re.compile(
    r"\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.IGNORECASE
)
# The last word of who, unnamed, may make a promise: "the hiring manager", "their CTO".
_PEOPLE = frozenset(
    ["manager", "team", "panel", "recruiter", "hr", "ceo", "cto", "cfo", "coo", "cpo", "founder",
     "lead", "head", "director", "committee", "board", "interviewer", "partner", "coordinator",
     "vp", "boss", "owner", "hm", "people", "talent", "they", "engineer", "designer", "someone",
     "legal", "finance", "ops", "operations", "payroll", "engineering", "acquisition",
     "security", "it", "procurement", "compliance", "marketing", "sales", "product", "design"]
)  # fmt: skip


_SOMEONE_WILL = re.compile(
    r"^(?P<who>(?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,2}?)\s+"
    r"(?:will|would|should|is\s+going\s+to|are\s+going\s+to|to)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


def _without_subject(text: str, names: list[str]) -> str:
    who = {word for name in names for word in (name, name.split()[0])} - {"I"}
    people = "|".join(re.escape(w) for w in sorted(who, key=len, reverse=True))
    pronouns = "|".join(re.escape(w) for w in _PRONOUNS)
    lead = rf"(?:(?:{people})(?:['’]s\s+team)?|{pronouns})" if people else rf"(?:{pronouns})"
    text = re.sub(rf"^{lead}{_THEIR_MODAL}\s*", "", text, count=1, flags=re.IGNORECASE)
    return _BARE_MODAL.sub("", text, count=1)


def without_my_lead(text: str) -> str:
    """A promise of mine without the words that make me its subject: "I'll send the deck",
    "I am going to send the deck" and "Will send the deck" are "send the deck"."""
    return _BARE_MODAL.sub("", _MY_LEAD.sub("", text, count=1), count=1)


_MY_LEAD = re.compile(
    rf"^I(?:{_MODAL}|['’]m\s+going\s+to|\s+am\s+going\s+to|\s+promised\s+to"
    r"|\s+need\s+to|\s+have\s+to|\s+must)\s*",
    re.IGNORECASE,
)


def without_when(text: str) -> str:
    """``text`` without the time that ends it: "send the deck by Friday" -> "send the deck"."""
    found = _time_after().search(text)
    if found is None:
        found = _time_bare().search(text)
        before = text[: found.start()].split() if found else []
        if found is None or (before and before[-1].casefold() in _OWNS_TIME):
            return text
    return text[: found.start()].rstrip(" ,;")


def leads_with_verb(text: str) -> bool:
    """Whether ``text`` reads as a deed ("send the deck"), not a thing ("the deck")."""
    words = [w.rstrip(_TRAILING) for w in text.split()]
    head = words[0].casefold()
    if head in _VERBS or head == "i":
        return True
    if head in DETERMINERS:
        return False
    if len(words) == 1:
        return head in _EITHER
    second = words[1]
    if head == "check" and second.casefold() in ("with", "on", "in", "back", "whether", "if"):
        return True  # "check with legal", "check whether …"
    if head == "reply" and second.casefold() == "to":
        return True  # "reply to your email"
    return second.casefold() in _OBJECTS or (second[:1].isupper() and not second.isupper())


def bare_verb(word: str) -> str | None:
    """The verb a word ending in "-ing" is a form of, where it is one of a promise's verbs:
    "sending" -> "send", "sharing" -> "share", "getting" -> "get"."""
    low = word.casefold()
    if not low.endswith("ing") or len(low) < 5:
        return None
    stem = low[:-3]
    known = _VERBS | _EITHER
    for candidate in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
        if candidate in known:
            return candidate
    return None


def to_you(text: str) -> str:
    """The user's note told back to them: "send me the take-home" -> "send you the take-home"."""
    return _FIRST_PERSON.sub(lambda m: _TO_YOU[m.group(0)], text)


def told_back(text: str) -> str:
    """What the user wrote of themselves, told back to them, "I" included: "the workshop I
    ran" -> "the workshop you ran", "what I was asked" -> "what you were asked"."""
    said = to_you(text)
    said = _I_AM.sub(lambda m: f"you {'were' if m.group(1) == 'was' else 'are'}", said)
    return _I_FORMS.sub(lambda m: _TO_YOU_I[m.group(0)], said)


_TO_YOU_I = {"I": "you", "I'm": "you're", "I’m": "you’re", "I've": "you've", "I’ve": "you’ve",
             "I'd": "you'd", "I’d": "you’d", "I'll": "you'll", "I’ll": "you’ll"}  # fmt: skip
# "I" alone, not "I/O" or "I-9".
_I_FORMS = re.compile(r"\bI(?:['’](?:m|ve|d|ll))?(?![\w'’/-])")
_I_AM = re.compile(r"\bI (was|am)\b")

"""The placeholders a template may use, and their values for one action, read from the records.

Every value is plain text; an empty one is missing, and the template shows its label instead.
Lists (recap points, challenges, answers) come twice: the first item alone, for a short note,
and all of them as "- " lines. What is mine alone never has a placeholder: what we discussed,
my impressions, and the wording of the questions I could not answer (SPEC section 5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.copies import replace
from app.domain.interchange import Pipeline, zone
from app.domain.records import (
    ActionKind,
    Channel,
    Contact,
    EventKind,
    Interview,
    Notes,
    Profile,
    PromiseBy,
    Round,
    Stage,
)
from app.drafts import spoken
from app.engine.action import Action, action_id
from app.engine.describe import (
    DETERMINERS,
    POSSESSIVE,
    deed,
    leads_with_verb,
    lowered,
    meeting_named,
    without_asides,
)
from app.engine.jotted import jotted, runs_on, spelled_out


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    label: str
    """Shown as ``[label]`` where the value is missing."""


FIELDS: tuple[Field, ...] = (
    Field("my_name", "your name"),
    Field("my_first_name", "your first name"),
    Field("my_email", "your email"),
    Field("my_phone", "your phone number"),
    Field("signature", "your name"),
    Field("name", "their name"),
    Field("first_name", "their first name"),
    Field("title", "their title"),
    Field("company", "company"),
    Field("role", "role"),
    Field("day", "day you spoke"),
    Field("meeting", "the interview"),
    Field("the_meeting", "the interview"),
    Field("interviewers", "who interviewed you"),
    Field("their_points", "what you talked about with them"),
    Field("answer", "a fuller answer to their question"),
    Field("recap_point", "recap point"),
    Field("recap_points", "recap point"),
    Field("challenge", "challenge you discussed and how you would meet it"),
    Field("challenges", "challenge you discussed and how you would meet it"),
    Field("answers_many", "whether there is more than one answer"),
    Field("open_question", "a fuller answer to their question"),
    Field("open_questions", "a fuller answer to their question"),
    Field("company_news", "company news"),
    Field("timeline", "when they said they would decide"),
    Field("offer_deadline", "when you must answer the other offer"),
    Field("promise", "what you promised"),
    Field("promised_item", "what you promised: write or paste it here, or attach it"),
    Field("attached", "whether what you promised goes as an attachment"),
    Field("attached_many", "whether what you attach is several things (them, not it)"),
    Field("their_promise", "what they said they would do"),
    Field("met", "whether you have met"),
    Field("by_phone", "whether the interview was a phone call (spoken with, not met)"),
    Field("arranged", "whether a thank-you goes to who arranged the interview, not sat in it"),
    Field("nothing_owed", "whether you owe them nothing"),
    Field("date", "date"),
    Field("achievement", "a work example or recent achievement that bears on the role"),
    Field("again", "whether you have sent them a note like this before, or met them before"),
    Field("late", "whether what you promised is late"),
    Field("talk", "whether what you promised is a call or a meeting, to arrange"),
    Field("references", "whether references are still worth offering"),
    # Each interviewer of one round gets a thank-you worded their own way (SPEC section 5: never
    # the same body apart from the name): the opening by their place on the panel, the closing
    # once the openings run out. Flags: "yes" or "".
    Field("wording_b", "the second way of thanking"),
    Field("wording_c", "the third way of thanking"),
    Field("ending_b", "the second way of closing"),
    Field("ending_c", "the third way of closing"),
)
WORDINGS = 3
"""Openings (and closings) a thank-you has: nine interviewers of one round read nine bodies."""
LABELS: dict[str, str] = {f.name: f.label for f in FIELDS}


def values_for(
    action: Action, pipeline: Pipeline, now: datetime, channel: Channel | None = None
) -> dict[str, str]:
    """The value of every field for ``action``, as a note written at ``now`` on ``channel``
    (by default the action's) says it; "" where the records have none."""
    interview = _aware(find_interview(pipeline, action.interview))
    today = now.astimezone(zone(interview.timezone)).date()
    contact = interview.contact(action.contact)
    held = _round_of(action, interview, now, contact)
    seats = _seats(action, interview, held, contact)
    visits = len(seats) - 1  # earlier rounds the reader of a thank-you sat on
    notes = interview.notes
    answers = _answers(action, interview, now)
    sent_along = attachment(action, interview)
    promise = _promise(action, interview, contact, channel or action.channel)
    posted = _posted(channel, action)
    values = {
        **_me(pipeline.profile),
        **_them(contact),
        "company": interview.company.strip(),
        "role": interview.role.strip(),
        "meeting": meeting_phrase(held.kind) if held else "",
        "by_phone": _flag(held is not None and _a_call(held.kind)),
        "the_meeting": _the_meeting(interview, held, contact, today, posted),
        "interviewers": _others(interview, held, contact),
        "day": _day(action, interview, held, today, posted),
        "their_points": _their_points(action, contact, visits),
        "answer": _answers_said([_phrase(a) for a in answers]),
        "answers_many": _flag(len([a for a in answers if _phrase(a)]) > 1),
        "timeline": _timeline(interview, now, today),
        "offer_deadline": _offer_deadline(action, pipeline, today),
        "promise": promise,
        "talk": _flag(spoken.is_a_conversation(promise)),
        "attached": _flag(bool(sent_along)),
        "attached_many": _flag(_several(sent_along)),
        "promised_item": "",  # only the user has it: always a placeholder, so copying asks
        "their_promise": _their_promise(action, interview, today),
        "met": "yes" if _met(interview, contact, now) else "",
        # A round with no interviewers noted: its thank-you goes to whoever set it up.
        "arranged": _flag(
            action.kind is ActionKind.THANK_YOU
            and held is not None
            and contact is not None
            and contact.id not in held.interviewers
        ),
        "nothing_owed": "" if _owes(interview, now) else "yes",
        "date": spoken.full_date(today),
        "company_news": _news(action, interview, now),
        # Only the user knows which: always a placeholder, so a value-add is never empty.
        "achievement": "",
        "again": _flag(_sent_before(action, interview, now) or visits > 0),
        "late": _flag(_late(action, interview, now)),
        "references": _flag(interview.stage not in _REFERENCES_ASKED),
    }
    place = seats[-1]
    for single, many, items in (
        ("recap_point", "recap_points", _recap(notes.recap)),
        ("challenge", "challenges", _challenges(notes)),
        ("open_question", "open_questions", answers),
    ):
        # A note typed over several lines still reads as one point in a sentence or a list;
        # one that was all aside is no point at all.
        kept = [point for item in items if (point := _phrase(item))]
        # The shared points go round the panel: each interviewer is reminded of another, and
        # someone thanked at an earlier round of one they have not heard, while there is one.
        turn = _turn(seats, len(kept))
        values[single] = kept[turn] if turn is not None else ""
        values[many] = spoken.bullets(kept)
    if action.kind is ActionKind.VALUE_ADD:
        values["challenge"], values["recap_point"] = _to_share(action, interview, notes)
    # Someone thanked at an earlier round is thanked in other words too.
    opening, ending = place % WORDINGS, (place // WORDINGS + visits) % WORDINGS
    values["wording_b"], values["wording_c"] = _flag(opening == 1), _flag(opening == 2)
    values["ending_b"], values["ending_c"] = _flag(ending == 1), _flag(ending == 2)
    values["recap_point"] = _as_mine(values["recap_point"])
    values["challenge"] = _challenge(values["challenge"])
    assert set(values) == set(LABELS), set(values) ^ set(LABELS)
    return values


def _seats(
    action: Action, interview: Interview, held: Round | None, contact: Contact | None
) -> list[int]:
    """Where the person a thank-you goes to sat on each panel they sat on, up to its round's,
    in order; [0] for every other message."""
    if action.kind is not ActionKind.THANK_YOU or held is None or contact is None:
        return [0]
    sat = sorted(
        (r for r in interview.rounds if contact.id in r.interviewers and r.starts < held.starts),
        key=lambda r: r.starts,
    )
    return [_seat(r, contact) for r in (*sat, held)]


def _seat(held: Round, contact: Contact) -> int:
    panel = list(dict.fromkeys(held.interviewers))
    return panel.index(contact.id) if contact.id in panel else 0


def _turn(seats: list[int], count: int) -> int | None:
    """Which of ``count`` shared points goes to someone who sat at ``seats``: at each round,
    the one at their seat, or the next they have not heard; None once they have heard all."""
    heard: set[int] = set()
    turn: int | None = None
    for seat in seats:
        turn = next(
            ((seat + n) % count for n in range(count) if (seat + n) % count not in heard), None
        )
        if turn is not None:
            heard.add(turn)
    return turn


def _to_share(action: Action, interview: Interview, notes: Notes) -> tuple[str, str]:
    """The challenge, or else the point of mine, that this value-add shares: the challenges
    first, then my points, each value-add the next one none before it shared; ("", "") once
    every one was shared (the user is asked for something new)."""
    challenges = [_phrase(c) for c in _challenges(notes)]
    points = [p for r in _recap(notes.recap) if (p := _phrase(r))]
    shared = _value_adds_sent(interview, action.due_from)
    # What a message to them already said (their thank-you's challenge) is not news to them:
    # the next one goes instead, while there is one.
    told = _told_them(action, interview)
    ordered = [(c, "") for c in challenges] + [("", p) for p in points]
    fresh = [item for item in ordered[shared:] if not _said_in(item[0] or item[1], told)]
    if fresh:
        return fresh[0]
    return ordered[shared] if shared < len(ordered) else ("", "")


def _told_them(action: Action, interview: Interview) -> str:
    """The texts of the messages sent to the contact of ``action`` before it opened, as one
    folded text to look in."""
    return " ".join(
        " ".join(e.text.split()).casefold()
        for e in interview.events
        if e.kind is EventKind.SENT
        and e.text
        and e.contact == action.contact
        and e.at <= action.due_from
    )


def _said_in(point: str, told: str) -> bool:
    """Whether ``point`` (a challenge noted as "topic: plan", or a point of mine) was said in
    ``told``: its topic, or its first words, are there."""
    if not told:
        return False
    found = _PLAN.search(point)
    key = point[: found.start()] if found is not None else point
    key = " ".join(key.split()).casefold()[:_SAID_KEY]
    return len(key) >= _SAID_KEY_LEAST and key in told


_SAID_KEY = 40
_SAID_KEY_LEAST = 8


def _shareable(points: tuple[str, ...] | list[str]) -> list[str]:
    """The points a message may carry: those written as they would be said, not jotted."""
    return [p for p in points if not jotted(_phrase(p))]


def _recap(points: tuple[str, ...]) -> list[str]:
    """My points to recap, each without a verdict of mine after a dash ("Launched in 12
    markets - proud of that")."""
    return [_without_my_take(_phrase(p)) for p in _shareable(points)]


def _challenges(notes: Notes) -> list[str]:
    """The challenges noted with how I would meet them, each as it may be said."""
    return [c for c in _shareable(notes.challenges) if _challenge(_phrase(c))]


def _value_adds_sent(interview: Interview, before: datetime) -> int:
    return sum(
        e.kind is EventKind.SENT and e.action is ActionKind.VALUE_ADD and e.at <= before
        for e in interview.events
    )


def _news(action: Action, interview: Interview, now: datetime) -> str:
    """The company's news, until a check-in or keep-warm note has told it: one sent with
    its text says so; one sent without was drafted with it."""
    news = _news_said(interview.notes.company_news)
    # As it is said now, and as it was noted (an earlier version of followup said it so).
    said = [" ".join(n.split())[:40] for n in (news, _phrase(interview.notes.company_news))]
    told = any(
        e.kind is EventKind.SENT
        # The keep-warm notes all tell it; of the check-ins, the email's does.
        and (
            e.action is ActionKind.NURTURE
            or (e.action is ActionKind.CHECK_IN and e.channel in (None, Channel.EMAIL))
        )
        and e.at <= now
        and e.action_id != action.id
        and (not e.text or any(s in " ".join(e.text.split()) for s in said))
        for e in interview.events
    )
    return "" if told else news


def _news_said(noted: str) -> str:
    """The company's news as a message tells it ("" if it was jotted): "Named a Leader in the
    Gartner MQ 🎉" is "you were named a Leader in the Gartner MQ", and a time it was noted
    at ("last month") is left out, as it may be old by the time the message is read."""
    news = _without_stale(_without_my_take(_phrase(noted))).strip(" ,;!")
    news = _to_the_company(news)
    # The notes form asks for good news; a layoff told back to someone there is no greeting.
    return "" if not news or jotted(news) or _BAD_NEWS.search(news) else news


# News nobody congratulates a company on: cuts and closures, a regulator's poor grade, a
# strike, someone leaving, trouble with the law or the money.
_BAD_NEWS = re.compile(
    r"\b(?:laid\s+off|lay-?offs?|redundanc(?:y|ies)|lawsuits?|sued|fined|breach(?:ed)?|"
    r"restructur(?:e|ed|ing)|losses|downsiz(?:e|ed|ing)|shut(?:ting)?\s+down|bankrupt\w*|"
    r"closures?|clos(?:e|es|ed|ing)\b[^.;]{0,30}?\b(?:branch|office|site|store|shop|plant|"
    r"factory|ward|school|clinic|depot|warehouse|location|restaurant|hotel|cent(?:re|er)|unit|"
    r"division|department|campus|practice|surgery)(?:e?s)?|"
    r"requires?\s+improvement|inadequate|special\s+measures|downgrad\w*|"
    r"strikes?(?!\s+(?:a|an|the|up)\b)|walk-?outs?|industrial\s+action|"
    r"retir(?:e|es|ed|ing|ement)|resign\w*|step(?:s|ped|ping)?\s+down|"
    r"investigat\w*|inquiry|inquest|probe|scandal|recalls?|recalled|cut(?:s|backs?)|"
    r"job\s+cuts|deficit|insolven\w*|liquidat\w*|into\s+administration|profit\s+warning|"
    r"fire|flood(?:ed|ing)?|outage|hack(?:ed)?|cyber-?attack|died|death|passed\s+away)\b",
    re.IGNORECASE,
)


# When something happened, said from the day it was noted: no longer true a month on.
# Only standing alone, at the end or before the next part: "in the past year", "this year's
# report", "USA Today" and "announced 3 months ago" are part of what is said.
_STALE = re.compile(
    r"(\S+)(\s*,?\s+(?:(?:last|this|past)\s+(?:week|month|year|quarter)|yesterday|today))"
    r"(?=\s*(?:$|[,;.]|\s+and\s))"
)
_OWNS_A_TIME = frozenset(
    ["the", "in", "of", "on", "for", "over", "since", "from", "during", "until", "within", "to",
     "by", "at", "than", "before", "after", "earlier", "later", "early", "late"]
)  # fmt: skip


def _without_stale(news: str) -> str:
    def cut(found: re.Match[str]) -> str:
        owner = found.group(1)
        return owner if owner.casefold() not in _OWNS_A_TIME else found.group(0)

    return _STALE.sub(cut, news)


def _flag(on: bool) -> str:
    return "yes" if on else ""


# Stages at which they have asked for references (or are past needing them).
_REFERENCES_ASKED = frozenset({Stage.REFERENCES, Stage.OFFER, Stage.CLOSED})


def _sent_before(action: Action, interview: Interview, now: datetime) -> bool:
    """Whether a note of this kind went to them before: a second keep-warm note is not the
    first one again."""
    return action.kind is ActionKind.NURTURE and any(
        e.kind is EventKind.SENT and e.action is ActionKind.NURTURE and e.at <= now
        for e in interview.events
    )


def _late(action: Action, interview: Interview, now: datetime) -> bool:
    promise = interview.promise(action.promise)
    return action.kind is ActionKind.KEEP_PROMISE and promise is not None and promise.due < now


def cuts(
    action: Action, pipeline: Pipeline, now: datetime, channel: Channel | None = None
) -> list[dict[str, str]]:
    """What to leave out of a draft too long for its channel, one step after another: the
    optional parts first (news, challenges, recap points, the meeting recalled), then all but
    the first of what I discussed with them, then all but the first sentence of that and of
    each answer. Never what the message cannot do without: a step that would leave a
    placeholder (a value-add with nothing left to share) is not taken (``compose``)."""
    interview = find_interview(pipeline, action.interview)
    contact = interview.contact(action.contact)
    held = _round_of(action, interview, now, contact)
    visits = len(_seats(action, interview, held, contact)) - 1
    points = _fresh_points(contact, visits) if action.kind in _TO_THEIR_POINTS else []
    answers = [_phrase(a) for a in _answers(action, interview, now) if a.strip()]
    steps: list[dict[str, str]] = [
        {"company_news": ""},
        {"challenge": "", "challenges": ""},
        {"recap_point": "", "recap_points": ""},
        {"the_meeting": ""},
    ]

    def answered(kept: list[str]) -> dict[str, str]:
        said = _answers_said(kept)  # each its own sentence, as when nothing is cut
        return {"answer": said, "open_question": said, "open_questions": spoken.bullets(kept)}

    if len(points) > 1:
        steps.append({"their_points": points[0]})
    if points:
        steps.append({"their_points": _first_sentence(points[0])})
    if answers:
        # Every answer still goes, the first sentence of each: an answer owed is not dropped.
        steps.append(answered([_first_sentence(answer) for answer in answers]))
    if points:
        # Last of all, what a LinkedIn note of 300 characters may still need: the point to
        # its first clause, then the role as people say it ("Senior Product Manager").
        clause = _first_clause(_first_sentence(points[0]))
        if clause != _first_sentence(points[0]):
            steps.append({"their_points": clause})
    role = interview.role.strip()
    short = _short_role(role)
    if short != role:
        steps.append({"role": short})
    if answers and channel is Channel.LINKEDIN:
        # A note over LinkedIn's limit cannot be sent at all: the answer waits for a message
        # with room for it.
        steps.append(answered([]))
    return steps


def _first_clause(text: str) -> str:
    """``text`` up to its first comma or dash, when what comes before says enough alone."""
    for found in _CLAUSE_BREAK.finditer(text):
        before = text[: found.start()]
        if len(before.split()) >= _FEWEST_WORDS:
            return before
    return text


def _short_role(role: str) -> str:
    """A title as people say it: "Senior Product Manager" of "Senior Product Manager,
    Payments Risk and Compliance Platform" (its team after a comma, a dash or a parenthesis)."""
    found = _CLAUSE_BREAK.search(role) or re.search(r"\s+\(", role)
    short = role[: found.start()].strip() if found else role
    if short.count("(") > short.count(")"):
        # A comma inside the brackets ("Manager (Maternity Cover, 12 months)"): before them.
        short = short[: short.rfind("(")].strip()
    return short if len(short.split()) >= 2 else role


_CLAUSE_BREAK = re.compile(r",\s+|\s+[–—-]\s+")


def _first_sentence(text: str) -> str:
    """``text`` up to the end of its first sentence; all of it when that sentence would be too
    short to stand alone (a break misread, as after "Dr.")."""
    for found in _SENTENCE_BREAK.finditer(text):
        before = text[: found.start()]
        words = before.split()
        if not words:
            continue  # a break before any word ("; owns the roadmap") ends no sentence
        if words[-1].rstrip(".").lower() in _ABBREVIATIONS:
            continue
        first = before.rstrip(".;")
        return first if len(first.split()) >= _FEWEST_WORDS else text
    return text


# A full stop before a capital ends a sentence; one inside "e.g. the" or "3.5" does not.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])|;\s+")
_ABBREVIATIONS = frozenset(
    ["dr", "mr", "mrs", "ms", "prof", "st", "vs", "approx", "etc", "e.g", "i.e", "inc", "ltd",
     "no", "co", "jr", "sr", "fig", "cf"]
)  # fmt: skip
_FEWEST_WORDS = 5


def _phrase(text: str) -> str:
    """A note as it reads inside a sentence: on one line, without its closing full stop."""
    # A closing "!" is the user's (an exclamation, not a doubt): the point is said plainly.
    return spelled_out(without_asides(_one_line(text))).rstrip(".!")


# Past tenses that do not end in "ed", for points noted as "Led the redesign …".
_DID = frozenset(
    ["built", "cut", "drove", "grew", "held", "kept", "led", "made", "ran", "set", "sold",
     "spent", "taught", "took", "won", "wrote", "went", "oversaw", "brought", "began", "rebuilt",
     "rewrote", "found", "bought", "chose", "gave", "got", "did", "sent", "spoke",
     "became", "broke", "dealt", "flew", "met", "put",
     "struck", "threw", "told", "underwent", "upheld", "withdrew", "won",
     "shipped", "overcame", "undertook", "outgrew", "sped", "spun", "fought", "thought"]
)  # fmt: skip
# What I do now, noted without "I" ("lead the data team", "speaks German"): said as "I lead".
_DO = frozenset(
    ["lead", "manage", "run", "own", "work", "mentor", "speak", "know", "write", "teach",
     "build", "love", "enjoy", "coach", "oversee", "head", "hold", "have", "use", "code", "hit"]
)  # fmt: skip


def _as_mine(point: str) -> str:
    """A recap point noted as "Led the pricing-page redesign" reads "I led the pricing-page
    redesign" after "One thing I hope came across:", and one noted as "Comfortable owning the
    metrics" reads "I am comfortable owning the metrics"; any other stays as noted."""
    text = lowered(point)
    first, _, rest = text.partition(" ")
    after = rest.split(" ", 1)[0].casefold()
    # "Social Work England registered", "Level 5 Diploma": a name, its capitals kept.
    named = point.strip()[:1].isupper() and (rest[:1].isdigit() or _titled(rest.split()[:2]))
    if first == "i" or first.startswith(("i'", "i’")):
        return "I" + text[1:]  # typed in haste: "i'm fluent in Spanish"
    if _ATTESTED.search(text) and len(text.split()) <= 6 and first not in _DID | _DO:
        return f"I am {point.strip() if named else text}"  # "ILS certified": I am ILS certified
    if first in _STATES and after not in _STATE_FOLLOWS:
        # "Hands-on Kubernetes experience", "Certified Scrum Master": a thing
        return point.strip() if named else text
    if _YEARS_OF.match(text):
        return f"I have {text}"  # "5 years teaching KS3-KS5"
    used_to = text.startswith("used to ") and rest.split(" ", 2)[1:2] != []
    if first in _BEING or (used_to and rest.split(" ")[1].endswith("ing")):
        return f"I am {text}"  # "based in London", "used to working with ambiguity"
    # "Lead the data team" is a deed; "Lead engineer", "Use cases", "Code review process" are
    # things, so a verb of _DO counts only before what it acts on.
    acted_on = _acts_on(rest)
    if first in _DID or first in _HELPING or (first in _DO and acted_on):
        return f"I {text}"
    if first.endswith("ed") and first.isalpha() and (first not in _ED_THINGS or _acts_on_it(rest)):
        return f"I {text}"  # "Supervised a crew of 35", but "Supervised learning experience"
    if first.endswith("s") and first[:-1] in _DO and acted_on:
        return f"I {first[:-1]} {rest}"  # "speaks German": I speak German
    return point.strip() if named else text


def _titled(words: list[str]) -> bool:
    """Whether ``words`` go on a name, each begun with a capital ("Work England")."""
    return len(words) == 2 and all(w[:1].isupper() and not w.isupper() for w in words)


def _acts_on_it(rest: str) -> bool:
    """Whether a word in "-ed" that may name a kind of thing acts on ``rest`` here: "a crew
    of 35", "12 care assistants", "the roadmap"."""
    word = rest.split(" ", 1)[0]
    return word.casefold() in ("a", "an", "the", "my", "our", "two", "three") or word[:1].isdigit()


# A point that says what I am registered or qualified as, at its end: "ILS certified".
_ATTESTED = re.compile(
    r"\b(?:certified|qualified|registered|accredited|licensed|chartered|trained)$", re.IGNORECASE
)
# "5 years teaching KS3-KS5", "ten years in retail": how long I have done something.
_YEARS_OF = re.compile(
    r"(?:\d+\+?|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s+"
    r"(?:years?|yrs?)\b\s+(?!ago\b)\S",
    re.IGNORECASE,
)

# Words in "-ed" that name a kind of thing ("Distributed systems experience"), not a deed.
_ED_THINGS = frozenset(
    ["advanced", "distributed", "embedded", "detailed", "seasoned", "proven", "talented",
     "varied", "related", "red", "need", "speed", "regulated", "unstructured", "supervised",
     "unsupervised"]
)  # fmt: skip
# Points noted as "Have run three launches", "Can start in January".
_HELPING = frozenset(["am", "have", "had", "was", "can", "could", "will", "would", "speak"])


# What I am rather than what I did, for points noted as "Comfortable owning metric definitions"
# (some end in "ed", and "I experienced in pricing" would be wrong).
_BEING = frozenset(
    [
        "able",
        "comfortable",
        "confident",
        "eager",
        "experienced",
        "familiar",
        "fluent",
        "keen",
        "passionate",
        "skilled",
        "proficient",
        "certified",
        "qualified",
        "hands-on",
        "bilingual",
        "available",
        "happy",
        "ready",
        "based",
        "dedicated",
        "focused",
        "motivated",
        "responsible",
        "accountable",
    ]
)
# Of those, the ones as often a thing's adjective ("Certified Scrum Master"): what I am only
# before a preposition, or alone.
_STATES = frozenset(
    ["proficient", "certified", "qualified", "hands-on", "bilingual", "available", "happy", "ready"]
)
_STATE_FOLLOWS = frozenset(
    ["in", "with", "at", "to", "for", "on", "as", "", "immediately", "now", "from"]
)


def _acts_on(rest: str) -> bool:
    """Whether what follows a verb of _DO is what it acts on: "the team", "12 engineers",
    "junior engineers", "Portuguese", "solving hard problems"; not "engineer on …" or
    "cases for …" (the verb is then a noun's first word)."""
    word = rest.split(" ", 1)[0]
    low = word.casefold()
    return (
        low in _ACTED_ON
        or word[:1].isdigit()
        or (word[:1].isupper() and not word.isupper())
        or (low.endswith("ing") and len(low) > 4)
    )


# What follows a verb that acts on something: "lead the team", "speak fluent German".
_ACTED_ON = frozenset(
    ["the", "a", "an", "my", "our", "two", "three", "four", "five", "six", "several", "fluent",
     "german", "french", "spanish", "english", "mandarin", "python", "sql", "java", "junior",
     "senior", "large", "small", "global", "remote", "distributed", "multiple", "all", "every",
     "both", "hard", "complex", "cross-functional", "teams", "people", "engineers", "products"]
)  # fmt: skip


def _challenge(text: str) -> str:
    """ "Churn in week one: I would interview the leavers" reads "on churn in week one, I would
    interview the leavers", and so does "Churn – interview the leavers". One noted without how
    I would meet it is only what we discussed, which the thank-you says otherwise: left out."""
    found = _PLAN.search(text)
    if found is None or not text[found.end() :].strip():
        return ""
    topic, plan = text[: found.start()].strip(), text[found.end() :].strip()
    # "Churn. Plan: interview leavers": the word that announced the plan is not the topic.
    topic = _ANNOUNCED.sub("", topic).strip()
    if not topic or _NO_PLAN.match(plan):
        return ""
    first, _, rest = plan.partition(" ")
    first = first.casefold()
    # "Building a data catalogue", "setting up dbt tests": a thing's name acting on another.
    acting = (
        first.endswith("ing")
        and first not in _BARE_ING
        and rest.split(" ", 1)[0].casefold() in _ACTS_AS_GERUND
    )
    if first in ("would", "will", "could"):
        plan = f"I {lowered(plan)}"
    elif _gerund(first) or acting:
        plan = f"I would start by {lowered(plan)}"  # "automating the provisioning"
    elif first in ("a", "an") and _A_STATE.search(f" {plan} ") is None:
        plan = f"I would suggest {first} {plan.partition(' ')[2]}"  # "a quarterly planning cadence"
    elif first not in _SUBJECTS and (first in _PLAN_VERBS or leads_with_verb(lowered(plan))):
        plan = f"I would {lowered(plan)}"
    # "Their NPS is falling: survey detractors" is a state of things, not a topic.
    lead = "as" if _A_STATE.search(topic) else "on"
    return f"{lead} {lowered(topic)}, {plan}"


_ANNOUNCED = re.compile(r"[.;,]\s*(?:my\s+)?(?:plan|fix|idea|solution|approach|answer)$", re.I)
# A "plan" that is none: "not sure yet", "TBD", "?".
_NO_PLAN = re.compile(r"(?:not\s+sure|unsure|tbd|tbc|no\s+idea|don['’]t\s+know|dunno|\?)", re.I)
_A_STATE = re.compile(r"\s(?:is|are|was|were|has\s+been|have\s+been|wants?|needs?)\s")


def _gerund(word: str) -> bool:
    """Whether ``word`` is the "-ing" form of a verb: "automating", "improving", "rolling";
    not a thing named so ("pricing", "onboarding"), "nothing", nor "bring" itself."""
    low = word.casefold()
    return low.endswith("ing") and len(low) > 4 and low not in _ING_WORDS


# Words in "-ing" that are things, or verbs themselves.
_ING_WORDS = frozenset(
    ["pricing", "nothing", "something", "anything", "everything", "onboarding", "marketing",
     "engineering", "planning", "funding", "building", "meeting", "offering", "listing",
     "booking", "setting", "spring", "string", "bring", "thing", "things", "during", "morning",
     "evening", "tooling", "billing", "branding", "staffing", "ceiling",
     "sibling", "clothing", "housing", "swing"]
)  # fmt: skip


_ACTS_AS_GERUND = frozenset(["a", "an", "the", "our", "my", "up", "out", "in", "more"])
# Verbs that end in "-ing" themselves: "bring the voice together".
_BARE_ING = frozenset(["bring", "ring", "sing", "spring", "string", "swing", "sting", "wring"])
# Between a challenge and how I would meet it: a colon or a dash.
_PLAN = re.compile(r":\s|\s[–—-]\s")
# A plan that starts so has its subject already ("I would…", "my first step…").
_SUBJECTS = frozenset(["i", "i'd", "i’d", "i'll", "i’ll", "we", "my", "our"])
# What plans are made of, beyond the verbs a promise of theirs starts with.
_PLAN_VERBS = frozenset(
    ["test", "pilot", "measure", "interview", "hire", "cut", "build", "migrate", "automate",
     "simplify", "survey", "prioritise", "prioritize", "focus", "fix", "ship", "launch",
     "split", "merge", "rewrite", "refactor", "track", "train", "delegate", "audit", "map",
     "reduce", "rebuild", "add", "drop", "use", "run", "move", "start", "listen", "ask",
     "talk", "pair", "document", "standardise", "standardize", "consolidate", "review",
     "establish", "create", "implement", "define", "assign", "partner", "work", "involve",
     "allocate", "improve", "introduce", "set", "invest", "align", "clarify", "revisit"]
)  # fmt: skip


def attachment(action: Action, interview: Interview) -> str:
    """What a kept promise sends as an attachment ("the onboarding teardown deck I
    mentioned"), or "" when it is to be written in the message: a promise to send something
    is kept by attaching it; one to tell them something needs words only the user has."""
    # As noted, not as a message words it: "text you the address" sends no file.
    kept = _promise(action, interview, interview.contact(action.contact), Channel.PHONE)
    verb, _, rest = kept.partition(" ")
    if verb.lower() not in spoken.SENDING or not rest:
        return ""
    thing = rest.removeprefix("you ").removeprefix("over ").removeprefix("with ").strip()
    thing = re.sub(r"\s+to\s+you$", "", thing)  # "forward my references to you"
    if thing.split(" ", 1)[0].casefold() in _NOT_A_THING:
        return ""  # "email you about the start date", "… to confirm": words, not a file
    # A link or my availability is written in the message, never attached: every part of what
    # is sent is one ("my GitHub", "the link to my portfolio"; not "the website case study").
    parts = re.split(r"\s+and\s+", thing)
    if all(_written_in(part) for part in parts):
        return ""
    return thing


_NOT_A_THING = frozenset(
    ["about", "regarding", "re", "on", "to", "when", "once", "if", "whether", "back", "again",
     "later", "soon"]
)  # fmt: skip


def _written_in(part: str) -> bool:
    head = re.split(r"\s(?:of|for|to|from|with|on|at|that|which|I|we)\s", f" {part} ", maxsplit=1)[
        0
    ].split()
    last = head[-1].casefold() if head else ""
    return last in _WRITTEN_IN or (len(head) <= 3 and last in _PROFILES)


_WRITTEN_IN = frozenset(["link", "links", "url", "urls", "availability", "times", "calendar"])
_PROFILES = frozenset(
    ["github", "gitlab", "website", "linkedin", "site", "profile", "repo", "repository"]
)


def _several(thing: str) -> bool:
    """Whether what is sent is several things: "the contact details of two references", "my
    slides" are; "a summary of the pricing study", "my CV" are not (the noun before "of",
    "for", "from" or "I" decides)."""
    head = re.split(r"\s(?:of|for|from|about|on|with|that|which|I)\s", f" {thing} ", maxsplit=1)[0]
    if " and " in head:
        return True  # "my CV and cover letter"
    words = head.split()
    last = words[-1].casefold() if words else ""
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3
    return plural and last not in _NOT_PLURAL


_NOT_PLURAL = frozenset(["news", "canvas", "series", "species", "lens", "atlas", "thesis"])


_TO_THEIR_POINTS = (ActionKind.THANK_YOU, ActionKind.CONNECT)


def _their_points(action: Action, contact: Contact | None, visits: int) -> str:
    """What I discussed with the person a thank-you or an invitation goes to; the other
    messages do not reach back to the interview for it."""
    if contact is None or action.kind not in _TO_THEIR_POINTS:
        return ""
    # Two at most: a thank-you is brief, and the first two are the ones that came to mind.
    return spoken.names_list(_fresh_points(contact, visits)[:2])


def _fresh_points(contact: Contact | None, visits: int) -> list[str]:
    """What I noted discussing with them, from where a thank-you after ``visits`` earlier
    rounds starts: the next two noted, while there are any."""
    points = _points_of(contact)
    start = 2 * visits
    return points[start:] if start < len(points) else points


def _points_of(contact: Contact | None) -> list[str]:
    """What I noted discussing with ``contact``, each as said to them, to follow "talking
    with you about": "Discussed the Q3 roadmap" is "the Q3 roadmap"; a note that is a sentence
    of its own ("we both love rock climbing") is not a topic, and is left to the user."""
    notes = contact.notes if contact is not None else ()
    points = []
    for note in notes:
        noted = _phrase(note)
        topic = _without_my_take(_TALKED_ABOUT.sub("", noted, count=1))
        # "Mentioned the role could be remote": what was said, a clause, is no topic; "how
        # the team is organised", "the product she is building" name one.
        if topic != noted and _says_something(topic):
            continue
        # "Team is 4 people", "CAC payback ~22 mo": a note to myself.
        if _a_statement(topic) or jotted(topic) or runs_on(topic):
            continue
        head, _, rest = topic.partition(" ")
        first = head.casefold()
        # "It was fun" is a sentence; "IT procurement" a topic.
        pronoun = first in _SUBJECT_PRONOUNS or head in ("it", "It", "It's", "It’s")
        # "Liked my portfolio": what they did, a sentence whose subject is left out.
        if not topic or pronoun or first in _THEY_DID:
            continue
        # "The case study on churn" reads "about the case study on churn".
        if first in DETERMINERS and head[:1].isupper() and not head.isupper():
            topic = f"{first} {rest}".rstrip()
        points.append(_to_them(topic))
    return points


def _without_my_take(topic: str) -> str:
    """``topic`` without what I made of it after a dash: "the reorg – seemed stressed" is
    "the reorg", "ARR target – aggressive" the ARR target; "pricing – especially the
    enterprise tier" stays whole."""
    found = _DASH.search(topic)
    if found is None:
        return topic
    take = topic[found.end() :]
    said = take.split(" ", 1)[0].casefold().rstrip("!.,;")
    # A verdict or how they were ("aggressive", "seemed stressed"), or a note to myself:
    # anything else after a dash goes on with the topic ("2026 - 2027", "– Snowflake, dbt").
    judged = said in _THEY_DID or said in _SUBJECT_PRONOUNS or said in _VERDICTS
    if judged or jotted(take) or _my_word_on_it(take):
        return topic[: found.start()].rstrip()
    return topic


def _my_word_on_it(take: str) -> bool:
    """Whether ``take``, after a dash, is a word or two of mine on what came before ("a
    shambles", "knackered", "worried about jobs", "total legend") rather than more of it:
    small letters throughout, no figure, and not begun as a topic goes on ("especially the
    enterprise tier", "from batch to streaming", "the enterprise tier and its pricing")."""
    if any(c.isupper() or c.isdigit() for c in take):
        return False
    words = take.strip(" .!;,").split()
    if not words or words[0] in _GOES_ON:
        return False
    # "the enterprise tier" names a part of it; "a shambles", "a total nightmare" judge it.
    return words[0] not in DETERMINERS or words[0] in ("a", "an") or len(words) < 3


# Words that begin more of a topic after a dash, not a verdict on it.
_GOES_ON = frozenset(
    ["especially", "including", "incl", "incl.", "mainly", "mostly", "particularly", "notably",
     "namely", "e.g.", "i.e.", "such", "and", "or", "plus", "from", "with", "for", "in", "on",
     "to", "at", "by", "of", "across", "between", "both", "via", "vs", "versus", "toward",
     "towards", "around", "about", "within", "over", "under", "into", "after", "before",
     "during", "through", "how", "why", "what", "where", "which", "who", "whether", "its",
     "their", "our", "your", "his", "her"]
)  # fmt: skip


# Words after a dash that judge what came before it.
_VERDICTS = frozenset(
    ["aggressive", "ambitious", "impressive", "tough", "hard", "messy", "weird", "great",
     "good", "bad", "nice", "cool", "fun", "boring", "stressful", "stressed", "tight", "tricky",
     "unclear", "vague", "risky", "promising", "exciting", "worrying", "concerning", "odd",
     "strange", "awkward", "tense", "interesting", "fascinating", "painful", "chaotic", "slow",
     "amazing", "huge", "big", "keen", "very", "really", "so", "quite", "super", "v", "not",
     "probably", "maybe", "seems", "felt", "sounds", "sounded", "loved", "liked", "hated",
     "bit", "kinda", "kind", "sort", "rambled", "dull", "too", "clearly", "honestly", "idk",
     "nb", "careful", "rushed", "worrying", "proud", "nailed", "arrogant", "looks", "looked",
     "i'd", "i’d", "i'll", "i’ll", "wasn't", "wasn’t", "didn't", "didn’t", "crap", "meh",
     "red", "definitely", "totally", "worth"]
)  # fmt: skip


def _says_something(topic: str) -> bool:
    """Whether ``topic``, told after "mentioned", is what was said rather than what about."""
    found = _A_CLAUSE.search(f" {topic} ")
    if found is None:
        return False
    before = topic[: max(found.start() - 1, 0)].split()
    return not any(w.casefold() in _WH | _CLAUSE_SUBJECTS for w in before) and len(before) <= 3


def _a_statement(topic: str) -> bool:
    """Whether ``topic`` says something of a thing rather than naming it: "team is 4 people",
    "the budget is tight", but not "the challenges the team is facing" or "how the team is
    organised"."""
    found = _SAYS_OF_IT.search(f" {topic} ")
    if found is None:
        return False
    before = topic[: max(found.start() - 1, 0)].split()
    # "the product she is building": a clause with a subject of its own names a thing.
    return len(before) <= 3 and not any(w.casefold() in _WH | _CLAUSE_SUBJECTS for w in before)


_SAYS_OF_IT = re.compile(r"\s(?:is|are|was|were|has|have|had|wants|needs|seems)\s")
_WH = frozenset(["how", "why", "what", "when", "where", "whether", "which", "who", "that", "if"])
_CLAUSE_SUBJECTS = frozenset(["she", "he", "they", "we", "i", "you", "it"])


_DASH = re.compile(r"\s(?:[–—-]|--)\s")


_A_CLAUSE = re.compile(r"\s(?:is|are|was|were|could|would|will|can|should|has|have|had)\s")


# How a note may say it was discussed: "Discussed …", "We talked about …", "I told her about …",
# "Asked me about …".
_TALKED_ABOUT = re.compile(
    r"^(?:(?:about|re:?)\s+|(?:(?:we|i)\s+)?(?:discussed|covered|talked\s+about"
    r"|spoke\s+about|chatted\s+about|told\s+(?:her|him|them)\s+about"
    r"|(?:asked|quizzed|grilled)\s+me\s+(?:about|on)|asked\s+about"
    r"|mentioned|told\s+me\s+about|showed\s+me|walked\s+me\s+through|explained"
    r"|gave\s+me\s+(?:an?\s+)?(?:overview|tour|demo)\s+of)\s+)",
    re.IGNORECASE,
)
# A note that starts so is a sentence of its own, not a topic ("IT procurement" is a topic).
_SUBJECT_PRONOUNS = frozenset(
    ["i", "we", "she", "he", "they", "i'm", "we're", "they're", "she's", "he's", "she’s", "he’s",
     "i’m", "we’re", "they’re", "i've", "i’ve", "we've", "we’ve", "they've", "they’ve", "there's",
     "there’s", "you", "you're", "you’re"]
)  # fmt: skip
# Verbs that begin a note of what they did or how they were ("Liked my portfolio", "Seemed
# keen"): a sentence, not a topic.
_THEY_DID = frozenset(
    ["asked", "liked", "loved", "said", "seemed", "wanted", "felt", "was", "were", "had",
     "has", "is", "knows", "knew", "agreed", "laughed", "hated", "praised", "suggested",
     "offered", "promised", "sounded", "looked", "that", "told", "gave", "thought", "showed",
     "mentioned"]
)  # fmt: skip


def _to_the_company(news: str) -> str:
    """News noted about the company ("they just opened an office in Berlin", as the notes
    form suggests) as said to someone who works there ("you just opened …"). Only the word the
    news starts with, which is the company: a "they" further on may be its customers."""
    first, space, rest = news.partition(" ")
    said = _YOU.get(first.lower())
    if said:
        return _agreeing(f"{said}{space}{_yours(rest)}")
    if first.casefold() in ("was", "were") and rest:
        return _agreeing(f"you were {rest}")  # "Was named a Leader": you were
    following, _, after = rest.partition(" ")
    following = following.casefold()
    # "Named a Leader in the Gartner MQ", "Featured in": done to the company; not "Named a new
    # CEO" or "Selected Snowflake", which it did.
    done_to = (
        first.casefold() in _DONE_TO_COMPANIES
        and following in _HONOURS
        and after.split(" ", 1)[0].casefold() not in ("new", "our", "their", "its")
    ) or (first.casefold() in _GRADED and rest[:1].isupper())  # "Rated Outstanding by Ofsted"
    if space and (done_to or (first.casefold() in _COMPANY_DEEDS and following == "by")):
        return _agreeing(f"you were {_yours(lowered(news))}")
    # Noted without its subject ("Raised a Series B"): the company did it. Only a deed a
    # company does, and not in the passive ("Acquired by Microsoft", "Named a leader").
    if space and first.casefold() in _COMPANY_DEEDS and following != "by":
        return _agreeing(f"you {_yours(lowered(news))}")
    return news


def _agreeing(said: str) -> str:
    """News told to "you" with its second verb agreeing: "you raised a Series B and is hiring"
    is "and are hiring"."""
    return _AND_IS.sub(lambda m: f"{m[1]} {_FOR_YOU[m[2].casefold()]}", said)


_AND_IS = re.compile(r"\b(and|but)\s+(is|has|was)\b", re.IGNORECASE)
_FOR_YOU = {"is": "are", "has": "have", "was": "were"}


def _yours(deed: str) -> str:
    """A deed of the company's with what it did it to said as the reader's: "got their
    licence", "closed its Series C" are "your". Only next to the deed: a "their" further on
    ("an app that lets customers track their spending") is someone else's."""
    words = deed.split(" ")
    near = [_THEIRS.sub("your", w) if n < _NEAR else w for n, w in enumerate(words)]
    return " ".join(near)


# How far into a deed its object's owner is the company: "just got their EMI licence".
_NEAR = 3
# What follows a word like "named" when it was done to the company.
_HONOURS = frozenset(
    ["a", "an", "the", "one", "among", "as", "in", "on", "to", "by", "for", "#1", "no.",
     "number", "best", "top"]
)  # fmt: skip


_THEIRS = re.compile(r"\b(?:their|our|its)\b")
_DONE_TO_COMPANIES = frozenset(
    ["named", "ranked", "recognised", "recognized", "listed", "awarded", "featured",
     "certified", "rated", "voted", "selected", "chosen", "shortlisted", "backed"]
)  # fmt: skip
# Done to a company with the grade or honour's own name after it ("awarded Beacon status").
_GRADED = frozenset(["rated", "graded", "awarded", "certified", "ranked", "voted"])
_COMPANY_DEEDS = frozenset(
    ["named", "selected", "awarded", "appointed", "hit", "went", "rebranded", "filed",
     "spoke", "got", "added", "entered", "reported", "topped", "surpassed", "posted",
     "just", "raised", "launched", "opened", "won",
     "announced", "released", "hired",
     "acquired", "expanded", "signed", "partnered", "shipped", "introduced", "unveiled",
     "secured", "landed", "closed", "completed", "reached", "passed", "crossed", "grew",
     "doubled", "tripled", "published", "debuted", "rolled", "moved", "became", "joined"]
)  # fmt: skip


_YOU = {
    "they": "you", "their": "your", "they're": "you're", "they've": "you've",
    "we": "you", "our": "your", "we're": "you're", "we've": "you've",
}  # fmt: skip


def _to_them(point: str) -> str:
    """A point noted about the person ("her plan to merge the two flows and his team's
    hiring") as said to them ("your plan … and your team's hiring"): the note is written to
    them. "his" is always theirs; "her" and "their" only where a thing of theirs follows, as
    "asked her" is not, and "their" not after other people ("young people … their"). "the
    clinics she runs" is "the clinics you run"; any "she" or "him" left is for the user to
    read (``third_person``)."""
    words = point.split(" ")
    said: list[str] = []
    for at, word in enumerate(words):
        low = word.lower()
        before = words[at - 1].lower() if at else ""
        after = words[at + 1].lower() if at + 1 < len(words) else ""
        after = POSSESSIVE.sub("", after)  # "her team's plan": the team is hers
        if at and before in ("she", "he") and said[-1] == "you":
            said.append(_you_do(word) or word)  # "the clinics she runs": you run
            continue
        if low in ("she", "he") and at and _you_do(after):
            said.append("you")
            continue
        # "from their social worker", after "young people": theirs, not the reader's.
        others = low == "their" and _PEOPLE_BEFORE.search(" ".join(words[:at])) is not None
        theirs = low == "his" or (
            low in ("her", "their")
            and not others
            and (after.isalpha() or after[:1].isdigit())
            and after not in spoken.NOT_OWNED
            and (not at or before in spoken.LEADS_IN)
        )
        said.append("your" if theirs else word)
    return " ".join(said)


def _you_do(verb: str) -> str | None:
    """``verb``, said of "she" or "he", as said of "you" ("runs" -> "run", "is" -> "are",
    "started" as it is); None when it is no verb of theirs that this can tell."""
    low = verb.lower()
    if low in _YOU_DO:
        return _YOU_DO[low]
    if not low.isalpha() or len(low) < 3:
        return None
    if low.endswith("ed"):
        return verb  # "the team she joined"
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"  # "carries"
    if low.endswith(("ches", "shes", "sses", "xes", "zes")):
        return verb[:-2]  # "teaches", "pushes"
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return verb[:-1]  # "runs", "leads", "manages"
    return None


_YOU_DO = {
    **spoken.AS_YOU,
    **{same: same for same in (
        "did", "had", "can", "will", "would", "could",
        "got", "went", "came", "took", "made", "built", "ran", "led", "began", "left", "found",
        "grew", "became", "set", "spent", "wrote", "said", "told", "saw", "thought", "brought",
        "kept", "held", "won", "lost", "felt", "knew", "chose", "gave", "put", "met", "taught",
    )},
}  # fmt: skip
# People other than the reader, named before a "their" that is then theirs.
_PEOPLE_BEFORE = re.compile(
    r"\b(?:people|children|kids|students|pupils|patients|customers|clients|users|families|"
    r"parents|residents|members|staff|employees|teams|carers|learners|guests|donors|"
    r"volunteers|young\s+\w+|\w+s\s+and\s+\w+s)\b",
    re.IGNORECASE,
)


_THIRD_PERSON = re.compile(r"\b(?:she|he|her|him|hers|herself|himself)\b", re.IGNORECASE)


def third_person(text: str) -> str | None:
    """The first word of ``text`` that speaks of someone as "she" or "him", if any."""
    found = _THIRD_PERSON.search(text)
    return found.group(0) if found else None


def _met(interview: Interview, contact: Contact | None, now: datetime) -> bool:
    """Whether I have sat in a meeting with them that has ended: only then is there time of
    theirs to thank them for."""
    if contact is None:
        return False
    return any(contact.id in r.interviewers and _ends(r) <= now for r in interview.rounds)


def _owes(interview: Interview, now: datetime) -> bool:
    """Whether I still owe them something I promised: a note offers nothing more until the
    promise is kept."""
    return any(
        p.by is PromiseBy.ME and (p.done_at is None or p.done_at > now) for p in interview.promises
    )


def _answers(action: Action, interview: Interview, now: datetime) -> tuple[str, ...]:
    """The answers I owe, never the questions' wording (mine alone): to the person who asked,
    in a thank-you to them; else in the next check-in or value-add, as something of value,
    and only that one: a check-in or value-add already sent has carried them."""
    if action.kind is ActionKind.THANK_YOU:
        owed = [
            q
            for q in interview.notes.open_questions
            if q.asked_by is not None
            and q.asked_by == action.contact
            and not _told(interview, action.contact, q.answer, now)
        ]
    elif action.kind in _CARRY_ANSWERS and not _answers_sent(interview, now):
        owed = [q for q in interview.notes.open_questions if q.asked_by is None]
    else:
        owed = []
    # An answer still jotted ("Snowflake probably?? or BigQuery") is the user's to write out:
    # none is sent rather than that one.
    return tuple(q.answer for q in owed if q.answer.strip() and not jotted(_phrase(q.answer)))


_CARRY_ANSWERS = (ActionKind.CHECK_IN, ActionKind.VALUE_ADD)


def _told(interview: Interview, contact: str | None, answer: str, now: datetime) -> bool:
    """Whether a thank-you sent to ``contact`` before ``now`` carried ``answer``: its text says
    so, or, sent with no text kept, its draft did (a second thank-you to someone met again
    does not give them the same answer twice)."""
    said = " ".join(answer.split())[:40]
    return any(
        e.kind is EventKind.SENT
        and e.action is ActionKind.THANK_YOU
        and e.contact == contact
        and e.at <= now
        and (not e.text or said in " ".join(e.text.split()))
        for e in interview.events
    )


def _answers_said(answers: list[str]) -> str:
    """Answers one after another, each a sentence of its own: "I would use Snowflake. Yes, I
    have managed a $2M budget" (joined with "and", the second read "… Snowflake and Yes, I
    have …")."""
    said = [_LABELLED.sub("", a, count=1) for a in answers if a]
    return ". ".join([*said[:1], *(a[:1].upper() + a[1:] for a in said[1:])])


# "Correcting my case math: I should have divided …": the heading the user gave the answer,
# which the sentence before it says ("here is a fuller answer:"), not a second colon.
_LABELLED = re.compile(r"^[^:.;!?]{1,40}:\s+(?=[A-Z0-9])")


# The channels whose check-in or value-add says the answers: a call or a LinkedIn note has no
# room for them, and leaves them for the next message.
_SAYS_ANSWERS = (None, Channel.EMAIL, Channel.LETTER)


def _answers_sent(interview: Interview, now: datetime) -> bool:
    """Whether a check-in or value-add that says the answers has been sent since the last
    meeting: my answers are to its questions, so one sent before it carried other answers."""
    held = [_ends(r) for r in interview.rounds if _ends(r) <= now]
    since = max(held) if held else None
    return any(
        e.kind is EventKind.SENT
        and e.action in _CARRY_ANSWERS
        and e.channel in _SAYS_ANSWERS
        and e.at <= now
        and (since is None or e.at >= since)
        for e in interview.events
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def find_interview(pipeline: Pipeline, interview_id: str) -> Interview:
    interview = pipeline.interview(interview_id)
    if interview is None:
        raise LookupError(f'no interview "{interview_id}"')
    return interview


def _aware(interview: Interview) -> Interview:
    """Records carry aware times; one that slipped through naive is read in the interview's
    zone, as the interchange format reads it, rather than failing every comparison."""
    tz = zone(interview.timezone)

    def fixed(moment: datetime) -> datetime:
        return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment

    rounds = tuple(replace(r, starts=fixed(r.starts)) for r in interview.rounds)
    promises = tuple(
        replace(p, created=fixed(p.created)) if p.created else p for p in interview.promises
    )
    return replace(interview, rounds=rounds, promises=promises)


def _me(profile: Profile) -> dict[str, str]:
    # One's own title is for others to use: "this is Dr. Owen Pryce-Williams" is not said.
    name = spoken.untitled(spoken.as_written(profile.name))
    signature = profile.signature.strip()
    if not signature and name:
        signature = "\n".join(p for p in (name, profile.phone.strip(), profile.email.strip()) if p)
    return {
        "my_name": name,
        "my_first_name": spoken.given_name(name),
        "my_email": profile.email.strip(),
        "my_phone": profile.phone.strip(),
        "signature": signature,
    }


def _them(contact: Contact | None) -> dict[str, str]:
    name = spoken.as_written(contact.name) if contact else ""
    return {
        "name": name,
        "first_name": spoken.first_name(name),
        "title": contact.title.strip() if contact else "",
    }


def _ends(held: Round) -> datetime:
    return held.starts + timedelta(minutes=held.minutes)


def _round_of(
    action: Action, interview: Interview, now: datetime, contact: Contact | None
) -> Round | None:
    """The meeting a note refers to: the action's own round, else the latest one held (for an
    invitation to connect, the latest one with that contact)."""
    own = interview.round(action.round)
    if own is not None:
        return own
    held = [r for r in interview.rounds if _ends(r) <= now]
    theirs = [r for r in held if contact is not None and contact.id in r.interviewers]
    pool = (theirs if action.kind is ActionKind.CONNECT else []) or held
    return max(pool, key=lambda r: r.starts) if pool else None


def _posted(channel: Channel | None, action: Action) -> bool:
    """Whether the message is a letter: read days after it is written, so a day is said by
    its date ("on Wednesday 18 November"), never "today" or "yesterday"."""
    return (channel or action.channel) is Channel.LETTER


def _day(
    action: Action, interview: Interview, held: Round | None, today: date, posted: bool
) -> str:
    tz = zone(interview.timezone)
    promise = interview.promise(action.promise)
    if action.kind is ActionKind.KEEP_PROMISE and promise:
        if promise.created:
            said = _day_said(promise.created.astimezone(tz).date(), today, posted)
            # "As I promised today" reads as if it were not yet kept.
            return "earlier today" if said == "today" else said
        # Not noted when: made at the last meeting that ended before it was due, if any (a
        # promise to bring something to a meeting was made before that meeting).
        before = [r for r in interview.rounds if _ends(r) <= promise.due]
        held = max(before, key=lambda r: r.starts) if before else None
    if held is None:
        return ""
    return _day_said(held.starts.astimezone(tz).date(), today, posted)


def _day_said(day: date, today: date, posted: bool) -> str:
    """``day`` as a message says it: by its date in a letter, else as people do ("today")."""
    return spoken.dated_day_phrase(day, today) if posted else spoken.day_phrase(day, today)


_VIDEO_TOOLS = frozenset(
    ["zoom", "teams", "google meet", "webex", "skype", "hangouts", "whereby", "facetime"]
)


def _a_call(kind: str) -> bool:
    """Whether a round of ``kind`` was a phone call: someone spoken with, not met."""
    words = " ".join(kind.lower().replace("-", " ").replace("_", " ").split())
    return "phone" in words or words in ("call", "telephone")


def meeting_phrase(kind: str, *, ours: bool = True) -> str:
    """How a note names the meeting: "our video call", "the panel interview"; to someone who
    was not in it (``ours`` false), always "the …"."""
    words = " ".join(kind.lower().replace("-", " ").replace("_", " ").split())
    if not words:
        named = "conversation"
    elif words == "on site":
        named = "onsite interview"  # "on-site", as words
    elif words in {"in person", "office visit", "visit"}:
        named = "meeting"
    elif _a_call(words):
        named = "call"
    elif "video" in words or any(words == t or words.startswith(f"{t} ") for t in _VIDEO_TOOLS):
        named = "video call"  # "Zoom", "Teams call", "Google Meet": a video call
    else:
        named = meeting_named(words)  # "our panel interview", "our trade test"
    return f"{'our' if ours else 'the'} {named}"


def _the_meeting(
    interview: Interview,
    held: Round | None,
    contact: Contact | None,
    today: date,
    posted: bool,
) -> str:
    """The meeting a note looks back on, told truly to its reader: "our panel interview on
    Monday with Marcus and Tom" to one who was in it; "meeting Hana, Marcus and Tom on Monday"
    to one who was not (a recruiter), since "our" would put them in a room they were not in."""
    if held is None:
        return ""
    day = _day_said(held.starts.astimezone(zone(interview.timezone)).date(), today, posted)
    others = _others(interview, held, contact)
    if contact is not None and contact.id in held.interviewers:
        return f"{meeting_phrase(held.kind)} {day}" + (f" with {others}" if others else "")
    if others:
        return f"meeting {others} {day}"
    return f"{meeting_phrase(held.kind, ours=False)} {day}"


def _others(interview: Interview, held: Round | None, contact: Contact | None) -> str:
    if held is None:
        return ""
    people = [
        spoken.as_written(person.name)
        for person_id in held.interviewers
        if (person := interview.contact(person_id)) is not None
        and (contact is None or person.id != contact.id)
    ]
    firsts = [spoken.first_name(name) for name in people]
    # Two of one first name, or one the reader's own ("with Chris", to Chris Adams, meaning
    # Chris Bell): each is named in full.
    taken = [*firsts, spoken.first_name(spoken.as_written(contact.name))] if contact else firsts
    names = [
        name if taken.count(first) > 1 else first
        for name, first in zip(people, firsts, strict=True)
    ]
    return spoken.names_list(names)


def _timeline(interview: Interview, now: datetime, today: date) -> str:
    """The employer's own decision date, unless it is older than the last meeting or their
    last answer (then it was about an earlier stage, or they have moved on from it, and it no
    longer holds: the engine counts from their answer then)."""
    decision = interview.decision_by
    if decision is None:
        return ""
    tz = zone(interview.timezone)
    held = [_ends(r).astimezone(tz).date() for r in interview.rounds if _ends(r) <= now]
    held += [
        e.at.astimezone(tz).date()
        for e in interview.events
        if e.kind is EventKind.REPLY and e.at <= now
    ]
    if held and decision < max(held):
        return ""
    return spoken.timeline_phrase(decision, today)


def _offer_deadline(action: Action, pipeline: Pipeline, today: date) -> str:
    if action.kind is not ActionKind.UPDATE_OTHERS:
        return ""
    for other in pipeline.interviews:
        if other.offer_deadline is None:
            continue
        if action_id(action.interview, ActionKind.UPDATE_OTHERS, other.id) == action.id:
            return spoken.deadline_phrase(other.offer_deadline, today)
    return ""


def _promise(
    action: Action, interview: Interview, contact: Contact | None, channel: Channel | None
) -> str:
    promise = interview.promise(action.promise)
    if action.kind is not ActionKind.KEEP_PROMISE or promise is None or not promise.what.strip():
        return ""
    names = []
    if contact is not None:
        full = spoken.as_written(contact.name)
        names = [full, spoken.first_name(full), spoken.given_name(full)]
    # "her" and "them" in a promise made to the reader are the reader.
    to_reader = contact is not None and promise.to == contact.id
    said = spoken.promise_phrase(promise.what, names, to_reader=to_reader)
    if jotted(said):
        return ""  # the user's shorthand: the draft asks them what they promised
    if channel is not Channel.PHONE:
        said = spoken.kept_in_writing(said)
    # "Look into the visa question": done by now, and the message follows it up.
    done_first = spoken.followed_up(said, to_reader=to_reader) if contact is not None else None
    if done_first is not None:
        return done_first
    # Something to bring to a meeting that has passed is now something to send.
    if said.startswith("bring you "):
        return "send you " + said.removeprefix("bring you ")
    if said.startswith("bring "):
        return "send you " + said.removeprefix("bring ")
    return said


def _their_promise(action: Action, interview: Interview, today: date) -> str:
    """The promise of theirs a check-in follows, said to the person the check-in goes to: "You
    mentioned you would …" when they made it (or nobody in particular did), else "Jane
    mentioned they would …"."""
    promise = interview.promise(action.promise)
    if (
        action.kind is not ActionKind.CHECK_IN
        or promise is None
        or promise.by is not PromiseBy.THEM
        or not promise.what.strip()
    ):
        return ""
    maker = interview.contact(promise.to)
    maker_name = spoken.as_written(maker.name) if maker else ""
    if maker is None or maker.id == action.contact or not maker_name:
        who = "You mentioned you"
    else:
        who = f"{spoken.first_name(maker_name)} mentioned they"
    names = [c.name for c in interview.contacts] + [interview.company]
    when = spoken.promised_phrase(promise.due.astimezone(zone(interview.timezone)).date(), today)
    return f"{who} would {deed(promise.what, names)} {when}"

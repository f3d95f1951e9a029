"""The people on an invitation pasted into the quick-add form: its guest list ("Who", "Guests",
"Required Attendees: …") read into names and addresses. Pure text work, no widgets.

An address on a "To:" or "Calendar" line is the reader's own (the invitation was sent to them,
or sits in their calendar), so it is left off the list even when the guest list repeats it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EMAIL = r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"
_SECTION = re.compile(
    r"^(?:who|guests|attendees|required attendees|optional attendees|participants|invitees"
    r"|organi[sz]er)\b\s*:?\s*(.*)$",
    re.IGNORECASE,
)
_MINE = re.compile(r"^(?:to|calendar)\b\s*:?\s*(.*)$", re.IGNORECASE)
# Any other "Label:" line ends a guest list (Subject:, Where:, Join Zoom Meeting…).
_OTHER_LABEL = re.compile(r"^[A-Za-z][A-Za-z /]{1,30}:(?:\s|$)")
_BULLET = re.compile(r"^[\s•*·‣◦▪-]+")
_ROLE = re.compile(
    r"\s*(?:[-–—]\s*|\()\s*(?:organi[sz]er|optional|required|creator|host)\)?\s*$", re.IGNORECASE
)
_NAMED = re.compile(rf"^\"?([^<>\"()]+?)\"?\s*[<(]\s*({_EMAIL})\s*[>)]$")
_NAME = re.compile(r"^[^\W\d_][\w'’.\-]*(?: [^\W\d_][\w'’.\-]*){0,4}$")
MAX_PEOPLE = 20


@dataclass(frozen=True, slots=True)
class Person:
    name: str = ""
    email: str = ""


def people_in(text: str) -> tuple[Person, ...]:
    """The guests of an invitation, in the order it lists them, each once; none when the text
    has no guest list."""
    mine = {
        part.lower()
        for line in text.splitlines()
        if (label := _MINE.match(line.strip()))
        for item in _items(label[1])
        if (person := _person(item))
        for part in (person.name, person.email)
        if part
    }
    found: list[Person] = []
    listing = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if section := _SECTION.match(line):
            listing = True
            items = _items(section[1])
        elif _OTHER_LABEL.match(line) or _MINE.match(line):
            listing = False
            continue
        elif listing:
            items = [line]
        else:
            continue
        for item in items:
            person = _person(item)
            if person is None:
                if item.strip():
                    listing = False
                continue
            if person.email.lower() in mine or person.name.lower() in mine:
                continue
            if _seen(person, found):
                continue
            if found and _same(found[-1], person):
                found[-1] = Person(found[-1].name, person.email)
            else:
                found.append(person)
    return tuple(found[:MAX_PEOPLE])


def _items(text: str) -> list[str]:
    """A list on one line, parted by semicolons or commas, but not those inside quotes
    ("Lee, Kim" <kim@…>)."""
    return re.findall(r'(?:"[^"]*"|[^;,])+', text)


def _person(item: str) -> Person | None:
    text = _ROLE.sub("", _BULLET.sub("", item.strip())).strip()
    if not text:
        return None
    if named := _NAMED.match(text):
        return Person(" ".join(named[1].split()), named[2])
    if re.fullmatch(_EMAIL, text):
        return Person("", text)
    if _NAME.match(text):
        return Person(text, "")
    return None


def _same(named: Person, addressed: Person) -> bool:
    """An address listed just under a name without one is that person's when it is made of
    their name ("Jane Doe" then "jane.doe@…" or "jdoe@…"), as some calendars list guests."""
    if named.email or not named.name or addressed.name or not addressed.email:
        return False
    local = addressed.email.split("@")[0].lower()
    words = [word.lower() for word in re.findall(r"[^\W\d_]+", named.name)]
    return any(len(word) > 1 and word in local for word in words)


def _seen(person: Person, found: list[Person]) -> bool:
    return any(
        (person.email and person.email.lower() == other.email.lower())
        or (person.name and person.name.lower() == other.name.lower())
        for other in found
    )

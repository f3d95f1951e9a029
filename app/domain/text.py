"""Text is data: what a person typed or a file held is never a command to the terminal.

A control character in a name or a note would reach the terminal as part of an escape sequence
(clear the screen, set the clipboard through OSC 52, retitle the window), and the calendar
file, the ``.eml`` and the clipboard would carry it on. So the control characters are refused
where text comes in (``control_problem``) and made visible where it goes out (``printable``).

The control characters are C0 but tab and line feed (U+0000–U+0008, U+000B–U+001F, carriage
return among them), DEL (U+007F) and C1 (U+0080–U+009F): a terminal acts on every one of them.

``printable`` writes each as the escape Python and C use, ``\\x1b`` for ESC, which is what the
error messages already show (they quote with ``repr``): four visible characters that say
exactly which byte was there, for C1 as well as C0 (Unicode's Control Pictures have no
symbols for C1).
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""One control character that is neither a tab nor a line feed."""


def control_problem(text: str) -> str | None:
    """What is wrong with ``text`` as stored text, or None: "holds a control character
    (U+001B)", naming the first one."""
    found = CONTROL.search(text)
    if found is None:
        return None
    return f"holds a control character (U+{ord(found.group()):04X})"


def has_control(text: str) -> bool:
    return CONTROL.search(text) is not None


def printable(text: str) -> str:
    """``text`` with each control character written as its ``\\xNN`` escape; tabs and line
    breaks kept."""
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    return f"\\x{ord(found.group()):02x}"


# No comma, semicolon or bracket either: a mail program reads them as a list of addresses.
_EMAIL = re.compile(r'[^@\s,;<>()"]+@[^@\s,;<>()"\[\]]+\.[^@\s,;<>()"\[\]]+')


def email_problem(text: str) -> str | None:
    """What is wrong with an email address, or None; an empty one is no problem. One address:
    a comma or a space would make a message's header, or a mailto: link, name two."""
    if text and not _EMAIL.fullmatch(text):
        return "not an email address (like jane@acme.example)"
    return None

"""The one error a typed date can raise, and the list of forms that every such error shows."""

from __future__ import annotations

ACCEPTED_FORMS = (
    "2026-11-30, 2026-11-30 14:30, 30 nov, nov 30 2026, today, tonight, tomorrow 9am, "
    "friday 3pm, next friday, in 3 days, in 4 hours, later today, noon, 17:00, next week, "
    "next month, end of week, end of the month"
)

# Far longer than any form we accept ("Mon 30 Nov 2026 at 9:30 p.m."), so that a paragraph
# pasted by mistake is turned away before any pattern runs over it.
MAX_LENGTH = 64


class WhenError(ValueError):
    """Text that cannot be read as a date: empty, unknown, ambiguous or out of range.

    Its message is one line that ends with the accepted forms, so the command line and the
    dashboard can show it as it is.
    """


def shown(text: str) -> str:
    """The user's text quoted for a message, cut short and kept on one line."""
    cut = text if len(text) <= 40 else text[:39] + "…"
    return repr(cut)


def unreadable(text: str) -> WhenError:
    return WhenError(f"cannot read {shown(text)} as a date; try: {ACCEPTED_FORMS}")


def out_of_range(text: str, why: str) -> WhenError:
    return WhenError(f"{shown(text)} is not a real date ({why}); try: {ACCEPTED_FORMS}")


def outside_years(text: str, years: str) -> WhenError:
    return WhenError(f"{shown(text)} is not a date {years}; try: {ACCEPTED_FORMS}")


def ambiguous(text: str, readings: list[str]) -> WhenError:
    """``readings`` are the dates the digits could mean, each in a form we accept."""
    spelled = " or ".join(dict.fromkeys(readings))
    hint = f"write {spelled}, or year-month-day" if readings else "write it as year-month-day"
    return WhenError(
        f"{shown(text)} is ambiguous: day and month could be either way round; {hint}; "
        f"try: {ACCEPTED_FORMS}"
    )

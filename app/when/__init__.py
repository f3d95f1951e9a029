"""Dates typed by people: "2026-11-30", "tomorrow 9am", "next friday", "in 3 days" (SPEC §3).

The default times, in the interview's zone:

* a day named without a time ("tomorrow", "friday", "27 nov", "2026-11-30", "next week") is
  09:00, the start of work hours, even when that is already past ("today" at 15:00 is 09:00);
* "end of week" / "end of the month" is 17:00 on the last work day (Friday; the month's last
  weekday), the next one once that has passed; "end of next week" is next week's Friday;
* "tonight" and "tomorrow evening" are 19:00, "tomorrow afternoon" 14:00; "later today" is
  three hours from now;
* a time alone ("9am", "17:00", "noon") is today if still ahead, else tomorrow;
* "friday" is the next Friday strictly after today, "this friday" may be today, "next friday"
  is the Friday of next week; "next week" is its Monday; "next month" its first weekday;
* "in 4 hours" is elapsed time across DST, "in 3 days" three calendar days at the same
  wall-clock time; "27 nov" without a year is the one nearest today, either way;
* a local time that DST skips moves forward by the gap; one that happens twice is the later.

ISO week dates are read too: "2026-W48-5" is the Friday of week 48, at 09:00 like any day named
without a time, and "2026-W48" is that week's Monday.

A meeting pasted from a calendar ("Tue 8 Dec 14:00–15:00", or a whole invitation) is read by
``parse_span`` (span.py), which reads its day through ``parse_when``.

Numeric dates other than year-month-day whose day and month could be either way round
(03/04/2027, 3.4.2027, 10/11) are refused as ambiguous rather than guessed; one that reads one
way only (31/12/2026, 30.11) is read that way.

The grammar is our own. dateparser reads every form above but with other defaults (the time of
the call for "tomorrow", midnight for a date, "27 nov" as next year on 27 Nov), reads 03/04/2027
month-first, and guesses at text it does not know ("a" is January, "ten" October, "mon
december" the 11th, "dec 35" December 2035); parsedatetime has had no release since 2020 and
reads "2026-11-30T09:00" as today at 20:26. Each would cost more to fence in than the grammar
costs to keep, and this one imports nothing beyond the standard library until text is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazy import on_first_use

if TYPE_CHECKING:
    from app.when.describe import describe_when
    from app.when.errors import ACCEPTED_FORMS, WhenError
    from app.when.parse import parse_when
    from app.when.span import SPAN_EXAMPLES, Span, parse_span

# Imported on first use (PEP 562): the dashboard says moments back (``describe``) from its
# start, and reads typed ones (the grammar, meetings pasted) only when a form asks.
__getattr__ = on_first_use(
    __name__,
    {
        "describe_when": "app.when.describe",
        "ACCEPTED_FORMS": "app.when.errors",
        "WhenError": "app.when.errors",
        "parse_when": "app.when.parse",
        "SPAN_EXAMPLES": "app.when.span",
        "Span": "app.when.span",
        "parse_span": "app.when.span",
    },
)

__all__ = [
    "ACCEPTED_FORMS",
    "SPAN_EXAMPLES",
    "Span",
    "WhenError",
    "describe_when",
    "parse_span",
    "parse_when",
]

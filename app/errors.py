"""Errors that come from what the user asked, as opposed to a bad file or a bug."""

from __future__ import annotations


class UserError(Exception):
    """A problem with what the user asked: an unknown id, a bad option value, a clash.

    Its text is shown as one line after ``followup:``, so it never spans lines.
    """

    def __str__(self) -> str:
        return " ".join(super().__str__().splitlines())

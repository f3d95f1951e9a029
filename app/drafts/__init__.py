"""Drafted messages for every action that contacts someone, on every channel (SPEC section 5).

``compose(action, pipeline, now)`` fills the action's template from the records and returns a
``Draft``: the text, the placeholders still in it (``[recap point]``), and warnings (a personal
address, a LinkedIn note over 300 characters, a user template that could not be used).

Templates are files named ``KIND.PART.txt`` (``thank_you.email.txt``); a file of the same name
in the user's templates folder replaces the built-in one. Their language is in
``app.drafts.template`` and their placeholders in ``app.drafts.fields.FIELDS``.

Nothing here imports Textual or TinyDB, reads the clock or touches the disk on import.
"""

from app.drafts.compose import LINKEDIN_LIMIT, Draft, DraftError, compose, placeholder_warning
from app.drafts.fields import FIELDS
from app.drafts.library import TEMPLATE_NAMES
from app.drafts.template import TemplateError

__all__ = [
    "FIELDS",
    "LINKEDIN_LIMIT",
    "TEMPLATE_NAMES",
    "Draft",
    "DraftError",
    "TemplateError",
    "compose",
    "placeholder_warning",
]

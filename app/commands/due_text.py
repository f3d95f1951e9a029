"""``followup due`` for a person: the actions grouped and numbered at 80 columns."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from datetime import datetime

from app.commands.context import Context
from app.engine import Action, Urgency
from app.engine.describe import moment
from app.engine.urgency import urgency

WIDTH = 80


def keep_numbers(
    ctx: Context, actions: list[Action], names: Mapping[tuple[str, str], str], now: datetime
) -> bool:
    """Keep this listing's numbers for the commands that take an id; whether they were kept.

    A listing that cannot be kept is shown without numbers, and the one before is removed, so
    that a number can never mean an action of an older listing."""
    from app.errors import UserError
    from app.services.listing import Listed, forget_listing, listing_path, save_listing

    if not actions:
        forget_listing(ctx.db_path)
        return False
    listed = [Listed(n, a.id, a.interview, _what(a, names)) for n, a in enumerate(actions, start=1)]
    try:
        save_listing(ctx.db_path, listed, now)
    except (UserError, OSError) as problem:
        said = f"the actions are not numbered: {problem}"
        if not forget_listing(ctx.db_path):
            said += f"; remove {listing_path(ctx.db_path)}, or a number may name an older action"
        ctx.warn(said)
        return False
    return True


def in_groups(actions: list[Action], now: datetime) -> list[Action]:
    """In the order the listing shows them: overdue, open now, then coming up."""
    return sorted(actions, key=lambda a: _GROUPS.index(urgency(a, now).heading))


_GROUPS = [Urgency.OVERDUE.heading, Urgency.OPEN_NOW.heading, Urgency.LATER_TODAY.heading]
NUMBERS_HINT = "Numbers stand for ids in draft, sent, snooze, skip, reply: followup sent 1"


def as_text(
    actions: list[Action],
    now: datetime,
    days: int,
    names: Mapping[tuple[str, str], str] | None = None,
    *,
    numbered: bool = False,
) -> str:
    """Grouped for a person at 80 columns: overdue, open now, then coming up; numbered in the
    order shown (``in_groups``) when ``numbered``."""
    if not actions:
        return f"Nothing to do in the next {days} days.\n"
    groups: dict[str, list[tuple[int, Action]]] = {title: [] for title in _GROUPS}
    for number, action in enumerate(in_groups(actions, now), start=1):
        groups[urgency(action, now).heading].append((number, action))
    digits = len(str(len(actions))) if numbered else 0
    # The number stands out in its own column; the rest of the entry lines up after it.
    lead = 2 + (digits + 2 if numbered else 0)
    under = " " * lead
    lines: list[str] = []
    for title, members in groups.items():
        if not members:
            continue
        lines.append(f"{title} ({len(members)})")
        for number, action in members:
            column = f"{number:>{digits}}  " if numbered else ""
            head = _headline(action, now, names or {}, WIDTH - lead)
            lines.append(f"  {column}{head}")
            lines.extend(
                textwrap.wrap(action.reason, WIDTH, initial_indent=under, subsequent_indent=under)
            )
            lines.append(f"{under}id: {action.id}")
        lines.append("")
    if numbered:
        lines.extend([NUMBERS_HINT, ""])
    return "\n".join(lines)


def _who(action: Action, names: Mapping[tuple[str, str], str]) -> str:
    if not action.contact:
        return ""
    return f" to {names.get((action.interview, action.contact), action.contact)}"


def _what(action: Action, names: Mapping[tuple[str, str], str]) -> str:
    """How the listing's file names the action in a message: ``thank-you to Hana · Acme``."""
    return f"{action.kind.value.replace('_', '-')}{_who(action, names)} · {action.company}"


def _headline(
    action: Action, now: datetime, names: Mapping[tuple[str, str], str], width: int
) -> str:
    how = f" by {action.channel.value}" if action.channel else ""
    if urgency(action, now) > Urgency.OPEN_NOW:
        when = f"opens {moment(action.due_from)}"
    else:
        when = f"due by {moment(action.due_by)}"
    head = f"{action.kind.value.replace('_', '-')}{_who(action, names)}{how} · {action.company}"
    tail = f" · {when}"
    if len(head) + len(tail) > width:
        head = head[: width - len(tail) - 1].rstrip() + "…"
    return head + tail

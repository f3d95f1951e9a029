"""``followup due``: what to do now, what is late, and what is coming."""

from __future__ import annotations

import argparse
import json
import textwrap
from collections.abc import Mapping
from datetime import datetime

from app.commands.context import Context
from app.engine import Action, Urgency, compute_actions, urgency
from app.engine.describe import moment

WIDTH = 80


def run(args: argparse.Namespace, ctx: Context) -> int:
    pipeline = ctx.records.load()
    now = ctx.now
    horizon = now.add(days=args.days)
    actions = [
        a
        for a in compute_actions(pipeline.interviews, pipeline.policy, now)
        if urgency(a, now) <= Urgency.OPEN_NOW or a.due_from <= horizon
    ]
    if args.json:
        ctx.out.write(json.dumps([as_json(a) for a in actions], indent=2, ensure_ascii=False))
        ctx.out.write("\n")
    else:
        names = {(i.id, c.id): c.name or c.id for i in pipeline.interviews for c in i.contacts}
        ctx.out.write(as_text(actions, now, args.days, names))
    return 0


def as_json(action: Action) -> dict[str, str | None]:
    return {
        "id": action.id,
        "interview": action.interview,
        "company": action.company,
        "kind": action.kind.value,
        "contact": action.contact,
        "round": action.round,
        "channel": action.channel.value if action.channel else None,
        "due_from": action.due_from.isoformat(),
        "due_by": action.due_by.isoformat(),
        "state": action.state.value,
        "reason": action.reason,
    }


def as_text(
    actions: list[Action],
    now: datetime,
    days: int,
    names: Mapping[tuple[str, str], str] | None = None,
) -> str:
    """Grouped for a person at 80 columns: overdue, open now, then coming up."""
    groups: dict[str, list[Action]] = {
        Urgency.OVERDUE.heading: [],
        Urgency.OPEN_NOW.heading: [],
        Urgency.LATER_TODAY.heading: [],
    }
    for action in actions:
        groups[urgency(action, now).heading].append(action)
    if not actions:
        return f"Nothing to do in the next {days} days.\n"
    lines: list[str] = []
    for title, members in groups.items():
        if not members:
            continue
        lines.append(f"{title} ({len(members)})")
        for action in members:
            lines.append(_headline(action, now, names or {}))
            lines.extend(
                textwrap.wrap(action.reason, WIDTH, initial_indent="    ", subsequent_indent="    ")
            )
            lines.append(f"    id: {action.id}")
        lines.append("")
    return "\n".join(lines)


def _headline(action: Action, now: datetime, names: Mapping[tuple[str, str], str]) -> str:
    who = ""
    if action.contact:
        who = f" to {names.get((action.interview, action.contact), action.contact)}"
    how = f" by {action.channel.value}" if action.channel else ""
    if urgency(action, now) > Urgency.OPEN_NOW:
        when = f"opens {moment(action.due_from)}"
    else:
        when = f"due by {moment(action.due_by)}"
    head = f"  {action.kind.value.replace('_', '-')}{who}{how} · {action.company}"
    tail = f" · {when}"
    if len(head) + len(tail) > WIDTH:
        head = head[: WIDTH - len(tail) - 1] + "…"
    return head + tail

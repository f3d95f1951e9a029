"""``followup demo``: fill a database with the sample interviews of ``app.demo``."""

from __future__ import annotations

import argparse

from app.commands.context import Context


def run(args: argparse.Namespace, ctx: Context) -> int:
    from app.demo import DEMO_IDS, demo_pipeline
    from app.when.describe import to_the_minute

    now = ctx.now
    zone = ctx.home_zone
    sample = demo_pipeline(now, zone)
    after = ctx.records.fill_with_samples(sample, DEMO_IDS)
    count = len(sample.interviews)
    ctx.say(
        f"Filled {ctx.records.path} with {count} sample interviews as of "
        f"{to_the_minute(now.in_timezone(zone))} ({zone})."
    )
    if after.profile.name != sample.profile.name:
        ctx.say("Your profile was kept; the drafts are signed with your name.")
    ctx.say("Next: `followup due` for what to do today, or `followup` for the dashboard.")
    return 0

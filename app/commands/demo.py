"""``followup demo``: fill a database with the sample interviews of ``app.demo``."""

from __future__ import annotations

import argparse
from dataclasses import replace

from app.commands.context import Context
from app.domain.interchange import Pipeline
from app.errors import UserError


def run(args: argparse.Namespace, ctx: Context) -> int:
    from app.demo import DEMO_IDS, demo_pipeline
    from app.store.repository import merge, merge_profile

    now = ctx.now
    zone = ctx.home_zone
    sample = demo_pipeline(now, zone)

    def fill(current: Pipeline) -> Pipeline:
        theirs = [i.id for i in current.interviews if i.id not in DEMO_IDS]
        if theirs:
            # Never mix sample data into someone's real search.
            raise UserError(
                f"{ctx.repo.path} already holds {len(theirs)} interview"
                f'{"" if len(theirs) == 1 else "s"} of your own (such as "{theirs[0]}"); '
                "the demo fills only an empty database: pick another with --db"
            )
        # Earlier demo interviews are replaced; a profile the user already filled in stays.
        merged, _ = merge(current, sample, replace=True, path=ctx.repo.path)
        profile, _ = merge_profile(current.profile, sample.profile, replace_all=False)
        return replace(merged, profile=profile)

    after = ctx.repo.update(fill)
    count = len(sample.interviews)
    ctx.say(
        f"Filled {ctx.repo.path} with {count} sample interviews as of "
        f"{now.in_timezone(zone).format('ddd D MMM YYYY HH:mm')} ({zone})."
    )
    if after.profile.name != sample.profile.name:
        ctx.say("Your profile was kept; the drafts are signed with your name.")
    ctx.say("Next: `followup due` for what to do today, or `followup` for the dashboard.")
    return 0

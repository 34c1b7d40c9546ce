"""Demo seed step: a year of history for the statistics, so the charts tell a story a newcomer can read.

On top of the demo's own households and children (seeded through the real services), a synthetic batch adds
two years of applicants and children in the demo regions (journeys in every stage, placements chosen under
weights version A and then B, a few breakdowns); then a year of daily snapshots is rebuilt from the records'
dates and the dashboard's figures are computed. Idempotent: the batch is labelled and written once.
"""

from __future__ import annotations

from datetime import timedelta

from nrp.stats.services import synthetic_batch_generate

HOUSEHOLDS_PER_REGION = {"small": 60, "medium": 60, "large": 80}
CHILDREN_PER_REGION = {"small": 30, "medium": 30, "large": 40}


def seed_ministry(ctx) -> None:
    """A ministry worker (pracovník MPSV): every region's statistics, nothing else."""
    from nrp.core.choices import Role
    from nrp.core.demo import DEMO_DOMAIN, demo_user, grant

    user = demo_user(f"mpsv@{DEMO_DOMAIN}", "Marie", "Ministerská")
    grant(user, Role.MINISTRY)
    ctx.log(str(Role.MINISTRY.label), user.email, "Česká republika")


def seed_history(ctx) -> None:
    seed_ministry(ctx)
    regions = list(ctx.regions)
    if not regions:
        return
    households = HOUSEHOLDS_PER_REGION.get(ctx.size, 60) * len(regions)
    synthetic_batch_generate(
        label=f"demo-history-{ctx.size}",
        regions=regions,
        households=households,
        children=CHILDREN_PER_REGION.get(ctx.size, 30) * len(regions),
        tasks=households * 8,
        years=2,
        seed=2026,
        history_start=ctx.today - timedelta(days=365),
        today=ctx.today,
    )

"""Write the statistics: today's snapshot rows and every precomputed section (``stats_snapshot``, daily)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from nrp.stats import compute_children, compute_outcomes
from nrp.stats.compute import applicants, handovers
from nrp.stats.compute.inputs import Inputs, load_inputs
from nrp.stats.models import DailySnapshot, StatsAggregate

SECTIONS = ("funnel", "stage_times", "children", "missing", "placements", "outcomes", "fairness", "yearly", "handover")


def snapshot_write(*, inputs: Inputs) -> int:
    """Replace the snapshot rows of ``inputs.today`` (idempotent: running twice a day keeps the last)."""
    rows = [DailySnapshot(**row) for row in compute_children.snapshot_rows(inputs)]
    with transaction.atomic():
        DailySnapshot.objects.filter(day=inputs.today).delete()
        DailySnapshot.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def sections_compute(*, inputs: Inputs) -> dict[str, dict[int | None, dict]]:
    trend = compute_children.trend_from_snapshots(today=inputs.today, region_ids=inputs.region_ids)
    return {
        "funnel": applicants.funnel_section(inputs),
        "stage_times": applicants.stage_times_section(inputs),
        "children": compute_children.children_section(inputs, trend),
        "missing": compute_children.missing_families_section(inputs),
        "placements": compute_outcomes.placements_section(inputs),
        "outcomes": compute_outcomes.outcomes_section(inputs),
        "fairness": compute_children.fairness_section(inputs),
        "yearly": compute_outcomes.yearly_section(inputs),
        "handover": handovers.handover_section(inputs),
    }


def stats_refresh(*, today: date | None = None, snapshot: bool = True) -> dict[str, int]:
    """Take today's snapshot and recompute every section for every region and the country."""
    today = today or timezone.localdate()
    inputs = load_inputs(today=today)
    written = snapshot_write(inputs=inputs) if snapshot else 0
    sections = sections_compute(inputs=inputs)
    now = timezone.now()
    rows = [
        StatsAggregate(region_id=scope, section=name, as_of=today, computed_at=now, data=data)
        for name, per_scope in sections.items()
        for scope, data in per_scope.items()
    ]
    with transaction.atomic():
        StatsAggregate.objects.all().delete()
        StatsAggregate.objects.bulk_create(rows)
    return {"snapshot_rows": written, "aggregates": len(rows)}


def synthetic_batch_generate(
    *,
    label: str,
    regions: list,
    households: int,
    children: int,
    tasks: int,
    years: int,
    seed: int,
    history_start: date,
    today: date,
) -> dict | None:
    """Write a labelled batch of synthetic data once, rebuild the snapshot history, recompute the figures."""
    from nrp.stats import history
    from nrp.stats.models import GeneratedBatch
    from nrp.stats.synthetic.generator import generate
    from nrp.stats.synthetic.plan import Plan

    if GeneratedBatch.objects.filter(label=label).exists():
        return None
    plan = Plan(
        regions=regions,
        households=households,
        children=children,
        tasks=tasks,
        years=years,
        today=today,
        seed=seed,
        label=label,
    )
    counts = generate(plan)
    inputs = load_inputs(today=today)
    counts["snapshot_rows"] = history.backfill_snapshots(
        inputs=inputs, start=history_start, end=today - timedelta(days=1)
    )
    counts["snapshot_today"] = snapshot_write(inputs=inputs)
    refreshed = stats_refresh(today=today, snapshot=False)
    counts["aggregates"] = refreshed["aggregates"]
    GeneratedBatch.objects.create(label=label, counts=counts)
    return counts

"""Children's side of the statistics: who waits and how long, which families are missing, fairness.

The groups are the dimension keys of ``CaseRow.groups`` ("age:7-11", "size:3+", "health:several", "eth:roma",
"legal:free", "care:FOSTER", "fair:siblings" …). A case counts in every group it belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import numpy

from nrp.stats.compute.common import (
    AVG_MONTH_DAYS,
    FAIRNESS_GROUPS,
    TREND_MONTHS,
    WAITING_STATUSES,
    age_on,
    last_months,
    months_between,
    summary,
)
from nrp.stats.compute.inputs import CaseRow, Inputs, by_scope

# Families that can be matched (the register-state hard rules of the engine decide the rest).
ACTIVE = "active"
FAIRNESS_COHORT_DAYS = 730


def waiting_cases(inputs: Inputs) -> list[CaseRow]:
    return [c for c in inputs.cases.values() if c.status in WAITING_STATUSES and c.registered_on and c.children]


def _group_stats(cases: list[CaseRow], today: date) -> dict[str, dict]:
    months: dict[str, list[float]] = defaultdict(list)
    for case in cases:
        assert case.registered_on is not None  # waiting cases are registered
        waited = months_between(case.registered_on, today)
        for key in case.groups(today):
            months[key].append(waited)
    return {key: {**summary(values), "max": round(max(values), 1)} for key, values in sorted(months.items()) if values}


def children_section(inputs: Inputs, trend: dict[int | None, list[dict]]) -> dict[int | None, dict]:
    """Waiting children by group with months waited, and the trend from the daily snapshots."""
    grouped = by_scope(waiting_cases(inputs), lambda c: c.region_id)
    return {
        scope: {
            "total": len(grouped.get(scope, [])),
            "groups": _group_stats(grouped.get(scope, []), inputs.today),
            "trend": trend.get(scope, []),
        }
        for scope in [None, *inputs.region_ids]
    }


def trend_from_snapshots(*, today: date, region_ids: list[int]) -> dict[int | None, list[dict]]:
    """Children waiting on the last snapshot day of each of the last 24 months, per region and in sum."""
    from django.db.models import Max

    from nrp.stats.models import DailySnapshot, Metric

    months = last_months(today, TREND_MONTHS)
    start = date(int(months[0][:4]), int(months[0][5:]), 1)
    rows = DailySnapshot.objects.filter(metric=Metric.CHILDREN_WAITING, key="all", day__gte=start, day__lte=today)
    last_day = {
        f"{row['day__year']:04d}-{row['day__month']:02d}": row["last"]
        for row in rows.values("day__year", "day__month").annotate(last=Max("day"))
    }
    series: dict[int | None, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for region_id, day, count, days_sum in rows.filter(day__in=list(last_day.values())).values_list(
        "region_id", "day", "count", "days_sum"
    ):
        key = f"{day.year:04d}-{day.month:02d}"
        for scope in (region_id, None):
            series[scope][key][0] += count
            series[scope][key][1] += days_sum
    out: dict[int | None, list[dict]] = {}
    for scope in [None, *region_ids]:
        points = []
        for key in months:
            if key in last_day:
                count, days_sum = series[scope][key]
                mean = round(days_sum / count / AVG_MONTH_DAYS, 1) if count else None
                points.append({"month": key, "n": count, "mean_months": mean})
        out[scope] = points
    return out


# --- missing families: how many families pass the hard rules for each group of waiting children -----------
def _case_profile(case: CaseRow, inputs: Inputs, locations):
    from matching.types.inputs import CaseProfile, ChildProfile

    return CaseProfile(
        case_id=case.id,
        region_id=case.region_id,
        care_types_sought=frozenset(case.care_types),
        children=tuple(
            ChildProfile(
                age=age_on(c["born"], inputs.today),
                sex=c["sex"],
                legal_status=c["legal"],
                health_needs=frozenset(c["needs"]),
                ethnicity=c["ethnicity"],
            )
            for c in case.children
        ),
        contact_plan=case.contact_plan,
        birth_family_location=locations.get(case.birth_orp_id),
        home_location=locations.get(case.orp_id),
    )


def eligible_counts(inputs: Inputs, cases: list[CaseRow]) -> dict[int, tuple[int, int]]:
    """Case id -> (families of its region, families of the country) that pass every hard rule.

    The matching engine itself decides (``matching.engine.rank``), on pools of active register entries: a
    family busy with an approach for another child still counts (it exists; recruiting is the question).
    """
    from matching.adapter.pools import load_pool
    from matching.adapter.profiles import location_of
    from matching.engine.pool import prepare_pool
    from matching.engine.ranking import rank
    from nrp.core.models import Orp

    loaded = load_pool(region_id=None, today=inputs.today)
    country = loaded.pool
    regional = {
        region_id: prepare_pool([f for f in loaded.families if f.region_id == region_id], today=inputs.today)
        for region_id in {c.region_id for c in cases}
    }
    locations = {orp.pk: location_of(orp) for orp in Orp.objects.all()}
    counts: dict[int, tuple[int, int]] = {}
    for case in cases:
        profile = _case_profile(case, inputs, locations)
        region_result = rank(profile, regional[case.region_id], limit=0)
        country_result = rank(profile, country, limit=0)
        counts[case.id] = (
            region_result.considered - len(region_result.excluded_entry_ids),
            country_result.considered - len(country_result.excluded_entry_ids),
        )
    return counts


def missing_families_section(inputs: Inputs) -> dict[int | None, dict]:
    cases = waiting_cases(inputs)
    counts = eligible_counts(inputs, cases)
    active = [e for e in inputs.entries.values() if e["status"] == ACTIVE and e["effective_date"] <= inputs.today]
    active_by_region = by_scope(active, lambda e: e["region_id"])
    out: dict[int | None, dict] = {}
    for scope, scoped in by_scope(cases, lambda c: c.region_id).items():
        per_group: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for case in scoped:
            for key in case.groups(inputs.today):
                per_group[key].append(counts[case.id])
        groups = {}
        for key, pairs in sorted(per_group.items()):
            region_values = numpy.asarray([p[0] for p in pairs])
            country_values = numpy.asarray([p[1] for p in pairs])
            groups[key] = {
                "n": len(pairs),
                "region_median": float(numpy.median(region_values)),
                "region_none": int((region_values == 0).sum()),
                "country_median": float(numpy.median(country_values)),
                "country_none": int((country_values == 0).sum()),
            }
        out[scope] = {
            "groups": groups,
            "families_region": len(active_by_region.get(scope, [])),
            "families_country": len(active),
        }
    for scope in [None, *inputs.region_ids]:
        out.setdefault(
            scope,
            {"groups": {}, "families_region": len(active_by_region.get(scope, [])), "families_country": len(active)},
        )
    return out


# --- fairness: the children who wait longest compared with all children ------------------------------------
def fairness_section(inputs: Inputs) -> dict[int | None, dict]:
    """Waiting time (still waiting) and placement rate (cases registered in the last two years) per group."""
    today = inputs.today
    cohort_start = today - timedelta(days=FAIRNESS_COHORT_DAYS)
    placed_on = {p["case_id"]: p["effective_date"] for p in inputs.placements}
    out: dict[int | None, dict] = {}
    grouped = by_scope([c for c in inputs.cases.values() if c.registered_on and c.children], lambda c: c.region_id)
    for scope in [None, *inputs.region_ids]:
        waiting: dict[str, list[float]] = defaultdict(list)
        cohort: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        to_placement: dict[str, list[float]] = defaultdict(list)
        for case in grouped.get(scope, []):
            keys = ["all"] + [k[5:] for k in case.groups(case.registered_on) if k.startswith("fair:")]
            if case.status in WAITING_STATUSES:
                for key in keys:
                    waiting[key].append(months_between(case.registered_on, today))
            if case.registered_on >= cohort_start:
                placed = case.id in placed_on
                for key in keys:
                    cohort[key][0] += 1
                    cohort[key][1] += int(placed)
                    if placed:
                        to_placement[key].append(months_between(case.registered_on, placed_on[case.id]))
        out[scope] = {
            "groups": {
                key: {
                    "waiting": summary(waiting[key]),
                    "cohort": cohort[key][0],
                    "placed": cohort[key][1],
                    "rate": round(cohort[key][1] / cohort[key][0], 3) if cohort[key][0] else None,
                    "to_placement": summary(to_placement[key]),
                }
                for key in FAIRNESS_GROUPS
            },
            "cohort_days": FAIRNESS_COHORT_DAYS,
        }
    return out


# --- the daily snapshot ------------------------------------------------------------------------------------
def snapshot_rows(inputs: Inputs) -> list[dict]:
    """Today's rows of ``DailySnapshot`` (children waiting per group, active families, open journeys)."""
    today = inputs.today
    rows: dict[tuple[int, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case in waiting_cases(inputs):
        assert case.registered_on is not None  # waiting cases are registered
        waited = (today - case.registered_on).days
        for key in case.groups(today):
            cell = rows[(case.region_id, "children_waiting", key)]
            cell[0] += 1
            cell[1] += waited
    for entry in inputs.entries.values():
        if entry["status"] != ACTIVE or entry["effective_date"] > today:
            continue
        waited = (today - entry["effective_date"]).days
        for key in ["all", *[f"care:{c}" for c in entry["care_types"]]]:
            cell = rows[(entry["region_id"], "families_active", key)]
            cell[0] += 1
            cell[1] += waited
    from workflows.applicant_journey.models import CLOSED_STAGES, REGISTER_STAGES

    for journey in inputs.journeys:
        if journey["stage"] in CLOSED_STAGES or journey["stage"] in REGISTER_STAGES:
            continue
        in_stage = (today - journey["stage_entered_at"].date()).days
        for key in ("all", f"stage:{journey['stage']}"):
            cell = rows[(journey["region_id"], "journeys_open", key)]
            cell[0] += 1
            cell[1] += in_stage
    return [
        {"day": today, "region_id": region_id, "metric": metric, "key": key, "count": c[0], "days_sum": c[1]}
        for (region_id, metric, key), c in rows.items()
    ]

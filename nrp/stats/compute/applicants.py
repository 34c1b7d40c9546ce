"""The applicants' funnel and the time spent in each stage of the journey."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from nrp.stats.compute.common import (
    AVG_MONTH_DAYS,
    DROPOUT_REASON,
    DROPOUT_REASONS,
    FUNNEL,
    STAGE_RULE,
    TARGET_MONTHS,
    TIMED_STAGES,
    WINDOW_MONTHS,
    last_months,
    month_key,
    summary,
)
from nrp.stats.compute.inputs import Inputs, by_scope
from workflows.applicant_journey.deadlines import RULES, rule_days


# --- the applicants' funnel --------------------------------------------------------------------------------
def _funnel_dates(journey: dict, inputs: Inputs) -> dict[str, date]:
    entry = inputs.entries.get(journey["household_id"])
    dates = {
        "interest": journey["created"].date() if journey["created"] else None,
        "application": journey["application_filed_on"],
        "complete": journey["application_complete_on"],
        "assessment": journey["handed_over_on"],
        "decision": journey["decision_date"],
    }
    if entry is not None:
        dates["register"] = entry["effective_date"]
        dates["approached"] = inputs.first_approach.get(entry["pk"])
        dates["placed"] = inputs.placed_by_entry.get(entry["pk"])
    return {stage: day for stage, day in dates.items() if day is not None}


def _dropout(journey: dict, inputs: Inputs) -> tuple[str, date] | None:
    reason = DROPOUT_REASON.get(journey["stage"])
    if reason:
        return reason, journey["stage_entered_at"].date()
    entry = inputs.entries.get(journey["household_id"])
    if entry is not None and entry["status"] in ("removed", "withdrawn"):
        return entry["status"], entry["status_changed_at"].date()
    return None


def funnel_section(inputs: Inputs) -> dict[int | None, dict]:
    months = last_months(inputs.today, WINDOW_MONTHS)
    first = months[0]
    out: dict[int | None, dict] = {}
    grouped = by_scope(inputs.journeys, lambda j: j["region_id"])
    for scope in [None, *inputs.region_ids]:
        journeys = grouped.get(scope, [])
        reached = {m: dict.fromkeys(FUNNEL, 0) for m in months}
        totals = dict.fromkeys(FUNNEL, 0)
        dropouts = {reason: dict.fromkeys(FUNNEL, 0) for reason in DROPOUT_REASONS}
        dropouts_by_month = {m: dict.fromkeys(DROPOUT_REASONS, 0) for m in months}
        for journey in journeys:
            dates = _funnel_dates(journey, inputs)
            for stage, day in dates.items():
                key = month_key(day)
                if key >= first and key in reached:
                    reached[key][stage] += 1
                    totals[stage] += 1
            dropped = _dropout(journey, inputs)
            if dropped:
                reason, day = dropped
                key = month_key(day)
                if key in dropouts_by_month:
                    last = max(dates, key=FUNNEL.index) if dates else "interest"
                    dropouts[reason][last] += 1
                    dropouts_by_month[key][reason] += 1
        out[scope] = {
            "months": months,
            "reached": reached,
            "totals": totals,
            "dropouts": dropouts,
            "dropouts_by_month": dropouts_by_month,
        }
    return out


# --- time in each stage ------------------------------------------------------------------------------------
def stage_times_section(inputs: Inputs) -> dict[int | None, dict]:
    journey_orp = {j["pk"]: j["household__residence_orp_id"] for j in inputs.journeys}
    since = inputs.today - timedelta(days=365)
    out: dict[int | None, dict] = {}
    grouped = by_scope(inputs.visits, lambda v: v["region_id"])
    journeys = by_scope(inputs.journeys, lambda j: j["region_id"])
    for scope in [None, *inputs.region_ids]:
        visits = grouped.get(scope, [])
        # Rows: the scope itself, then its parts (ORP within a region; regions within the country).
        part_of = _region_part if scope is None else (lambda v: journey_orp.get(v["journey_id"]))
        rows: dict[tuple[int | None, str], list[float]] = defaultdict(list)
        over: Counter = Counter()
        for visit in visits:
            if visit["left_at"].date() < since:
                continue
            days = (visit["left_at"] - visit["entered_at"]).total_seconds() / 86400
            limit = _limit(visit["stage"], visit["region_id"], inputs)
            for part in (None, part_of(visit)):
                rows[(part, visit["stage"])].append(days)
                if limit is not None and days > limit:
                    over[(part, visit["stage"])] += 1
        table = []
        for (part, stage), values in sorted(rows.items(), key=lambda kv: (kv[0][0] or 0, _stage_order(kv[0][1]))):
            table.append(
                {
                    "part": part,
                    "stage": stage,
                    **summary(values),
                    "limit": _limit(stage, scope, inputs),
                    "over": over[(part, stage)],
                }
            )
        out[scope] = {
            "part_kind": "region" if scope is None else "orp",
            "rows": table,
            "target": _target(journeys.get(scope, []), since),
            "handover": _handovers(journeys.get(scope, []), since, inputs),
        }
    return out


def _region_part(visit: dict) -> int:
    return visit["region_id"]


def _stage_order(stage: str) -> int:
    return TIMED_STAGES.index(stage) if stage in TIMED_STAGES else len(TIMED_STAGES)


def _limit(stage: str, region_id: int | None, inputs: Inputs) -> int | None:
    rule = STAGE_RULE.get(stage)
    if rule is None:
        return None
    return rule_days(rule, overrides=inputs.deadline_overrides.get(region_id, {}) if region_id else {})


def _target(journeys: list[dict], since: date) -> dict:
    values = [
        (j["decision_date"] - j["application_filed_on"]).days
        for j in journeys
        if j["decision_date"] and j["application_filed_on"] and j["decision_date"] >= since
    ]
    low, high = (int(m * AVG_MONTH_DAYS) for m in TARGET_MONTHS)
    return {
        **summary(values),
        "within_low": sum(1 for v in values if v <= low),
        "within_high": sum(1 for v in values if v <= high),
        "low_days": low,
        "high_days": high,
    }


def _handovers(journeys: list[dict], since: date, inputs: Inputs) -> dict:
    met = missed = 0
    for j in journeys:
        if not (j["handed_over_on"] and j["application_complete_on"]) or j["handed_over_on"] < since:
            continue
        limit = rule_days("handover", overrides=inputs.deadline_overrides.get(j["region_id"], {}))
        if (j["handed_over_on"] - j["application_complete_on"]).days <= limit:
            met += 1
        else:
            missed += 1
    return {"met": met, "missed": missed, "limit": RULES["handover"].days}

"""Placements, their outcomes by matching-weights version, and the ministry's yearly figures.

What the data records today, and what it does not (the page says the same):
- the weights in force when a family was chosen: the ``RankingRun`` the case conference took its shortlist from
  (approach → minutes → conference → ranking); a placement without one is "no stored ranking";
- a breakdown (ukončení péče) is recorded with its date and coded reasons (``PlacementBreakdown``); a placement
  from before that record existed whose case was later closed counts as ended on its closing day, with the
  closure reason. Stability is "not ended";
- time to permanency: from entry into the children register to the placement in adoption or long-term foster
  care (the date of the adoption decision itself is not recorded).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from nrp.stats.compute.common import (
    PERMANENT_CARE,
    STABILITY_MONTHS,
    WINDOW_MONTHS,
    add_months,
    last_months,
    month_key,
    summary,
)
from nrp.stats.compute.inputs import Inputs, by_scope

CARE_TYPES = ("ADOPTION", "FOSTER", "FOSTER_TEMP", "GUARDIAN")
FAILED_CODES = ("declined", "lapsed")
NO_RANKING = "none"
YEARS = 5
MISSING_DATA = ("breakdown_before_record", "adoption_date_not_recorded")


def _region_of_case(inputs: Inputs):
    return lambda p: inputs.cases[p["case_id"]].region_id


def placements_section(inputs: Inputs) -> dict[int | None, dict]:
    months = last_months(inputs.today, WINDOW_MONTHS)
    placements = by_scope(inputs.placements, _region_of_case(inputs))
    failed = by_scope(inputs.approaches_failed, lambda a: a["case__region_id"])
    out = {}
    for scope in [None, *inputs.region_ids]:
        by_care = {m: dict.fromkeys(CARE_TYPES, 0) for m in months}
        child_days, family_days = [], []
        for p in placements.get(scope, []):
            key = month_key(p["effective_date"])
            if key in by_care:
                by_care[key][p["care_type"]] += 1
                case = inputs.cases[p["case_id"]]
                if case.registered_on:
                    child_days.append((p["effective_date"] - case.registered_on).days)
                entry = inputs.entry_by_id.get(p["approach__entry_id"])
                if entry:
                    family_days.append((p["effective_date"] - entry["effective_date"]).days)
        failed_by_month = {m: dict.fromkeys(FAILED_CODES, 0) for m in months}
        for a in failed.get(scope, []):
            day = a["answered_on"] or a["deadline"]
            failed_key = month_key(day) if day else None
            if failed_key in failed_by_month:
                failed_by_month[failed_key][a["status"]] += 1
        out[scope] = {
            "months": months,
            "by_care": by_care,
            "failed": failed_by_month,
            "child_days": summary(child_days),
            "family_days": summary(family_days),
        }
    return out


def weights_version_key(weights: dict | None) -> str:
    if not weights:
        return NO_RANKING
    return json.dumps({k: round(float(v), 3) for k, v in sorted(weights.items())}, sort_keys=True)


def _versions(inputs: Inputs) -> dict[str, dict]:
    """Every weights version used by a placement's ranking, labelled A, B, C … by the day first used."""
    first_used: dict[str, tuple] = {}
    for ranking in inputs.rankings.values():
        key = weights_version_key(ranking["weights"])
        stamp = (ranking["created_at"], ranking["pk"])
        if key not in first_used or stamp < first_used[key][0]:
            first_used[key] = (stamp, ranking["weights"])
    ordered = sorted(first_used.items(), key=lambda kv: kv[1][0])
    versions = {
        key: {
            "label": chr(ord("A") + i) if i < 26 else f"V{i + 1}",
            "since": stamp[0].date().isoformat(),
            "weights": weights,
        }
        for i, (key, (stamp, weights)) in enumerate(ordered)
    }
    versions[NO_RANKING] = {"label": "–", "since": None, "weights": None}
    return versions


def _ended_on(inputs: Inputs, placement: dict) -> date | None:
    if placement.get("breakdown__ended_on"):
        return placement["breakdown__ended_on"]
    case = inputs.cases[placement["case_id"]]
    if case.status == "closed" and case.closed_on and case.closed_on >= placement["effective_date"]:
        return case.closed_on
    return None


def outcomes_section(inputs: Inputs) -> dict[int | None, dict]:
    versions = _versions(inputs)
    out = {}
    grouped = by_scope(inputs.placements, _region_of_case(inputs))
    for scope in [None, *inputs.region_ids]:
        rows: dict[str, dict] = {}
        for p in grouped.get(scope, []):
            ranking = inputs.rankings.get(p["ranking_id"]) if p["ranking_id"] else None
            key = weights_version_key(ranking["weights"] if ranking else None)
            row = rows.setdefault(
                key,
                {
                    "version": key,
                    "placements": 0,
                    "stability": {str(m): {"eligible": 0, "stable": 0} for m in STABILITY_MONTHS},
                    "ended": 0,
                    "reasons": Counter(),
                    "permanency": [],
                },
            )
            row["placements"] += 1
            ended = _ended_on(inputs, p)
            if ended:
                row["ended"] += 1
                recorded = p.get("breakdown__reasons") or []
                for reason in recorded or [inputs.cases[p["case_id"]].closure_reason or "unknown"]:
                    row["reasons"][reason] += 1
            for months in STABILITY_MONTHS:
                mark = add_months(p["effective_date"], months)
                if mark <= inputs.today:
                    cell = row["stability"][str(months)]
                    cell["eligible"] += 1
                    cell["stable"] += int(ended is None or ended > mark)
            case = inputs.cases[p["case_id"]]
            if p["care_type"] in PERMANENT_CARE and case.registered_on:
                row["permanency"].append((p["effective_date"] - case.registered_on).days)
        table = []
        for key, row in sorted(rows.items(), key=lambda kv: (kv[0] == "none", versions[kv[0]]["since"] or "")):
            table.append(
                {
                    **{k: v for k, v in row.items() if k not in ("reasons", "permanency")},
                    "reasons": dict(row["reasons"]),
                    "permanency": summary(row["permanency"]),
                    "label": versions[key]["label"],
                    "since": versions[key]["since"],
                    "weights": versions[key]["weights"],
                }
            )
        out[scope] = {"versions": table, "missing": list(MISSING_DATA)}
    return out


# --- the yearly figures the ministry asks for --------------------------------------------------------------
def yearly_section(inputs: Inputs) -> dict[int | None, dict]:
    """For each of the last five years (the current one so far): the register at year end and the year's flows."""
    years = list(range(inputs.today.year - YEARS + 1, inputs.today.year + 1))
    placed_on = {p["case_id"]: p["effective_date"] for p in inputs.placements}
    entries = by_scope(inputs.entry_by_id.values(), lambda e: e["region_id"])
    cases = by_scope([c for c in inputs.cases.values() if c.registered_on], lambda c: c.region_id)
    placements = by_scope(inputs.placements, _region_of_case(inputs))
    out = {}
    for scope in [None, *inputs.region_ids]:
        data = {}
        for year in years:
            end = min(date(year, 12, 31), inputs.today)
            start = date(year, 1, 1)
            register: Counter[str] = Counter()
            total = 0
            removals: Counter[str] = Counter()
            reasons: Counter = Counter()
            for e in entries.get(scope, []):
                left = e["status"] in ("removed", "withdrawn", "placed") and e["status_changed_at"].date() <= end
                if e["effective_date"] <= end and not left:
                    total += 1
                    register.update(e["care_types"])
                changed = e["status_changed_at"].date()
                if e["status"] in ("removed", "withdrawn") and start <= changed <= end:
                    removals[e["status"]] += 1
                    reasons[(e["status"], (e["status_reason"] or "").strip()[:120])] += 1
            children = 0
            for c in cases.get(scope, []):
                gone = (c.id in placed_on and placed_on[c.id] <= end) or (c.closed_on and c.closed_on <= end)
                if c.registered_on <= end and not gone:
                    children += 1
            by_type = Counter(p["care_type"] for p in placements.get(scope, []) if start <= p["effective_date"] <= end)
            data[str(year)] = {
                "as_of": end.isoformat(),
                "register_total": total,
                "register_by_care": {c: register.get(c, 0) for c in CARE_TYPES},
                "children": children,
                "placements": {c: by_type.get(c, 0) for c in CARE_TYPES},
                "removals": {k: removals.get(k, 0) for k in ("removed", "withdrawn")},
                "reasons": [[status, text, n] for (status, text), n in reasons.most_common(10)],
            }
        out[scope] = {"years": data}
    return out

"""Compute the dashboard's figures from the live tables, for every region and the whole country in one pass.

Run by ``stats_snapshot`` (daily), never on a page request. Each ``*_section`` function takes the rows it
needs (loaded once by ``load_inputs``) and returns ``{scope: data}`` where scope is a region id or ``None``
for the country. ``data`` holds codes and numbers only; labels are translated when the page is rendered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy

from workflows.applicant_journey.deadlines import RULES, rule_days

AVG_MONTH_DAYS = 30.44
WINDOW_MONTHS = 12
TREND_MONTHS = 24
# Children: the oldest child of a case decides its age band.
AGE_BANDS = ((0, 2, "0-2"), (3, 6, "3-6"), (7, 11, "7-11"), (12, 14, "12-14"), (15, 17, "15-17"))
WAITING_STATUSES = ("waiting", "national", "approaching")
# The applicants' funnel, in order; each box has the date it was reached (see ``_funnel_dates``).
FUNNEL = ("interest", "application", "complete", "assessment", "decision", "register", "approached", "placed")
# Closing journey stages -> the drop-out reason shown.
DROPOUT_REASON = {
    "withdrawn": "withdrawn",
    "rejected_orp": "refused",
    "not_mediated": "refused",
    "rejected": "refused",
    "removed": "removed",
}
DROPOUT_REASONS = ("withdrawn", "refused", "removed")
# Journey stage -> the deadline rule that limits it (workflows/applicant_journey/deadlines.py).
STAGE_RULE = {
    "interest": "information_meeting",
    "application": "check_application",
    "incomplete": "complete_application",
    "investigation": "social_investigation",
    "handover": "handover",
    "assessment": "expert_assessment",
    "preparation": "preparation",
    "inspection": "file_inspection",
    "decision": "decision",
    "appeal_period": "finality",
    "appeal": "appeal_outcome",
}
TIMED_STAGES = tuple(STAGE_RULE)
# Application to decision: the regions' target is 6–9 months.
TARGET_MONTHS = (6, 9)
STABILITY_MONTHS = (6, 12, 24)
PERMANENT_CARE = ("ADOPTION", "FOSTER")
FAIRNESS_GROUPS = ("all", "older", "siblings", "disability", "roma")


def months_between(start: date, end: date) -> float:
    return (end - start).days / AVG_MONTH_DAYS


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def last_months(today: date, count: int) -> list[str]:
    """The ``count`` months up to and including the current one, oldest first."""
    year, month = today.year, today.month
    keys = []
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return keys[::-1]


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def summary(values: list[float]) -> dict[str, Any]:
    """Count, median and 90th percentile (None when there is nothing to summarise)."""
    if not values:
        return {"n": 0, "median": None, "p90": None}
    array = numpy.asarray(values, dtype=float)
    return {
        "n": len(values),
        "median": round(float(numpy.percentile(array, 50)), 1),
        "p90": round(float(numpy.percentile(array, 90)), 1),
    }


def age_band(age: int) -> str:
    for low, high, code in AGE_BANDS:
        if low <= age <= high:
            return code
    return AGE_BANDS[-1][2]


def age_on(born: date, day: date) -> int:
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return max(0, years)


# --- inputs -----------------------------------------------------------------------------------------------
@dataclass
class CaseRow:
    """A child's case reduced to what the statistics need (no names, no dates of birth kept)."""

    id: int
    region_id: int
    orp_id: int
    status: str
    registered_on: date | None
    care_types: tuple[str, ...]
    contact_plan: str
    birth_orp_id: int | None
    closed_on: date | None
    closure_reason: str
    children: list[dict] = field(default_factory=list)  # {"born", "sex", "legal", "needs", "ethnicity"}

    def oldest_age(self, day: date) -> int:
        return max((age_on(c["born"], day) for c in self.children), default=0)

    def groups(self, day: date) -> list[str]:
        """Dimension keys of this case (overlapping dimensions such as care types give several keys)."""
        from matching.selectors import DISABILITY_NEEDS, OLDER_CHILD_AGE

        size = len(self.children)
        needs = {n for c in self.children for n in c["needs"]}
        ethnicities = {c["ethnicity"] for c in self.children if c["ethnicity"]}
        keys = ["all", f"age:{age_band(self.oldest_age(day))}", f"size:{min(size, 3)}{'+' if size >= 3 else ''}"]
        keys.append("health:none" if not needs else "health:one" if len(needs) == 1 else "health:several")
        keys += [f"need:{n}" for n in sorted(needs)]
        if "roma" in ethnicities:
            keys.append("eth:roma")
        elif "other" in ethnicities:
            keys.append("eth:other")
        elif "majority" in ethnicities:
            keys.append("eth:majority")
        else:
            keys.append("eth:unrecorded")
        legal = "free" if self.children and all(c["legal"] == "free" for c in self.children) else "not_free"
        keys.append(f"legal:{legal}")
        keys += [f"care:{c}" for c in sorted(self.care_types)]
        # The hard-to-place groups of the fairness view (same definitions as matching's waiting statistics).
        if any(age_on(c["born"], day) >= OLDER_CHILD_AGE for c in self.children):
            keys.append("fair:older")
        if size >= 2:
            keys.append("fair:siblings")
        if needs & DISABILITY_NEEDS:
            keys.append("fair:disability")
        if "roma" in ethnicities:
            keys.append("fair:roma")
        return keys


@dataclass
class Inputs:
    today: date
    region_ids: list[int]
    orp_region: dict[int, int]
    journeys: list[dict]
    entries: dict[int, dict]  # household id -> entry values
    entry_by_id: dict[int, dict]
    first_approach: dict[int, date]  # entry id -> first notice
    visits: list[dict]
    cases: dict[int, CaseRow]
    placements: list[dict]
    approaches_failed: list[dict]
    rankings: dict[int, dict]  # ranking id -> {"weights", "created_at"}
    deadline_overrides: dict[int, dict[str, int]]
    placed_by_entry: dict[int, date] = field(default_factory=dict)


def load_inputs(*, today: date) -> Inputs:
    """Every row the sections need, in a fixed number of queries (values() only: no model instances)."""
    from matching.models import RankingRun
    from nrp.core.models import Orp, Region
    from workflows.applicant_journey.models import (
        ApplicantJourney,
        ApplicantRegisterEntry,
        RegionDeadlineConfig,
        StageVisit,
    )
    from workflows.child_mediation.models import Approach, CaseConference, Child, ChildCase, Placement

    orp_region = dict(Orp.objects.values_list("pk", "region_id"))
    journeys = list(
        ApplicantJourney.objects.values(
            "pk",
            "region_id",
            "household_id",
            "household__residence_orp_id",
            "created",
            "stage",
            "stage_entered_at",
            "application_filed_on",
            "application_complete_on",
            "handed_over_on",
            "decision_date",
            "decision_outcome",
            "effective_date",
        )
    )
    entry_rows = list(
        ApplicantRegisterEntry.objects.values(
            "pk",
            "household_id",
            "region_id",
            "care_types",
            "effective_date",
            "status",
            "status_changed_at",
            "status_reason",
        )
    )
    entries = {row["household_id"]: row for row in entry_rows}
    entry_by_id = {row["pk"]: row for row in entry_rows}
    first_approach: dict[int, date] = {}
    for entry_id, notified in Approach.objects.values_list("entry_id", "notified_on").order_by("notified_on"):
        first_approach.setdefault(entry_id, notified)
    since = today - timedelta(days=int(TREND_MONTHS * AVG_MONTH_DAYS))
    visits = list(
        StageVisit.objects.filter(left_at__date__gte=since).values(
            "journey_id", "region_id", "stage", "entered_at", "left_at"
        )
    )
    cases: dict[int, CaseRow] = {}
    for row in ChildCase.objects.values(
        "pk",
        "region_id",
        "orp_id",
        "status",
        "registered_on",
        "care_types_sought",
        "contact_plan",
        "birth_family_orp_id",
        "flags__closed_on",
        "flags__closure_reason",
    ):
        cases[row["pk"]] = CaseRow(
            id=row["pk"],
            region_id=row["region_id"],
            orp_id=row["orp_id"],
            status=row["status"],
            registered_on=row["registered_on"],
            care_types=tuple(row["care_types_sought"] or ()),
            contact_plan=row["contact_plan"],
            birth_orp_id=row["birth_family_orp_id"],
            closed_on=row["flags__closed_on"],
            closure_reason=row["flags__closure_reason"] or "",
        )
    for child in Child.objects.values("case_id", "date_of_birth", "sex", "legal_status", "health_needs", "ethnicity"):
        case = cases.get(child["case_id"])
        if case is not None:
            case.children.append(
                {
                    "born": child["date_of_birth"],
                    "sex": child["sex"],
                    "legal": child["legal_status"],
                    "needs": tuple(child["health_needs"] or ()),
                    "ethnicity": child["ethnicity"] or "",
                }
            )
    conference_ranking = dict(CaseConference.objects.exclude(ranking_id=None).values_list("pk", "ranking_id"))
    placements = []
    for row in Placement.objects.values(
        "case_id",
        "care_type",
        "effective_date",
        "approach__entry_id",
        "approach__minutes__conference_id",
        # A recorded breakdown (ukončení péče) with its coded reasons; none where the placement lasts.
        "breakdown__ended_on",
        "breakdown__reasons",
    ):
        row["ranking_id"] = conference_ranking.get(row.pop("approach__minutes__conference_id"))
        placements.append(row)
    ranking_ids = {p["ranking_id"] for p in placements if p["ranking_id"]}
    rankings = {
        row["pk"]: row for row in RankingRun.objects.filter(pk__in=ranking_ids).values("pk", "weights", "created_at")
    }
    approaches_failed = list(
        Approach.objects.filter(status__in=("declined", "lapsed")).values(
            "case__region_id", "status", "answered_on", "deadline"
        )
    )
    overrides: dict[int, dict[str, int]] = defaultdict(dict)
    for region_id, rule, days in RegionDeadlineConfig.objects.values_list("region_id", "rule", "days"):
        overrides[region_id][rule] = days
    return Inputs(
        today=today,
        region_ids=list(Region.objects.values_list("pk", flat=True)),
        orp_region=orp_region,
        journeys=journeys,
        entries=entries,
        entry_by_id=entry_by_id,
        first_approach=first_approach,
        visits=visits,
        cases=cases,
        placements=placements,
        approaches_failed=approaches_failed,
        rankings=rankings,
        deadline_overrides=dict(overrides),
        placed_by_entry={p["approach__entry_id"]: p["effective_date"] for p in placements},
    )


def by_scope(rows: Iterable[Any], region_of) -> dict[int | None, list[Any]]:
    """Rows grouped per region, plus every row under ``None`` (the country)."""
    grouped: dict[int | None, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[region_of(row)].append(row)
        grouped[None].append(row)
    return grouped


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

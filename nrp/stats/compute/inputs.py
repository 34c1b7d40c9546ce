"""The inputs of the dashboard computation, read from the live tables in a few queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from nrp.stats.compute.common import AVG_MONTH_DAYS, HANDOVER_WINDOW_DAYS, TREND_MONTHS, age_band, age_on


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
    handovers: list[dict] = field(default_factory=list)  # FileHandover rows sent in the last 12 months


def _rows(values: Iterable[Any]) -> list[dict[str, Any]]:
    """``values()`` rows as plain dicts (the stubs type each query's rows as its own TypedDict)."""
    return list(values)


def load_inputs(*, today: date) -> Inputs:
    """Every row the sections need, in a fixed number of queries (values() only: no model instances)."""
    from matching.models import RankingRun
    from nrp.core.models import Orp, Region
    from workflows.applicant_journey.models import (
        ApplicantJourney,
        ApplicantRegisterEntry,
        FileHandover,
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
    entry_rows = _rows(
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
        if notified is not None:  # a draft notice has no delivery yet
            first_approach.setdefault(entry_id, notified)
    since = today - timedelta(days=int(TREND_MONTHS * AVG_MONTH_DAYS))
    visits = _rows(
        StageVisit.objects.filter(left_at__date__gte=since).values(
            "journey_id", "region_id", "stage", "entered_at", "left_at"
        )
    )
    cases: dict[int, CaseRow] = {}
    for row in _rows(
        ChildCase.objects.values(
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
        )
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
    for row in _rows(
        Placement.objects.values(
            "case_id",
            "care_type",
            "effective_date",
            "approach__entry_id",
            "approach__minutes__conference_id",
            # A recorded breakdown (ukončení péče) with its coded reasons; none where the placement lasts.
            "breakdown__ended_on",
            "breakdown__reasons",
        )
    ):
        row["ranking_id"] = conference_ranking.get(row.pop("approach__minutes__conference_id"))
        placements.append(row)
    ranking_ids = {p["ranking_id"] for p in placements if p["ranking_id"]}
    rankings = {
        row["pk"]: row
        for row in _rows(RankingRun.objects.filter(pk__in=ranking_ids).values("pk", "weights", "created_at"))
    }
    approaches_failed = _rows(
        Approach.objects.filter(status__in=("declined", "lapsed")).values(
            "case__region_id", "status", "answered_on", "deadline"
        )
    )
    overrides: dict[int, dict[str, int]] = defaultdict(dict)
    for region_id, rule, days in RegionDeadlineConfig.objects.values_list("region_id", "rule", "days"):
        overrides[region_id][rule] = days
    handovers = _rows(
        FileHandover.objects.filter(sent_on__gte=today - timedelta(days=HANDOVER_WINDOW_DAYS)).values(
            "region_id", "sent_on", "due_on", "deadline_met"
        )
    )
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
        handovers=handovers,
    )


def by_scope(rows: Iterable[Any], region_of) -> dict[int | None, list[Any]]:
    """Rows grouped per region, plus every row under ``None`` (the country)."""
    grouped: dict[int | None, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[region_of(row)].append(row)
        grouped[None].append(row)
    return grouped

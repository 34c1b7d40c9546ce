"""What a stored ranking records (snapshots of the inputs, results as JSON) and reading it back."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from matching.adapter.columns import (
    _AGE_MAX,
    _AGE_MIN,
    _CARE,
    _CHILDREN,
    _CONTACT,
    _EFFECTIVE,
    _ETHNICITIES,
    _EXPERIENCE,
    _LAT,
    _LEGAL,
    _LON,
    _MAX_CHILDREN,
    _NEEDS,
    _OTHER_REGIONS,
    _PAUSED,
    _PK,
    _REGION,
    _SEXES,
    _SIBLINGS,
    _STATUS,
    PoolRow,
)
from matching.engine.explain import Tie, explain_scores
from matching.engine.pool import (
    CARE_BITS,
    ETHNICITY_BITS,
    LEGAL_BITS,
    NEED_BITS,
    SEX_BITS,
)
from matching.types.inputs import CaseProfile, ChildProfile, FamilyProfile, Location, Weights
from matching.types.results import CriterionScore, RankedFamily, RankingResult
from matching.types.vocabulary import CONTACT_ORDER


# --- snapshots ----------------------------------------------------------------------------------------------
def case_snapshot(case: CaseProfile) -> dict[str, Any]:
    """Anonymised: what the engine compared, nothing that identifies the child."""
    return {
        "case_id": case.case_id,
        "region_id": case.region_id,
        "care_types_sought": sorted(case.care_types_sought),
        "contact_plan": case.contact_plan,
        "birth_family_location": _location_json(case.birth_family_location),
        "home_location": _location_json(case.home_location),
        "wishes": sorted(case.wishes),
        "household_position": case.household_position,
        "children": [
            {
                "age": c.age,
                "sex": c.sex,
                "legal_status": c.legal_status,
                "health_needs": sorted(c.health_needs),
                "ethnicity": c.ethnicity,
            }
            for c in case.children
        ],
    }


def _location_json(location: Location | None) -> list[float] | None:
    return None if location is None else [location.lat, location.lon]


def family_snapshot(family: FamilyProfile) -> dict[str, Any]:
    return {
        "entry_id": family.entry_id,
        "region_id": family.region_id,
        "care_types": sorted(family.care_types),
        "status": family.status,
        "effective_date": family.effective_date.isoformat(),
        "age_min": family.age_min,
        "age_max": family.age_max,
        "sexes": sorted(family.sexes),
        "max_children": family.max_children,
        "accepts_siblings": family.accepts_siblings,
        "legal_statuses": sorted(family.legal_statuses),
        "health_needs_accepted": sorted(family.health_needs_accepted),
        "health_needs_experience": sorted(family.health_needs_experience),
        "ethnicities_accepted": sorted(family.ethnicities_accepted),
        "contact_willingness": family.contact_willingness,
        "accepts_other_regions": family.accepts_other_regions,
        "children_in_household": family.children_in_household,
        "location": _location_json(family.location),
        "paused_days": family.paused_days,
    }


def row_snapshot(row: PoolRow) -> dict[str, Any]:
    """``family_snapshot`` of a pool row (the masks hold the same sets; lists are sorted like the snapshot)."""
    lat, lon = row[_LAT], row[_LON]
    return {
        "entry_id": row[_PK],
        "region_id": row[_REGION],
        "care_types": sorted(_codes(CARE_BITS, row[_CARE])),
        "status": row[_STATUS],
        "effective_date": date.fromordinal(row[_EFFECTIVE]).isoformat(),
        "age_min": row[_AGE_MIN],
        "age_max": row[_AGE_MAX],
        "sexes": sorted(_codes(SEX_BITS, row[_SEXES])),
        "max_children": row[_MAX_CHILDREN],
        "accepts_siblings": row[_SIBLINGS],
        "legal_statuses": sorted(_codes(LEGAL_BITS, row[_LEGAL])),
        "health_needs_accepted": sorted(_codes(NEED_BITS, row[_NEEDS])),
        "health_needs_experience": sorted(_codes(NEED_BITS, row[_EXPERIENCE])),
        "ethnicities_accepted": sorted(_codes(ETHNICITY_BITS, row[_ETHNICITIES])),
        "contact_willingness": CONTACT_ORDER[row[_CONTACT]],
        "accepts_other_regions": row[_OTHER_REGIONS],
        "children_in_household": row[_CHILDREN],
        "location": None if lat is None or lon is None else [float(lat), float(lon)],
        "paused_days": int(row[_PAUSED]) if len(row) > _PAUSED else 0,
    }


def _codes(bits: dict[str, int], mask: int) -> list[str]:
    return [code for code, bit in bits.items() if mask & bit]


def criterion_dicts(criteria: Iterable[CriterionScore]) -> list[dict[str, Any]]:
    return [
        {
            "criterion": c.criterion,
            "score": c.score,
            "weight": c.weight,
            "contribution": round(c.contribution, 6),
            "applicable": c.applicable,
            "reason": c.reason.as_dict(),
        }
        for c in criteria
    ]


def _location_from_json(value: list[float] | None) -> Location | None:
    return None if not value else Location(float(value[0]), float(value[1]))


def case_from_snapshot(snapshot: dict[str, Any]) -> CaseProfile:
    """The ``CaseProfile`` a stored ranking was computed for, from its anonymised snapshot."""
    return CaseProfile(
        case_id=snapshot["case_id"],
        region_id=snapshot["region_id"],
        care_types_sought=frozenset(snapshot["care_types_sought"]),
        children=tuple(
            ChildProfile(
                age=c["age"],
                sex=c["sex"],
                legal_status=c["legal_status"],
                health_needs=frozenset(c["health_needs"]),
                ethnicity=c.get("ethnicity") or "",
            )
            for c in snapshot["children"]
        ),
        contact_plan=snapshot["contact_plan"],
        birth_family_location=_location_from_json(snapshot.get("birth_family_location")),
        home_location=_location_from_json(snapshot.get("home_location")),
        wishes=frozenset(snapshot.get("wishes", ())),
        household_position=snapshot.get("household_position", ""),
    )


def family_from_snapshot(snapshot: dict[str, Any]) -> FamilyProfile:
    return FamilyProfile(
        entry_id=snapshot["entry_id"],
        region_id=snapshot["region_id"],
        care_types=frozenset(snapshot["care_types"]),
        status=snapshot["status"],
        effective_date=date.fromisoformat(snapshot["effective_date"]),
        age_min=snapshot["age_min"],
        age_max=snapshot["age_max"],
        sexes=frozenset(snapshot["sexes"]),
        max_children=snapshot["max_children"],
        accepts_siblings=snapshot["accepts_siblings"],
        legal_statuses=frozenset(snapshot["legal_statuses"]),
        health_needs_accepted=frozenset(snapshot["health_needs_accepted"]),
        health_needs_experience=frozenset(snapshot["health_needs_experience"]),
        ethnicities_accepted=frozenset(snapshot["ethnicities_accepted"]),
        contact_willingness=snapshot["contact_willingness"],
        accepts_other_regions=snapshot["accepts_other_regions"],
        children_in_household=snapshot["children_in_household"],
        location=_location_from_json(snapshot.get("location")),
        paused_days=int(snapshot.get("paused_days", 0)),
    )


def stored_entry_criteria(run: Any, entry: Any) -> list[dict[str, Any]]:
    """The explanation of one stored ranked family, rebuilt from what the run stored (the anonymised case, the
    weights, the day, the family's inputs and raw scores): the same numbers and reasons the engine gave."""
    case = getattr(run, "_case_profile", None)
    if case is None:
        case = case_from_snapshot(run.inputs["case"])
        run._case_profile = case
    criteria = explain_scores(
        case,
        family_from_snapshot(entry.family),
        entry.scores,
        today=run.ranked_on,
        weights=Weights(**run.weights),
        tie=stored_tie(run, entry),
    )
    return criterion_dicts(criteria)


def stored_tie(run: Any, entry: Any) -> Tie | None:
    """How a stored family shared its total with others (``engine.explain.tie_of``). The run's tied totals and
    their families' days waited are read once per run (one query: ties are few), then kept on the run."""
    ties = getattr(run, "_ties", None)
    if ties is None:
        ties = {}
        for total, waited in run.tied_totals():
            ties.setdefault(total, []).append(waited)
        run._ties = ties
    waited = ties.get(entry.total)
    if not waited:
        return None
    return len(waited) - 1, waited.count(entry.waited_days) > 1


def criteria_json(ranked: RankedFamily) -> list[dict[str, Any]]:
    return [
        {
            "criterion": c.criterion,
            "score": c.score,
            "weight": c.weight,
            "contribution": round(c.contribution, 6),
            "applicable": c.applicable,
            "reason": c.reason.as_dict(),
        }
        for c in ranked.criteria
    ]


def results_json(result: RankingResult, families_by_id: dict[int, FamilyProfile]) -> list[dict[str, Any]]:
    """Every ranked family as the stored dict (explains every one: for tests and small rankings)."""
    return [
        {
            "entry_id": ranked.entry_id,
            "rank": ranked.rank,
            "total": ranked.total,
            "waited_days": ranked.waited_days,
            "region_id": families_by_id[ranked.entry_id].region_id,
            "criteria": criteria_json(ranked),
        }
        for ranked in result.ranked
    ]


def exclusions_json(result: RankingResult) -> dict[str, Any]:
    """The counts per rule and the reason per rule (the families per rule are stored as rows of their own)."""
    return {
        "counts": dict(result.excluded_counts),
        "reasons": {rule: reason.as_dict() for rule, reason in result.rule_reasons.items()},
    }


def weights_json(weights: Weights) -> dict[str, float]:
    return weights.as_dict()

"""Adapter between the database and the pure engine: builds engine input from models, and turns the engine's
result into the JSON a ``RankingRun`` stores (saleor's ``order/fetch.py`` pattern).

Only anonymised child data crosses into the engine and the snapshot: ages on the day, sex, legal status,
needs, recorded ethnicity. Never names or dates of birth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from matching.engine import FamilyPool, prepare_pool
from matching.types import (
    CaseProfile,
    ChildProfile,
    FamilyProfile,
    Location,
    MatchingInputError,
    RankingResult,
    Weights,
)
from workflows.applicant_journey.models import ApplicantRegisterEntry, RegisterStatus
from workflows.child_mediation.models import ChildCase

# Entries loaded into a pool: active ones, and paused ones so the exclusion counts show them (§24b). Removed,
# withdrawn and placed entries have left the register and would only add noise to the counts.
POOL_STATUSES = (RegisterStatus.ACTIVE, RegisterStatus.PAUSED)
PROFILE_MISSING = "Záznam nemá profil přijatelného dítěte; nelze jej párovat."


def location_of(orp) -> Location | None:
    if orp is None:
        return None
    return Location(float(orp.lat), float(orp.lon))


def case_profile(child_case: ChildCase, *, today: date) -> CaseProfile:
    """The engine's view of a child case (raises MatchingInputError for a case without children)."""
    from matching.models import ChildWishSignals

    children = tuple(
        ChildProfile(
            age=child.age_on(today),
            sex=child.sex,
            legal_status=child.legal_status,
            health_needs=frozenset(child.health_needs or ()),
            ethnicity=child.ethnicity or "",
        )
        for child in child_case.children.all()
    )
    signals = ChildWishSignals.objects.filter(child_case=child_case).values_list("flags", flat=True).first()
    return CaseProfile(
        case_id=child_case.pk,
        region_id=child_case.region_id,
        care_types_sought=frozenset(child_case.care_types_sought),
        children=children,
        contact_plan=child_case.contact_plan,
        birth_family_location=location_of(child_case.birth_family_orp),
        home_location=location_of(child_case.orp),
        wishes=frozenset(signals or ()),
    )


def family_profile(entry: ApplicantRegisterEntry) -> FamilyProfile:
    profile = entry.profile
    return FamilyProfile(
        entry_id=entry.pk,
        region_id=entry.region_id,
        care_types=frozenset(entry.care_types),
        status=entry.status,
        effective_date=entry.effective_date,
        age_min=profile.age_min,
        age_max=profile.age_max,
        sexes=frozenset(profile.sexes),
        max_children=profile.max_children,
        accepts_siblings=profile.accepts_siblings,
        legal_statuses=frozenset(profile.legal_statuses),
        health_needs_accepted=frozenset(profile.health_needs_accepted),
        health_needs_experience=frozenset(profile.health_needs_experience),
        ethnicities_accepted=frozenset(profile.ethnicities_accepted),
        contact_willingness=profile.contact_willingness,
        accepts_other_regions=profile.accepts_other_regions,
        children_in_household=profile.children_in_household,
        location=location_of(entry.household.residence_orp),
    )


@dataclass
class LoadedPool:
    pool: FamilyPool
    families: list[FamilyProfile]
    # Entries that could not be matched at all: no acceptance profile, or an impossible one (with the message).
    skipped: list[dict[str, Any]] = field(default_factory=list)


def load_pool(*, region_id: int | None, today: date) -> LoadedPool:
    """Families of one region (``region_id``) or of the whole country (None), prepared for the engine."""
    entries = (
        ApplicantRegisterEntry.objects.filter(status__in=POOL_STATUSES)
        .select_related("profile", "household__residence_orp")
        .order_by("pk")
    )
    if region_id is not None:
        entries = entries.filter(region_id=region_id)
    families: list[FamilyProfile] = []
    skipped: list[dict[str, Any]] = []
    for entry in entries:
        if not hasattr(entry, "profile"):
            skipped.append({"entry_id": entry.pk, "message": PROFILE_MISSING})
            continue
        try:
            families.append(family_profile(entry))
        except MatchingInputError as error:
            skipped.append({"entry_id": entry.pk, "message": str(error)})
    return LoadedPool(pool=prepare_pool(families, today=today), families=families, skipped=skipped)


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
    }


def results_json(result: RankingResult, families_by_id: dict[int, FamilyProfile]) -> list[dict[str, Any]]:
    return [
        {
            "entry_id": ranked.entry_id,
            "rank": ranked.rank,
            "total": ranked.total,
            "waited_days": ranked.waited_days,
            "region_id": families_by_id[ranked.entry_id].region_id,
            "criteria": [
                {
                    "criterion": c.criterion,
                    "score": c.score,
                    "weight": c.weight,
                    "contribution": round(c.contribution, 6),
                    "applicable": c.applicable,
                    "reason": c.reason.as_dict(),
                }
                for c in ranked.criteria
            ],
        }
        for ranked in result.ranked
    ]


def exclusions_json(result: RankingResult) -> dict[str, Any]:
    return {
        "counts": dict(result.excluded_counts),
        "families": {str(entry_id): rule for entry_id, rule in result.exclusions},
        "reasons": {rule: reason.as_dict() for rule, reason in result.rule_reasons.items()},
    }


def weights_json(weights: Weights) -> dict[str, float]:
    return weights.as_dict()

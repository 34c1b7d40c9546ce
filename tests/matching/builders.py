"""Small builders of engine input (no database): one eligible family and one child unless told otherwise."""

from __future__ import annotations

from datetime import date

from matching.types.inputs import CaseProfile, ChildProfile, FamilyProfile, Location

TODAY = date(2026, 11, 25)
BRNO = Location(49.19522, 16.60796)
OSTRAVA = Location(49.83465, 18.28204)
PRAHA = Location(50.08804, 14.42076)
HODONIN = Location(48.84893, 17.13239)
HOME_REGION = 116
OTHER_REGION = 132


def family(entry_id: int = 1, **overrides) -> FamilyProfile:
    values = {
        "entry_id": entry_id,
        "region_id": HOME_REGION,
        "care_types": frozenset({"FOSTER", "ADOPTION"}),
        "status": "active",
        "effective_date": date(2025, 11, 25),
        "age_min": 0,
        "age_max": 10,
        "sexes": frozenset({"F", "M"}),
        "max_children": 1,
        "accepts_siblings": False,
        "legal_statuses": frozenset({"free", "not_free"}),
        "health_needs_accepted": frozenset(),
        "health_needs_experience": frozenset(),
        "ethnicities_accepted": frozenset({"majority", "roma", "other"}),
        "contact_willingness": "regular",
        "accepts_other_regions": True,
        "children_in_household": 0,
        "location": BRNO,
    }
    values.update(overrides)
    return FamilyProfile(**values)


def child(**overrides) -> ChildProfile:
    values = {"age": 5, "sex": "F", "legal_status": "not_free", "health_needs": frozenset(), "ethnicity": ""}
    values.update(overrides)
    return ChildProfile(**values)


def case(*children: ChildProfile, **overrides) -> CaseProfile:
    values = {
        "case_id": 1,
        "region_id": HOME_REGION,
        "care_types_sought": frozenset({"FOSTER"}),
        "children": children or (child(),),
        "contact_plan": "none",
        "birth_family_location": None,
        "home_location": BRNO,
        "wishes": frozenset(),
    }
    values.update(overrides)
    return CaseProfile(**values)

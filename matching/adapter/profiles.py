"""Engine input from the models: the child's case profile, a family's profile, a location."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from matching.types.inputs import CaseProfile, ChildProfile, FamilyProfile, Location
from workflows.applicant_journey.models import ApplicantRegisterEntry, RegisterStatus
from workflows.child_mediation.models import ChildCase

# Entries loaded into a pool: active ones, and paused ones so the exclusion counts show them (§24a). Removed,
# withdrawn and placed entries have left the register and would only add noise to the counts.
POOL_STATUSES = (RegisterStatus.ACTIVE, RegisterStatus.PAUSED)
PROFILE_MISSING = "Záznam nemá profil přijatelného dítěte; nelze jej párovat."


def location_of(orp) -> Location | None:
    if orp is None:
        return None
    return Location(float(orp.lat), float(orp.lon))


def case_profile(child_case: ChildCase, *, today: date, wishes: Iterable[str] | None = None) -> CaseProfile:
    """The engine's view of a child case (raises MatchingInputError for a case without children).

    ``wishes``: the case's wish signals when the caller read them already (one query for many cases)."""
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
    if wishes is None:
        signals = ChildWishSignals.objects.filter(child_case=child_case).values_list("flags", flat=True).first()
    else:
        signals = list(wishes)
    return CaseProfile(
        case_id=child_case.pk,
        region_id=child_case.region_id,
        care_types_sought=frozenset(child_case.care_types_sought),
        children=children,
        contact_plan=child_case.contact_plan,
        birth_family_location=location_of(child_case.birth_family_orp),
        home_location=location_of(child_case.orp),
        wishes=frozenset(signals or ()),
        household_position=child_case.household_position or "",
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
        paused_days=_paused_days(entry.pk),
    )


def _paused_days(entry_id: int) -> int:
    from workflows.applicant_journey.services.life import paused_days

    return paused_days(entry_id, date.today())

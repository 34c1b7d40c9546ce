"""Database builders for the matching tests: register entries with profiles, and child cases."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

import pytest

from nrp.core.choices import CareType, ContactLevel, LegalStatus, Sex
from tests.factories import household_with_members, orp
from workflows.applicant_journey.models import AcceptanceProfile, ApplicantRegisterEntry, RegisterStatus
from workflows.child_mediation.models import Child, ChildCase, ChildCaseStatus

TODAY = date(2026, 11, 25)
_references = count(1)


def register_family(
    *,
    residence: str = "Brno",
    status: str = RegisterStatus.ACTIVE,
    care_types=(CareType.FOSTER,),
    effective_date: date = TODAY - timedelta(days=200),
    **profile,
) -> ApplicantRegisterEntry:
    household = household_with_members(residence=residence)
    entry = ApplicantRegisterEntry.objects.create(
        household=household,
        region=household.residence_orp.region,
        care_types=list(care_types),
        decision_date=effective_date - timedelta(days=20),
        effective_date=effective_date,
        status=status,
    )
    values = {
        "age_min": 0,
        "age_max": 12,
        "sexes": [Sex.FEMALE, Sex.MALE],
        "max_children": 1,
        "accepts_siblings": False,
        "legal_statuses": [LegalStatus.FREE, LegalStatus.NOT_FREE],
        "ethnicities_accepted": ["majority", "roma", "other"],
        "contact_willingness": ContactLevel.REGULAR,
    }
    values.update(profile)
    AcceptanceProfile.objects.create(entry=entry, **values)
    return entry


def child_case(
    *,
    orp_name: str = "Brno",
    ages=(5,),
    status: str = ChildCaseStatus.WAITING,
    registered_on: date | None = TODAY - timedelta(days=60),
    care_types=(CareType.FOSTER,),
    contact_plan: str = ContactLevel.NONE,
    birth_family_orp: str | None = None,
    health_needs=(),
    ethnicity: str = "",
    legal_status: str = LegalStatus.NOT_FREE,
) -> ChildCase:
    place = orp(orp_name)
    case = ChildCase.objects.create(
        reference=f"T-{next(_references):05d}",
        region=place.region,
        orp=place,
        care_types_sought=list(care_types),
        contact_plan=contact_plan,
        birth_family_orp=orp(birth_family_orp) if birth_family_orp else None,
        status=status,
        registered_on=registered_on,
    )
    for i, age in enumerate(ages):
        Child.objects.create(
            case=case,
            first_name=f"Tajné{i}",
            last_name="Jméno",
            date_of_birth=date(TODAY.year - age, 3, 1),
            sex=Sex.FEMALE if i % 2 == 0 else Sex.MALE,
            legal_status=legal_status,
            health_needs=list(health_needs),
            ethnicity=ethnicity,
        )
    return case


@pytest.fixture
def today():
    return TODAY

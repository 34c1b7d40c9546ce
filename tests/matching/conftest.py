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
    ready: bool = True,
    household_position: str = "",
) -> ChildCase:
    """A child case in the register; ``ready``: its file holds what the law asks before matching (the child's
    view, the expert assessment, a 12+ child's consent to adoption, evidence of legal freedom)."""
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
        household_position=household_position,
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
    if ready:
        record_readiness(case)
    return case


def record_readiness(case: ChildCase) -> None:
    """Test data: the records ``readiness.require_ready`` looks for, written as rows (no audit trail)."""
    from django.contrib.auth import get_user_model

    from workflows.child_mediation.legal.file_records import (
        AdoptionConsent,
        ChildAssessment,
        ChildView,
        LegalFreedomEvidence,
    )

    recorder, _ = get_user_model().objects.get_or_create(email="recorder@test.nrp.example")
    for child in case.children.all():
        ChildView.objects.create(
            child=child,
            recorded_by=recorder,
            heard_on=TODAY - timedelta(days=20),
            heard_by="OSPOD Brno",
            method="interview",
            words="Chci bydlet s rodinou.",
        )
        ChildAssessment.objects.create(
            child=child,
            recorded_by=recorder,
            kind="psychological",
            assessed_on=TODAY - timedelta(days=15),
            assessor="PhDr. Petr Novák",
            conclusions="Zvládne přechod do rodiny.",
        )
        if CareType.ADOPTION in case.care_types_sought:
            AdoptionConsent.objects.create(
                child=child, recorded_by=recorder, decision="given", given_on=TODAY - timedelta(days=10), how="Soud."
            )
        if child.legal_status == LegalStatus.FREE:
            LegalFreedomEvidence.objects.create(
                child=child,
                recorded_by=recorder,
                kind="court",
                parent="both",
                act_date=TODAY - timedelta(days=60),
                final_on=TODAY - timedelta(days=40),
                document="12 Nc 345/2026",
            )


@pytest.fixture
def today():
    return TODAY

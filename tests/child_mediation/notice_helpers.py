"""Helpers for the tests of the §24 written notice and the family's portal: a register entry for a given household
(the applicant persona's), and an approach of it on a signed conference list."""

from __future__ import annotations

from datetime import date

from nrp.core.choices import CareType, HealthNeed, LegalStatus, Sex
from workflows.applicant_journey.models import AcceptanceProfile, ApplicantRegisterEntry


def entry_for(household) -> ApplicantRegisterEntry:
    entry = ApplicantRegisterEntry.objects.create(
        household=household,
        region=household.residence_orp.region,
        care_types=[CareType.ADOPTION, CareType.FOSTER],
        decision_date=date(2025, 1, 10),
        effective_date=date(2025, 2, 1),
    )
    AcceptanceProfile.objects.create(
        entry=entry,
        sexes=[Sex.FEMALE, Sex.MALE],
        ethnicities_accepted=["majority", "roma", "other"],
        legal_statuses=[LegalStatus.FREE, LegalStatus.NOT_FREE],
        health_needs_accepted=[n.value for n in HealthNeed],
        accepts_siblings=True,
        max_children=3,
    )
    return entry


def approach_of(case, officer, entries, *, draft: bool = True, notified_on: date | None = None):
    """The first family of ``entries`` approached for ``case`` (a draft notice unless ``draft=False``)."""
    from tests.child_mediation.conftest import held_conference
    from workflows.child_mediation import services

    held_conference(case, officer, entries)
    return services.approach_start_next(case=case, officer=officer, draft=draft, notified_on=notified_on)

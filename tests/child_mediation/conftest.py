"""Helpers for child mediation tests: cases, approved families, a stand-in stored ranking."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from nrp.core.choices import CareType, ContactLevel, HealthNeed, LegalStatus, Role, Sex
from tests.api.conftest import _fresh_throttle_counters, api  # noqa: F401 - the API client for the legal-step tests
from tests.factories import household_with_members, orp, user_with_role
from workflows.applicant_journey.models import AcceptanceProfile, ApplicantRegisterEntry
from workflows.child_mediation import services


@dataclass
class StoredRanking:
    """Stands in for matching.RankingRun: a stored ranking with ordered results."""

    child_case_id: int
    results: list[dict]
    pk: int = 1
    national: bool = False
    exclusions: list = field(default_factory=list)


def make_entry(region_code_orp: str = "Brno", care_types=(CareType.ADOPTION, CareType.FOSTER)):
    household = household_with_members(residence=region_code_orp)
    entry = ApplicantRegisterEntry.objects.create(
        household=household,
        region=household.residence_orp.region,
        care_types=list(care_types),
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


def child_data(**overrides) -> dict:
    data = {
        "first_name": "Anežka",
        "last_name": "Součková",
        "date_of_birth": date(2019, 3, 14),
        "sex": Sex.FEMALE,
        "legal_status": LegalStatus.FREE,
        "health_needs": ["delay"],
        "health_notes": "Logopedická péče.",
        "ethnicity": "",
    }
    data.update(overrides)
    return data


def propose(ospod, *, children=None, care_types=(CareType.ADOPTION, CareType.FOSTER), **kwargs):
    return services.case_propose(
        proposed_by=ospod,
        orp=orp("Brno"),
        care_types_sought=list(care_types),
        children=children or [child_data()],
        contact_plan=kwargs.pop("contact_plan", ContactLevel.NONE),
        wishes=kwargs.pop("wishes", "Chci mít pejska a velkou ségru."),
        wishes_how_heard=kwargs.pop("wishes_how_heard", "Rozhovor s pracovnicí OSPOD v dětském domově."),
        # Tests propose the same stand-in child many times; the refusal itself: tests/api/test_duplicate_children.py
        confirm_duplicate=kwargs.pop("confirm_duplicate", True),
        **kwargs,
    )


def make_ready(case, officer, *, today: date | None = None):
    """Record what the law asks on the file before matching, for every child of ``case`` (idempotent): the child's
    view (CHILD_VIEW), the expert assessment where needed (CHILD_ASSESSMENT), the consent of a child of 12+ sought
    for adoption (CHILD_CONSENT_12) and, for a child led as legally free, the evidence (LEGALLY_FREE)."""
    from workflows.child_mediation.legal.file_records import ChildAssessment, ChildView, LegalFreedomEvidence
    from workflows.child_mediation.services import child_records, readiness

    today = today or timezone.localdate()
    for child in case.children.all():
        if not ChildView.objects.filter(child=child).exists():
            child_records.child_view_record(
                child=child,
                actor=officer,
                heard_on=today - timedelta(days=20),
                heard_by="Bc. Eva Brněnská, OSPOD Brno",
                method="interview",
                words="Chci mít pejska a velkou ségru.",
            )
        if readiness.assessment_reasons(child, today=today) and not ChildAssessment.objects.filter(child=child):
            child_records.child_assessment_record(
                child=child,
                actor=officer,
                kind="psychological",
                assessed_on=today - timedelta(days=15),
                assessor="PhDr. Petr Novák, psycholog, PPP Brno",
                conclusions="Dítě zvládne přechod do rodiny s trpělivou přípravou.",
            )
        if (
            readiness.consent_needed(child, case, today=today)
            and readiness.latest(readiness.AdoptionConsent, child) is None
        ):
            child_records.adoption_consent_record(
                child=child, actor=officer, decision="given", given_on=today - timedelta(days=10), how="Před soudem."
            )
        if child.legal_status == LegalStatus.FREE and not LegalFreedomEvidence.objects.filter(child=child):
            child_records.legal_evidence_record(
                child=child,
                actor=officer,
                kind="court",
                parent="both",
                act_date=today - timedelta(days=60),
                final_on=today - timedelta(days=40),
                document="Rozsudek OS Brno 12 Nc 345/2026",
            )
    return case


@pytest.fixture
def waiting_case(ospod_worker, officer):
    case = propose(ospod_worker)
    case = services.case_register(case=case, officer=officer, registered_on=timezone.localdate() - timedelta(days=5))
    return make_ready(case, officer)


@pytest.fixture
def families():
    return [make_entry() for _ in range(3)]


@pytest.fixture
def psychologist(jmk):
    return user_with_role(Role.ASSESSOR, email="psych@test.nrp.example", region=jmk)


def ranking_for(case, entries) -> StoredRanking:
    return StoredRanking(
        child_case_id=case.pk,
        results=[
            {
                "entry_id": e.pk,
                "score": round(0.9 - i * 0.1, 2),
                "contributions": {"age": 0.3},
                "reasons": [f"Věk dítěte odpovídá přání rodiny ({i + 1})."],
            }
            for i, e in enumerate(entries)
        ],
    )


def held_conference(case, officer, entries, order=None):
    """A conference with signed minutes choosing ``order`` (default: the ranking order); the child's file is made
    ready for matching first (``make_ready``), as the approach requires."""
    make_ready(case, officer)
    conference = services.conference_prepare(
        case=case,
        officer=officer,
        scheduled_at=timezone.make_aware(datetime(2026, 12, 1, 10, 0)),
        shortlist_size=len(entries),
        participants=[("officer", "Mgr. Jana Krajská, KÚ JMK"), ("ospod", "Bc. Eva Brněnská, OSPOD Brno")],
        ranking=ranking_for(case, entries),
    )
    minutes = services.minutes_save(
        conference=conference,
        author=officer,
        attendance="Všichni pozvaní.",
        discussion="Shoda na pořadí.",
        wishes_considered="Přání mít sourozence a zvíře: rodiny se psem a dětmi výše.",
        approach_order=order or [e.pk for e in entries],
        reasoning="Rodina 1 má zkušenost s opožděným vývojem.",
    )
    services.minutes_sign_off(minutes=minutes, officer=officer)
    return conference

"""Helpers that walk a journey step by step through the real services (as the named personas)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from nrp.core.choices import CareType, ContactLevel, Ethnicity, LegalStatus, Sex
from workflows.applicant_journey import services
from workflows.applicant_journey.models import AssessmentKind, CourseAttendance, CourseSession

T0 = date(2026, 1, 5)  # a Monday


def profile(**over):
    data = {
        "age_min": 0,
        "age_max": 6,
        "sexes": [Sex.FEMALE, Sex.MALE],
        "max_children": 2,
        "accepts_siblings": True,
        "health_needs_accepted": ["delay"],
        "health_needs_experience": [],
        "ethnicities_accepted": [Ethnicity.MAJORITY, Ethnicity.ROMA],
        "legal_statuses": [LegalStatus.FREE],
        "contact_willingness": ContactLevel.SUPERVISED,
        "accepts_other_regions": True,
        "children_in_household": 0,
    }
    data.update(over)
    return data


def to_application(journey, guide, care_types=(CareType.ADOPTION,)):
    services.information_meeting_record(journey=journey, actor=guide, met_on=T0, care_types=list(care_types), today=T0)
    return journey


def file_application(journey, ospod, care_types=(CareType.ADOPTION,)):
    services.application_file(
        journey=journey,
        actor=ospod,
        filed_on=T0 + timedelta(days=7),
        care_types=list(care_types),
        profile=profile(),
        today=T0 + timedelta(days=7),
    )


def fill_application(journey, *, consent=True):
    """The §23a data of every applicant (Czech citizens with permanent residence) and both ÚMPOD choices."""
    from workflows.applicant_journey.models import ApplicationChoices, ApplicationPerson

    for i, person in enumerate(ApplicationPerson.objects.filter(journey=journey, member__isnull=False)):
        person.birth_number = f"80010{i}1234"
        person.born_on = person.born_on or date(1980, 1, 1 + i)
        person.birth_place = "Brno"
        person.citizenship = "CZ"
        person.stay_kind = "citizen"
        person.habitual_residence_cz = True
        person.preparation_consent_on = T0 + timedelta(days=7) if consent else None
        person.save()
    ApplicationChoices.objects.filter(journey=journey).update(umpod_offer_consent=False, intercountry_only=False)


def accept_checklist(journey):
    """Every checklist item there and accepted (the gate is tested through the screens and the API)."""
    from workflows.applicant_journey.models import CHECKLIST_DOCUMENT_KINDS, DocumentStatus

    journey.documents.filter(kind__in=CHECKLIST_DOCUMENT_KINDS).update(status=DocumentStatus.ACCEPTED)


def complete_checklist(journey):
    fill_application(journey)
    accept_checklist(journey)


OPINION = {"opinion_conclusion": "recommended", "opinion_text": "Rodina je připravená, doporučujeme."}


def to_investigation(journey, guide, ospod, care_types=(CareType.ADOPTION,)):
    to_application(journey, guide, care_types)
    file_application(journey, ospod, care_types)
    complete_checklist(journey)
    services.application_check(journey=journey, actor=ospod, outcome="complete", today=T0 + timedelta(days=10))


def to_assessment(journey, guide, ospod, officer, assessor, care_types=(CareType.ADOPTION,)):
    to_investigation(journey, guide, ospod, care_types)
    services.social_investigation_record(
        journey=journey,
        actor=ospod,
        visited_on=T0 + timedelta(days=20),
        notes="Byt 3+1, klidné prostředí.",
        today=T0 + timedelta(days=20),
    )
    services.handover_record(
        journey=journey, actor=ospod, sent_on=T0 + timedelta(days=25), today=T0 + timedelta(days=25), **OPINION
    )
    services.assessment_assign(journey=journey, actor=officer, assessor=assessor)


def assessment_parts(journey):
    parts = [
        {"member_id": m.pk, "kind": AssessmentKind.PSYCHOLOGICAL, "conclusion": "suitable", "summary": "Stabilní."}
        for m in journey.household.members.all()
    ]
    parts += [
        {"member_id": None, "kind": AssessmentKind.SOCIAL, "conclusion": "suitable", "summary": "Dobré zázemí."},
        {"member_id": None, "kind": AssessmentKind.HEALTH, "conclusion": "suitable", "summary": "Bez omezení."},
    ]
    return parts


def attend_course(journey, hours_each: int):
    # A past session (attendance is recorded after the session, never before the application).
    starts = timezone.make_aware(timezone.datetime.combine(T0 + timedelta(days=100), timezone.datetime.min.time()))
    session = CourseSession.objects.create(
        region=journey.region, title="Příprava", starts_at=starts, hours=Decimal(hours_each)
    )
    for member in journey.household.members.all():
        CourseAttendance.objects.create(session=session, journey=journey, member=member, hours=Decimal(hours_each))


def to_decision(journey, guide, ospod, officer, assessor, care_types=(CareType.ADOPTION,), hours=48):
    to_assessment(journey, guide, ospod, officer, assessor, care_types)
    services.expert_assessment_record(
        journey=journey,
        actor=assessor,
        parts=assessment_parts(journey),
        done_on=T0 + timedelta(days=60),
        today=T0 + timedelta(days=60),
    )
    attend_course(journey, hours)
    services.preparation_complete(
        journey=journey, actor=officer, completed_on=T0 + timedelta(days=150), today=T0 + timedelta(days=150)
    )
    services.file_inspection_record(
        journey=journey,
        actor=officer,
        offered_on=T0 + timedelta(days=155),
        inspected_on=T0 + timedelta(days=160),
        today=T0 + timedelta(days=160),
    )


DECIDED = T0 + timedelta(days=170)
DELIVERED = T0 + timedelta(days=172)


def approve(journey, officer, care_types=(CareType.ADOPTION,), **profile_over):
    services.decision_record(
        journey=journey,
        actor=officer,
        outcome="approved",
        decision_date=DECIDED,
        delivered_on=DELIVERED,
        reasons="Žadatelé splňují předpoklady.",
        approved_care_types=list(care_types),
        profile=profile(**profile_over),
        today=DELIVERED,
    )


def make_final(journey, officer):
    services.finality_record(journey=journey, actor=officer, today=DELIVERED + timedelta(days=20))

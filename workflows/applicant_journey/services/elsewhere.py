"""Preparation and assessment in another region (PREPARATION, EXPERT_ASSESSMENT), course attendance within the
session's bounds, and the shorter course a region may set for repeat applicants (REPEAT_COURSE_HOURS)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.access import ObjectScope
from nrp.core.exceptions import ForbiddenError
from nrp.core.models import Region, User
from workflows.applicant_journey import deadlines, permissions
from workflows.applicant_journey.models import (
    CLOSED_STAGES,
    ApplicantJourney,
    ApplicationChoices,
    Assessment,
    AssessmentConclusion,
    AssessmentKind,
    CourseAttendance,
    CourseSession,
    EventKind,
    PerformedElsewhere,
    RegionCourseSetting,
)
from workflows.applicant_journey.services.dates import day
from workflows.applicant_journey.services.tasks import StepError, record_event
from workflows.applicant_journey.services.tasks import today as clock_today

SESSION_NOT_ARRANGED = _("Setkání patří kraji, který přípravu této rodiny neprovádí.")
SESSION_IN_FUTURE = _("Setkání se koná až %(date)s; docházku lze zapsat nejdříve v den setkání.")
SESSION_BEFORE_APPLICATION = _("Setkání (%(date)s) proběhlo před podáním žádosti (%(filed)s); nelze ho započítat.")
HOURS_OVER_SESSION = _("Setkání trvá %(session)s h; zapsat lze nejvýše tolik, ne %(hours)s h.")
HOURS_NOT_POSITIVE = _("Zapište počet odučených hodin větší než nula.")
MEMBER_NOT_IN_HOUSEHOLD = _("Tento žadatel do domácnosti nepatří.")
NOT_SESSION_REGION = _("Docházku zapisuje pracovník kraje, který setkání pořádá.")
SAME_REGION = _("Kraj, který přípravu provede, musí být jiný než kraj, který rozhoduje.")
NOTHING_ARRANGED = _("Vyberte přípravu, odborné posouzení nebo obojí.")
ASSESSMENT_NOT_ARRANGED = _("Odborné posouzení této rodiny nebylo tomuto kraji svěřeno.")
SUMMARY_REQUIRED = _("Zapište shrnutí posouzení.")
JOURNEY_CLOSED = _("Tato cesta žadatele je už ukončená.")
ARRANGED_NOTE = _("Příprava nebo posouzení v kraji %(region)s (%(law)s).")


def performing_regions(journey: ApplicantJourney, *, course: bool | None = None, assessment: bool | None = None):
    qs = PerformedElsewhere.objects.filter(journey=journey)
    if course:
        qs = qs.filter(course=True)
    if assessment:
        qs = qs.filter(assessment=True)
    return set(qs.values_list("performing_region_id", flat=True))


def course_minimum_for(journey: ApplicantJourney) -> int:
    """COURSE_HOURS (48 h, 72 h with short-term foster care); a repeat applicant's region may set fewer hours
    (REPEAT_COURSE_HOURS, a regional setting: no statutory rule)."""
    full = deadlines.course_minimum_hours(journey.care_types)
    repeat = ApplicationChoices.objects.filter(journey=journey, repeat_applicant=True).exists()
    if repeat:
        setting = RegionCourseSetting.objects.filter(region_id=journey.region_id).first()
        if setting is not None and setting.repeat_course_hours:
            return min(full, setting.repeat_course_hours)
    return full


@transaction.atomic
def elsewhere_arrange(
    *, journey: ApplicantJourney, actor: User, performing_region: Region, course: bool, assessment: bool
) -> PerformedElsewhere:
    """The deciding office arranges the course and/or the assessment with another region."""
    if journey.stage in CLOSED_STAGES:
        raise StepError(JOURNEY_CLOSED, "conflict")
    if performing_region.pk == journey.region_id:
        raise ValidationError({"performing_region": SAME_REGION})
    if not course and not assessment:
        raise ValidationError({"course": NOTHING_ARRANGED})
    row, _created = PerformedElsewhere.objects.update_or_create(
        journey=journey,
        performing_region=performing_region,
        defaults={"course": course, "assessment": assessment, "arranged_by": actor},
    )
    record_event(
        journey,
        actor=actor,
        kind=EventKind.STEP,
        step="elsewhere",
        note=str(ARRANGED_NOTE % {"region": performing_region.name, "law": law.cite("PREPARATION", "short")}),
        region=performing_region.pk,
    )
    return row


def _may_act_in(actor: User, policy, region_id: int) -> bool:
    return policy.allows(actor, ObjectScope(region_ids=frozenset({region_id})))


@transaction.atomic
def attendance_record(
    *,
    journey: ApplicantJourney,
    actor: User,
    session: CourseSession,
    member_id: int,
    hours: Decimal,
    today: date | None = None,
) -> CourseAttendance:
    """Hours one applicant attended in one session (recording it again corrects the hours).

    The session belongs to the deciding region or to a region arranged to run the course; an officer of the
    session's region records it. Hours are at most the session's length; a session in the future cannot be
    attended, and one before the application does not count."""
    today = today or clock_today()
    if journey.stage in CLOSED_STAGES:
        raise StepError(JOURNEY_CLOSED, "conflict")
    allowed = {journey.region_id} | performing_regions(journey, course=True)
    if session.region_id not in allowed:
        raise ValidationError({"session": SESSION_NOT_ARRANGED})
    if not _may_act_in(actor, permissions.RECORD_ATTENDANCE, session.region_id):
        raise ForbiddenError(NOT_SESSION_REGION, "forbidden")
    if not journey.household.members.filter(pk=member_id).exists():
        raise ValidationError({"member": MEMBER_NOT_IN_HOUSEHOLD})
    held_on = timezone.localtime(session.starts_at).date()
    if held_on > today:
        raise ValidationError({"session": SESSION_IN_FUTURE % {"date": day(held_on)}})
    if journey.application_filed_on and held_on < journey.application_filed_on:
        raise ValidationError(
            {"session": SESSION_BEFORE_APPLICATION % {"date": day(held_on), "filed": day(journey.application_filed_on)}}
        )
    if hours is None or hours <= 0:
        raise ValidationError({"hours": HOURS_NOT_POSITIVE})
    if hours > session.hours:
        raise ValidationError({"hours": HOURS_OVER_SESSION % {"session": session.hours, "hours": hours}})
    attendance, _created = CourseAttendance.objects.update_or_create(
        session=session, member_id=member_id, defaults={"journey": journey, "hours": hours, "recorded_by": actor}
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=attendance,
        household=journey.household,
        region=session.region,
        details={"session": session.pk, "hours": str(hours)},
    )
    return attendance


def course_hours(journey: ApplicantJourney) -> dict[int, Decimal]:
    """Hours of preparation attended per household member."""
    rows = CourseAttendance.objects.filter(journey=journey).values("member_id").annotate(total=Sum("hours"))
    hours = {m.pk: Decimal(0) for m in journey.household.members.all()}
    for row in rows:
        hours[row["member_id"]] = row["total"]
    return hours


def last_session_attended(journey: ApplicantJourney) -> date | None:
    latest = (
        CourseAttendance.objects.filter(journey=journey)
        .order_by("-session__starts_at")
        .values_list("session__starts_at", flat=True)
    ).first()
    return timezone.localtime(latest).date() if latest else None


@transaction.atomic
def elsewhere_assessment_record(
    *,
    journey: ApplicantJourney,
    actor: User,
    region: Region,
    member_id: int | None,
    kind: str,
    conclusion: str,
    summary: str,
) -> Assessment:
    """A part of the expert assessment done in the performing region; the deciding office sees it on the journey."""
    if journey.stage in CLOSED_STAGES:
        raise StepError(JOURNEY_CLOSED, "conflict")
    if region.pk not in performing_regions(journey, assessment=True):
        raise ValidationError({"kind": ASSESSMENT_NOT_ARRANGED})
    if not _may_act_in(actor, permissions.RECORD_ELSEWHERE_ASSESSMENT, region.pk):
        raise ForbiddenError(ASSESSMENT_NOT_ARRANGED, "forbidden")
    if kind not in AssessmentKind.values or conclusion not in AssessmentConclusion.values:
        raise ValidationError({"kind": _("Neplatný druh nebo závěr posouzení.")})
    if not summary.strip():
        raise ValidationError({"summary": SUMMARY_REQUIRED})
    if kind == AssessmentKind.PSYCHOLOGICAL and not journey.household.members.filter(pk=member_id).exists():
        raise ValidationError({"member": MEMBER_NOT_IN_HOUSEHOLD})
    assessment = Assessment.objects.create(
        journey=journey,
        member_id=member_id if kind == AssessmentKind.PSYCHOLOGICAL else None,
        kind=kind,
        conclusion=conclusion,
        summary=summary.strip(),
        recorded_by=actor,
        performed_in=region,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=assessment, household=journey.household, region=region)
    return assessment

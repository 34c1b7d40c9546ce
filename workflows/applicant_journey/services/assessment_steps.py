"""Services of the investigation and assessment steps: the social investigation, the assessor's assignment,
the expert assessment (§27) and the preparation course.

All take keyword arguments only: ``journey``, ``actor`` (who does it), the step's data, and ``today`` (a
controllable clock; defaults to the local date).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import Role
from nrp.core.models import User
from workflows.applicant_journey.models import ApplicantJourney, Assessment, AssessmentKind
from workflows.applicant_journey.services.dates import check_step_date
from workflows.applicant_journey.services.elsewhere import course_hours, course_minimum_for, last_session_attended
from workflows.applicant_journey.services.step_checks import step_today
from workflows.applicant_journey.services.tasks import step

# Validation messages (tests import them).
NOTES_REQUIRED = _("Zapište prosím záznam ze sociálního šetření.")
NOT_AN_ASSESSOR = _("Vybraný člověk není posuzovatelem v kraji tohoto případu.")
ASSESSMENT_INCOMPLETE = _(
    "Odborné posouzení musí obsahovat psychologické posouzení každého žadatele a sociální a zdravotní posouzení."
)
COURSE_HOURS_MISSING = _("%(name)s má zatím %(hours)s h přípravy z povinných %(minimum)s h.")


def social_investigation_record(
    *, journey: ApplicantJourney, actor: User, visited_on: date, notes: str, today=None
) -> ApplicantJourney:
    """Sociální šetření: the OSPOD's home visit record."""
    today = step_today(today)
    check_step_date(journey, "social_investigation", "visited_on", visited_on, today=today)
    if not notes.strip():
        raise ValidationError({"notes": NOTES_REQUIRED})
    with step(journey=journey, node="social_investigation", actor=actor) as process:
        process.home_visit_on = visited_on
        process.home_visit_notes = notes.strip()
    return journey


def assessment_assign(*, journey: ApplicantJourney, actor: User, assessor: User, today=None) -> ApplicantJourney:
    """The officer assigns the expert assessment to an assessor of the region."""
    if not assessor.has_role(Role.ASSESSOR) or journey.region_id not in assessor.region_ids(Role.ASSESSOR):
        raise ValidationError({"assessor": NOT_AN_ASSESSOR})
    with step(journey=journey, node="assign_assessment", actor=actor) as process:
        process.assessor = assessor
    return journey


def expert_assessment_record(
    *, journey: ApplicantJourney, actor: User, parts: list[dict], done_on: date, today=None
) -> ApplicantJourney:
    """Odborné posouzení (§27): ``parts`` = [{"member_id"|None, "kind", "conclusion", "summary"}, …].

    Needs a psychological assessment of each applicant and a social and a health assessment of the household.
    """
    today = step_today(today)
    check_step_date(journey, "expert_assessment", "done_on", done_on, today=today)
    member_ids = set(journey.household.members.values_list("pk", flat=True))
    psych = {p.get("member_id") for p in parts if p["kind"] == AssessmentKind.PSYCHOLOGICAL and p["summary"].strip()}
    kinds = {p["kind"] for p in parts if p["summary"].strip()}
    if not member_ids <= psych or not {AssessmentKind.SOCIAL, AssessmentKind.HEALTH} <= kinds:
        raise ValidationError(ASSESSMENT_INCOMPLETE)
    with step(journey=journey, node="expert_assessment", actor=actor) as process:
        for part in parts:
            if not part["summary"].strip():
                continue
            Assessment.objects.create(
                journey=process,
                member_id=part.get("member_id") if part["kind"] == AssessmentKind.PSYCHOLOGICAL else None,
                kind=part["kind"],
                conclusion=part["conclusion"],
                summary=part["summary"].strip(),
                recorded_by=actor,
            )
        process.assessment_done_on = done_on
    return journey


def preparation_complete(*, journey: ApplicantJourney, actor: User, completed_on: date, today=None) -> ApplicantJourney:
    """Příprava: each applicant has attended at least 48 h (adoption, foster care) or 72 h (short-term foster care)."""
    today = step_today(today)
    last = last_session_attended(journey)
    floor = [(_("poslední setkání přípravy"), last)] if last else []
    check_step_date(journey, "preparation", "completed_on", completed_on, today=today, extra=floor)
    # COURSE_HOURS, or the region's shorter course for a repeat applicant (REPEAT_COURSE_HOURS).
    minimum = course_minimum_for(journey)
    hours = course_hours(journey)
    for member in journey.household.members.all():
        if hours.get(member.pk, 0) < minimum:
            raise ValidationError(
                COURSE_HOURS_MISSING % {"name": member.full_name, "hours": hours.get(member.pk, 0), "minimum": minimum}
            )
    with step(journey=journey, node="preparation", actor=actor) as process:
        process.course_completed_on = completed_on
    return journey

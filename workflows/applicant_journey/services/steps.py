"""One service per human step of the journey. Each validates, writes the step's record and completes the task.

All take keyword arguments only: ``journey``, ``actor`` (who does it), the step's data, and ``today`` (a
controllable clock; defaults to the local date).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.core.choices import MEDIATED_CARE_TYPES, Role
from nrp.core.models import User
from nrp.notifications import events as notifications
from workflows.applicant_journey import deadlines
from workflows.applicant_journey.models import (
    AppealOutcome,
    ApplicantJourney,
    Assessment,
    AssessmentKind,
    CompletenessOutcome,
    DecisionKind,
    DecisionOutcome,
    DeliveryMethod,
    EventKind,
)
from workflows.applicant_journey.services import decisions
from workflows.applicant_journey.services.application import (
    ensure_application,
    ensure_checklist,
    outstanding_items,
    require_complete,
)
from workflows.applicant_journey.services.dates import check_step_date
from workflows.applicant_journey.services.elsewhere import course_hours, course_minimum_for, last_session_attended
from workflows.applicant_journey.services.inspection import inspection_gate, inspection_notice_send
from workflows.applicant_journey.services.register import validate_profile_data
from workflows.applicant_journey.services.tasks import StepError, record_event, step
from workflows.applicant_journey.services.tasks import today as clock_today

NOTHING_SUPPLIED = _("Doplnit je třeba ještě: %(items)s. Nahrajte prosím chybějící dokumenty.")
# Validation messages (tests import them).
DATE_IN_FUTURE = _("Datum nemůže být v budoucnosti.")
DATE_BEFORE = _("Datum nemůže být dřívější než %(what)s (%(date)s).")
NO_CARE_TYPE = _("Vyberte alespoň jednu formu péče.")
CARE_TYPE_NOT_MEDIATED = _("Poručenství se krajem nezprostředkovává; vyberte osvojení nebo pěstounskou péči.")
MISSING_ITEMS_REQUIRED = _("U neúplné žádosti uveďte, co chybí.")
REASONS_REQUIRED = _("Rozhodnutí musí obsahovat odůvodnění.")
NOTES_REQUIRED = _("Zapište prosím záznam ze sociálního šetření.")
NOT_AN_ASSESSOR = _("Vybraný člověk není posuzovatelem v kraji tohoto případu.")
ASSESSMENT_INCOMPLETE = _(
    "Odborné posouzení musí obsahovat psychologické posouzení každého žadatele a sociální a zdravotní posouzení."
)
COURSE_HOURS_MISSING = _("%(name)s má zatím %(hours)s h přípravy z povinných %(minimum)s h.")
APPROVED_TYPE_NOT_APPLIED = _("Schválit lze jen formy péče, o které žadatelé požádali.")
APPEAL_PERIOD_RUNNING = _("Lhůta pro odvolání běží do %(date)s; právní moc zatím nenastala.")
DELIVERY_REQUIRED = _("Zadejte datum doručení rozhodnutí.")
OUTCOME_DELIVERY_REQUIRED = _("Zadejte datum doručení rozhodnutí o odvolání: právní moci nabývá doručením.")
APPEAL_AND_WAIVER = _("Zadejte buď podání odvolání, nebo vzdání se odvolání, ne obojí.")
# Notes in the journey's history (persisted in the language of the moment, like every note).
APPEAL_NOTE = _("Odvolání podáno %(filed)s; postoupit ministerstvu do %(forward)s (%(law)s).")
LATE_APPEAL_NOTE = _(
    "Odvolání podáno po lhůtě %(filed)s: nemá odkladný účinek (%(late)s), rozhodnutí nabývá právní moci "
    "%(effective)s; postoupit ministerstvu do %(forward)s (%(law)s)."
)
WAIVER_NOTE = _("Žadatel se odvolání vzdal (%(law)s); rozhodnutí nabylo právní moci %(effective)s.")


def _day(value: date) -> str:
    return value.strftime("%d. %m. %Y")


def _today(today: date | None) -> date:
    return today or clock_today()


def _not_future(field: str, value: date | None, today: date) -> None:
    if value is not None and value > today:
        raise ValidationError({field: DATE_IN_FUTURE})


def _not_before(field: str, value: date | None, floor: date | None, what) -> None:
    if value is not None and floor is not None and value < floor:
        raise ValidationError({field: DATE_BEFORE % {"what": what, "date": floor.strftime("%d. %m. %Y")}})


def _check_care_types(care_types: list[str]) -> list[str]:
    if not care_types:
        raise ValidationError({"care_types": NO_CARE_TYPE})
    if any(c not in MEDIATED_CARE_TYPES for c in care_types):
        raise ValidationError({"care_types": CARE_TYPE_NOT_MEDIATED})
    return [str(c) for c in care_types]


def information_meeting_record(
    *, journey: ApplicantJourney, actor: User, met_on: date, care_types: list[str], note: str = "", today=None
) -> ApplicantJourney:
    """The guide records the information meeting and what the family is interested in."""
    today = _today(today)
    _not_future("met_on", met_on, today)
    care_types = _check_care_types(care_types)
    with step(journey=journey, node="information_meeting", actor=actor) as process:
        process.info_meeting_on = met_on
        process.care_types = care_types
    return journey


def application_file(
    *,
    journey: ApplicantJourney,
    actor: User,
    filed_on: date,
    care_types: list[str],
    foreign_countries: dict[int, list[str]] | None = None,
    already_fosters: bool = False,
    profile: dict | None = None,
    today=None,
) -> ApplicantJourney:
    """The OSPOD of the ORP of permanent residence records the filed application (§23a) and its checklist (§23c).

    ``foreign_countries`` maps a household member id to the countries where they lived more than 3 months: one
    criminal-record extract is required per country (the Czech one the ORP requests itself). ``profile`` is the
    questionnaire's first draft of the acceptance profile.
    """
    today = _today(today)
    check_step_date(journey, "file_application", "filed_on", filed_on, today=today)
    care_types = _check_care_types(care_types)
    if profile:
        validate_profile_data(profile)
    with step(journey=journey, node="file_application", actor=actor) as process:
        process.application_filed_on = filed_on
        process.care_types = care_types
        if profile:
            process.profile_data = profile
        ensure_checklist(process, foreign_countries=foreign_countries or {}, already_fosters=already_fosters)
        ensure_application(process)
    return journey


def application_check(
    *,
    journey: ApplicantJourney,
    actor: User,
    outcome: str,
    missing_items: list[str] | None = None,
    reasons: str = "",
    today=None,
) -> ApplicantJourney:
    """The OSPOD completeness check: complete, incomplete (returned with a list), rejected (§23a(1)), not mediated."""
    today = _today(today)
    missing_items = [m.strip() for m in (missing_items or []) if m.strip()]
    if outcome == CompletenessOutcome.INCOMPLETE and not missing_items:
        raise ValidationError({"missing_items": MISSING_ITEMS_REQUIRED})
    if outcome in (CompletenessOutcome.REJECTED, CompletenessOutcome.NOT_MEDIATED) and not reasons.strip():
        raise ValidationError({"reasons": REASONS_REQUIRED})
    if outcome not in CompletenessOutcome.values:
        raise ValidationError({"outcome": _("Neplatný výsledek kontroly.")})
    if outcome == CompletenessOutcome.COMPLETE:
        # COMPLETENESS_GATE: complete only when every checklist item of every applicant is there and accepted.
        require_complete(journey)
    if outcome == CompletenessOutcome.REJECTED:
        inspection_gate(journey, on_day=today)
    with step(journey=journey, node="check_application", actor=actor) as process:
        process.completeness_outcome = outcome
        process.missing_items = missing_items if outcome == CompletenessOutcome.INCOMPLETE else []
        if outcome == CompletenessOutcome.COMPLETE:
            process.application_complete_on = today
        if outcome in (CompletenessOutcome.REJECTED, CompletenessOutcome.NOT_MEDIATED):
            process.orp_rejection_reasons = reasons.strip()
            process.closed_reason = reasons.strip()
        if outcome == CompletenessOutcome.REJECTED:
            # APPLICATION_REFUSAL is a decision (delivered and appealable), after the inspection (FILE_INSPECTION).
            decisions.decision_create(
                journey=process,
                actor=actor,
                kind=DecisionKind.ORP_REFUSAL,
                issued_on=today,
                reasons=reasons,
                today=today,
            )
    return journey


def application_complete(*, journey: ApplicantJourney, actor: User, note: str = "", today=None) -> ApplicantJourney:
    """The applicant hands in what was missing; the OSPOD checks the application again.

    COMPLETENESS_GATE: refused while a document the applicant must supply is still missing or was returned, or the
    application form lacks data or consents (documents waiting for review are fine: the OSPOD checks them next)."""
    items = outstanding_items(journey, applicant_part=True)
    if items:
        raise StepError(NOTHING_SUPPLIED % {"items": "; ".join(items)}, "checklist_incomplete")
    with step(journey=journey, node="complete_application", actor=actor) as process:
        process.completeness_outcome = ""
    return journey


def social_investigation_record(
    *, journey: ApplicantJourney, actor: User, visited_on: date, notes: str, today=None
) -> ApplicantJourney:
    """Sociální šetření: the OSPOD's home visit record."""
    today = _today(today)
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
    today = _today(today)
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
    today = _today(today)
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


def file_inspection_record(
    *, journey: ApplicantJourney, actor: User, offered_on: date, inspected_on: date | None = None, today=None
) -> ApplicantJourney:
    """Seznámení s podklady (správní řád §36(3)): the offer, and the date the family inspected the file if it did."""
    today = _today(today)
    check_step_date(journey, "file_inspection", "offered_on", offered_on, today=today)
    _not_future("inspected_on", inspected_on, today)
    _not_before("inspected_on", inspected_on, offered_on, _("nabídka seznámení"))
    with step(journey=journey, node="file_inspection", actor=actor) as process:
        process.inspection_offered_on = offered_on
        process.inspection_done_on = inspected_on
        # FILE_INSPECTION: the notice with the applicant's period to respond (message and e-mail).
        notice = inspection_notice_send(journey=process, actor=actor, sent_on=offered_on, today=today)
        if inspected_on is not None:
            notice.inspected_on = inspected_on
            notice.save(update_fields=["inspected_on"])
    return journey


def decision_record(
    *,
    journey: ApplicantJourney,
    actor: User,
    outcome: str,
    decision_date: date,
    delivered_on: date | None,
    reasons: str,
    approved_care_types: list[str] | None = None,
    profile: dict | None = None,
    delivery_method: str = DeliveryMethod.DATA_BOX,
    today=None,
) -> ApplicantJourney:
    """Rozhodnutí o zařazení / nezařazení (§23d–§23g): approved care types and the acceptance profile, or reasons.
    Written as a ``Decision`` (number, delivery); a rejection only after the inspection period (FILE_INSPECTION)."""
    today = _today(today)
    _not_future("decision_date", decision_date, today)
    _not_future("delivered_on", delivered_on, today)
    _not_before("decision_date", decision_date, journey.inspection_offered_on, _("seznámení s podklady"))
    _not_before("decision_date", decision_date, journey.began_on, _("založení cesty žadatele"))
    _not_before("delivered_on", delivered_on, decision_date, _("datum rozhodnutí"))
    if delivered_on is None:
        raise ValidationError({"delivered_on": DELIVERY_REQUIRED})
    # DECISION_REASONS (SŘ §68(4)): a rejection must give its reasons (a full approval may omit them).
    if outcome != DecisionOutcome.APPROVED and not reasons.strip():
        raise ValidationError({"reasons": REASONS_REQUIRED})
    if outcome == DecisionOutcome.APPROVED:
        approved = _check_care_types(approved_care_types or [])
        if not set(approved) <= set(journey.care_types):
            raise ValidationError({"care_types": APPROVED_TYPE_NOT_APPLIED})
        validate_profile_data(profile or {})
    elif outcome != DecisionOutcome.REJECTED:
        raise ValidationError({"outcome": _("Neplatný výsledek rozhodnutí.")})
    else:
        inspection_gate(journey, on_day=decision_date)
    with step(journey=journey, node="decision", actor=actor) as process:
        decisions.decision_create(
            journey=process,
            actor=actor,
            kind=DecisionKind.INCLUSION,
            issued_on=decision_date,
            reasons=reasons,
            negative=outcome == DecisionOutcome.REJECTED,
            delivery_method=delivery_method,
            delivered_on=delivered_on,
            today=today,
        )
        process.decision_outcome = outcome
        process.decision_date = decision_date
        process.decision_delivered_on = delivered_on
        process.decision_reasons = reasons.strip()
        process.approved_care_types = approved if outcome == DecisionOutcome.APPROVED else []
        if outcome == DecisionOutcome.APPROVED:
            process.profile_data = profile or {}
        # A new decision (also after an appeal returned the case) starts a new appeal period.
        process.appeal_filed_on = None
        process.appeal_late = False
        process.appeal_outcome = ""
        process.appeal_decided_on = None
        process.effective_date = None
    notifications.decision_recorded(process, actor=actor)
    return journey


def finality_record(
    *,
    journey: ApplicantJourney,
    actor: User,
    appeal_filed_on: date | None = None,
    appeal_waived_on: date | None = None,
    today=None,
) -> ApplicantJourney:
    """After delivery: an appeal, a waiver of appeal, or the appeal period ran out (APPEAL_PERIOD, FINALITY: final
    the day after the period, matchable from then). APPEAL_WAIVER: final when the waiver reached the office.
    LATE_APPEAL: recorded, flagged and forwarded, but no suspensive effect; only an appeal in time waits."""
    today = _today(today)
    delivered = journey.decision_delivered_on
    last_day = deadlines.appeal_deadline(delivered)
    if appeal_filed_on is not None and appeal_waived_on is not None:
        raise ValidationError({"appeal_waived_on": APPEAL_AND_WAIVER})
    for field, value in (("appeal_filed_on", appeal_filed_on), ("appeal_waived_on", appeal_waived_on)):
        _not_future(field, value, today)
        _not_before(field, value, delivered, _("doručení rozhodnutí"))
    if appeal_filed_on is None and appeal_waived_on is None and today <= last_day:
        raise StepError(APPEAL_PERIOD_RUNNING % {"date": last_day.strftime("%d. %m. %Y")}, "appeal_period")
    late = appeal_filed_on is not None and deadlines.is_appeal_late(delivered_on=delivered, filed_on=appeal_filed_on)
    with step(journey=journey, node="finality", actor=actor) as process:
        process.appeal_filed_on = appeal_filed_on
        process.appeal_late = late
        if appeal_waived_on is not None:
            process.effective_date = deadlines.effective_on_waiver(delivered_on=delivered, waived_on=appeal_waived_on)
            note = WAIVER_NOTE % {"law": law.cite("APPEAL_WAIVER", "short"), "effective": _day(process.effective_date)}
            record_event(process, actor=actor, kind=EventKind.STEP, step="finality", note=note, rule="APPEAL_WAIVER")
        elif appeal_filed_on is None or late:
            process.effective_date = deadlines.effective_without_appeal(delivered)
        if appeal_filed_on is not None:
            # In time or late, the KÚ forwards the appeal with the file to the ministry within 30 days (SŘ §88(1)).
            forward_by = deadlines.appeal_forwarding_deadline(appeal_filed_on)
            params = {"filed": _day(appeal_filed_on), "forward": _day(forward_by), "law": law.cite("APPEAL_FORWARDING")}
            if late:
                params["late"] = law.cite("LATE_APPEAL", "short")
                params["effective"] = _day(process.effective_date)
            record_event(
                process,
                actor=actor,
                kind=EventKind.STEP,
                step="finality",
                note=(LATE_APPEAL_NOTE if late else APPEAL_NOTE) % params,
                rule="LATE_APPEAL" if late else "APPEAL_PERIOD",
                late=late,
                forward_by=forward_by.isoformat(),
            )
    decisions.sync_inclusion(journey)
    return journey


def appeal_outcome_record(
    *,
    journey: ApplicantJourney,
    actor: User,
    outcome: str,
    decided_on: date,
    reasons: str,
    delivered_on: date | None = None,
    approved_care_types: list[str] | None = None,
    profile: dict | None = None,
    today=None,
) -> ApplicantJourney:
    """The appellate body's (MPSV) decision: upheld, changed (the outcome flips) or returned to the region.

    ``delivered_on``: when the ministry's decision was delivered; the outcome takes effect then
    (APPEAL_OUTCOME_EFFECT). Required unless the case is returned to the region for a new decision.

    When a rejection is changed to an approval, the approved care types default to those applied for and the
    profile to the questionnaire's draft unless given.
    """
    today = _today(today)
    _not_future("decided_on", decided_on, today)
    _not_before("decided_on", decided_on, journey.appeal_filed_on, _("podání odvolání"))
    _not_future("delivered_on", delivered_on, today)
    _not_before("delivered_on", delivered_on, decided_on, _("rozhodnutí o odvolání"))
    # APPEAL_OUTCOME_EFFECT: a final outcome takes effect on delivery; a case returned to the region needs none.
    if outcome != AppealOutcome.RETURNED and delivered_on is None:
        raise ValidationError({"delivered_on": OUTCOME_DELIVERY_REQUIRED})
    if not reasons.strip():
        raise ValidationError({"reasons": REASONS_REQUIRED})
    if outcome not in AppealOutcome.values:
        raise ValidationError({"outcome": _("Neplatný výsledek odvolání.")})
    becomes_approved = outcome == AppealOutcome.OVERTURNED and journey.decision_outcome == DecisionOutcome.REJECTED
    if becomes_approved:
        approved = _check_care_types(approved_care_types or list(journey.care_types))
        profile = profile or journey.profile_data
        validate_profile_data(profile)
    with step(journey=journey, node="appeal_outcome", actor=actor) as process:
        process.appeal_outcome = outcome
        process.appeal_decided_on = decided_on
        if outcome == AppealOutcome.OVERTURNED:
            if becomes_approved:
                process.decision_outcome = DecisionOutcome.APPROVED
                process.approved_care_types = approved
                process.profile_data = profile
            else:
                process.decision_outcome = DecisionOutcome.REJECTED
                process.approved_care_types = []
        if outcome != AppealOutcome.RETURNED:
            # APPEAL_OUTCOME_EFFECT (SŘ §73(1)): final when delivered, not on the day the ministry decided.
            process.effective_date = delivered_on
        process.decision_reasons = f"{process.decision_reasons}\n\n{_('Odvolání')}: {reasons.strip()}".strip()
    decisions.sync_inclusion(journey)
    return journey

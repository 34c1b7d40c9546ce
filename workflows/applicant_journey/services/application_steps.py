"""Services of the application steps: the information meeting, the filed application and its checklist, the
OSPOD's completeness check and the applicant's completion.

All take keyword arguments only: ``journey``, ``actor`` (who does it), the step's data, and ``today`` (a
controllable clock; defaults to the local date).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nrp.core.models import User
from workflows.applicant_journey.models import ApplicantJourney, CompletenessOutcome, DecisionKind
from workflows.applicant_journey.services import decisions
from workflows.applicant_journey.services.application import (
    ensure_application,
    ensure_checklist,
    outstanding_items,
    require_complete,
)
from workflows.applicant_journey.services.dates import check_step_date
from workflows.applicant_journey.services.inspection import inspection_gate
from workflows.applicant_journey.services.register import validate_profile_data
from workflows.applicant_journey.services.step_checks import REASONS_REQUIRED, check_care_types, not_future, step_today
from workflows.applicant_journey.services.tasks import StepError, step

NOTHING_SUPPLIED = _("Doplnit je třeba ještě: %(items)s. Nahrajte prosím chybějící dokumenty.")
# Validation messages (tests import them).
MISSING_ITEMS_REQUIRED = _("U neúplné žádosti uveďte, co chybí.")


def information_meeting_record(
    *, journey: ApplicantJourney, actor: User, met_on: date, care_types: list[str], note: str = "", today=None
) -> ApplicantJourney:
    """The guide records the information meeting and what the family is interested in."""
    today = step_today(today)
    not_future("met_on", met_on, today)
    care_types = check_care_types(care_types)
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
    today = step_today(today)
    check_step_date(journey, "file_application", "filed_on", filed_on, today=today)
    care_types = check_care_types(care_types)
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
    today = step_today(today)
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

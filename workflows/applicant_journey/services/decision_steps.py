"""Services of the decision steps: the file inspection (SŘ §36(3)), the decision on inclusion (§23d–§23g),
its finality (appeal, waiver, the appeal period) and the appellate body's outcome.

All take keyword arguments only: ``journey``, ``actor`` (who does it), the step's data, and ``today`` (a
controllable clock; defaults to the local date).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.core.models import User
from nrp.notifications import events as notifications
from workflows.applicant_journey import deadlines
from workflows.applicant_journey.models import (
    AppealOutcome,
    ApplicantJourney,
    DecisionKind,
    DecisionOutcome,
    DeliveryMethod,
    EventKind,
)
from workflows.applicant_journey.services import decisions
from workflows.applicant_journey.services.dates import check_step_date, day
from workflows.applicant_journey.services.inspection import inspection_gate, inspection_notice_send
from workflows.applicant_journey.services.register import validate_profile_data
from workflows.applicant_journey.services.step_checks import (
    REASONS_REQUIRED,
    check_care_types,
    not_before,
    not_future,
    step_today,
)
from workflows.applicant_journey.services.tasks import StepError, record_event, step

# Validation messages (tests import them).
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


def file_inspection_record(
    *, journey: ApplicantJourney, actor: User, offered_on: date, inspected_on: date | None = None, today=None
) -> ApplicantJourney:
    """Seznámení s podklady (správní řád §36(3)): the offer, and the date the family inspected the file if it did."""
    today = step_today(today)
    check_step_date(journey, "file_inspection", "offered_on", offered_on, today=today)
    not_future("inspected_on", inspected_on, today)
    not_before("inspected_on", inspected_on, offered_on, _("nabídka seznámení"))
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
    today = step_today(today)
    not_future("decision_date", decision_date, today)
    not_future("delivered_on", delivered_on, today)
    not_before("decision_date", decision_date, journey.inspection_offered_on, _("seznámení s podklady"))
    not_before("decision_date", decision_date, journey.began_on, _("založení cesty žadatele"))
    not_before("delivered_on", delivered_on, decision_date, _("datum rozhodnutí"))
    if delivered_on is None:
        raise ValidationError({"delivered_on": DELIVERY_REQUIRED})
    # DECISION_REASONS (SŘ §68(4)): a rejection must give its reasons (a full approval may omit them).
    if outcome != DecisionOutcome.APPROVED and not reasons.strip():
        raise ValidationError({"reasons": REASONS_REQUIRED})
    if outcome == DecisionOutcome.APPROVED:
        approved = check_care_types(approved_care_types or [])
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
    today = step_today(today)
    delivered = journey.decision_delivered_on
    last_day = deadlines.appeal_deadline(delivered)
    if appeal_filed_on is not None and appeal_waived_on is not None:
        raise ValidationError({"appeal_waived_on": APPEAL_AND_WAIVER})
    for field, value in (("appeal_filed_on", appeal_filed_on), ("appeal_waived_on", appeal_waived_on)):
        not_future(field, value, today)
        not_before(field, value, delivered, _("doručení rozhodnutí"))
    if appeal_filed_on is None and appeal_waived_on is None and today <= last_day:
        raise StepError(APPEAL_PERIOD_RUNNING % {"date": last_day.strftime("%d. %m. %Y")}, "appeal_period")
    late = appeal_filed_on is not None and deadlines.is_appeal_late(delivered_on=delivered, filed_on=appeal_filed_on)
    with step(journey=journey, node="finality", actor=actor) as process:
        process.appeal_filed_on = appeal_filed_on
        process.appeal_late = late
        if appeal_waived_on is not None:
            process.effective_date = deadlines.effective_on_waiver(delivered_on=delivered, waived_on=appeal_waived_on)
            note = WAIVER_NOTE % {"law": law.cite("APPEAL_WAIVER", "short"), "effective": day(process.effective_date)}
            record_event(process, actor=actor, kind=EventKind.STEP, step="finality", note=note, rule="APPEAL_WAIVER")
        elif appeal_filed_on is None or late:
            process.effective_date = deadlines.effective_without_appeal(delivered)
        if appeal_filed_on is not None:
            # In time or late, the KÚ forwards the appeal with the file to the ministry within 30 days (SŘ §88(1)).
            forward_by = deadlines.appeal_forwarding_deadline(appeal_filed_on)
            params = {"filed": day(appeal_filed_on), "forward": day(forward_by), "law": law.cite("APPEAL_FORWARDING")}
            if late:
                params["late"] = law.cite("LATE_APPEAL", "short")
                params["effective"] = day(process.effective_date)
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
    today = step_today(today)
    not_future("decided_on", decided_on, today)
    not_before("decided_on", decided_on, journey.appeal_filed_on, _("podání odvolání"))
    not_future("delivered_on", delivered_on, today)
    not_before("delivered_on", delivered_on, decided_on, _("rozhodnutí o odvolání"))
    # APPEAL_OUTCOME_EFFECT: a final outcome takes effect on delivery; a case returned to the region needs none.
    if outcome != AppealOutcome.RETURNED and delivered_on is None:
        raise ValidationError({"delivered_on": OUTCOME_DELIVERY_REQUIRED})
    if not reasons.strip():
        raise ValidationError({"reasons": REASONS_REQUIRED})
    if outcome not in AppealOutcome.values:
        raise ValidationError({"outcome": _("Neplatný výsledek odvolání.")})
    becomes_approved = outcome == AppealOutcome.OVERTURNED and journey.decision_outcome == DecisionOutcome.REJECTED
    if becomes_approved:
        approved = check_care_types(approved_care_types or list(journey.care_types))
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

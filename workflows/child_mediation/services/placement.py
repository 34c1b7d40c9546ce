"""The court's decision (svěření do péče) and the foster-care agreement (§47b)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.core.choices import CareType, LegalStatus
from workflows.child_mediation import deadlines
from workflows.child_mediation.models import (
    ADOPTION_NEEDS_FREE_CHILD,
    Approach,
    ApproachStatus,
    CaseReminder,
    ChildCase,
    ChildCaseStatus,
    Placement,
    ReminderKind,
)
from workflows.child_mediation.services import aftercare, readiness
from workflows.child_mediation.services.common import audit, lock_case, refusal, require_officer

NO_ACCEPTED_APPROACH = _("Rozhodnutí soudu lze zaznamenat jen u rodiny, která oslovení přijala.")
CARE_TYPE_NOT_SOUGHT = _("Tato forma péče nebyla pro dítě hledána.")
ADOPTION_NEEDS_CARE_START = _("U osvojení uveďte počátek péče budoucích osvojitelů (§829 OZ).")
EFFECTIVE_BEFORE_DECISION = _("Právní moc nemůže nastat před rozhodnutím soudu.")
NOT_FOSTER = _("Dohoda o výkonu pěstounské péče se uzavírá jen u pěstounské péče.")
# An agreement recorded without naming its party (the older screen and API have no such field).
UNNAMED_PARTY = _("neuvedeno")

FOSTER_TYPES = (CareType.FOSTER, CareType.FOSTER_TEMP)


@transaction.atomic
def court_decision_record(
    *,
    case: ChildCase,
    officer,
    care_type: str,
    court_decision_date: date,
    effective_date: date,
    pre_adoption_care_start: date | None = None,
) -> Placement:
    """Record the court's placement; adoption: pre-adoption care ≥ 6 months (§829 OZ); foster: §47b due."""
    case = lock_case(case)
    require_officer(officer, case)
    approach = Approach.objects.filter(case=case, status=ApproachStatus.ACCEPTED).select_related("entry").first()
    if approach is None:
        raise refusal(NO_ACCEPTED_APPROACH, "no_accepted_approach")
    if care_type not in case.care_types_sought:
        raise refusal(CARE_TYPE_NOT_SOUGHT, "care_type_not_sought", field="care_type")
    if effective_date < court_decision_date:
        raise refusal(EFFECTIVE_BEFORE_DECISION, "effective_before_decision", field="effective_date")
    placement = Placement(
        case=case,
        approach=approach,
        care_type=care_type,
        court_decision_date=court_decision_date,
        effective_date=effective_date,
        recorded_by=officer,
    )
    if care_type == CareType.ADOPTION:
        if case.children.exclude(legal_status=LegalStatus.FREE).exists():
            raise refusal(ADOPTION_NEEDS_FREE_CHILD, "adoption_needs_free_child", field="care_type")
        # LEGALLY_FREE by evidence in force, and the consent of a child of 12+ (CHILD_CONSENT_12).
        readiness.require_adoption_open(case=case)
        if pre_adoption_care_start is None:
            raise refusal(ADOPTION_NEEDS_CARE_START, "care_start_required", field="pre_adoption_care_start")
        placement.pre_adoption_care_start = pre_adoption_care_start
        placement.earliest_adoption_date = deadlines.earliest_adoption_date(pre_adoption_care_start)
    else:
        placement.agreement_due = deadlines.foster_agreement_due(effective_date)
    placement.full_clean()
    placement.save()
    if care_type == CareType.ADOPTION and pre_adoption_care_start is not None:  # required above for adoption
        # Care by the future adopters is a stage of its own; its start is checked there (PRE_ADOPTION_CARE).
        aftercare.pre_adoptive_care_start(placement=placement, officer=officer, started_on=pre_adoption_care_start)
    case.status = ChildCaseStatus.PLACED
    case.save(update_fields=["status"])
    CaseReminder.objects.filter(case=case).exclude(kind=ReminderKind.AGREEMENT_DUE).update(done=True)
    audit(officer, AuditAction.TASK, placement, case, step="placed", care_type=care_type, entry=approach.entry_id)
    # PLACEMENT_KEEPS_REGISTER (§24a, 2025): the family stays in the register, paused while the child is in its care.
    aftercare.family_pause_for_placement(approach=approach, officer=officer, placed_on=effective_date)
    from workflows.child_mediation.flows import process_finish

    process_finish(case=case, actor=officer)
    return placement


@transaction.atomic
def foster_agreement_record(
    *,
    placement: Placement,
    officer,
    signed_on: date,
    organisation=None,
    other_party: str = "",
    late_reason: str = "",
) -> Placement:
    """§47b: the foster-care agreement was signed; its reminders are done. A late one needs its reason and is
    flagged (``aftercare.foster_agreement_sign``, FOSTER_AGREEMENT)."""
    require_officer(officer, placement.case)
    if placement.care_type not in FOSTER_TYPES:
        raise refusal(NOT_FOSTER, "not_foster_care")
    aftercare.foster_agreement_sign(
        placement=placement,
        officer=officer,
        signed_on=signed_on,
        organisation=organisation,
        other_party=other_party or str(UNNAMED_PARTY),
        late_reason=late_reason,
    )
    placement.refresh_from_db()
    return placement

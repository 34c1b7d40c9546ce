"""After the court: care by the future adopters and the adoption, the foster-care agreement, a breakdown.

- PRE_ADOPTION_CARE (civil code §829): care by the future adopters is a stage of its own; it starts neither before
  the court's decision nor in the future; the adoption petition is allowed once it has lasted 6 months; the
  adoption decision is recorded later, after the petition.
- FOSTER_AGREEMENT (§47b): the agreement is due within 30 days of the decision taking effect; a late one is
  recorded with its reason and flagged, never silently accepted; the other party (the accompanying organisation,
  ACCOMPANYING_ORGANISATION) is recorded.
- A breakdown of a placement is recorded with coded reasons (the outcome statistics read them).
- PLACEMENT_KEEPS_REGISTER (§24a, 2025): the family stays in the register, its selection paused while the child is
  in its care (the applicant journey's ``register_entry_pause``), not removed.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.core.choices import CareType
from nrp.core.models import Organisation
from workflows.child_mediation import deadlines
from workflows.child_mediation.legal import citations, policies
from workflows.child_mediation.legal.aftercare_records import FosterAgreement, PlacementBreakdown, PreAdoptiveCare
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.legal.vocabulary import BreakdownInitiator, BreakdownReason, TaskKind
from workflows.child_mediation.models import CaseReminder, Placement, ReminderKind
from workflows.child_mediation.services.common import audit, lock_case
from workflows.child_mediation.services.legal_tasks import close_tasks, open_task
from workflows.child_mediation.services.readiness import check_actor, not_in_future, required_text

CARE_BEFORE_DECISION = citations.message(
    _("Péče budoucích osvojitelů nemůže začít před rozhodnutím soudu (%(law)s)."), law="PRE_ADOPTION_CARE"
)
NOT_ADOPTION = _("Péče budoucích osvojitelů a osvojení se týkají jen svěření k osvojení.")
CARE_ALREADY_STARTED = _("Počátek péče budoucích osvojitelů je už zaznamenán.")
NO_PRE_ADOPTIVE_CARE = _("Nejdříve zaznamenejte počátek péče budoucích osvojitelů.")
PETITION_TOO_EARLY = citations.message(
    _("Návrh na osvojení lze podat až po 6 měsících péče budoucích osvojitelů, tedy nejdříve %(day)s (%(law)s)."),
    law="PRE_ADOPTION_CARE",
)
PETITION_ALREADY = _("Návrh na osvojení je už zaznamenán.")
NO_PETITION = _("Rozhodnutí o osvojení lze zaznamenat až po návrhu na osvojení.")
DECISION_BEFORE_PETITION = _("Soud nemohl o osvojení rozhodnout před podáním návrhu.")
ADOPTION_ALREADY = _("Osvojení je už zaznamenáno.")
FINAL_BEFORE_DECISION = _("Právní moc nemůže nastat před rozhodnutím soudu.")
NOT_FOSTER = _("Dohoda o výkonu pěstounské péče se uzavírá jen u pěstounské péče.")
AGREEMENT_ALREADY = _("Dohoda o výkonu pěstounské péče je už zaznamenána.")
AGREEMENT_BEFORE_DECISION = _("Dohodu nelze uzavřít před rozhodnutím soudu o svěření.")
AGREEMENT_LATE = citations.message(
    _(
        "Dohoda je uzavřena %(days)s po lhůtě (do %(due)s, %(law)s). Uveďte, proč po lhůtě; dohoda se zaznamená "
        "jako opožděná."
    ),
    law="FOSTER_AGREEMENT",
)
AGREEMENT_PARTY = _("Uveďte doprovázející organizaci, nebo jinou stranu dohody (ORP, krajský úřad).")
ALREADY_BROKEN = _("Rozpad tohoto svěření je už zaznamenán.")
ENDED_BEFORE_PLACEMENT = _("Svěření nemohlo skončit před rozhodnutím soudu.")
REASONS_REQUIRED = _("Vyberte alespoň jeden důvod rozpadu.")
INVALID_CHOICE = _("Vyberte jednu z nabízených možností.")
FAMILY_NOT_IN_REGISTER = _("Rodina už není v evidenci žadatelů; svěření nelze zaznamenat.")
PLACED_PAUSE_REASON = citations.message(
    _("Svěřeno dítě %(ref)s: výběr přerušen po dobu péče, rodina zůstává v evidenci (%(law)s)."),
    law="PLACEMENT_KEEPS_REGISTER",
)
ADOPTION_PETITION_NOTE = citations.message(
    _("Uplynulo 6 měsíců péče budoucích osvojitelů: lze podat návrh na osvojení (%(law)s)."), law="PRE_ADOPTION_CARE"
)
AGREEMENT_OVERDUE_NOTE = citations.message(
    _("Dohoda o výkonu pěstounské péče nebyla uzavřena do %(due)s (%(law)s)."), law="FOSTER_AGREEMENT"
)


def _today() -> date:
    return timezone.localdate()


def _locked(placement: Placement) -> Placement:
    lock_case(placement.case)
    return Placement.objects.select_for_update().select_related("case").get(pk=placement.pk)


# --- care by the future adopters, the adoption -------------------------------------------------------------------


@transaction.atomic
def pre_adoptive_care_start(
    *, placement: Placement, officer, started_on: date, today: date | None = None
) -> PreAdoptiveCare:
    """The stage starts: not before the court's decision, not in the future; the petition date follows (§829)."""
    placement = _locked(placement)
    check_actor(policies.RECORD_OFFICER, officer, placement.case)
    if placement.care_type != CareType.ADOPTION:
        raise LegalStepRefused(NOT_ADOPTION, "not_adoption")
    if PreAdoptiveCare.objects.filter(placement=placement).exists():
        raise LegalStepRefused(CARE_ALREADY_STARTED, "care_already_started")
    not_in_future(started_on, "pre_adoption_care_start", today)
    if started_on < placement.court_decision_date:
        raise LegalStepRefused(CARE_BEFORE_DECISION, "care_before_decision", field="pre_adoption_care_start")
    care = PreAdoptiveCare.objects.create(
        placement=placement,
        started_on=started_on,
        petition_possible_on=deadlines.earliest_adoption_date(started_on),
        recorded_by=officer,
    )
    audit(officer, AuditAction.TASK, care, placement.case, step="pre_adoptive_care")
    return care


@transaction.atomic
def adoption_petition_record(
    *, placement: Placement, officer, filed_on: date, court: str, today: date | None = None
) -> PreAdoptiveCare:
    """The future adopters petition for adoption: only after 6 months of their care (PRE_ADOPTION_CARE)."""
    placement = _locked(placement)
    check_actor(policies.RECORD_OFFICER, officer, placement.case)
    care = PreAdoptiveCare.objects.select_for_update().filter(placement=placement).first()
    if care is None:
        raise LegalStepRefused(NO_PRE_ADOPTIVE_CARE, "pre_adoptive_care_required")
    if care.petition_filed_on is not None:
        raise LegalStepRefused(PETITION_ALREADY, "petition_already_recorded")
    not_in_future(filed_on, "filed_on", today)
    if filed_on < care.petition_possible_on:
        day = care.petition_possible_on.strftime("%d. %m. %Y")
        raise LegalStepRefused(PETITION_TOO_EARLY % {"day": day}, "pre_adoption_care_too_short", field="filed_on")
    care.petition_filed_on = filed_on
    care.petition_court = required_text(court, "court")
    care.save(update_fields=["petition_filed_on", "petition_court"])
    close_tasks(actor=officer, today=filed_on, case=placement.case, kind=TaskKind.ADOPTION_PETITION)
    audit(officer, AuditAction.TASK, care, placement.case, step="adoption_petition")
    return care


@transaction.atomic
def adoption_decision_record(
    *, placement: Placement, officer, decided_on: date, final_on: date, today: date | None = None
) -> PreAdoptiveCare:
    """The court's adoption decision and its finality, after the petition."""
    placement = _locked(placement)
    check_actor(policies.RECORD_OFFICER, officer, placement.case)
    care = PreAdoptiveCare.objects.select_for_update().filter(placement=placement).first()
    if care is None or care.petition_filed_on is None:
        raise LegalStepRefused(NO_PETITION, "petition_required")
    if care.adoption_decided_on is not None:
        raise LegalStepRefused(ADOPTION_ALREADY, "adoption_already_recorded")
    not_in_future(decided_on, "decided_on", today)
    not_in_future(final_on, "final_on", today)
    if decided_on < care.petition_filed_on:
        raise LegalStepRefused(DECISION_BEFORE_PETITION, "decision_before_petition", field="decided_on")
    if final_on < decided_on:
        raise LegalStepRefused(FINAL_BEFORE_DECISION, "final_before_decision", field="final_on")
    care.adoption_decided_on = decided_on
    care.adoption_final_on = final_on
    care.save(update_fields=["adoption_decided_on", "adoption_final_on"])
    audit(officer, AuditAction.TASK, care, placement.case, step="adoption_decision")
    return care


# --- the foster-care agreement -------------------------------------------------------------------------------------


@transaction.atomic
def foster_agreement_sign(
    *,
    placement: Placement,
    officer,
    signed_on: date,
    organisation: Organisation | None = None,
    other_party: str = "",
    late_reason: str = "",
    today: date | None = None,
) -> FosterAgreement:
    """FOSTER_AGREEMENT (§47b): the agreement and its party; after the 30 days only with a reason, flagged late."""
    placement = _locked(placement)
    check_actor(policies.RECORD_OFFICER, officer, placement.case)
    if placement.care_type not in (CareType.FOSTER, CareType.FOSTER_TEMP):
        raise LegalStepRefused(NOT_FOSTER, "not_foster")
    if FosterAgreement.objects.filter(placement=placement).exists():
        raise LegalStepRefused(AGREEMENT_ALREADY, "agreement_already_recorded")
    not_in_future(signed_on, "signed_on", today)
    if signed_on < placement.court_decision_date:
        raise LegalStepRefused(AGREEMENT_BEFORE_DECISION, "agreement_before_decision", field="signed_on")
    if organisation is None and not (other_party or "").strip():
        raise LegalStepRefused(AGREEMENT_PARTY, "agreement_party_required", field="organisation")
    due = placement.agreement_due or deadlines.foster_agreement_due(placement.effective_date)
    late_days = max(0, (signed_on - due).days)
    if late_days and not (late_reason or "").strip():
        from nrp.core.czech import days

        message = AGREEMENT_LATE % {"days": days(late_days), "due": due.strftime("%d. %m. %Y")}
        raise LegalStepRefused(message, "agreement_late_reason_required", field="late_reason")
    agreement = FosterAgreement.objects.create(
        placement=placement,
        signed_on=signed_on,
        due_on=due,
        organisation=organisation,
        other_party=(other_party or "").strip(),
        late_days=late_days,
        late_reason=(late_reason or "").strip() if late_days else "",
        recorded_by=officer,
    )
    placement.agreement_signed_on = signed_on
    placement.save(update_fields=["agreement_signed_on"])
    CaseReminder.objects.filter(case=placement.case, kind=ReminderKind.AGREEMENT_DUE).update(done=True)
    close_tasks(actor=officer, today=signed_on, case=placement.case, kind=TaskKind.AGREEMENT_OVERDUE)
    audit(officer, AuditAction.UPDATE, agreement, placement.case, step="agreement", late_days=late_days)
    return agreement


# --- a breakdown ---------------------------------------------------------------------------------------------------


@transaction.atomic
def placement_breakdown_record(
    *,
    placement: Placement,
    officer,
    ended_on: date,
    reasons: list[str],
    initiated_by: str,
    note: str,
    today: date | None = None,
) -> PlacementBreakdown:
    """The placement ended before its time: coded reasons, who started it, what happened; a task to decide next."""
    placement = _locked(placement)
    check_actor(policies.RECORD_OFFICER, officer, placement.case)
    if PlacementBreakdown.objects.filter(placement=placement).exists():
        raise LegalStepRefused(ALREADY_BROKEN, "breakdown_already_recorded")
    not_in_future(ended_on, "ended_on", today)
    if ended_on < placement.court_decision_date:
        raise LegalStepRefused(ENDED_BEFORE_PLACEMENT, "ended_before_placement", field="ended_on")
    codes = sorted(set(reasons or []))
    if not codes:
        raise LegalStepRefused(REASONS_REQUIRED, "reasons_required", field="reasons")
    if not set(codes) <= set(BreakdownReason.values):
        raise LegalStepRefused(INVALID_CHOICE, "invalid_choice", field="reasons")
    if initiated_by not in BreakdownInitiator.values:
        raise LegalStepRefused(INVALID_CHOICE, "invalid_choice", field="initiated_by")
    breakdown = PlacementBreakdown.objects.create(
        placement=placement,
        ended_on=ended_on,
        reasons=codes,
        initiated_by=initiated_by,
        note=required_text(note, "note"),
        recorded_by=officer,
    )
    close_tasks(actor=officer, today=ended_on, case=placement.case, kind=TaskKind.AGREEMENT_OVERDUE)
    close_tasks(actor=officer, today=ended_on, case=placement.case, kind=TaskKind.ADOPTION_PETITION)
    open_task(
        case=placement.case,
        kind=TaskKind.BREAKDOWN,
        due_on=ended_on,
        note=", ".join(str(BreakdownReason(c).label) for c in codes),
        for_ospod=True,
    )
    audit(officer, AuditAction.TASK, breakdown, placement.case, step="breakdown", reasons=codes)
    return breakdown


# --- the family stays in the register ----------------------------------------------------------------------------


def family_pause_for_placement(*, approach, officer, placed_on: date) -> None:
    """PLACEMENT_KEEPS_REGISTER (§24a, 2025): the family is not removed; its selection is paused while the child is
    in its care (the journey's own pause service). A family already paused stays paused."""
    from workflows.applicant_journey.models import RegisterStatus
    from workflows.applicant_journey.services import register_entry_pause

    entry = approach.entry
    entry.refresh_from_db(fields=["status"])
    if entry.status == RegisterStatus.PAUSED:
        return
    if entry.status != RegisterStatus.ACTIVE:
        # The family left the register meanwhile: nothing is recorded, the officer sees why.
        raise LegalStepRefused(FAMILY_NOT_IN_REGISTER, "family_not_in_register")
    register_entry_pause(
        entry=entry,
        actor=officer,
        reason=str(PLACED_PAUSE_REASON % {"ref": approach.case.reference}),
        origin="placement",
        started_on=placed_on,
    )


# --- time ----------------------------------------------------------------------------------------------------------


def aftercare_tick(*, today: date) -> dict[str, int]:
    """Daily (with ``mediation_tick``): the adoption petition becomes possible; an agreement past its deadline."""
    petitions = 0
    for care in PreAdoptiveCare.objects.filter(
        petition_filed_on__isnull=True, petition_possible_on__lte=today, placement__breakdown__isnull=True
    ).select_related("placement__case"):
        _task, created = open_task(
            case=care.placement.case,
            kind=TaskKind.ADOPTION_PETITION,
            key=str(care.pk),
            due_on=care.petition_possible_on,
            note=str(ADOPTION_PETITION_NOTE),
        )
        petitions += int(created)
    overdue = 0
    for placement in Placement.objects.filter(
        agreement_due__lt=today, agreement_signed_on__isnull=True, breakdown__isnull=True
    ).select_related("case"):
        assert placement.agreement_due is not None  # the filter above
        _task, created = open_task(
            case=placement.case,
            kind=TaskKind.AGREEMENT_OVERDUE,
            key=placement.agreement_due.isoformat(),
            due_on=placement.agreement_due,
            note=str(AGREEMENT_OVERDUE_NOTE % {"due": placement.agreement_due.strftime("%d. %m. %Y")}),
            for_ospod=True,
        )
        overdue += int(created)
    return {"adoption_petitions": petitions, "agreements_overdue": overdue}

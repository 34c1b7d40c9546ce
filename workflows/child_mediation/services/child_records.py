"""Writes of the child's file before matching: the child's view, the expert assessment and what makes it needed,
the child's consent to adoption, the waiver for an infant, and the evidence of legal freedom.

Every record is new history (nothing is overwritten), checked (dates not in the future, texts not empty, the actor's
scope through ``nrp.core.access``) and audited with ids and codes only.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.core.choices import CareType, LegalStatus
from workflows.child_mediation.legal import citations, policies, vocabulary
from workflows.child_mediation.legal.file_records import (
    AdoptionConsent,
    AssessmentIndication,
    ChildAssessment,
    ChildView,
    LegalFreedomEvidence,
    ReadinessWaiver,
)
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.legal.vocabulary import (
    AssessmentKind,
    ConsentDecision,
    EvidenceKind,
    HearingMethod,
    Parent,
)
from workflows.child_mediation.models import Child, ChildCase
from workflows.child_mediation.services.common import audit, lock_case
from workflows.child_mediation.services.readiness import (
    WAIVER_ONLY_INFANT,
    check_actor,
    legal_status_sync,
    not_in_future,
    required_text,
)

INVALID_CHOICE = _("Vyberte jednu z nabízených možností.")
CONSENT_NOT_NEEDED = citations.message(
    _("Souhlas dítěte s osvojením se zaznamenává u dítěte od 12 let, pro které se hledá osvojení (%(law)s)."),
    law="CHILD_CONSENT_12",
)
FINAL_BEFORE_DECISION = _("Právní moc nemůže nastat před vydáním rozhodnutí.")
COURT_DECISION_NEEDS_FINALITY = _("U rozhodnutí soudu uveďte den právní moci (do té doby dítě volné není).")
ALREADY_WITHDRAWN = _("Doklad už pozbyl účinku.")
NOT_DECLARED_FREE = _("Dítě už je vedeno jako právně nevolné.")
EVIDENCE_ON_FILE = _("Dítě má doklady o právní volnosti; jeho právní postavení se řídí jimi.")


def _today() -> date:
    return timezone.localdate()


def _choice(value: str, choices, name: str) -> str:
    if value not in choices.values:
        raise LegalStepRefused(INVALID_CHOICE, "invalid_choice", field=name)
    return value


def _child_case(child: Child) -> ChildCase:
    return lock_case(child.case)


@transaction.atomic
def child_view_record(
    *, child: Child, actor, heard_on: date, heard_by: str, method: str, words: str, circumstances: str = ""
) -> ChildView:
    """CHILD_VIEW (§8(2)): the child's own view, how it was heard, by whom, in the child's words."""
    case = _child_case(child)
    check_actor(policies.RECORD_VIEW, actor, case)
    not_in_future(heard_on, "heard_on")
    view = ChildView(
        child=child,
        heard_on=heard_on,
        heard_by=required_text(heard_by, "heard_by"),
        method=_choice(method, HearingMethod, "method"),
        circumstances=(circumstances or "").strip(),
        words=required_text(words, "words"),
        recorded_by=actor,
    )
    view.full_clean()
    view.save()
    audit(actor, AuditAction.CREATE, view, case, step="child_view", child=child.pk, method=method)
    return view


@transaction.atomic
def assessment_indication_record(*, child: Child, actor, reason: str, note: str) -> AssessmentIndication:
    """A doctor's recommendation or other facts: the child's expert assessment is needed (CHILD_ASSESSMENT)."""
    case = _child_case(child)
    check_actor(policies.RECORD_VIEW, actor, case)
    if reason not in dict(vocabulary.INDICATION_CHOICES):
        raise LegalStepRefused(INVALID_CHOICE, "invalid_choice", field="reason")
    indication = AssessmentIndication.objects.create(
        child=child, reason=reason, note=required_text(note, "note"), recorded_by=actor
    )
    audit(actor, AuditAction.CREATE, indication, case, step="assessment_indication", child=child.pk, reason=reason)
    return indication


@transaction.atomic
def child_assessment_record(
    *,
    child: Child,
    actor,
    kind: str,
    assessed_on: date,
    assessor: str,
    conclusions: str,
    recommendations: str = "",
) -> ChildAssessment:
    """CHILD_ASSESSMENT (§27): the child's expert assessment, with its conclusions for the choice of a family."""
    case = _child_case(child)
    check_actor(policies.RECORD_OFFICER, actor, case)
    not_in_future(assessed_on, "assessed_on")
    assessment = ChildAssessment(
        child=child,
        kind=_choice(kind, AssessmentKind, "kind"),
        assessed_on=assessed_on,
        assessor=required_text(assessor, "assessor"),
        conclusions=required_text(conclusions, "conclusions"),
        recommendations=(recommendations or "").strip(),
        recorded_by=actor,
    )
    assessment.full_clean()
    assessment.save()
    audit(actor, AuditAction.CREATE, assessment, case, step="child_assessment", child=child.pk, kind=kind)
    return assessment


@transaction.atomic
def adoption_consent_record(*, child: Child, actor, decision: str, given_on: date, how: str) -> AdoptionConsent:
    """CHILD_CONSENT_12 (civil code §806): a child of 12 or more consents to adoption, refuses, or cannot judge it."""
    case = _child_case(child)
    check_actor(policies.RECORD_OFFICER, actor, case)
    not_in_future(given_on, "given_on")
    if CareType.ADOPTION not in case.care_types_sought or child.age_on(_today()) < citations.CONSENT_AGE:
        raise LegalStepRefused(CONSENT_NOT_NEEDED, "consent_not_needed")
    consent = AdoptionConsent.objects.create(
        child=child,
        decision=_choice(decision, ConsentDecision, "decision"),
        given_on=given_on,
        how=required_text(how, "how"),
        recorded_by=actor,
    )
    audit(actor, AuditAction.CREATE, consent, case, step="child_consent", child=child.pk, decision=decision)
    return consent


@transaction.atomic
def readiness_waiver_record(*, child: Child, actor, reason: str) -> ReadinessWaiver:
    """INFANT_WAIVER: for a child younger than the region's age, an officer waives the view and the assessment."""
    case = _child_case(child)
    check_actor(policies.DECIDE_OFFICER, actor, case)
    if child.age_on(_today()) >= citations.WAIVER_UNDER_AGE:
        from nrp.core.czech import years

        raise LegalStepRefused(WAIVER_ONLY_INFANT % {"age": years(citations.WAIVER_UNDER_AGE)}, "waiver_only_infant")
    waiver = ReadinessWaiver.objects.create(child=child, reason=required_text(reason, "reason"), recorded_by=actor)
    audit(actor, AuditAction.TASK, waiver, case, step="readiness_waiver", child=child.pk)
    return waiver


@transaction.atomic
def legal_evidence_record(
    *,
    child: Child,
    actor,
    kind: str,
    parent: str,
    act_date: date,
    document: str,
    final_on: date | None = None,
    note: str = "",
) -> LegalFreedomEvidence:
    """LEGALLY_FREE: a parent's consent, a court decision that it is not needed (with finality), a death, an
    unknown parent. The child's legal status then follows the evidence (adoption opens when it is in force)."""
    case = _child_case(child)
    check_actor(policies.RECORD_OFFICER, actor, case)
    _choice(kind, EvidenceKind, "kind")
    _choice(parent, Parent, "parent")
    not_in_future(act_date, "act_date")
    not_in_future(final_on, "final_on")
    if kind == EvidenceKind.COURT_DECISION and final_on is None:
        raise LegalStepRefused(COURT_DECISION_NEEDS_FINALITY, "finality_required", field="final_on")
    if final_on is not None and final_on < act_date:
        raise LegalStepRefused(FINAL_BEFORE_DECISION, "final_before_decision", field="final_on")
    evidence = LegalFreedomEvidence(
        child=child,
        kind=kind,
        parent=parent,
        act_date=act_date,
        final_on=final_on if kind == EvidenceKind.COURT_DECISION else None,
        document=required_text(document, "document"),
        note=(note or "").strip(),
        recorded_by=actor,
    )
    evidence.full_clean()
    evidence.save()
    audit(actor, AuditAction.CREATE, evidence, case, step="legal_evidence", child=child.pk, kind=kind, parent=parent)
    legal_status_sync(case, today=_today(), actor=actor)
    return evidence


@transaction.atomic
def legal_evidence_withdraw(
    *, evidence: LegalFreedomEvidence, actor, withdrawn_on: date, reason: str
) -> LegalFreedomEvidence:
    """A consent revoked in its period, a decision overturned: the evidence stays on file, no longer in force."""
    case = _child_case(evidence.child)
    check_actor(policies.RECORD_OFFICER, actor, case)
    evidence = LegalFreedomEvidence.objects.select_for_update().get(pk=evidence.pk)
    if evidence.withdrawn_on is not None:
        raise LegalStepRefused(ALREADY_WITHDRAWN, "already_withdrawn")
    not_in_future(withdrawn_on, "withdrawn_on")
    evidence.withdrawn_on = withdrawn_on
    evidence.withdrawn_reason = required_text(reason, "reason")
    evidence.save(update_fields=["withdrawn_on", "withdrawn_reason"])
    audit(actor, AuditAction.UPDATE, evidence, case, step="legal_evidence_withdrawn", child=evidence.child_id)
    legal_status_sync(case, today=_today(), actor=actor)
    return evidence


@transaction.atomic
def legal_status_mark_not_free(*, child: Child, actor) -> Child:
    """A child declared free without any evidence is led as not free: foster care is sought now, adoption opens
    when the evidence is recorded (LEGALLY_FREE)."""
    from workflows.child_mediation.services.readiness import freedom

    case = _child_case(child)
    check_actor(policies.RECORD_OFFICER, actor, case)
    child = Child.objects.select_for_update().get(pk=child.pk)
    if child.legal_status != LegalStatus.FREE:
        raise LegalStepRefused(NOT_DECLARED_FREE, "not_declared_free")
    if freedom(child, today=_today()).any_evidence:
        raise LegalStepRefused(EVIDENCE_ON_FILE, "evidence_on_file")
    child.legal_status = LegalStatus.NOT_FREE
    child.save(update_fields=["legal_status"])
    audit(actor, AuditAction.UPDATE, child, case, legal_status=LegalStatus.NOT_FREE, source="unproven")
    return child

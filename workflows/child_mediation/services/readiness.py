"""Before matching and at the moment of approach: what must be on the child's file, and does the family still fit.

- The child's expert assessment where needed (CHILD_ASSESSMENT: by age, the needs in the file, a doctor's
  recommendation or other facts), the child's own view (CHILD_VIEW, §8(2)) and, for a child of 12 or more sought
  for adoption, the child's consent (CHILD_CONSENT_12, civil code §806). An officer may waive the view and the
  assessment for an infant with a recorded reason (INFANT_WAIVER).
- "Legally free" rests on evidence (LEGALLY_FREE): the child's legal status follows the evidence, and a child
  declared free without any is not matched until the evidence is recorded or the status corrected; a child not
  yet free is sought for foster care meanwhile, adoption opens when the evidence is in force.
- At the moment of approach (SELECTION, §24) the hard rules of the matching engine are checked again against
  today's child file and today's family profile; a family that no longer fits is refused with the rule and is
  skipped only when the officer confirms it (``ApproachSkip``).

``require_ready`` (ranking) and ``approach_guard`` (approach) are called by the older services; they raise
``LegalStepRefused`` (a ``ServiceError`` with a stable code that is also a ``ValidationError``).

This module: what the file needs before matching; ``approach_check`` re-checks a family at the moment of approach.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.core.choices import CareType, HealthNeed, LegalStatus
from nrp.core.czech import years
from nrp.core.exceptions import ForbiddenError
from workflows.child_mediation.legal import citations
from workflows.child_mediation.legal.file_records import (
    AdoptionConsent,
    AssessmentIndication,
    ChildAssessment,
    ChildView,
    LegalFreedomEvidence,
    ReadinessWaiver,
)
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.legal.vocabulary import AssessmentNeedReason, ConsentDecision, Parent
from workflows.child_mediation.models import Child, ChildCase
from workflows.child_mediation.services.common import audit, lock_case

# --- messages (tests import them) --------------------------------------------------------------------------------
NOT_ALLOWED = _(
    "Tento krok může udělat jen pracovník krajského úřadu kraje dítěte (názor dítěte a soudní řízení i OSPOD dítěte)."
)
DATE_IN_FUTURE = _("Datum nemůže být v budoucnosti.")
REQUIRED = _("Toto pole je povinné.")
VIEW_MISSING = citations.message(
    _("%(child)s: chybí názor dítěte – jak bylo vyslechnuto, kým a jeho slovy (%(law)s)."), law="CHILD_VIEW"
)
ASSESSMENT_MISSING = citations.message(
    _("%(child)s: chybí odborné posouzení dítěte, je potřeba (%(reasons)s; %(law)s)."), law="CHILD_ASSESSMENT"
)
CONSENT_MISSING = citations.message(
    _("%(child)s: dítě starší 12 let musí se svým osvojením souhlasit; souhlas není zaznamenán (%(law)s)."),
    law="CHILD_CONSENT_12",
)
CONSENT_REFUSED = citations.message(
    _("%(child)s: dítě s osvojením nesouhlasí; osvojení nelze zprostředkovat (%(law)s)."), law="CHILD_CONSENT_12"
)
FREEDOM_UNPROVEN = citations.message(
    _(
        "%(child)s: dítě je vedeno jako právně volné bez dokladu (souhlas rodičů, rozhodnutí soudu, úmrtí). "
        "Zaznamenejte doklad, nebo veďte dítě jako právně nevolné: pěstounská péče se pak hledá hned a osvojení "
        "po doložení (%(law)s)."
    ),
    law="LEGALLY_FREE",
)
ADOPTION_PENDING = citations.message(
    _("%(child)s: osvojení zatím nelze zprostředkovat, dítě není doloženě právně volné (%(law)s)."),
    law="LEGALLY_FREE",
)
NOTHING_TO_SEEK = _("Pro dítě teď nelze hledat žádnou z požadovaných forem péče.")
NOT_READY = _("Dítě není připraveno k párování: %(gaps)s")
WAIVER_ONLY_INFANT = citations.message(
    _("Upustit od názoru a posouzení lze jen u dítěte mladšího %(age)s (%(law)s)."), law="INFANT_WAIVER"
)
FAMILY_NO_LONGER_FITS = citations.message(
    _(
        "Rodina č. %(entry)s podle dnešního spisu dítěte a dnešního profilu rodiny nevyhovuje: %(reason)s "
        "(pravidlo %(rule)s). Oslovit ji nelze; přeskočit ji lze jen s vaším potvrzením (%(law)s)."
    ),
    law="SELECTION",
)
NO_PROFILE = _("rodina nemá profil přijatelného dítěte")
SKIP_FITS = _("Rodina podle dnešního spisu a profilu vyhovuje; přeskočit ji nelze, oslovte ji.")
SKIP_NOT_NEXT = _("Přeskočit lze jen rodinu, která je na řadě podle podepsaného zápisu.")
APPROACH_STOPPED_NOTE = _("Automatické oslovení další rodiny se zastavilo: %(why)s")

# Needs in the file that the family must understand before accepting the child: an expert assessment first.
ASSESSMENT_NEEDS = frozenset(
    {
        HealthNeed.BEHAVIOURAL,
        HealthNeed.INTELLECTUAL_DISABILITY,
        HealthNeed.DEVELOPMENTAL_DELAY,
        HealthNeed.PRENATAL_EXPOSURE,
    }
)


def _today() -> date:
    return timezone.localdate()


def latest(model, child: Child):
    return model.objects.filter(child=child).order_by("-recorded_at", "-pk").first()


def check_actor(policy, actor, case: ChildCase) -> None:
    """The actor's roles reach this case under ``policy`` (None: the system itself, e.g. cron)."""
    if actor is not None and not policy.allows(actor, case):
        raise ForbiddenError(NOT_ALLOWED, "not_allowed")


def not_in_future(day: date | None, name: str, today: date | None = None) -> None:
    if day is not None and day > (today or _today()):
        raise LegalStepRefused(DATE_IN_FUTURE, "date_in_future", field=name)


def required_text(value: str, name: str) -> str:
    if not (value or "").strip():
        raise LegalStepRefused(REQUIRED, "required", field=name)
    return value.strip()


# --- what the file needs ----------------------------------------------------------------------------------------


def assessment_reasons(child: Child, *, today: date) -> list[tuple[str, str]]:
    """Why this child's expert assessment is needed (empty: not needed), as (reason code, text)."""
    reasons: list[tuple[str, str]] = []
    age = child.age_on(today)
    if age >= citations.ASSESSMENT_FROM_AGE:
        reasons.append((AssessmentNeedReason.AGE, str(_("věk %(age)s") % {"age": years(age)})))
    needs = [str(HealthNeed(n).label) for n in child.health_needs if n in ASSESSMENT_NEEDS]
    if needs:
        reasons.append((AssessmentNeedReason.HEALTH, ", ".join(needs)))
    for indication in AssessmentIndication.objects.filter(child=child).order_by("recorded_at", "pk"):
        reasons.append((indication.reason, f"{indication.get_reason_display()}: {indication.note}"))
    return reasons


def waiver_in_force(child: Child, *, today: date) -> ReadinessWaiver | None:
    """The officer's waiver for an infant, while the child is still under the age (a birthday ends it)."""
    if child.age_on(today) >= citations.WAIVER_UNDER_AGE:
        return None
    return latest(ReadinessWaiver, child)


def consent_needed(child: Child, case: ChildCase, *, today: date) -> bool:
    return CareType.ADOPTION in case.care_types_sought and child.age_on(today) >= citations.CONSENT_AGE


@dataclass(frozen=True)
class Freedom:
    """Where the evidence of a child's legal freedom stands on a day."""

    # Both parents covered by evidence in force: the child is legally free.
    proven: bool
    # Any evidence on file at all (in force, waiting for its day, or withdrawn).
    any_evidence: bool
    # The day the evidence on file will make the child free (a consent's revocation period), if not yet.
    free_from: date | None
    covered: frozenset[str] = frozenset()


def freedom(child: Child, *, today: date) -> Freedom:
    evidence = list(LegalFreedomEvidence.objects.filter(child=child))
    covered: dict[str, date] = {}
    for item in evidence:
        start = item.in_force_from()
        if start is None:
            continue
        for parent in item.covers():
            covered[parent] = min(start, covered.get(parent, start))
    parents = {Parent.MOTHER, Parent.FATHER}
    in_force = frozenset(p for p, start in covered.items() if start <= today)
    free_from = max(covered.values()) if set(covered) >= parents else None
    return Freedom(
        proven=in_force >= parents,
        any_evidence=bool(evidence),
        free_from=free_from if free_from and free_from > today else None,
        covered=in_force,
    )


def adoption_open(child: Child, case: ChildCase, *, today: date) -> bool:
    """May adoption be mediated for this child today: legally free by evidence, and a child of 12+ consents."""
    if not freedom(child, today=today).proven:
        return False
    if consent_needed(child, case, today=today):
        consent = latest(AdoptionConsent, child)
        return consent is not None and consent.decision != ConsentDecision.REFUSED
    return True


def care_types_open(case: ChildCase, *, today: date) -> frozenset[str]:
    """The care types that may be mediated today: adoption only when open for every child of the group."""
    sought = frozenset(case.care_types_sought)
    children = list(case.children.all())
    if CareType.ADOPTION in sought and not all(adoption_open(c, case, today=today) for c in children):
        return sought - {CareType.ADOPTION}
    return sought


@dataclass(frozen=True)
class Gap:
    """One thing missing on the file before a family may be sought or approached."""

    code: str
    message: str
    child_id: int | None = None


def _label(child: Child, index: int, total: int) -> str:
    if total == 1:
        return str(_("Dítě"))
    return str(_("Dítě %(n)s (%(age)s)") % {"n": index, "age": years(child.age_on(_today()))})


def gaps(case: ChildCase, *, today: date) -> list[Gap]:
    """Everything missing, child by child, in a fixed order (the first one's code is the refusal's code)."""
    found: list[Gap] = []
    children = list(case.children.all())
    for index, child in enumerate(children, start=1):
        name = _label(child, index, len(children))
        waived = waiver_in_force(child, today=today) is not None
        if not waived and latest(ChildView, child) is None:
            found.append(Gap("child_view_missing", str(VIEW_MISSING % {"child": name}), child.pk))
        reasons = assessment_reasons(child, today=today)
        if reasons and not waived and latest(ChildAssessment, child) is None:
            text = "; ".join(text for _code, text in reasons)
            found.append(
                Gap("child_assessment_missing", str(ASSESSMENT_MISSING % {"child": name, "reasons": text}), child.pk)
            )
        if consent_needed(child, case, today=today):
            consent = latest(AdoptionConsent, child)
            if consent is None:
                found.append(Gap("child_consent_missing", str(CONSENT_MISSING % {"child": name}), child.pk))
            elif consent.decision == ConsentDecision.REFUSED and set(case.care_types_sought) == {CareType.ADOPTION}:
                found.append(Gap("child_refuses_adoption", str(CONSENT_REFUSED % {"child": name}), child.pk))
        if child.legal_status == LegalStatus.FREE and not freedom(child, today=today).any_evidence:
            found.append(Gap("legal_freedom_unproven", str(FREEDOM_UNPROVEN % {"child": name}), child.pk))
    if not found and not care_types_open(case, today=today):
        found.append(Gap("nothing_to_seek", str(NOTHING_TO_SEEK)))
    return found


def refuse(found: list[Gap]) -> LegalStepRefused:
    return LegalStepRefused(
        NOT_READY % {"gaps": " ".join(g.message for g in found)}, found[0].code, gaps=[g.code for g in found]
    )


def legal_status_sync(case: ChildCase, *, today: date, actor=None) -> list[Child]:
    """Let each child's legal status follow the evidence: free when proven; not free when evidence on file no
    longer proves it (a revoked consent). A status declared without any evidence is left for a person to fix."""
    changed = []
    for child in case.children.all():
        state = freedom(child, today=today)
        status = child.legal_status
        if state.proven:
            status = LegalStatus.FREE
        elif state.any_evidence:
            status = LegalStatus.NOT_FREE
        if status != child.legal_status:
            child.legal_status = status
            child.save(update_fields=["legal_status"])
            audit(actor, AuditAction.UPDATE, child, case, legal_status=status, source="evidence")
            changed.append(child)
    return changed


def legal_status_tick(*, today: date) -> int:
    """Daily: children whose evidence came into force (a consent's revocation period ended) become free."""
    from workflows.child_mediation.models import ChildCaseStatus

    case_ids = set(LegalFreedomEvidence.objects.values_list("child__case_id", flat=True))
    changed = 0
    for case in ChildCase.objects.filter(pk__in=case_ids).exclude(
        status__in=[ChildCaseStatus.PLACED, ChildCaseStatus.CLOSED]
    ):
        with transaction.atomic():
            changed += len(legal_status_sync(lock_case(case), today=today))
    return changed


def require_ready(*, case: ChildCase, today: date | None = None, actor=None) -> None:
    """Refuse matching (ranking, approach) until the file holds what the law asks for the child."""
    today = today or _today()
    legal_status_sync(case, today=today, actor=actor)
    found = gaps(case, today=today)
    if found:
        raise refuse(found)


def require_adoption_open(*, case: ChildCase, today: date | None = None, actor=None) -> None:
    """Before the court's placement for adoption: every child legally free by evidence in force (LEGALLY_FREE), and
    a child of 12+ consents (CHILD_CONSENT_12)."""
    today = today or _today()
    legal_status_sync(case, today=today, actor=actor)
    children = list(case.children.all())
    for index, child in enumerate(children, start=1):
        if adoption_open(child, case, today=today):
            continue
        name = _label(child, index, len(children))
        if not freedom(child, today=today).proven:
            raise LegalStepRefused(ADOPTION_PENDING % {"child": name}, "adoption_evidence_pending", field="care_type")
        if latest(AdoptionConsent, child) is None:
            raise LegalStepRefused(CONSENT_MISSING % {"child": name}, "child_consent_missing", field="care_type")
        raise LegalStepRefused(CONSENT_REFUSED % {"child": name}, "child_refuses_adoption", field="care_type")

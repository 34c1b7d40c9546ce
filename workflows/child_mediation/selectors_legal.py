"""Reads of the legal steps for the screens and the API (``views/legal*``, ``apis/legal*``): one summary of a case.

The caller has checked that the user may read the case (``legal.READ_LEGAL``); nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet

from nrp.core.choices import Role
from workflows.child_mediation.legal.aftercare_records import FosterAgreement, PlacementBreakdown, PreAdoptiveCare
from workflows.child_mediation.legal.citations import WAIVER_UNDER_AGE
from workflows.child_mediation.legal.file_records import (
    AdoptionConsent,
    ChildAssessment,
    ChildView,
    LegalFreedomEvidence,
    ReadinessWaiver,
)
from workflows.child_mediation.legal.proceedings import CourtProceeding, LegalTask
from workflows.child_mediation.legal.skips import ApproachSkip
from workflows.child_mediation.models import Child, ChildCase, Placement
from workflows.child_mediation.services import approach_check, readiness


@dataclass
class ChildLegal:
    child: Child
    age: int
    view: ChildView | None
    views: list[ChildView]
    assessment_reasons: list[tuple[str, str]]
    assessment: ChildAssessment | None
    consent_needed: bool
    consent: AdoptionConsent | None
    waiver: ReadinessWaiver | None
    waiver_possible: bool
    evidence: list[LegalFreedomEvidence]
    freedom: readiness.Freedom
    adoption_open: bool


@dataclass
class CaseLegal:
    case: ChildCase
    today: date
    children: list[ChildLegal]
    gaps: list[readiness.Gap]
    care_types_open: frozenset[str]
    proceedings: list[CourtProceeding]
    tasks: list[LegalTask]
    skips: list[ApproachSkip]
    placement: Placement | None = None
    pre_adoptive_care: PreAdoptiveCare | None = None
    foster_agreement: FosterAgreement | None = None
    breakdown: PlacementBreakdown | None = None
    next_family: dict | None = field(default=None)

    @property
    def ready(self) -> bool:
        return not self.gaps


def child_legal(child: Child, case: ChildCase, *, today: date) -> ChildLegal:
    views = list(ChildView.objects.filter(child=child).select_related("recorded_by").order_by("-recorded_at", "-pk"))
    return ChildLegal(
        child=child,
        age=child.age_on(today),
        view=views[0] if views else None,
        views=views,
        assessment_reasons=readiness.assessment_reasons(child, today=today),
        assessment=readiness.latest(ChildAssessment, child),
        consent_needed=readiness.consent_needed(child, case, today=today),
        consent=readiness.latest(AdoptionConsent, child),
        waiver=readiness.waiver_in_force(child, today=today),
        waiver_possible=child.age_on(today) < WAIVER_UNDER_AGE,
        evidence=list(LegalFreedomEvidence.objects.filter(child=child).order_by("act_date", "pk")),
        freedom=readiness.freedom(child, today=today),
        adoption_open=readiness.adoption_open(child, case, today=today),
    )


def case_legal(case: ChildCase, *, today: date, with_next_family: bool = False) -> CaseLegal:
    """Everything the legal steps know about a case, as of ``today``."""
    placement = getattr(case, "placement", None)
    summary = CaseLegal(
        case=case,
        today=today,
        children=[child_legal(child, case, today=today) for child in case.children.all()],
        gaps=readiness.gaps(case, today=today),
        care_types_open=readiness.care_types_open(case, today=today),
        proceedings=list(CourtProceeding.objects.filter(case=case).order_by("-filed_on", "-pk")),
        tasks=list(LegalTask.objects.filter(case=case).order_by("done_on", "due_on", "pk")),
        skips=list(ApproachSkip.objects.filter(case=case).select_related("confirmed_by")),
        placement=placement,
    )
    if placement is not None:
        summary.pre_adoptive_care = PreAdoptiveCare.objects.filter(placement=placement).first()
        summary.foster_agreement = FosterAgreement.objects.filter(placement=placement).first()
        summary.breakdown = PlacementBreakdown.objects.filter(placement=placement).first()
    if with_next_family:
        summary.next_family = approach_check.next_family_check(case=case, today=today)
    return summary


def proceedings_for_user(*, user) -> QuerySet[CourtProceeding]:
    """Proceedings the user may see: of their ORP (OSPOD) or their region (officers)."""
    scope = Q(orp_id__in=user.orp_ids(Role.OSPOD)) | Q(region_id__in=user.region_ids(Role.OFFICER))
    return CourtProceeding.objects.filter(scope).select_related("case", "orp").order_by("file_sent_on", "-filed_on")

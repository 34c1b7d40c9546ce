"""REST API of the legal steps on the child's side (/api/v1/children/{id}/legal/ and the writes next to it).

Thin views over ``services.child_records``, ``readiness``, ``court``, ``aftercare`` and ``legal_tasks``, with the
policies of ``workflows.child_mediation.legal``: a role without the policy gets 403 ``role_required``; a case, a
proceeding or a task out of the user's scope 404. Service refusals are problems with stable codes
(``nrp.api.problems.service_errors``). Every write answers with the case's legal summary (or the proceeding/task).

This module: the case's legal summary, its representation and ``CaseLegalApi``, the base of the legal views;
``legal_before_matching``, ``legal_status``, ``legal_court``, ``legal_after_court`` and ``legal_tasks`` hold the
writes.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from nrp.api.permissions import PolicyPermission
from nrp.api.views import ApiView
from nrp.audit.services import audit_read
from nrp.core.choices import CareType, LegalStatus
from workflows.child_mediation import selectors_legal
from workflows.child_mediation.legal import policies
from workflows.child_mediation.legal.vocabulary import (
    AssessmentKind,
    BreakdownReason,
    ConsentDecision,
    EvidenceKind,
    HearingMethod,
    Parent,
    ProceedingKind,
    TaskKind,
)
from workflows.child_mediation.models import ChildCase

TAGS = ["children-legal"]


# --- representations ------------------------------------------------------------------------------------------------
class LegalGapSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Stabilní kód / Stable code, e.g. child_view_missing."))
    message = serializers.CharField()
    child_id = serializers.IntegerField(allow_null=True)


class LegalViewOutSerializer(serializers.Serializer):
    heard_on = serializers.DateField()
    heard_by = serializers.CharField()
    hearing_method = serializers.ChoiceField(choices=HearingMethod.choices, source="method")
    circumstances = serializers.CharField(allow_blank=True)
    words = serializers.CharField(help_text=_("Názor dítěte jeho slovy / The child's view in their words."))
    recorded_at = serializers.DateTimeField()


class LegalAssessmentOutSerializer(serializers.Serializer):
    assessment_kind = serializers.ChoiceField(choices=AssessmentKind.choices, source="kind")
    assessed_on = serializers.DateField()
    assessor = serializers.CharField()
    conclusions = serializers.CharField()
    recommendations = serializers.CharField(allow_blank=True)


class LegalNeedSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text=_("age, health, doctor, other"))
    text = serializers.CharField()


class LegalConsentOutSerializer(serializers.Serializer):
    consent_decision = serializers.ChoiceField(choices=ConsentDecision.choices, source="decision")
    given_on = serializers.DateField()
    how = serializers.CharField()


class LegalWaiverOutSerializer(serializers.Serializer):
    reason = serializers.CharField()
    recorded_at = serializers.DateTimeField()


class LegalEvidenceOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    evidence_kind = serializers.ChoiceField(choices=EvidenceKind.choices, source="kind")
    evidence_parent = serializers.ChoiceField(choices=Parent.choices, source="parent")
    act_date = serializers.DateField()
    final_on = serializers.DateField(allow_null=True)
    document = serializers.CharField()
    withdrawn_on = serializers.DateField(allow_null=True)


class ChildLegalSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="child.pk")
    age = serializers.IntegerField()
    legal_status = serializers.ChoiceField(choices=LegalStatus.choices, source="child.legal_status")
    view = LegalViewOutSerializer(allow_null=True)
    assessment_needed = LegalNeedSerializer(many=True)
    assessment = LegalAssessmentOutSerializer(allow_null=True)
    consent_needed = serializers.BooleanField()
    consent = LegalConsentOutSerializer(allow_null=True)
    waiver = LegalWaiverOutSerializer(allow_null=True)
    legally_free_proven = serializers.BooleanField(help_text=_("Právní volnost doložena / Freedom proven."))
    free_from = serializers.DateField(allow_null=True, help_text=_("Volné od (souhlas po lhůtě) / Free from."))
    evidence = LegalEvidenceOutSerializer(many=True)
    adoption_open = serializers.BooleanField()


class LegalProceedingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    case_id = serializers.IntegerField(allow_null=True)
    proceeding_kind = serializers.ChoiceField(choices=ProceedingKind.choices, source="kind")
    filed_on = serializers.DateField()
    court = serializers.CharField()
    court_reference = serializers.CharField(allow_blank=True)
    child_label = serializers.CharField(allow_blank=True)
    file_due_on = serializers.DateField(help_text=_("Spis dítěte odeslat do / The child's file is due."))
    file_sent_on = serializers.DateField(allow_null=True)


class LegalTaskSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    task_kind = serializers.ChoiceField(choices=TaskKind.choices, source="kind")
    case_id = serializers.IntegerField(allow_null=True)
    proceeding_id = serializers.IntegerField(allow_null=True)
    for_officer = serializers.BooleanField()
    for_ospod = serializers.BooleanField()
    due_on = serializers.DateField(allow_null=True)
    note = serializers.CharField(allow_blank=True)
    done_on = serializers.DateField(allow_null=True)


class LegalSkipSerializer(serializers.Serializer):
    entry_id = serializers.IntegerField()
    rule = serializers.CharField()
    reason = serializers.CharField()
    note = serializers.CharField()
    confirmed_at = serializers.DateTimeField()


class LegalAfterCourtSerializer(serializers.Serializer):
    care_type = serializers.ChoiceField(choices=CareType.choices)
    court_decision_date = serializers.DateField()
    effective_date = serializers.DateField()
    pre_adoptive_care_from = serializers.DateField(allow_null=True)
    adoption_petition_possible_on = serializers.DateField(allow_null=True)
    adoption_petition_filed_on = serializers.DateField(allow_null=True)
    adoption_decided_on = serializers.DateField(allow_null=True)
    adoption_final_on = serializers.DateField(allow_null=True)
    agreement_due = serializers.DateField(allow_null=True)
    agreement_signed_on = serializers.DateField(allow_null=True)
    agreement_late_days = serializers.IntegerField(allow_null=True)
    breakdown_on = serializers.DateField(allow_null=True)
    breakdown_reasons = serializers.ListField(child=serializers.ChoiceField(choices=BreakdownReason.choices))


class CaseLegalSerializer(serializers.Serializer):
    case_id = serializers.IntegerField()
    reference = serializers.CharField()
    ready = serializers.BooleanField(help_text=_("Párování a oslovení možné / Matching and approach allowed."))
    gaps = LegalGapSerializer(many=True)
    care_types_open = serializers.ListField(child=serializers.ChoiceField(choices=CareType.choices))
    children = ChildLegalSerializer(many=True)
    proceedings = LegalProceedingSerializer(many=True)
    tasks = LegalTaskSerializer(many=True)
    skips = LegalSkipSerializer(many=True)
    after_court = LegalAfterCourtSerializer(allow_null=True)


def _after_court(s: selectors_legal.CaseLegal) -> dict | None:
    placement = s.placement
    if placement is None:
        return None
    care, agreement, breakdown = s.pre_adoptive_care, s.foster_agreement, s.breakdown
    return {
        "care_type": placement.care_type,
        "court_decision_date": placement.court_decision_date,
        "effective_date": placement.effective_date,
        "pre_adoptive_care_from": care.started_on if care else None,
        "adoption_petition_possible_on": care.petition_possible_on if care else None,
        "adoption_petition_filed_on": care.petition_filed_on if care else None,
        "adoption_decided_on": care.adoption_decided_on if care else None,
        "adoption_final_on": care.adoption_final_on if care else None,
        "agreement_due": placement.agreement_due,
        "agreement_signed_on": placement.agreement_signed_on,
        "agreement_late_days": agreement.late_days if agreement else None,
        "breakdown_on": breakdown.ended_on if breakdown else None,
        "breakdown_reasons": list(breakdown.reasons) if breakdown else [],
    }


def legal_data(case: ChildCase) -> dict:
    s = selectors_legal.case_legal(case, today=timezone.localdate())
    body = {
        "case_id": case.pk,
        "reference": case.reference,
        "ready": s.ready,
        "gaps": [{"code": g.code, "message": g.message, "child_id": g.child_id} for g in s.gaps],
        "care_types_open": sorted(s.care_types_open),
        "children": [
            {
                "child": c.child,
                "age": c.age,
                "view": c.view,
                "assessment_needed": [{"reason": code, "text": text} for code, text in c.assessment_reasons],
                "assessment": c.assessment,
                "consent_needed": c.consent_needed,
                "consent": c.consent,
                "waiver": c.waiver,
                "legally_free_proven": c.freedom.proven,
                "free_from": c.freedom.free_from,
                "evidence": c.evidence,
                "adoption_open": c.adoption_open,
            }
            for c in s.children
        ],
        "proceedings": s.proceedings,
        "tasks": s.tasks,
        "skips": s.skips,
        "after_court": _after_court(s),
    }
    return CaseLegalSerializer(body).data


# --- base -----------------------------------------------------------------------------------------------------------
class CaseLegalApi(ApiView):
    """A view on one case under ``policy`` (role: 403; scope: 404)."""

    permission_classes = [PolicyPermission]
    policy = policies.READ_LEGAL

    def scoped_case(self, pk: int) -> ChildCase:
        case = ChildCase.objects.select_related("region", "orp").filter(pk=pk).first()
        if case is None or not self.policy.allows(self.request.user, case):
            raise NotFound()
        return case

    def scoped_child(self, case: ChildCase, child_id: int):
        child = case.children.filter(pk=child_id).first()
        if child is None:
            raise NotFound()
        return child

    def input(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def answer(self, case: ChildCase, code: int = status.HTTP_201_CREATED) -> Response:
        return Response(legal_data(case), status=code)


def _renamed(data: dict, **names: str) -> dict:
    """Serializer field names that are unique in the schema (``hearing_method``) back to the service's (``method``)."""
    for api_name, service_name in names.items():
        if api_name in data:
            data[service_name] = data.pop(api_name)
    return data


# --- the case's legal summary ---------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class CaseLegalDetailApi(CaseLegalApi):
    """Právní kroky dítěte: co chybí před párováním, doklady, řízení, úkoly. / The child's legal steps."""

    @extend_schema(
        summary="Právní kroky dítěte / The child's legal steps",
        description="Krajský úřad kraje dítěte a OSPOD dítěte; čtení se audituje. / The region's officers and the "
        "child's OSPOD; audited. ``gaps`` lists what refuses matching and approach, with stable codes.",
        responses={200: CaseLegalSerializer},
    )
    def get(self, request, pk):
        case = self.scoped_case(pk)
        audit_read(actor=request.user, obj=case, request=request, region=case.region, view="legal", channel="api")
        return Response(legal_data(case))

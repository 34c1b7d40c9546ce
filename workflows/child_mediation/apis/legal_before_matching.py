"""REST API of the legal steps before matching: hearing the child, assessments, consents, waivers."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from nrp.api.problems import service_errors
from nrp.api.serializers import StrictSerializer
from workflows.child_mediation.apis.legal import TAGS, CaseLegalApi, CaseLegalSerializer, _renamed
from workflows.child_mediation.legal import policies
from workflows.child_mediation.legal.vocabulary import (
    INDICATION_CHOICES,
    AssessmentKind,
    ConsentDecision,
    HearingMethod,
)
from workflows.child_mediation.services import child_records


# --- before matching ------------------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class ChildViewApi(CaseLegalApi):
    """Názor dítěte (§ 8 odst. 2): jak, kým a slovy dítěte. / The child's view: how, by whom, in its words."""

    policy = policies.RECORD_VIEW

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ChildViewRecord"

        heard_on = serializers.DateField()
        heard_by = serializers.CharField(max_length=300)
        hearing_method = serializers.ChoiceField(choices=HearingMethod.choices)
        circumstances = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        words = serializers.CharField(max_length=10000)

    @extend_schema(
        summary="Zaznamenat názor dítěte / Record the child's view",
        description="Krajský úřad kraje dítěte nebo OSPOD dítěte. / The region's officers or the child's OSPOD.",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk, child_id):
        case = self.scoped_case(pk)
        child = self.scoped_child(case, child_id)
        data = _renamed(self.input(self.InputSerializer), hearing_method="method")
        with service_errors():
            child_records.child_view_record(child=child, actor=request.user, **data)
        return self.answer(case)


@extend_schema(tags=TAGS)
class AssessmentIndicationApi(CaseLegalApi):
    """Doporučení lékaře nebo jiné okolnosti: posouzení dítěte je potřeba. / The assessment is needed."""

    policy = policies.RECORD_VIEW

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "AssessmentIndicationRecord"

        indication = serializers.ChoiceField(choices=INDICATION_CHOICES)
        note = serializers.CharField(max_length=4000)

    @extend_schema(
        summary="Důvod k posouzení dítěte / Why the child's assessment is needed",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk, child_id):
        case = self.scoped_case(pk)
        child = self.scoped_child(case, child_id)
        data = _renamed(self.input(self.InputSerializer), indication="reason")
        with service_errors():
            child_records.assessment_indication_record(child=child, actor=request.user, **data)
        return self.answer(case)


@extend_schema(tags=TAGS)
class ChildAssessmentApi(CaseLegalApi):
    """Odborné posouzení dítěte (krajský úřad). / The child's expert assessment (regional officers)."""

    policy = policies.RECORD_OFFICER

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ChildAssessmentRecord"

        assessment_kind = serializers.ChoiceField(choices=AssessmentKind.choices)
        assessed_on = serializers.DateField()
        assessor = serializers.CharField(max_length=300)
        conclusions = serializers.CharField(max_length=10000)
        recommendations = serializers.CharField(max_length=10000, required=False, allow_blank=True)

    @extend_schema(
        summary="Zaznamenat odborné posouzení dítěte / Record the child's assessment",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk, child_id):
        case = self.scoped_case(pk)
        child = self.scoped_child(case, child_id)
        data = _renamed(self.input(self.InputSerializer), assessment_kind="kind")
        with service_errors():
            child_records.child_assessment_record(child=child, actor=request.user, **data)
        return self.answer(case)


@extend_schema(tags=TAGS)
class AdoptionConsentApi(CaseLegalApi):
    """Souhlas dítěte od 12 let s osvojením (§ 806 OZ). / A child of 12+ and adoption (civil code §806)."""

    policy = policies.RECORD_OFFICER

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "AdoptionConsentRecord"

        consent_decision = serializers.ChoiceField(choices=ConsentDecision.choices)
        given_on = serializers.DateField()
        how = serializers.CharField(max_length=4000)

    @extend_schema(
        summary="Zaznamenat vyjádření dítěte k osvojení / Record the child's consent",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk, child_id):
        case = self.scoped_case(pk)
        child = self.scoped_child(case, child_id)
        data = _renamed(self.input(self.InputSerializer), consent_decision="decision")
        with service_errors():
            child_records.adoption_consent_record(child=child, actor=request.user, **data)
        return self.answer(case)


@extend_schema(tags=TAGS)
class ReadinessWaiverApi(CaseLegalApi):
    """Malé dítě: upustit od názoru a posouzení se zdůvodněním. / An infant: waive the view and assessment."""

    policy = policies.DECIDE_OFFICER

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ReadinessWaiverRecord"

        reason = serializers.CharField(max_length=4000)

    @extend_schema(
        summary="Upustit od názoru a posouzení malého dítěte / Waive for an infant",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk, child_id):
        case = self.scoped_case(pk)
        child = self.scoped_child(case, child_id)
        with service_errors():
            child_records.readiness_waiver_record(child=child, actor=request.user, **self.input(self.InputSerializer))
        return self.answer(case)

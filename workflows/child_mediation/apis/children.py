"""/api/v1/children/: the children register in the reader's scope, a child's file, and OSPOD's proposal."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from nrp.api.filters import IdFilter
from nrp.api.permissions import PolicyPermission
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedListApi
from nrp.audit.lists import AuditedListApiMixin
from nrp.audit.services import audit_read
from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, HouseholdPosition, LegalStatus, Sex
from nrp.core.models import Orp
from workflows.applicant_journey.apis.common import ProblemSchemaSerializer
from workflows.child_mediation import permissions, scoped, selectors, services
from workflows.child_mediation.apis.case_serializers import ChildCaseOutputSerializer, case_data
from workflows.child_mediation.apis.common import InputMixin, call_service, refuse
from workflows.child_mediation.models import ChildCase, ChildCaseStatus
from workflows.child_mediation.scoped import user_of

MSG_ORP_NOT_YOURS = _("Dítě můžete navrhnout jen za ORP, ve které působíte jako OSPOD.")


class ChildCaseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ChildCaseStatus.choices, help_text=_("Stav / Status."))
    orp = IdFilter(field_name="orp_id", help_text=_("ID ORP dítěte / The child's ORP id."))
    care_type = django_filters.ChoiceFilter(
        choices=CareType.choices, method="filter_care_type", help_text=_("Hledaná forma péče / Care type sought.")
    )
    national = django_filters.BooleanFilter(
        field_name="flags__national_since",
        lookup_expr="isnull",
        exclude=True,
        help_text=_("Jen v celostátním hledání / Only in the national search."),
    )

    class Meta:
        model = ChildCase
        fields = ["status", "orp", "care_type", "national"]

    def filter_care_type(self, queryset: QuerySet[ChildCase], name: str, value: str) -> QuerySet[ChildCase]:
        return queryset.filter(care_types_sought__contains=[value])


class ChildProposalChildSerializer(StrictSerializer):
    class Meta:
        ref_name = "ChildProposalChild"

    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField()
    sex = serializers.ChoiceField(choices=Sex.choices)
    legal_status = serializers.ChoiceField(choices=LegalStatus.choices)
    health_needs = serializers.ListField(
        child=serializers.ChoiceField(choices=HealthNeed.choices), required=False, max_length=len(HealthNeed.choices)
    )
    health_notes = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    ethnicity = serializers.ChoiceField(choices=Ethnicity.choices, required=False, allow_blank=True)


@extend_schema(tags=["children"])
class ChildCaseListApi(InputMixin, AuditedListApiMixin, ScopedListApi):
    """Evidence dětí v rozsahu uživatele; OSPOD navrhuje dítě. / The children register in the user's scope."""

    # One bulk audit event naming the cases of the page (nrp/audit/lists.py).
    audit_list_object_type = "child_mediation.childcase"
    audit_list_region = staticmethod(lambda case: case.region_id)

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ChildProposal"

        orp = serializers.PrimaryKeyRelatedField(
            queryset=Orp.objects.all(), help_text=_("ORP dítěte (vaše ORP) / The child's ORP (yours).")
        )
        care_types_sought = serializers.ListField(
            child=serializers.ChoiceField(choices=CareType.choices), min_length=1, max_length=len(CareType.choices)
        )
        children = ChildProposalChildSerializer(many=True, min_length=1, max_length=10)  # type: ignore[call-arg]
        contact_plan = serializers.ChoiceField(choices=ContactLevel.choices, default=ContactLevel.NONE)
        birth_family_orp = serializers.PrimaryKeyRelatedField(
            queryset=Orp.objects.all(), required=False, allow_null=True
        )
        wishes = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        wishes_how_heard = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        siblings_separation_reason = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        household_position = serializers.ChoiceField(
            choices=HouseholdPosition.choices,
            required=False,
            allow_blank=True,
            default=HouseholdPosition.ANY,
            help_text=_("Spis žádá jediné / nejmladší dítě v rodině / The file asks: only / youngest child."),
        )
        notes = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        confirm_duplicate = serializers.BooleanField(
            required=False,
            default=False,
            help_text=_(
                "Potvrzuji, že jde o jiné dítě než to, které je v ORP už navržené se stejným jménem a datem "
                "narození (jinak 409 duplicate_child) / Confirms another child than the open case with the same "
                "name and birth date in the ORP (else 409 duplicate_child)."
            ),
        )

    OutputSerializer = ChildCaseOutputSerializer
    permission_classes = [PolicyPermission]
    policy = {"POST": permissions.PROPOSE_CHILD, "*": permissions.READ_REGISTER}
    filterset_class = ChildCaseFilter
    ordering_fields = ["id", "reference", "proposed_at", "registered_on", "status"]
    ordering = ["registered_on", "proposed_at", "id"]

    def get_queryset(self) -> QuerySet[ChildCase]:
        if getattr(self, "swagger_fake_view", False):
            return ChildCase.objects.none()
        return selectors.case_list_for_reader(user=user_of(self.request))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        today = timezone.localdate()
        rows = [case_data(case, selectors.case_access(user_of(request), case), today=today) for case in page or []]
        return self.get_paginated_response(rows)

    @extend_schema(
        summary="Evidence dětí / Children register",
        description="Krajský úřad: děti svého kraje s totožností; OSPOD: děti své ORP jen ke čtení; ostatní 403. / "
        "Regional officers: their region's cases with identity; OSPOD: own ORP's cases read-only; others 403.",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Návrh dítěte OSPOD / OSPOD proposes a child",
        description="OSPOD ORP dítěte navrhuje dítě (nebo sourozeneckou skupinu) ke zprostředkování; spouští proces. "
        "/ The OSPOD of the child's ORP proposes a child or sibling group; starts the ChildMediation process.",
        request=InputSerializer,
        responses={
            201: ChildCaseOutputSerializer,
            (409, "application/problem+json"): OpenApiResponse(
                response=ProblemSchemaSerializer,
                description=_(
                    "Dítě se stejným jménem a datem narození je v ORP už navržené a případ je otevřený; pošlete "
                    "znovu s confirm_duplicate: true, jde-li o jiné dítě / The same child is already proposed and "
                    "open in the ORP (code duplicate_child)."
                ),
            ),
        },
        filters=False,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(request)
        if not permissions.PROPOSE_CHILD.allows(user_of(request), permissions.proposal_scope(data["orp"])):
            raise refuse("orp", MSG_ORP_NOT_YOURS, "orp_not_yours")
        children = [
            {"health_needs": [], "health_notes": "", "ethnicity": "", **child} for child in data.pop("children")
        ]
        case = call_service(services.case_propose, proposed_by=user_of(request), children=children, **data)
        return Response(case_data(case, permissions.Access.OSPOD), status=status.HTTP_201_CREATED)


@extend_schema(tags=["children"])
class ChildCaseDetailApi(ApiView):
    """Spis dítěte, jak jej smí vidět čtenář; čtení se zapisuje do auditu. / The case file as the reader may see it."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_REGISTER

    @extend_schema(
        summary="Spis dítěte / A child's case",
        description="Totožnost jen pro pracovníky kraje dítěte a OSPOD dítěte; pracovník jiného kraje vidí "
        "anonymizovaný profil dítěte v celostátním hledání; jinak 404. Čtení se audituje. / Identity only for the "
        "region's officers and the child's OSPOD; other regions' officers see the anonymised profile of children in "
        "the national search; otherwise 404. Audited.",
        responses={200: ChildCaseOutputSerializer},
    )
    def get(self, request: Request, pk: int) -> Response:
        case, access = scoped.case_for_reader(request, pk, channel="api")
        audit_read(
            actor=user_of(request),
            obj=case,
            request=request,
            region=case.region,
            view="anonymised" if access == permissions.Access.ANONYMOUS else access,
            channel="api",
        )
        return Response(case_data(case, access))

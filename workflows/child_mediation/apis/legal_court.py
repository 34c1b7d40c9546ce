"""REST API of court proceedings and the child's file sent to the court."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from nrp.api.problems import service_errors
from nrp.api.serializers import StrictSerializer
from nrp.core.models import Orp
from workflows.child_mediation import selectors_legal
from workflows.child_mediation.apis.legal import TAGS, CaseLegalApi, LegalProceedingSerializer, _renamed
from workflows.child_mediation.legal import policies
from workflows.child_mediation.legal.proceedings import CourtProceeding
from workflows.child_mediation.legal.vocabulary import ProceedingKind
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.services import court


# --- court proceedings ----------------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class ProceedingListApi(CaseLegalApi):
    """Soudní řízení, která mohou dítě svěřit mimo rodinu, a spis dítěte (§ 21). / Court proceedings."""

    policy = policies.RECORD_PROCEEDING

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "CourtProceedingRecord"

        proceeding_kind = serializers.ChoiceField(choices=ProceedingKind.choices)
        filed_on = serializers.DateField()
        court = serializers.CharField(max_length=200)
        court_reference = serializers.CharField(max_length=100, required=False, allow_blank=True)
        case = serializers.PrimaryKeyRelatedField(queryset=ChildCase.objects.all(), required=False, allow_null=True)
        orp = serializers.PrimaryKeyRelatedField(queryset=Orp.objects.all(), required=False, allow_null=True)
        child_label = serializers.CharField(max_length=200, required=False, allow_blank=True)

    @extend_schema(
        summary="Soudní řízení v rozsahu uživatele / Proceedings in the user's scope",
        responses={200: LegalProceedingSerializer(many=True)},
    )
    def get(self, request):
        rows = selectors_legal.proceedings_for_user(user=request.user)[:500]
        return Response(LegalProceedingSerializer(rows, many=True).data)

    @extend_schema(
        summary="Zaznamenat podaný návrh soudu / Record proceedings",
        description="OSPOD (nebo krajský úřad): případ dítěte, nebo u dítěte mimo evidenci ORP a značka dítěte. "
        "Otevře úkol odeslat spis dítěte s termínem; ústavní výchova i úkol znovu požádat ostatní kraje.",
        request=InputSerializer,
        responses={201: LegalProceedingSerializer},
    )
    def post(self, request):
        data = _renamed(self.input(self.InputSerializer), proceeding_kind="kind")
        case = data.get("case")
        if case is not None and not self.policy.allows(request.user, case):
            raise NotFound()
        with service_errors():
            proceeding = court.court_proceeding_record(actor=request.user, **data)
        return Response(LegalProceedingSerializer(proceeding).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class ChildFileSentApi(CaseLegalApi):
    """Spis dítěte k řízení odeslán (s případem dítěte). / The child's file was sent (with the case)."""

    policy = policies.RECORD_PROCEEDING

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ChildFileSent"

        sent_on = serializers.DateField(required=False)
        case = serializers.PrimaryKeyRelatedField(queryset=ChildCase.objects.all(), required=False, allow_null=True)

    @extend_schema(
        summary="Spis dítěte odeslán / The child's file sent",
        request=InputSerializer,
        responses={200: LegalProceedingSerializer},
    )
    def post(self, request, pk):
        proceeding = CourtProceeding.objects.filter(pk=pk).first()
        if proceeding is None or not self.policy.allows(request.user, proceeding):
            raise NotFound()
        data = self.input(self.InputSerializer)
        if data.get("case") is not None and not self.policy.allows(request.user, data["case"]):
            raise NotFound()
        with service_errors():
            proceeding = court.child_file_sent(proceeding=proceeding, actor=request.user, **data)
        return Response(LegalProceedingSerializer(proceeding).data)

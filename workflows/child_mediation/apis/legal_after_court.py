"""REST API of the steps after the court: adoption petition and decision, foster agreement, breakdown."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound

from nrp.api.problems import service_errors
from nrp.api.serializers import StrictSerializer
from nrp.core.models import Organisation
from workflows.child_mediation.apis.legal import TAGS, CaseLegalApi, CaseLegalSerializer, _renamed
from workflows.child_mediation.legal import policies
from workflows.child_mediation.legal.vocabulary import BreakdownInitiator, BreakdownReason
from workflows.child_mediation.services import aftercare


# --- after the court ------------------------------------------------------------------------------------------------
class PlacementApi(CaseLegalApi):
    policy = policies.RECORD_OFFICER

    def scoped_placement(self, pk: int):
        case = self.scoped_case(pk)
        placement = getattr(case, "placement", None)
        if placement is None:
            raise NotFound()
        return case, placement


@extend_schema(tags=TAGS)
class AdoptionPetitionApi(PlacementApi):
    """Návrh na osvojení: nejdříve po 6 měsících péče budoucích osvojitelů (§ 829 OZ). / After 6 months' care."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "AdoptionPetition"

        filed_on = serializers.DateField()
        court = serializers.CharField(max_length=200)

    @extend_schema(
        summary="Zaznamenat návrh na osvojení / Record the adoption petition",
        description="Před uplynutím 6 měsíců péče 400 pre_adoption_care_too_short. / Before 6 months' care: 400.",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk):
        case, placement = self.scoped_placement(pk)
        with service_errors():
            aftercare.adoption_petition_record(
                placement=placement, officer=request.user, **self.input(self.InputSerializer)
            )
        return self.answer(case)


@extend_schema(tags=TAGS)
class AdoptionDecisionApi(PlacementApi):
    """Rozhodnutí soudu o osvojení (po návrhu). / The court's adoption decision (after the petition)."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "AdoptionDecision"

        decided_on = serializers.DateField()
        final_on = serializers.DateField()

    @extend_schema(
        summary="Zaznamenat rozhodnutí o osvojení / Record the adoption decision",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk):
        case, placement = self.scoped_placement(pk)
        with service_errors():
            aftercare.adoption_decision_record(
                placement=placement, officer=request.user, **self.input(self.InputSerializer)
            )
        return self.answer(case)


@extend_schema(tags=TAGS)
class FosterAgreementApi(PlacementApi):
    """Dohoda o výkonu pěstounské péče (§ 47b): po lhůtě jen s důvodem, označena. / Late only with a reason."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "FosterAgreementSign"

        signed_on = serializers.DateField()
        organisation = serializers.PrimaryKeyRelatedField(
            queryset=Organisation.objects.all(), required=False, allow_null=True
        )
        other_party = serializers.CharField(max_length=200, required=False, allow_blank=True)
        late_reason = serializers.CharField(max_length=4000, required=False, allow_blank=True)

    @extend_schema(
        summary="Zaznamenat dohodu o výkonu pěstounské péče / Record the foster-care agreement",
        description="Po lhůtě bez důvodu 400 agreement_late_reason_required; s důvodem se zaznamená jako opožděná. "
        "/ Late without a reason: 400; with one it is recorded and flagged late.",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk):
        case, placement = self.scoped_placement(pk)
        with service_errors():
            aftercare.foster_agreement_sign(
                placement=placement, officer=request.user, **self.input(self.InputSerializer)
            )
        return self.answer(case)


@extend_schema(tags=TAGS)
class BreakdownApi(PlacementApi):
    """Rozpad svěření s kódovanými důvody. / A breakdown of the placement with coded reasons."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "PlacementBreakdown"

        ended_on = serializers.DateField()
        breakdown_reasons = serializers.ListField(
            child=serializers.ChoiceField(choices=BreakdownReason.choices), min_length=1, max_length=10
        )
        initiated_by = serializers.ChoiceField(choices=BreakdownInitiator.choices)
        note = serializers.CharField(max_length=10000)

    @extend_schema(
        summary="Zaznamenat rozpad svěření / Record a breakdown",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk):
        case, placement = self.scoped_placement(pk)
        with service_errors():
            aftercare.placement_breakdown_record(
                placement=placement,
                officer=request.user,
                **_renamed(self.input(self.InputSerializer), breakdown_reasons="reasons"),
            )
        return self.answer(case)

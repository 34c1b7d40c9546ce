"""REST API of the child's legal status with evidence, and the re-check at approach."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound

from nrp.api.problems import service_errors
from nrp.api.serializers import StrictSerializer
from workflows.child_mediation.apis.legal import TAGS, CaseLegalApi, CaseLegalSerializer, _renamed
from workflows.child_mediation.legal import policies
from workflows.child_mediation.legal.file_records import LegalFreedomEvidence
from workflows.child_mediation.legal.vocabulary import EvidenceKind, Parent
from workflows.child_mediation.services import approach_check, child_records


# --- legal status with evidence -------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class LegalEvidenceApi(CaseLegalApi):
    """Doklad o právní volnosti: souhlas, rozhodnutí soudu s právní mocí, úmrtí. / Evidence of legal freedom."""

    policy = policies.RECORD_OFFICER

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "LegalEvidenceRecord"

        evidence_kind = serializers.ChoiceField(choices=EvidenceKind.choices)
        evidence_parent = serializers.ChoiceField(choices=Parent.choices)
        act_date = serializers.DateField()
        final_on = serializers.DateField(required=False, allow_null=True)
        document = serializers.CharField(max_length=200)
        note = serializers.CharField(max_length=4000, required=False, allow_blank=True)

    @extend_schema(
        summary="Zaznamenat doklad o právní volnosti / Record evidence of legal freedom",
        description="Právní postavení dítěte se pak řídí doklady; osvojení se otevře, když platí. / The child's "
        "legal status then follows the evidence; adoption opens when it is in force.",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk, child_id):
        case = self.scoped_case(pk)
        child = self.scoped_child(case, child_id)
        data = _renamed(self.input(self.InputSerializer), evidence_kind="kind", evidence_parent="parent")
        with service_errors():
            child_records.legal_evidence_record(child=child, actor=request.user, **data)
        return self.answer(case)


@extend_schema(tags=TAGS)
class LegalEvidenceWithdrawalApi(CaseLegalApi):
    """Doklad pozbyl účinku (odvolaný souhlas, zrušené rozhodnutí). / Evidence no longer in force."""

    policy = policies.RECORD_OFFICER

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "LegalEvidenceWithdrawal"

        withdrawn_on = serializers.DateField()
        reason = serializers.CharField(max_length=4000)

    @extend_schema(
        summary="Doklad pozbyl účinku / Withdraw evidence",
        request=InputSerializer,
        responses={200: CaseLegalSerializer},
    )
    def post(self, request, pk):
        evidence = LegalFreedomEvidence.objects.select_related("child__case").filter(pk=pk).first()
        if evidence is None or not self.policy.allows(request.user, evidence.child.case):
            raise NotFound()
        with service_errors():
            child_records.legal_evidence_withdraw(
                evidence=evidence, actor=request.user, **self.input(self.InputSerializer)
            )
        return self.answer(evidence.child.case, status.HTTP_200_OK)


@extend_schema(tags=TAGS)
class LegalStatusNotFreeApi(CaseLegalApi):
    """Dítě vedené jako volné bez dokladu vést jako nevolné. / A child declared free without evidence: not free."""

    policy = policies.RECORD_OFFICER

    @extend_schema(
        summary="Vést dítě jako právně nevolné / Lead the child as not legally free",
        request=None,
        responses={200: CaseLegalSerializer},
    )
    def post(self, request, pk, child_id):
        case = self.scoped_case(pk)
        child = self.scoped_child(case, child_id)
        with service_errors():
            child_records.legal_status_mark_not_free(child=child, actor=request.user)
        return self.answer(case, status.HTTP_200_OK)


# --- the re-check at approach ---------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class ApproachSkipApi(CaseLegalApi):
    """Přeskočit rodinu, která podle dnešního spisu a profilu nevyhovuje (§ 24). / Skip a family that no longer fits."""

    policy = policies.DECIDE_OFFICER

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ApproachSkip"

        entry_id = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
        note = serializers.CharField(max_length=4000)

    @extend_schema(
        summary="Potvrdit přeskočení rodiny / Confirm skipping a family",
        description="Jen rodina, která je na řadě a při nové kontrole nevyhovuje (jinak 400 family_fits / "
        "not_next_family). / Only the family next on the list that the re-check finds unfit.",
        request=InputSerializer,
        responses={201: CaseLegalSerializer},
    )
    def post(self, request, pk):
        from workflows.applicant_journey.models import ApplicantRegisterEntry

        case = self.scoped_case(pk)
        data = self.input(self.InputSerializer)
        entry = ApplicantRegisterEntry.objects.filter(pk=data["entry_id"]).first()
        if entry is None:
            raise NotFound()
        with service_errors():
            approach_check.approach_skip_confirm(case=case, entry=entry, officer=request.user, note=data["note"])
        return self.answer(case)

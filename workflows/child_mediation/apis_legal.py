"""REST API of the legal steps on the child's side (/api/v1/children/{id}/legal/ and the writes next to it).

Thin views over ``services.child_records``, ``readiness``, ``court``, ``aftercare`` and ``legal_tasks``, with the
policies of ``workflows.child_mediation.legal``: a role without the policy gets 403 ``role_required``; a case, a
proceeding or a task out of the user's scope 404. Service refusals are problems with stable codes
(``nrp.api.problems.service_errors``). Every write answers with the case's legal summary (or the proceeding/task).
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from nrp.api.permissions import PolicyPermission
from nrp.api.problems import service_errors
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView
from nrp.audit.services import audit_read
from nrp.core.choices import CareType, LegalStatus
from nrp.core.models import Organisation, Orp
from workflows.child_mediation import legal, selectors_legal
from workflows.child_mediation.legal import (
    INDICATION_CHOICES,
    AssessmentKind,
    BreakdownInitiator,
    BreakdownReason,
    ConsentDecision,
    CourtProceeding,
    EvidenceKind,
    HearingMethod,
    LegalFreedomEvidence,
    LegalTask,
    Parent,
    ProceedingKind,
    TaskKind,
)
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.services import aftercare, child_records, court, legal_tasks, readiness

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
    policy = legal.READ_LEGAL

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


# --- before matching ------------------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class ChildViewApi(CaseLegalApi):
    """Názor dítěte (§ 8 odst. 2): jak, kým a slovy dítěte. / The child's view: how, by whom, in its words."""

    policy = legal.RECORD_VIEW

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

    policy = legal.RECORD_VIEW

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

    policy = legal.RECORD_OFFICER

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

    policy = legal.RECORD_OFFICER

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

    policy = legal.DECIDE_OFFICER

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


# --- legal status with evidence -------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class LegalEvidenceApi(CaseLegalApi):
    """Doklad o právní volnosti: souhlas, rozhodnutí soudu s právní mocí, úmrtí. / Evidence of legal freedom."""

    policy = legal.RECORD_OFFICER

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

    policy = legal.RECORD_OFFICER

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

    policy = legal.RECORD_OFFICER

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

    policy = legal.DECIDE_OFFICER

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
            readiness.approach_skip_confirm(case=case, entry=entry, officer=request.user, note=data["note"])
        return self.answer(case)


# --- court proceedings ----------------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class ProceedingListApi(CaseLegalApi):
    """Soudní řízení, která mohou dítě svěřit mimo rodinu, a spis dítěte (§ 21). / Court proceedings."""

    policy = legal.RECORD_PROCEEDING

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

    policy = legal.RECORD_PROCEEDING

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


# --- after the court ------------------------------------------------------------------------------------------------
class PlacementApi(CaseLegalApi):
    policy = legal.RECORD_OFFICER

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


# --- tasks ----------------------------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class TaskListApi(CaseLegalApi):
    """Úkoly k dětem: krajský úřad svého kraje, OSPOD své ORP. / Tasks of the legal steps in the user's queue."""

    @extend_schema(summary="Úkoly k dětem / Tasks", responses={200: LegalTaskSerializer(many=True)})
    def get(self, request):
        open_only = request.query_params.get("all") != "1"
        rows = legal_tasks.tasks_for_user(user=request.user, open_only=open_only)[:500]
        return Response(LegalTaskSerializer(rows, many=True).data)


@extend_schema(tags=TAGS)
class TaskDoneApi(CaseLegalApi):
    """Úkol splněn. / The task is done."""

    @extend_schema(summary="Úkol splněn / Task done", request=None, responses={200: LegalTaskSerializer})
    def post(self, request, pk):
        task = LegalTask.objects.filter(pk=pk).first()
        if task is None or not legal_tasks.may_do(request.user, task):
            raise NotFound()
        with service_errors():
            task = legal_tasks.task_done(task=task, actor=request.user)
        return Response(LegalTaskSerializer(task).data)

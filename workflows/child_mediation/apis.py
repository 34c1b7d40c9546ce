"""REST API of the children register and mediation: /api/v1/children/, conferences, minutes, approaches.

Thin views over ``workflows.child_mediation.selectors`` and ``services``, with the rules of the screens:

- officers of the child's region (KÚ): the whole file with the children's identity, and every mediation action;
- the child's OSPOD worker (ORP of the case): their own children with identity, read-only; they propose children;
- officers of other regions: only the anonymised profile, only of children in the national search;
- guides, applicants, assessors and administrators: 403 (§19a: only public authorities select a family).

Out of scope answers 404 (existence is not revealed). Reading a case, a conference or minutes is audited.
Writes go through the services, so the process (viewflow) and the audit trail move exactly as from the screens.
"""

from __future__ import annotations

from contextlib import contextmanager

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from nrp.api.apis.refs import OrpRefSerializer, RegionRefSerializer, UserRefSerializer
from nrp.api.concurrency import ETAG_HEADER, IF_MATCH_HEADER, ETagMixin, check_if_match
from nrp.api.filters import IdFilter
from nrp.api.permissions import HasAnyRole
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedListApi, ScopedObjectMixin
from nrp.audit.services import audit_read
from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Role, Sex
from nrp.core.models import Orp
from workflows.child_mediation import permissions, selectors, services
from workflows.child_mediation.models import (
    Approach,
    ApproachStatus,
    CaseConference,
    ChildCase,
    ChildCaseStatus,
    ClosureReason,
    ConferenceMinutes,
    ConferenceStatus,
    ParticipantRole,
)
from workflows.child_mediation.services.common import lock_case

MSG_ORP_NOT_YOURS = _("Dítě můžete navrhnout jen za ORP, ve které působíte jako OSPOD.")
MSG_LIST_EXHAUSTED = _("Všechny rodiny ze zápisu konference už byly osloveny; připravte novou konferenci.")
MSG_NO_MINUTES = _("Konference zatím nemá zápis.")

OFFICER_ONLY = [IsAuthenticated, HasAnyRole(Role.OFFICER)]
REGISTER_READERS = [IsAuthenticated, HasAnyRole(Role.OFFICER, Role.OSPOD)]


class Access:
    """What the reader of a case may see (``access`` in the representation)."""

    CHOICES = [
        (permissions.Access.MANAGE, _("pracovník kraje dítěte: celý spis / officer of the child's region")),
        (permissions.Access.OSPOD, _("OSPOD dítěte: spis jen ke čtení / the child's OSPOD, read-only")),
        (permissions.Access.ANONYMOUS, _("anonymizovaný profil / anonymised profile")),
    ]
    WITH_IDENTITY = (permissions.Access.MANAGE, permissions.Access.OSPOD)


# --- service errors -> 400 problems with stable codes ------------------------------------------------------------
# (module, constant, code): resolved lazily so that a renamed message falls back to the generic code.
_ERROR_CODES = [
    ("workflows.child_mediation.permissions", "NOT_AN_OFFICER", "not_region_officer"),
    ("workflows.child_mediation.permissions", "NOT_THE_CHILDS_OSPOD", "not_childs_ospod"),
    ("workflows.child_mediation.models", "ADOPTION_NEEDS_FREE_CHILD", "adoption_needs_free_child"),
    ("workflows.child_mediation.models", "CONTACT_NEEDS_LOCATION", "birth_family_orp_required"),
    ("workflows.child_mediation.models", "NO_CARE_TYPE_SOUGHT", "care_type_required"),
    ("workflows.child_mediation.models", "MINUTES_SIGNED_READ_ONLY", "minutes_signed"),
    ("workflows.child_mediation.services.cases", "NO_CHILDREN", "no_children"),
    ("workflows.child_mediation.services.cases", "NOT_PROPOSED", "case_not_proposed"),
    ("workflows.child_mediation.services.cases", "NOT_WAITING", "case_not_waiting"),
    ("workflows.child_mediation.services.cases", "ALREADY_FINISHED", "case_finished"),
    ("workflows.child_mediation.services.cases", "CLOSURE_NEEDS_NOTE", "note_required"),
    ("workflows.child_mediation.services.cases", "REGISTERED_IN_FUTURE", "date_in_future"),
    ("workflows.child_mediation.services.conferences", "SHORTLIST_SIZE_INVALID", "shortlist_size_invalid"),
    ("workflows.child_mediation.services.conferences", "CONFERENCE_NEEDS_RANKING", "ranking_required"),
    ("workflows.child_mediation.services.conferences", "CONFERENCE_CASE_NOT_SEARCHING", "case_not_searching"),
    ("workflows.child_mediation.services.conferences", "CONFERENCE_NEEDS_PARTICIPANTS", "participants_required"),
    ("workflows.child_mediation.services.conferences", "RANKING_OTHER_CASE", "ranking_of_other_case"),
    ("workflows.child_mediation.services.conferences", "ORDER_EMPTY", "approach_order_empty"),
    ("workflows.child_mediation.services.conferences", "ORDER_NOT_IN_SHORTLIST", "approach_order_not_in_shortlist"),
    ("workflows.child_mediation.services.conferences", "ORDER_DUPLICATE", "approach_order_duplicate"),
    ("workflows.child_mediation.services.conferences", "MINUTES_FIELD_REQUIRED", "required"),
    ("workflows.child_mediation.services.conferences", "NOT_LATEST_VERSION", "minutes_not_latest_signed"),
    ("workflows.child_mediation.services.approaches", "APPROACH_ALREADY_ACTIVE", "approach_already_active"),
    ("workflows.child_mediation.services.approaches", "NO_SIGNED_MINUTES", "signed_minutes_required"),
    ("workflows.child_mediation.services.approaches", "CASE_NOT_SEARCHING", "case_not_searching"),
    ("workflows.child_mediation.services.approaches", "NOT_OPEN", "approach_not_open"),
    ("workflows.child_mediation.services.approaches", "FAILED_MATCH_NEEDS_REASON", "reason_required"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_ONLY_ONCE", "extension_only_once"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_TOO_LONG", "extension_too_long"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_TOO_SHORT", "extension_too_short"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_AFTER_DEADLINE", "deadline_passed"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_NEEDS_REASON", "reason_required"),
    ("workflows.child_mediation.services.approaches", "NOTICE_IN_FUTURE", "date_in_future"),
    ("matching.services", "CASE_NOT_RANKABLE", "case_not_rankable"),
    ("matching.services", "CASE_WITHOUT_CHILDREN", "no_children"),
    ("matching.models", "WEIGHTS_ALL_ZERO", "weights_all_zero"),
]


def _code_for(message: str, fallback: str) -> str:
    from importlib import import_module

    for module_name, constant, code in _ERROR_CODES:
        try:
            value = getattr(import_module(module_name), constant, None)
        except ImportError:
            continue
        if value is not None and str(value) == message:
            return code
    return fallback or "invalid"


def _details(errors) -> list[ErrorDetail]:
    out = []
    for error in errors:
        message = str(error.message % error.params) if error.params else str(error.message)
        out.append(ErrorDetail(message, code=_code_for(message, error.code)))
    return out


def api_validation_error(exc: DjangoValidationError) -> ValidationError:
    """A service's Django ValidationError as a DRF one (400 problem; ``__all__`` becomes non_field_errors)."""
    if hasattr(exc, "error_dict"):
        detail = {
            ("non_field_errors" if field == "__all__" else field): _details(errors)
            for field, errors in exc.error_dict.items()
        }
    else:
        detail = {"non_field_errors": _details(exc.error_list)}
    return ValidationError(detail)


@contextmanager
def service_errors():
    """Run a service; its ValidationError becomes a 400 problem with field errors and stable codes."""
    try:
        yield
    except DjangoValidationError as exc:
        raise api_validation_error(exc) from exc


# --- representations ---------------------------------------------------------------------------------------------
class CaseRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(help_text=_("Anonymní značka případu / Anonymous case reference."))


class AnonymousChildSerializer(serializers.Serializer):
    """What anyone permitted may know of a child: no name, no date of birth, no notes."""

    age = serializers.IntegerField(help_text=_("Věk v letech / Age in years."))
    sex = serializers.ChoiceField(choices=Sex.choices)
    legal_status = serializers.ChoiceField(choices=LegalStatus.choices)
    health_needs = serializers.ListField(child=serializers.ChoiceField(choices=HealthNeed.choices))
    ethnicity = serializers.ChoiceField(
        choices=Ethnicity.choices, allow_null=True, help_text=_("Jen je-li uvedeno / Only where recorded.")
    )


class ChildIdentitySerializer(serializers.Serializer):
    """Identity of a child: only for the officers of the child's region and the child's OSPOD."""

    id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    date_of_birth = serializers.DateField()
    health_notes = serializers.CharField(allow_blank=True)


class ChildCaseOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(help_text=_("Anonymní značka / Anonymous reference, e.g. JMK-2026-0007."))
    access = serializers.ChoiceField(
        choices=Access.CHOICES, help_text=_("Co smí čtenář vidět / What the reader may see.")
    )
    status = serializers.ChoiceField(choices=ChildCaseStatus.choices)
    region = RegionRefSerializer()
    orp = OrpRefSerializer(
        allow_null=True, help_text=_("ORP dítěte; anonymně null / The child's ORP; null if anonymised.")
    )
    care_types_sought = serializers.ListField(child=serializers.ChoiceField(choices=CareType.choices))
    contact_plan = serializers.ChoiceField(choices=ContactLevel.choices)
    birth_family_orp = OrpRefSerializer(
        allow_null=True, help_text=_("Bydliště biologické rodiny / Where the birth family lives (not anonymised).")
    )
    proposed_at = serializers.DateTimeField()
    registered_on = serializers.DateField(allow_null=True, help_text=_("Zařazení do evidence / Entered the register."))
    days_waiting = serializers.IntegerField(allow_null=True, help_text=_("Dní v evidenci / Days in the register."))
    siblings_together = serializers.BooleanField(help_text=_("Sourozenci umisťováni společně / Siblings together."))
    children = AnonymousChildSerializer(many=True, help_text=_("Anonymizovaný profil dětí / Anonymised profile."))
    identity = ChildIdentitySerializer(
        many=True,
        allow_null=True,
        help_text=_("Totožnost dětí; jen kraj dítěte a OSPOD dítěte, jinak null / Identity; null if anonymised."),
    )
    wishes = serializers.CharField(
        allow_null=True, allow_blank=True, help_text=_("Přání dítěte jeho slovy / The child's wishes in own words.")
    )
    wishes_how_heard = serializers.CharField(allow_null=True, allow_blank=True)
    siblings_separation_reason = serializers.CharField(allow_null=True, allow_blank=True)
    notes = serializers.CharField(allow_null=True, allow_blank=True)
    national_since = serializers.DateField(allow_null=True, help_text=_("Celostátní hledání od / National search."))
    intercountry_flagged_on = serializers.DateField(allow_null=True, help_text=_("Nabídnuto ÚMPOD / Offered ÚMPOD."))
    closure_reason = serializers.ChoiceField(choices=ClosureReason.choices, allow_null=True)
    closed_on = serializers.DateField(allow_null=True)


def _flags(case: ChildCase):
    try:
        return case.flags
    except ChildCase.flags.RelatedObjectDoesNotExist:
        return None


def case_representation(case: ChildCase, access: str, *, today=None) -> dict:
    """The case as this reader may see it. Anonymised: no ORP, names, dates of birth, words or notes."""
    today = today or timezone.localdate()
    children = list(case.children.all())
    identity = access in Access.WITH_IDENTITY
    flags = _flags(case)
    return {
        "id": case.pk,
        "reference": case.reference,
        "access": access,
        "status": case.status,
        "region": case.region,
        "orp": case.orp if identity else None,
        "care_types_sought": list(case.care_types_sought),
        "contact_plan": case.contact_plan,
        "birth_family_orp": case.birth_family_orp if identity else None,
        "proposed_at": case.proposed_at,
        "registered_on": case.registered_on,
        "days_waiting": selectors.days_waiting(case, today),
        "siblings_together": len(children) > 1 and not case.siblings_separation_reason,
        "children": [
            {
                "age": child.age_on(today),
                "sex": child.sex,
                "legal_status": child.legal_status,
                "health_needs": list(child.health_needs),
                "ethnicity": child.ethnicity or None,
            }
            for child in children
        ],
        "identity": children if identity else None,
        # Outside the region even the child's own words stay home: they may name people or places.
        "wishes": case.wishes if identity else None,
        "wishes_how_heard": case.wishes_how_heard if identity else None,
        "siblings_separation_reason": case.siblings_separation_reason if identity else None,
        "notes": case.notes if identity else None,
        "national_since": flags.national_since if flags else None,
        "intercountry_flagged_on": flags.intercountry_flagged_on if flags and identity else None,
        "closure_reason": (flags.closure_reason or None) if flags and identity else None,
        "closed_on": flags.closed_on if flags and identity else None,
    }


def case_data(case: ChildCase, access: str) -> dict:
    return ChildCaseOutputSerializer(case_representation(case, access)).data


def _officer_case(request, pk: int) -> ChildCase:
    """A case the user manages (officer of its region), else 404."""
    return selectors.case_get_for_officer(officer=request.user, case_id=pk)


# --- children register ---------------------------------------------------------------------------------------------
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

    def filter_care_type(self, queryset, name, value):
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
class ChildCaseListApi(ScopedListApi):
    """Evidence dětí v rozsahu uživatele; OSPOD navrhuje dítě. / The children register in the user's scope."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ChildProposal"

        orp = serializers.PrimaryKeyRelatedField(
            queryset=Orp.objects.all(), help_text=_("ORP dítěte (vaše ORP) / The child's ORP (yours).")
        )
        care_types_sought = serializers.ListField(
            child=serializers.ChoiceField(choices=CareType.choices), min_length=1, max_length=len(CareType.choices)
        )
        children = ChildProposalChildSerializer(many=True, min_length=1, max_length=10)
        contact_plan = serializers.ChoiceField(choices=ContactLevel.choices, default=ContactLevel.NONE)
        birth_family_orp = serializers.PrimaryKeyRelatedField(
            queryset=Orp.objects.all(), required=False, allow_null=True
        )
        wishes = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        wishes_how_heard = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        siblings_separation_reason = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        notes = serializers.CharField(max_length=4000, required=False, allow_blank=True)

    OutputSerializer = ChildCaseOutputSerializer
    filterset_class = ChildCaseFilter
    ordering_fields = ["id", "reference", "proposed_at", "registered_on", "status"]
    ordering = ["registered_on", "proposed_at", "id"]

    def get_permissions(self):
        if self.request.method == "POST":
            return [IsAuthenticated(), HasAnyRole(Role.OSPOD)()]
        return [permission() for permission in REGISTER_READERS]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ChildCase.objects.none()
        user = self.request.user
        scopes = []
        if user.has_role(Role.OFFICER):
            scopes.append(selectors.case_list_for_officer(officer=user, flag="all"))
        if user.has_role(Role.OSPOD):
            scopes.append(selectors.case_list_for_ospod(ospod=user))
        if not scopes:
            return ChildCase.objects.none()
        queryset = scopes[0]
        for other in scopes[1:]:
            queryset = queryset | other
        return queryset

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        today = timezone.localdate()
        rows = [
            ChildCaseOutputSerializer(
                case_representation(case, permissions.access_for(request.user, case), today=today)
            ).data
            for case in page
        ]
        return self.get_paginated_response(rows)

    @extend_schema(
        summary="Evidence dětí / Children register",
        description="Krajský úřad: děti svého kraje s totožností; OSPOD: děti své ORP jen ke čtení; ostatní 403. / "
        "Regional officers: their region's cases with identity; OSPOD: own ORP's cases read-only; others 403.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Návrh dítěte OSPOD / OSPOD proposes a child",
        description="OSPOD ORP dítěte navrhuje dítě (nebo sourozeneckou skupinu) ke zprostředkování; spouští proces. "
        "/ The OSPOD of the child's ORP proposes a child or sibling group; starts the ChildMediation process.",
        request=InputSerializer,
        responses={201: ChildCaseOutputSerializer},
        filters=False,
    )
    def post(self, request, *args, **kwargs):
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if not permissions.may_propose_for_orp(request.user, data["orp"]):
            raise ValidationError({"orp": [ErrorDetail(str(MSG_ORP_NOT_YOURS), code="orp_not_yours")]})
        children = [
            {"health_needs": [], "health_notes": "", "ethnicity": "", **child} for child in data.pop("children")
        ]
        with service_errors():
            case = services.case_propose(proposed_by=request.user, children=children, **data)
        case = selectors.case_get_for_user(user=request.user, case_id=case.pk)[0]
        return Response(case_data(case, permissions.Access.OSPOD), status=status.HTTP_201_CREATED)


@extend_schema(tags=["children"])
class ChildCaseDetailApi(ApiView):
    """Spis dítěte, jak jej smí vidět čtenář; čtení se zapisuje do auditu. / The case file as the reader may see it."""

    permission_classes = REGISTER_READERS

    @extend_schema(
        summary="Spis dítěte / A child's case",
        description="Totožnost jen pro pracovníky kraje dítěte a OSPOD dítěte; pracovník jiného kraje vidí "
        "anonymizovaný profil dítěte v celostátním hledání; jinak 404. Čtení se audituje. / Identity only for the "
        "region's officers and the child's OSPOD; other regions' officers see the anonymised profile of children in "
        "the national search; otherwise 404. Audited.",
        responses={200: ChildCaseOutputSerializer},
    )
    def get(self, request, pk):
        case, access = selectors.case_get_for_user(user=request.user, case_id=pk)
        audit_read(
            actor=request.user,
            obj=case,
            request=request,
            region=case.region,
            view="anonymised" if access == permissions.Access.ANONYMOUS else access,
            channel="api",
        )
        return Response(case_data(case, access))


@extend_schema(tags=["children"])
class ChildCaseRegisterApi(ApiView):
    """Zařazení dítěte do evidence dětí (krajský úřad). / Enter the child in the children register."""

    permission_classes = OFFICER_ONLY

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ChildCaseRegister"

        registered_on = serializers.DateField(required=False, help_text=_("Den zařazení (dnes) / Day (today)."))

    @extend_schema(
        summary="Zařadit do evidence dětí / Enter in the children register",
        request=InputSerializer,
        responses={200: ChildCaseOutputSerializer},
    )
    def post(self, request, pk):
        case = _officer_case(request, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            services.case_register(case=case, officer=request.user, **serializer.validated_data)
        return Response(case_data(_officer_case(request, pk), permissions.Access.MANAGE))


@extend_schema(tags=["children"])
class ChildCaseCloseApi(ApiView):
    """Uzavření případu bez svěření (návrat domů, zletilost, jiné řešení). / Close a case without placement."""

    permission_classes = OFFICER_ONLY

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ChildCaseClose"

        closure_reason = serializers.ChoiceField(choices=ClosureReason.choices)
        note = serializers.CharField(max_length=4000, help_text=_("Zdůvodnění / Reasons."))
        closed_on = serializers.DateField(required=False)

    @extend_schema(
        summary="Uzavřít případ / Close the case",
        description="Ruší otevřená oslovení a ukončuje proces. / Cancels open approaches and ends the process.",
        request=InputSerializer,
        responses={200: ChildCaseOutputSerializer},
    )
    def post(self, request, pk):
        case = _officer_case(request, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            data = dict(serializer.validated_data)
            services.case_close(case=case, officer=request.user, reason=data.pop("closure_reason"), **data)
        return Response(case_data(_officer_case(request, pk), permissions.Access.MANAGE))


@extend_schema(tags=["children"])
class ChildCaseEscalateApi(ApiView):
    """Předání do celostátního hledání (MPSV, jiné kraje). / Hand the case to the national search."""

    permission_classes = OFFICER_ONLY

    @extend_schema(
        summary="Předat do celostátního hledání / Escalate to the national search",
        description="Jen dítě v evidenci, pro které se hledá rodina; OSPOD dítěte dostane upozornění. Jiné kraje pak "
        "vidí anonymizovaný profil. / Only a waiting child; the child's OSPOD is reminded; other regions then see "
        "the anonymised profile.",
        request=None,
        responses={200: ChildCaseOutputSerializer},
    )
    def post(self, request, pk):
        case = _officer_case(request, pk)
        with service_errors():
            services.case_escalate_national(case=case, actor=request.user)
        return Response(case_data(_officer_case(request, pk), permissions.Access.MANAGE))


# --- case conferences ----------------------------------------------------------------------------------------------
class ParticipantSerializer(serializers.Serializer):
    # Not "role": that name belongs to the user roles (RoleEnum) in the schema.
    participant_role = serializers.ChoiceField(choices=ParticipantRole.choices, source="role")
    name = serializers.CharField(max_length=200, help_text=_("Jméno a instituce / Name and institution."))


class ShortlistRowSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    entry_id = serializers.IntegerField(help_text=_("Záznam v evidenci žadatelů / Applicant register entry."))
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField(), help_text=_("Důvody česky / Reasons (Czech)."))
    contributions = serializers.DictField(child=serializers.FloatField(), help_text=_("Příspěvky kritérií."))


class MinutesSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    signed_off_at = serializers.DateTimeField(allow_null=True)


class ConferenceOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    case = CaseRefSerializer()
    scheduled_at = serializers.DateTimeField(help_text=_("Termín konání / Date and time."))
    status = serializers.ChoiceField(choices=ConferenceStatus.choices)
    shortlist_size = serializers.IntegerField()
    ranking_id = serializers.IntegerField(allow_null=True, help_text=_("Uložené pořadí / Stored ranking."))
    national = serializers.BooleanField()
    participants = ParticipantSerializer(many=True)
    shortlist = ShortlistRowSerializer(many=True, help_text=_("Užší výběr s důvody / Shortlist with reasons."))
    minutes = MinutesSummarySerializer(many=True, help_text=_("Verze zápisu, nejnovější první / Minutes versions."))
    prepared_by = UserRefSerializer()
    created_at = serializers.DateTimeField()


def conference_data(conference: CaseConference) -> dict:
    return ConferenceOutputSerializer(
        {
            "id": conference.pk,
            "case": conference.case,
            "scheduled_at": conference.scheduled_at,
            "status": conference.status,
            "shortlist_size": conference.shortlist_size,
            "ranking_id": conference.ranking_id,
            "national": conference.national,
            "participants": list(conference.participants.all()),
            "shortlist": [
                {
                    "rank": row.get("rank", index),
                    "entry_id": row["entry_id"],
                    "score": row.get("score", 0),
                    "reasons": [str(r) for r in row.get("reasons", [])],
                    "contributions": row.get("contributions", {}),
                }
                for index, row in enumerate(conference.shortlist, start=1)
            ],
            "minutes": list(conference.minutes.order_by("-version")),
            "prepared_by": conference.prepared_by,
            "created_at": conference.created_at,
        }
    ).data


@extend_schema(tags=["conferences"])
class ConferenceListApi(ScopedListApi):
    """Případové konference dítěte; příprava nové. / The child's case conferences; prepare a new one."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ConferencePrepare"

        scheduled_at = serializers.DateTimeField()
        shortlist_size = serializers.IntegerField(min_value=1, max_value=20, default=5)
        ranking_id = serializers.IntegerField(
            min_value=1,
            max_value=2**31 - 1,
            required=False,
            help_text=_("Uložené pořadí; bez něj poslední / Stored ranking; default the latest."),
        )
        participants = ParticipantSerializer(many=True, min_length=1, max_length=30)

    OutputSerializer = ConferenceOutputSerializer
    permission_classes = OFFICER_ONLY
    ordering_fields = ["id", "scheduled_at", "created_at"]
    ordering = ["-scheduled_at", "-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CaseConference.objects.none()
        case = _officer_case(self.request, self.kwargs["pk"])
        return CaseConference.objects.filter(case=case).select_related("case", "prepared_by")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response([conference_data(conference) for conference in page])

    @extend_schema(summary="Případové konference dítěte / The child's case conferences")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Připravit případovou konferenci / Prepare a case conference",
        description="Termín, účastníci a užší výběr z uloženého pořadí rodin. / Date, participants and the shortlist "
        "taken from a stored ranking.",
        request=InputSerializer,
        responses={201: ConferenceOutputSerializer},
        filters=False,
    )
    def post(self, request, pk):
        case = _officer_case(request, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "ranking_id" in data:
            from matching.selectors import ranking_get_for_user

            ranking = ranking_get_for_user(user=request.user, ranking_id=data["ranking_id"])
            if ranking is None:
                raise ValidationError({"ranking_id": [ErrorDetail(str(_("Pořadí nenalezeno.")), code="not_found")]})
        else:
            ranking = selectors.latest_ranking(user=request.user, case=case)
        with service_errors():
            conference = services.conference_prepare(
                case=case,
                officer=request.user,
                scheduled_at=data["scheduled_at"],
                shortlist_size=data["shortlist_size"],
                participants=[(p["role"], p["name"]) for p in data["participants"]],  # source="role"
                ranking=ranking,
            )
        return Response(conference_data(conference), status=status.HTTP_201_CREATED)


@extend_schema(tags=["conferences"])
class ConferenceDetailApi(ApiView):
    """Jedna konference (účastníci, užší výběr, verze zápisu); čtení se audituje. / One conference; audited."""

    permission_classes = OFFICER_ONLY

    @extend_schema(summary="Případová konference / Case conference", responses={200: ConferenceOutputSerializer})
    def get(self, request, pk):
        conference = selectors.conference_get_for_officer(officer=request.user, conference_id=pk)
        case = conference.case
        audit_read(actor=request.user, obj=conference, request=request, region=case.region, channel="api")
        return Response(conference_data(conference))


# --- minutes -------------------------------------------------------------------------------------------------------
class MinutesOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    conference_id = serializers.IntegerField()
    version = serializers.IntegerField()
    attendance = serializers.CharField(help_text=_("Přítomni / Attendance."))
    discussion = serializers.CharField(help_text=_("Shrnutí diskuse / Discussion."))
    wishes_considered = serializers.CharField(help_text=_("Jak byla zohledněna přání dítěte / The child's wishes."))
    approach_order = serializers.ListField(
        child=serializers.IntegerField(), help_text=_("Pořadí rodin k oslovení / Families to approach, in order.")
    )
    reasoning = serializers.CharField(help_text=_("Zdůvodnění pořadí / Reasoning."))
    created_by = UserRefSerializer()
    created_at = serializers.DateTimeField()
    signed_off_by = UserRefSerializer(allow_null=True)
    signed_off_at = serializers.DateTimeField(allow_null=True, help_text=_("Podepsáno; pak jen ke čtení / Signed."))


class MinutesDraftOutputSerializer(serializers.Serializer):
    conference_id = serializers.IntegerField()
    latest = MinutesOutputSerializer(
        allow_null=True, help_text=_("Poslední verze zápisu, nebo null / The latest version, or null.")
    )


def minutes_data(minutes: ConferenceMinutes) -> dict:
    return MinutesOutputSerializer(minutes).data


def minutes_draft_data(conference: CaseConference) -> dict:
    latest = conference.minutes.select_related("created_by", "signed_off_by").order_by("-version").first()
    return MinutesDraftOutputSerializer({"conference_id": conference.pk, "latest": latest}).data


@extend_schema(tags=["conferences"])
class ConferenceMinutesApi(ETagMixin, ApiView):
    """Rozpracovaný zápis konference: čtení s ETag, zápis s If-Match. / The draft minutes, written with If-Match."""

    permission_classes = OFFICER_ONLY

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "MinutesSave"

        attendance = serializers.CharField(max_length=4000)
        discussion = serializers.CharField(max_length=20000)
        wishes_considered = serializers.CharField(max_length=4000)
        approach_order = serializers.ListField(
            child=serializers.IntegerField(min_value=1, max_value=2**31 - 1), min_length=1, max_length=20
        )
        reasoning = serializers.CharField(max_length=20000)

    @extend_schema(
        summary="Zápis konference (poslední verze) / Conference minutes (latest version)",
        responses={200: MinutesDraftOutputSerializer},
        parameters=[ETAG_HEADER],
    )
    def get(self, request, pk):
        conference = selectors.conference_get_for_officer(officer=request.user, conference_id=pk)
        audit_read(actor=request.user, obj=conference, request=request, region=conference.case.region, view="minutes")
        return self.etag_response(minutes_draft_data(conference))

    @extend_schema(
        summary="Uložit rozpracovaný zápis / Save the draft minutes",
        description="Vyžaduje If-Match s ETag z GET (bez něj 428, zastaralý 412). Podepsaný zápis nelze měnit. / "
        "Requires If-Match with the ETag from GET (428 without, 412 when stale). Signed minutes are read-only.",
        request=InputSerializer,
        responses={200: MinutesDraftOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def put(self, request, pk):
        conference = selectors.conference_get_for_officer(officer=request.user, conference_id=pk)
        lock_case(conference.case)  # a concurrent writer waits here, then sees the new ETag
        check_if_match(request, minutes_draft_data(conference))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            services.minutes_save(conference=conference, author=request.user, **serializer.validated_data)
        return self.etag_response(minutes_draft_data(conference))


class MinutesObjectMixin(ScopedObjectMixin):
    def select_object(self, *, user, pk):
        return selectors.minutes_get_for_officer(officer=user, minutes_id=pk)


@extend_schema(tags=["conferences"])
class MinutesDetailApi(ETagMixin, MinutesObjectMixin, ApiView):
    """Jedna verze zápisu. / One version of the minutes."""

    permission_classes = OFFICER_ONLY

    @extend_schema(
        summary="Verze zápisu / Minutes version", responses={200: MinutesOutputSerializer}, parameters=[ETAG_HEADER]
    )
    def get(self, request, pk):
        minutes = self.get_scoped_object()
        audit_read(
            actor=request.user, obj=minutes, request=request, region=minutes.conference.case.region, channel="api"
        )
        return self.etag_response(minutes_data(minutes))


@extend_schema(tags=["conferences"])
class MinutesSignOffApi(ETagMixin, MinutesObjectMixin, ApiView):
    """Podpis zápisu: poté jen ke čtení, konference proběhla. / Sign the minutes off: read-only from then on."""

    permission_classes = OFFICER_ONLY

    @extend_schema(
        summary="Podepsat zápis / Sign the minutes off",
        description="If-Match s ETag verze zápisu (GET /minutes/{id}/): podepisuje se přesně přečtené znění. / "
        "If-Match with the ETag of this version: you sign exactly what you read.",
        request=None,
        responses={200: MinutesOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def post(self, request, pk):
        minutes = self.get_scoped_object()
        lock_case(minutes.conference.case)
        minutes = ConferenceMinutes.objects.select_related("created_by", "signed_off_by").get(pk=minutes.pk)
        check_if_match(request, minutes_data(minutes))
        with service_errors():
            minutes = services.minutes_sign_off(minutes=minutes, officer=request.user)
        return self.etag_response(minutes_data(minutes))


@extend_schema(tags=["conferences"])
class MinutesCorrectionApi(MinutesObjectMixin, ApiView):
    """Oprava podepsaného zápisu: nová rozpracovaná verze. / A correction: a new draft version."""

    permission_classes = OFFICER_ONLY

    @extend_schema(
        summary="Založit opravu zápisu / Start a corrected version",
        request=None,
        responses={201: MinutesOutputSerializer},
    )
    def post(self, request, pk):
        minutes = self.get_scoped_object()
        with service_errors():
            correction = services.minutes_new_version(minutes=minutes, author=request.user)
        return Response(minutes_data(correction), status=status.HTTP_201_CREATED)


# --- approaches (§24(2), §24(3)) -----------------------------------------------------------------------------------
class ApproachOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    case = CaseRefSerializer()
    entry_id = serializers.IntegerField(help_text=_("Oslovená rodina (evidence žadatelů) / Approached family."))
    entry_region = RegionRefSerializer(source="entry.region")
    minutes_id = serializers.IntegerField(allow_null=True)
    position = serializers.IntegerField(help_text=_("Pořadí ze zápisu / Position in the conference's order."))
    status = serializers.ChoiceField(choices=ApproachStatus.choices)
    notified_on = serializers.DateField(help_text=_("Písemně vyrozuměno (§24/2) / Written notice."))
    deadline = serializers.DateField(help_text=_("Lhůta k podání návrhu soudu (§24/3) / Court-request deadline."))
    extended_by_days = serializers.IntegerField(help_text=_("Prodlouženo o dní (nejvýše jednou) / Extended once."))
    extended_on = serializers.DateField(allow_null=True)
    extension_reason = serializers.CharField(allow_blank=True)
    answered_on = serializers.DateField(allow_null=True)
    reason = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()


def approach_data(approach: Approach) -> dict:
    return ApproachOutputSerializer(approach).data


def _approach_queryset():
    return Approach.objects.select_related("case", "entry__region")


class ApproachObjectMixin(ScopedObjectMixin):
    def select_object(self, *, user, pk):
        return selectors.approach_get_for_officer(officer=user, approach_id=pk)

    def locked_approach(self) -> Approach:
        """Scope check (404), then the case and the approach locked, so the ETag is compared with the truth."""
        approach = self.get_scoped_object()
        lock_case(approach.case)
        return _approach_queryset().select_for_update(of=("self",)).get(pk=approach.pk)


@extend_schema(tags=["approaches"])
class ApproachListApi(ScopedListApi):
    """Oslovení rodin pro dítě; oslovení další rodiny ze zápisu. / Approaches for the child; approach the next."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ApproachStart"

        notified_on = serializers.DateField(required=False, help_text=_("Den písemného vyrozumění / Notice date."))

    OutputSerializer = ApproachOutputSerializer
    permission_classes = OFFICER_ONLY
    ordering_fields = ["id", "position", "notified_on", "deadline"]
    ordering = ["id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Approach.objects.none()
        case = _officer_case(self.request, self.kwargs["pk"])
        return _approach_queryset().filter(case=case)

    @extend_schema(summary="Oslovení rodin pro dítě / Approaches for the child")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Oslovit další rodinu ze zápisu / Approach the next family of the signed minutes",
        description="Písemné vyrozumění (§24/2); lhůta 30 dní k podání návrhu soudu. / Written notice (§24(2)); "
        "30 days to ask the court.",
        request=InputSerializer,
        responses={201: ApproachOutputSerializer},
        filters=False,
    )
    def post(self, request, pk):
        case = _officer_case(request, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            approach = services.approach_start_next(case=case, officer=request.user, **serializer.validated_data)
        if approach is None:
            raise ValidationError({"non_field_errors": [ErrorDetail(str(MSG_LIST_EXHAUSTED), code="list_exhausted")]})
        return Response(approach_data(_approach_queryset().get(pk=approach.pk)), status=status.HTTP_201_CREATED)


@extend_schema(tags=["approaches"])
class ApproachDetailApi(ETagMixin, ApproachObjectMixin, ApiView):
    """Jedno oslovení s ETag pro zápis odpovědi nebo prodloužení. / One approach, with the ETag for writes."""

    permission_classes = OFFICER_ONLY

    @extend_schema(
        summary="Oslovení rodiny / Approach", responses={200: ApproachOutputSerializer}, parameters=[ETAG_HEADER]
    )
    def get(self, request, pk):
        approach = self.get_scoped_object()
        return self.etag_response(approach_data(_approach_queryset().get(pk=approach.pk)))


class ApproachAnswerOutputSerializer(serializers.Serializer):
    approach = ApproachOutputSerializer()
    next_approach = ApproachOutputSerializer(
        allow_null=True, help_text=_("Po odmítnutí oslovená další rodina / The next family after a decline.")
    )


@extend_schema(tags=["approaches"])
class ApproachAnswerApi(ApproachObjectMixin, ApiView):
    """Odpověď rodiny: přijetí (návrh soudu), nebo odmítnutí (nezdařené párování, další rodina)."""

    permission_classes = OFFICER_ONLY

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ApproachAnswer"

        accepted = serializers.BooleanField(help_text=_("Rodina přijala / The family accepted."))
        reason = serializers.CharField(
            max_length=4000, required=False, allow_blank=True, help_text=_("U odmítnutí povinné / Required on decline.")
        )
        answered_on = serializers.DateField(required=False)

    @extend_schema(
        summary="Zaznamenat odpověď rodiny / Record the family's answer",
        description="If-Match s ETag oslovení (GET /approaches/{id}/), jinak 428; zastaralý 412 a nic se nezmění. "
        "Odmítnutí uzavře oslovení jako nezdařené párování a osloví další rodinu ze zápisu. / If-Match with the "
        "approach's ETag (428 without, 412 when stale, nothing changes). A decline closes it as a failed match and "
        "approaches the next family on the signed list.",
        request=InputSerializer,
        responses={200: ApproachAnswerOutputSerializer},
        parameters=[IF_MATCH_HEADER],
    )
    def post(self, request, pk):
        approach = self.locked_approach()
        check_if_match(request, approach_data(approach))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            following = services.approach_record_answer(
                approach=approach, actor=request.user, **serializer.validated_data
            )
        body = {
            "approach": _approach_queryset().get(pk=approach.pk),
            "next_approach": _approach_queryset().get(pk=following.pk) if following else None,
        }
        return Response(ApproachAnswerOutputSerializer(body).data)


@extend_schema(tags=["approaches"])
class ApproachExtensionApi(ETagMixin, ApproachObjectMixin, ApiView):
    """§24(3): prodloužení lhůty k podání návrhu soudu jednou, nejvýše o 30 dní. / Extend once, ≤ 30 days."""

    permission_classes = OFFICER_ONLY

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "ApproachExtension"

        days = serializers.IntegerField(min_value=1, max_value=30, help_text=_("O kolik dní (1–30) / Days (1–30)."))
        reason = serializers.CharField(max_length=4000, help_text=_("Důvod prodloužení / Reason."))

    @extend_schema(
        summary="Prodloužit lhůtu (jednou) / Extend the deadline (once)",
        description="If-Match s ETag oslovení; druhé prodloužení odmítne 400 extension_only_once. / If-Match with "
        "the approach's ETag; a second extension is refused (400 extension_only_once).",
        request=InputSerializer,
        responses={200: ApproachOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def post(self, request, pk):
        approach = self.locked_approach()
        check_if_match(request, approach_data(approach))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            services.approach_extend(approach=approach, officer=request.user, **serializer.validated_data)
        return self.etag_response(approach_data(_approach_queryset().get(pk=approach.pk)))

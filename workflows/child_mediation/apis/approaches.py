"""Approaches to families (§24: SELECTION, SELECTION_NOTICE_30_DAYS, SELECTION_EXTENSION):
/api/v1/children/{id}/approaches/ and /api/v1/approaches/{id}/."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from nrp import law
from nrp.api.apis.refs import RegionRefSerializer
from nrp.api.concurrency import ETAG_HEADER, IF_MATCH_HEADER, ETagMixin, check_if_match
from nrp.api.permissions import PolicyPermission
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedListApi, ScopedObjectMixin
from nrp.core.models import User
from workflows.child_mediation import permissions, scoped, services
from workflows.child_mediation.apis.common import (
    CaseRefSerializer,
    InputMixin,
    OutputModelSerializer,
    call_service,
    officer_case,
    refuse,
)
from workflows.child_mediation.models import Approach
from workflows.child_mediation.scoped import user_of
from workflows.child_mediation.services.common import lock_case

MSG_LIST_EXHAUSTED = _("Všechny rodiny ze zápisu konference už byly osloveny; připravte novou konferenci.")


class ApproachOutputSerializer(OutputModelSerializer):
    case = CaseRefSerializer()
    entry_id = serializers.IntegerField(help_text=_("Oslovená rodina (evidence žadatelů) / Approached family."))
    entry_region = RegionRefSerializer(source="entry.region")
    minutes_id = serializers.IntegerField(allow_null=True)

    class Meta:
        model = Approach
        fields = [
            "id",
            "case",
            "entry_id",
            "entry_region",
            "minutes_id",
            "position",
            "status",
            "notified_on",
            "deadline",
            "extended_by_days",
            "extended_on",
            "extension_reason",
            "answered_on",
            "reason",
            "created_at",
        ]
        extra_kwargs = {
            "position": {"help_text": _("Pořadí ze zápisu / Position in the conference's order.")},
            "notified_on": {
                "help_text": law.message(_("Písemně vyrozuměno (%(law)s) / Written notice."), law="SELECTION")
            },
            "deadline": {
                "help_text": law.message(
                    _("Lhůta k podání návrhu soudu (%(law)s) / Court-request deadline."), law="SELECTION_NOTICE_30_DAYS"
                )
            },
            "extended_by_days": {"help_text": _("Prodlouženo o dní (nejvýše jednou) / Extended once.")},
        }


class ApproachAnswerOutputSerializer(serializers.Serializer):
    approach = ApproachOutputSerializer()
    next_approach = ApproachOutputSerializer(
        allow_null=True, help_text=_("Po odmítnutí oslovená další rodina / The next family after a decline.")
    )


def approach_queryset() -> QuerySet[Approach]:
    return Approach.objects.select_related("case", "entry__region")


def approach_data(approach: Approach) -> dict[str, Any]:
    """The approach as stored now (re-read with what the representation needs)."""
    return ApproachOutputSerializer(approach_queryset().get(pk=approach.pk)).data


class ApproachObjectMixin(ScopedObjectMixin):
    def select_object(self, *, user: User, pk: int) -> Approach:
        return scoped.approach_for_officer(self.request, pk, channel="api")

    def locked_approach(self) -> Approach:
        """Scope check (404), then the case and the approach locked, so the ETag is compared with the truth."""
        approach = self.get_scoped_object()
        lock_case(approach.case)
        return approach_queryset().select_for_update(of=("self",)).get(pk=approach.pk)


class ApproachStartInput(StrictSerializer):
    class Meta:
        ref_name = "ApproachStart"

    notified_on = serializers.DateField(
        required=False,
        help_text=_(
            "Vyrozumění předáno osobně dne; bez něj se připraví návrh k odeslání / Handed over in person on this "
            "day; without it a draft notice is prepared for sending."
        ),
    )


@extend_schema(tags=["approaches"])
class ApproachListApi(InputMixin, ScopedListApi):
    """Oslovení rodin pro dítě; oslovení další rodiny ze zápisu. / Approaches for the child; approach the next."""

    InputSerializer = ApproachStartInput
    OutputSerializer = ApproachOutputSerializer
    permission_classes = [PolicyPermission]
    policy = {"POST": permissions.MANAGE_CONFERENCES, "*": permissions.READ_CONFERENCES}
    ordering_fields = ["id", "position", "notified_on", "deadline"]
    ordering = ["id"]

    def get_queryset(self) -> QuerySet[Approach]:
        if getattr(self, "swagger_fake_view", False):
            return Approach.objects.none()
        case = officer_case(self.request, self.kwargs["pk"])
        return approach_queryset().filter(case=case)

    @extend_schema(summary="Oslovení rodin pro dítě / Approaches for the child")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Oslovit další rodinu ze zápisu / Approach the next family of the signed minutes",
        description=f"Písemné vyrozumění ({law.cite('SELECTION', 'short')}); lhůta 30 dní k podání návrhu soudu "
        f"({law.cite('SELECTION_NOTICE_30_DAYS', 'short')}). / Written notice; 30 days to ask the court.",
        request=ApproachStartInput,
        responses={201: ApproachOutputSerializer},
        filters=False,
    )
    def post(self, request: Request, pk: int) -> Response:
        case = officer_case(request, pk)
        data = self.validated(request)
        # Without the day of a hand-over in person, a draft notice is prepared for sending (apis/notices.py).
        approach = call_service(
            services.approach_start_next, case=case, officer=user_of(request), draft="notified_on" not in data, **data
        )
        if approach is None:
            raise refuse("non_field_errors", MSG_LIST_EXHAUSTED, "list_exhausted")
        return Response(approach_data(approach), status=status.HTTP_201_CREATED)


@extend_schema(tags=["approaches"])
class ApproachDetailApi(ETagMixin, ApproachObjectMixin, ApiView):
    """Jedno oslovení s ETag pro zápis odpovědi nebo prodloužení. / One approach, with the ETag for writes."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_CONFERENCES

    @extend_schema(
        summary="Oslovení rodiny / Approach", responses={200: ApproachOutputSerializer}, parameters=[ETAG_HEADER]
    )
    def get(self, request: Request, pk: int) -> Response:
        return self.etag_response(approach_data(self.get_scoped_object()))


class ApproachAnswerInput(StrictSerializer):
    class Meta:
        ref_name = "ApproachAnswer"

    accepted = serializers.BooleanField(help_text=_("Rodina přijala / The family accepted."))
    reason = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, help_text=_("U odmítnutí povinné / Required on decline.")
    )
    answered_on = serializers.DateField(required=False)
    court = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text=_("Soud, u něhož rodina podala návrh / Court.")
    )
    filed_on = serializers.DateField(required=False, help_text=_("Návrh podán dne / Day the petition was filed."))


@extend_schema(tags=["approaches"])
class ApproachAnswerApi(InputMixin, ApproachObjectMixin, ApiView):
    """Odpověď rodiny: přijetí (návrh soudu), nebo odmítnutí (nezdařené párování, další rodina)."""

    InputSerializer = ApproachAnswerInput
    permission_classes = [PolicyPermission]
    policy = permissions.MANAGE_CONFERENCES

    @extend_schema(
        summary="Zaznamenat odpověď rodiny / Record the family's answer",
        description="If-Match s ETag oslovení (GET /approaches/{id}/), jinak 428; zastaralý 412 a nic se nezmění. "
        "Odmítnutí uzavře oslovení jako nezdařené párování a osloví další rodinu ze zápisu. / If-Match with the "
        "approach's ETag (428 without, 412 when stale, nothing changes). A decline closes it as a failed match and "
        "approaches the next family on the signed list.",
        request=ApproachAnswerInput,
        responses={200: ApproachAnswerOutputSerializer},
        parameters=[IF_MATCH_HEADER],
    )
    def post(self, request: Request, pk: int) -> Response:
        approach = self.locked_approach()
        check_if_match(request, approach_data(approach))
        data = self.validated(request)
        following = call_service(services.approach_record_answer, approach=approach, actor=user_of(request), **data)
        body = {
            "approach": approach_queryset().get(pk=approach.pk),
            "next_approach": approach_queryset().get(pk=following.pk) if following else None,
        }
        return Response(ApproachAnswerOutputSerializer(body).data)


class ApproachExtensionInput(StrictSerializer):
    class Meta:
        ref_name = "ApproachExtension"

    days = serializers.IntegerField(min_value=1, max_value=30, help_text=_("O kolik dní (1–30) / Days (1–30)."))
    reason = serializers.CharField(max_length=4000, help_text=_("Důvod prodloužení / Reason."))


@extend_schema(tags=["approaches"])
class ApproachExtensionApi(InputMixin, ETagMixin, ApproachObjectMixin, ApiView):
    """§24 (SELECTION_EXTENSION): prodloužení lhůty k podání návrhu soudu jednou, nejvýše o 30 dní. / Extend once."""

    InputSerializer = ApproachExtensionInput
    permission_classes = [PolicyPermission]
    policy = permissions.MANAGE_CONFERENCES

    @extend_schema(
        summary="Prodloužit lhůtu (jednou) / Extend the deadline (once)",
        description="If-Match s ETag oslovení; druhé prodloužení odmítne 400 extension_only_once. / If-Match with "
        "the approach's ETag; a second extension is refused (400 extension_only_once).",
        request=ApproachExtensionInput,
        responses={200: ApproachOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def post(self, request: Request, pk: int) -> Response:
        approach = self.locked_approach()
        check_if_match(request, approach_data(approach))
        data = self.validated(request)
        call_service(services.approach_extend, approach=approach, officer=user_of(request), **data)
        return self.etag_response(approach_data(approach))

"""The written notice of the §24 selection (SELECTION, SELECTION_NOTICE_30_DAYS, DELIVERY) and the family's own view:
/api/v1/approaches/{id}/notice/ (…/letter/, …/sending/, …/delivery/), /api/v1/approaches/{id}/meetings/, and for
the approached family /api/v1/my/approaches/ (…/{id}/, …/{id}/answer/)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from nrp import law
from nrp.api.permissions import PolicyPermission
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.web import out_of_scope
from workflows.child_mediation import permissions, scoped
from workflows.child_mediation.apis.common import InputMixin, OutputModelSerializer, call_service
from workflows.child_mediation.models_notices import (
    ApproachAnswer,
    ApproachMeeting,
    ApproachNotice,
    MeetingKind,
    NoticeChannel,
)
from workflows.child_mediation.services import family, notices


class NoticeOutputSerializer(OutputModelSerializer):
    approach_id = serializers.IntegerField()
    notified_on = serializers.DateField(source="approach.notified_on", allow_null=True)
    deadline = serializers.DateField(
        source="approach.deadline",
        allow_null=True,
        help_text=law.message(
            _("Lhůta k podání návrhu soudu, od doručení (%(law)s) / Deadline, from delivery."),
            law="SELECTION_NOTICE_30_DAYS",
        ),
    )

    class Meta:
        model = ApproachNotice
        fields = [
            "id",
            "approach_id",
            "status",
            "automatic",
            "prepared_by",
            "prepared_at",
            "channel",
            "sent_on",
            "sent_by",
            "sent_reference",
            "delivered_on",
            "notified_on",
            "deadline",
        ]


class MeetingOutputSerializer(OutputModelSerializer):
    class Meta:
        model = ApproachMeeting
        fields = ["id", "kind", "starts_at", "place", "note"]


class AnswerOutputSerializer(OutputModelSerializer):
    class Meta:
        model = ApproachAnswer
        fields = ["id", "accepted", "answered_on", "court", "filed_on", "reason", "by_family", "recorded_at"]


def notice_data(notice: ApproachNotice) -> dict[str, Any]:
    return NoticeOutputSerializer(ApproachNotice.objects.select_related("approach").get(pk=notice.pk)).data


class _OfficerApproach:
    def officer_notice(self, request: Request, pk: int) -> ApproachNotice:
        return notices.notice_for(scoped.approach_for_officer(request, pk, channel="api"))


@extend_schema(tags=["approaches"])
class NoticeDetailApi(_OfficerApproach, ApiView):
    """Písemné vyrozumění oslovené rodiny (§24). / The written notice of the approach."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_CONFERENCES

    @extend_schema(summary="Písemné vyrozumění / Written notice", responses={200: NoticeOutputSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(notice_data(self.officer_notice(request, pk)))


@extend_schema(tags=["approaches"])
class NoticeLetterApi(_OfficerApproach, ApiView):
    """Dopis vyrozumění jako PDF (se zákonným základem). / The notice letter as a PDF."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_CONFERENCES

    @extend_schema(
        summary="Dopis (PDF) / Letter (PDF)",
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        from workflows.child_mediation.pdf_notice import notice_pdf

        notice = self.officer_notice(request, pk)
        pdf = notice_pdf(notice)
        audit_record(
            actor=request.user,
            action=AuditAction.EXPORT,
            obj=notice,
            region=notice.approach.case.region,
            details={"case": notice.approach.case.reference, "document": "selection_notice", "channel": "api"},
        )
        return HttpResponse(pdf, content_type="application/pdf")


class NoticeSendInput(StrictSerializer):
    class Meta:
        ref_name = "NoticeSend"

    channel = serializers.ChoiceField(choices=NoticeChannel.choices)
    sent_on = serializers.DateField(help_text=_("Den odeslání (osobně: i doručení) / Day sent (in person: delivered)."))
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


@extend_schema(tags=["approaches"])
class NoticeSendApi(InputMixin, _OfficerApproach, ApiView):
    """Odeslání vyrozumění zaznamenaným způsobem. / Record how and when the notice was sent."""

    InputSerializer = NoticeSendInput
    permission_classes = [PolicyPermission]
    policy = permissions.MANAGE_CONFERENCES

    @extend_schema(
        summary="Vyrozumění odesláno / Notice sent",
        description="Datová schránka a pošta: lhůta běží až od doručení; osobní předání je i doručením. / Data box "
        "and post: the window starts on delivery; a hand-over in person is delivery too.",
        request=NoticeSendInput,
        responses={200: NoticeOutputSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        notice = self.officer_notice(request, pk)
        data = self.validated(request)
        call_service(notices.notice_send, notice=notice, officer=request.user, **data)
        return Response(notice_data(notice))


class NoticeDeliveryInput(StrictSerializer):
    class Meta:
        ref_name = "NoticeDelivery"

    delivered_on = serializers.DateField(help_text=_("Den doručení / Day of delivery."))


@extend_schema(tags=["approaches"])
class NoticeDeliveryApi(InputMixin, _OfficerApproach, ApiView):
    """Doručení vyrozumění: od něj běží 30denní lhůta. / Delivery: the 30-day window runs from it."""

    InputSerializer = NoticeDeliveryInput
    permission_classes = [PolicyPermission]
    policy = permissions.MANAGE_CONFERENCES

    @extend_schema(
        summary="Vyrozumění doručeno / Notice delivered",
        request=NoticeDeliveryInput,
        responses={200: NoticeOutputSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        notice = self.officer_notice(request, pk)
        data = self.validated(request)
        call_service(notices.notice_record_delivery, notice=notice, officer=request.user, **data)
        return Response(notice_data(notice))


class MeetingInput(StrictSerializer):
    class Meta:
        ref_name = "ApproachMeetingInput"

    kind = serializers.ChoiceField(choices=MeetingKind.choices)
    starts_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=200)
    note = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


@extend_schema(tags=["approaches"])
class MeetingListApi(InputMixin, ApiView):
    """Schůzky oslovené rodiny (seznámení se spisem, setkání s dítětem). / The family's meetings."""

    InputSerializer = MeetingInput
    permission_classes = [PolicyPermission]
    policy = {"POST": permissions.MANAGE_CONFERENCES, "*": permissions.READ_CONFERENCES}

    @extend_schema(summary="Schůzky / Meetings", responses={200: MeetingOutputSerializer(many=True)})
    def get(self, request: Request, pk: int) -> Response:
        approach = scoped.approach_for_officer(request, pk, channel="api")
        return Response(MeetingOutputSerializer(approach.meetings.all(), many=True).data)

    @extend_schema(
        summary="Naplánovat schůzku / Arrange a meeting",
        request=MeetingInput,
        responses={201: MeetingOutputSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        approach = scoped.approach_for_officer(request, pk, channel="api")
        data = self.validated(request)
        meeting = call_service(notices.meeting_add, approach=approach, officer=request.user, **data)
        return Response(MeetingOutputSerializer(meeting).data, status=status.HTTP_201_CREATED)


# --- the family's own view ------------------------------------------------------------------------------------------


class FamilyChildSerializer(serializers.Serializer):
    age = serializers.IntegerField()
    sex = serializers.CharField()
    health_needs = serializers.ListField(child=serializers.CharField())
    first_name = serializers.CharField(help_text=_("Po doručení / After delivery."))
    health_notes = serializers.CharField(help_text=_("Po doručení / After delivery."))


class FamilyApproachSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="approach.id")
    reference = serializers.CharField(source="profile.reference")
    status = serializers.CharField(source="approach.status")
    notice_status = serializers.CharField(source="notice.status")
    sent_on = serializers.DateField(source="notice.sent_on", allow_null=True)
    delivered_on = serializers.DateField(source="notice.delivered_on", allow_null=True)
    deadline = serializers.DateField(source="approach.deadline", allow_null=True)
    care_types = serializers.ListField(child=serializers.CharField(), source="profile.care_types")
    contact_plan = serializers.CharField(source="profile.contact_plan")
    wishes = serializers.CharField(source="profile.wishes")
    children = FamilyChildSerializer(many=True)
    meetings = MeetingOutputSerializer(many=True)
    answers = AnswerOutputSerializer(many=True)
    can_answer = serializers.BooleanField()


class FamilyApproachListSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(source="case.reference")
    status = serializers.CharField()
    deadline = serializers.DateField(allow_null=True)


@extend_schema(tags=["my approaches"])
class FamilyApproachListApi(ApiView):
    """Oslovení mé rodiny pro dítě. / My household's approaches."""

    permission_classes = [PolicyPermission]
    policy = family.READ_OWN_APPROACH

    @extend_schema(summary="Moje oslovení / My approaches", responses={200: FamilyApproachListSerializer(many=True)})
    def get(self, request: Request) -> Response:
        rows = family.approaches_for_family(request.user)[:100]
        return Response(FamilyApproachListSerializer(rows, many=True).data)


def _family_approach(request: Request, pk: int):
    approach = family.approach_for_family(request.user, pk)
    if approach is None:
        out_of_scope(request, object_type="child_mediation.approach", object_id=pk, details={"channel": "api"})
    return approach


@extend_schema(tags=["my approaches"])
class FamilyApproachDetailApi(ApiView):
    """Oslovení: profil dítěte, schůzky, lhůta (čtení se zaznamená). / The approach as the family sees it."""

    permission_classes = [PolicyPermission]
    policy = family.READ_OWN_APPROACH

    @extend_schema(summary="Moje oslovení / My approach", responses={200: FamilyApproachSerializer})
    def get(self, request: Request, pk: int) -> Response:
        approach = _family_approach(request, pk)
        return Response(FamilyApproachSerializer(family.family_view(approach, user=request.user, channel="api")).data)


class FamilyAnswerInput(StrictSerializer):
    class Meta:
        ref_name = "FamilyAnswer"

    accepted = serializers.BooleanField()
    court = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    filed_on = serializers.DateField(required=False, allow_null=True, default=None)
    reason = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


@extend_schema(tags=["my approaches"])
class FamilyAnswerApi(InputMixin, ApiView):
    """Odpověď rodiny: přijetí se soudem a dnem podání návrhu, nebo odmítnutí s důvodem. / The family's answer."""

    InputSerializer = FamilyAnswerInput
    permission_classes = [PolicyPermission]
    policy = family.ANSWER_OWN_APPROACH

    @extend_schema(
        summary="Odpovědět / Answer",
        description=f"Kontrola dat: ne v budoucnosti, ne před doručením, ne po lhůtě "
        f"({law.cite('SELECTION_NOTICE_30_DAYS', 'short')}). / Dates checked: not in the future, not before "
        "delivery, not after the deadline.",
        request=FamilyAnswerInput,
        responses={200: FamilyApproachSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        approach = _family_approach(request, pk)
        data = self.validated(request)
        call_service(family.family_answer, approach=approach, user=request.user, **data)
        approach.refresh_from_db()
        return Response(FamilyApproachSerializer(family.family_view(approach, user=request.user, channel="api")).data)

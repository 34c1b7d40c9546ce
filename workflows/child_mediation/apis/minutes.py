"""Minutes of a case conference (zápis): the draft (ETag / If-Match), versions, sign-off and corrections."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from nrp.api.apis.refs import UserRefSerializer
from nrp.api.concurrency import ETAG_HEADER, IF_MATCH_HEADER, ETagMixin, check_if_match
from nrp.api.permissions import PolicyPermission
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedObjectMixin
from nrp.audit.services import audit_read
from nrp.core.models import User
from workflows.child_mediation import permissions, scoped, services
from workflows.child_mediation.apis.common import InputMixin, OutputModelSerializer, call_service
from workflows.child_mediation.models import CaseConference, ConferenceMinutes
from workflows.child_mediation.scoped import user_of
from workflows.child_mediation.services.common import lock_case

MSG_NO_MINUTES = _("Konference zatím nemá zápis.")


class MinutesOutputSerializer(OutputModelSerializer):
    conference_id = serializers.IntegerField()
    approach_order = serializers.ListField(
        child=serializers.IntegerField(), help_text=_("Pořadí rodin k oslovení / Families to approach, in order.")
    )
    created_by = UserRefSerializer()
    signed_off_by = UserRefSerializer(allow_null=True)

    class Meta:
        model = ConferenceMinutes
        fields = [
            "id",
            "conference_id",
            "version",
            "attendance",
            "discussion",
            "wishes_considered",
            "approach_order",
            "reasoning",
            "created_by",
            "created_at",
            "signed_off_by",
            "signed_off_at",
        ]
        extra_kwargs = {
            "attendance": {"help_text": _("Přítomni / Attendance.")},
            "discussion": {"help_text": _("Shrnutí diskuse / Discussion.")},
            "wishes_considered": {"help_text": _("Jak byla zohledněna přání dítěte / The child's wishes.")},
            "reasoning": {"help_text": _("Zdůvodnění pořadí / Reasoning.")},
            "signed_off_at": {"help_text": _("Podepsáno; pak jen ke čtení / Signed.")},
        }


class MinutesDraftOutputSerializer(serializers.Serializer):
    conference_id = serializers.IntegerField()
    latest = MinutesOutputSerializer(
        allow_null=True, help_text=_("Poslední verze zápisu, nebo null / The latest version, or null.")
    )


def minutes_data(minutes: ConferenceMinutes) -> dict[str, Any]:
    return MinutesOutputSerializer(minutes).data


def minutes_draft_data(conference: CaseConference) -> dict[str, Any]:
    latest = conference.minutes.select_related("created_by", "signed_off_by").order_by("-version").first()
    return MinutesDraftOutputSerializer({"conference_id": conference.pk, "latest": latest}).data


class MinutesSaveInput(StrictSerializer):
    class Meta:
        ref_name = "MinutesSave"

    attendance = serializers.CharField(max_length=4000)
    discussion = serializers.CharField(max_length=20000)
    wishes_considered = serializers.CharField(max_length=4000)
    approach_order = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1), min_length=1, max_length=20
    )
    reasoning = serializers.CharField(max_length=20000)


@extend_schema(tags=["conferences"])
class ConferenceMinutesApi(InputMixin, ETagMixin, ApiView):
    """Rozpracovaný zápis konference: čtení s ETag, zápis s If-Match. / The draft minutes, written with If-Match."""

    InputSerializer = MinutesSaveInput
    permission_classes = [PolicyPermission]
    policy = {"PUT": permissions.MANAGE_CONFERENCES, "*": permissions.READ_CONFERENCES}

    @extend_schema(
        summary="Zápis konference (poslední verze) / Conference minutes (latest version)",
        responses={200: MinutesDraftOutputSerializer},
        parameters=[ETAG_HEADER],
    )
    def get(self, request: Request, pk: int) -> Response:
        conference = scoped.conference_for_officer(request, pk, channel="api")
        audit_read(
            actor=user_of(request), obj=conference, request=request, region=conference.case.region, view="minutes"
        )
        return self.etag_response(minutes_draft_data(conference))

    @extend_schema(
        summary="Uložit rozpracovaný zápis / Save the draft minutes",
        description="Vyžaduje If-Match s ETag z GET (bez něj 428, zastaralý 412). Podepsaný zápis nelze měnit. / "
        "Requires If-Match with the ETag from GET (428 without, 412 when stale). Signed minutes are read-only.",
        request=MinutesSaveInput,
        responses={200: MinutesDraftOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def put(self, request: Request, pk: int) -> Response:
        conference = scoped.conference_for_officer(request, pk, channel="api")
        lock_case(conference.case)  # a concurrent writer waits here, then sees the new ETag
        check_if_match(request, minutes_draft_data(conference))
        data = self.validated(request)
        call_service(services.minutes_save, conference=conference, author=user_of(request), **data)
        return self.etag_response(minutes_draft_data(conference))


class MinutesObjectMixin(ScopedObjectMixin):
    def select_object(self, *, user: User, pk: int) -> ConferenceMinutes:
        return scoped.minutes_for_officer(self.request, pk, channel="api")


@extend_schema(tags=["conferences"])
class MinutesDetailApi(ETagMixin, MinutesObjectMixin, ApiView):
    """Jedna verze zápisu. / One version of the minutes."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_CONFERENCES

    @extend_schema(
        summary="Verze zápisu / Minutes version", responses={200: MinutesOutputSerializer}, parameters=[ETAG_HEADER]
    )
    def get(self, request: Request, pk: int) -> Response:
        minutes = self.get_scoped_object()
        audit_read(
            actor=user_of(request), obj=minutes, request=request, region=minutes.conference.case.region, channel="api"
        )
        return self.etag_response(minutes_data(minutes))


@extend_schema(tags=["conferences"])
class MinutesSignOffApi(ETagMixin, MinutesObjectMixin, ApiView):
    """Podpis zápisu: poté jen ke čtení, konference proběhla. / Sign the minutes off: read-only from then on."""

    permission_classes = [PolicyPermission]
    policy = permissions.MANAGE_CONFERENCES

    @extend_schema(
        summary="Podepsat zápis / Sign the minutes off",
        description="If-Match s ETag verze zápisu (GET /minutes/{id}/): podepisuje se přesně přečtené znění. / "
        "If-Match with the ETag of this version: you sign exactly what you read.",
        request=None,
        responses={200: MinutesOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def post(self, request: Request, pk: int) -> Response:
        minutes = self.get_scoped_object()
        lock_case(minutes.conference.case)
        minutes = ConferenceMinutes.objects.select_related("created_by", "signed_off_by").get(pk=minutes.pk)
        check_if_match(request, minutes_data(minutes))
        minutes = call_service(services.minutes_sign_off, minutes=minutes, officer=user_of(request))
        return self.etag_response(minutes_data(minutes))


@extend_schema(tags=["conferences"])
class MinutesCorrectionApi(MinutesObjectMixin, ApiView):
    """Oprava podepsaného zápisu: nová rozpracovaná verze. / A correction: a new draft version."""

    permission_classes = [PolicyPermission]
    policy = permissions.MANAGE_CONFERENCES

    @extend_schema(
        summary="Založit opravu zápisu / Start a corrected version",
        request=None,
        responses={201: MinutesOutputSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        minutes = self.get_scoped_object()
        correction = call_service(services.minutes_new_version, minutes=minutes, author=user_of(request))
        return Response(minutes_data(correction), status=status.HTTP_201_CREATED)

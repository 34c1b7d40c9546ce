"""journeys/{id}/messages/: messages between the family, its guide, the OSPOD and the region."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from nrp.api.apis.refs import UserRefSerializer
from nrp.api.permissions import PolicyPermission
from nrp.api.problems import form_errors_to_api
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ScopedListApi
from workflows.applicant_journey import forms, permissions
from workflows.applicant_journey.apis.common import (
    _journey_or_404,
)
from workflows.applicant_journey.services import communication


# --- messages --------------------------------------------------------------------------------------------------------
class MessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author = UserRefSerializer(allow_null=True)
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


@extend_schema(tags=["journeys"])
class JourneyMessageListApi(ScopedListApi):
    """Zprávy mezi rodinou, průvodcem a pracovníky OSPOD a kraje. / Messages on the journey."""

    OutputSerializer = MessageSerializer
    permission_classes = [PolicyPermission]
    policy = permissions.WRITE_MESSAGES
    filter_backends: list = []

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "JourneyMessagePost"

        body = serializers.CharField(help_text=_("Text zprávy (nejvýše 5000 znaků) / Message text (≤ 5000)."))

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            from workflows.applicant_journey.models import Message

            return Message.objects.none()
        journey = _journey_or_404(self.request, self.kwargs["pk"])
        return journey.messages.select_related("author").order_by("created_at", "pk")

    @extend_schema(summary="Zprávy / Messages")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Poslat zprávu / Send a message",
        request=InputSerializer,
        responses={201: MessageSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        journey = _journey_or_404(request, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        form = forms.MessageForm(data={"body": serializer.validated_data["body"]})
        if not form.is_valid():
            raise form_errors_to_api(form)
        message = communication.message_send(journey=journey, author=request.user, body=form.cleaned_data["body"])
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)

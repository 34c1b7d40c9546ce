"""/api/v1/notifications/: the user's own notifications (list, mark one read, mark all read).

Every role has its own notifications (``permissions.READ_NOTIFICATIONS``); someone else's answers 404.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from nrp.api.permissions import PolicyPermission
from nrp.api.views import ApiView, ScopedListApi
from nrp.core.web import user_of
from nrp.notifications import selectors, services
from nrp.notifications.models import Notification, NotificationKind
from nrp.notifications.permissions import READ_NOTIFICATIONS, WRITE_NOTIFICATIONS


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=NotificationKind.choices, help_text=_("Druh / Kind."))
    kind_label = serializers.CharField(source="get_kind_display", help_text=_("Název druhu / Kind name."))
    title = serializers.CharField()
    url = serializers.CharField(help_text=_("Stránka v NRP, které se oznámení týká / The page it is about."))
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)


class ReadAllSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text=_("Kolik nepřečtených bylo označeno / How many were unread."))


UNREAD_PARAM = OpenApiParameter(
    "unread", OpenApiTypes.BOOL, description="Jen nepřečtená / Only unread ones (true).", required=False
)


@extend_schema(tags=["notifications"])
class NotificationListApi(ScopedListApi):
    """Moje oznámení, nejnovější první. / My notifications, newest first."""

    OutputSerializer = NotificationSerializer
    permission_classes = [PolicyPermission]
    policy = READ_NOTIFICATIONS
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Notification.objects.none()
        unread_only = self.request.query_params.get("unread") in ("true", "1")
        return selectors.notification_list_for_user(user=self.request.user, unread_only=unread_only)

    @extend_schema(summary="Moje oznámení / My notifications", parameters=[UNREAD_PARAM])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["notifications"])
class NotificationReadApi(ApiView):
    """Označit oznámení jako přečtené. / Mark a notification read."""

    permission_classes = [PolicyPermission]
    policy = WRITE_NOTIFICATIONS

    @extend_schema(summary="Označit jako přečtené / Mark read", request=None, responses={200: NotificationSerializer})
    def post(self, request: Request, pk: int) -> Response:
        notification = selectors.notification_get_for_user(user=request.user, notification_id=pk)
        if notification is None:
            raise NotFound()
        notification = services.notification_mark_read(notification=notification, user=user_of(request))
        return Response(NotificationSerializer(notification).data)


@extend_schema(tags=["notifications"])
class NotificationReadAllApi(ApiView):
    """Označit všechna moje oznámení jako přečtená. / Mark all my notifications read."""

    permission_classes = [PolicyPermission]
    policy = WRITE_NOTIFICATIONS

    @extend_schema(summary="Vše přečteno / Mark all read", request=None, responses={200: ReadAllSerializer})
    def post(self, request: Request) -> Response:
        return Response({"marked": services.notification_mark_all_read(user=user_of(request))})

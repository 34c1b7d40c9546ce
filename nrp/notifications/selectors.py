"""Read side of notifications: only the recipient sees a notification (scope via ``access.scope_q``)."""

from __future__ import annotations

from django.db.models import QuerySet

from nrp.core.access import Action, Resource, scope_q
from nrp.notifications.models import Notification, NotificationKind, NotificationPreference
from nrp.notifications.permissions import NOTIFICATION_LOOKUPS


def notification_list_for_user(*, user, unread_only: bool = False) -> QuerySet[Notification]:
    q = scope_q(user, Action.READ, Resource.NOTIFICATION, NOTIFICATION_LOOKUPS)
    if q is None:
        return Notification.objects.none()
    qs = Notification.objects.filter(q)
    return qs.filter(read_at__isnull=True) if unread_only else qs


def notification_get_for_user(*, user, notification_id: int) -> Notification | None:
    return notification_list_for_user(user=user).filter(pk=notification_id).first()


def unread_count(*, user) -> int:
    if user is None or not user.is_authenticated:
        return 0
    return notification_list_for_user(user=user, unread_only=True).count()


def email_kinds_for_user(*, user) -> list[str]:
    """The kinds the user gets by e-mail (all unless switched off)."""
    preference = NotificationPreference.objects.filter(user=user).first()
    off = set(preference.email_off) if preference else set()
    return [kind for kind in NotificationKind.values if kind not in off]

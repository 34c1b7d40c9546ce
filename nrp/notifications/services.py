"""Write side of notifications: create (once per event and recipient), mark read, e-mail preferences.

``notify`` is called by the services where the events happen (``nrp/notifications/events.py`` says who is told
what). Idempotent: the unique key (recipient, event key) decides, even in parallel; only a newly created
notification is e-mailed, after the transaction commits, and only when the recipient has not switched its kind off.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from nrp.core.exceptions import ForbiddenError
from nrp.core.models import User
from nrp.notifications.models import Notification, NotificationKind, NotificationPreference

UNKNOWN_KIND = _("Neznámý druh oznámení.")

# Kinds whose e-mail another module already sends (the daily deadline reminders): in-app only from here.
EMAILED_ELSEWHERE = frozenset({NotificationKind.DEADLINE})


@dataclass(frozen=True)
class Recipient:
    user: User
    url: str = ""


def wants_email(user: User, kind: str) -> bool:
    """Does ``user`` want ``kind`` by e-mail (yes unless switched off in the settings)?"""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference is None or preference.wants_email(kind)


def _send_email(notification: Notification) -> None:
    user = notification.recipient
    if not user.email or not user.is_active or not wants_email(user, notification.kind):
        return
    link = getattr(settings, "NRP_PUBLIC_URL", "").rstrip("/") + (notification.url or "/")
    with override("cs"):
        subject = gettext("NRP: %(title)s") % {"title": notification.title}
        body = gettext(
            "Dobrý den,\n\nv systému NRP na vás čeká oznámení: %(title)s\n\nPodrobnosti: %(link)s\n\n"
            "Které zprávy vám chodí e-mailem, nastavíte v NRP na stránce Oznámení → Nastavení."
        ) % {"title": notification.title, "link": link}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=True)


def notify(
    *, recipients: Iterable[User | Recipient | None], kind: str, key: str, title: str, url: str = "", exclude=None
) -> list[Notification]:
    """Notify each recipient once about the event ``key``; returns the notifications newly created.

    ``recipients``: users (or ``Recipient`` with a URL of its own, e.g. the applicant's portal rather than the
    staff's case page); None, inactive users and ``exclude`` (the person who caused the event) are skipped.
    """
    if kind not in NotificationKind.values:
        raise ValidationError({"kind": UNKNOWN_KIND}, code="unknown_kind")
    created: list[Notification] = []
    seen: set[int] = set()
    exclude_id = getattr(exclude, "pk", None)
    for item in recipients:
        if item is None:
            continue
        target = item if isinstance(item, Recipient) else Recipient(item, url)
        user = target.user
        if user.pk in seen or user.pk == exclude_id or not user.is_active:
            continue
        seen.add(user.pk)
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    recipient=user, kind=kind, key=key[:120], title=str(title)[:300], url=target.url or url
                )
        except IntegrityError:
            continue  # the same event again: already notified
        created.append(notification)
        if kind not in EMAILED_ELSEWHERE:
            transaction.on_commit(functools.partial(_send_email, notification))
    return created


def notification_mark_read(*, notification: Notification, user: User) -> Notification:
    """Mark one of the user's notifications read (reading it again changes nothing)."""
    if notification.recipient_id != user.pk:
        raise ForbiddenError(_("Toto oznámení patří někomu jinému."), "not_recipient")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, user: User) -> int:
    """Mark all the user's unread notifications read; returns how many were unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def preferences_update(*, user: User, email_kinds: Iterable[str]) -> NotificationPreference:
    """Keep e-mail for ``email_kinds``; every other kind only in the application."""
    wanted = set(email_kinds)
    unknown = wanted - set(NotificationKind.values)
    if unknown:
        raise ValidationError({"email_kinds": UNKNOWN_KIND}, code="unknown_kind")
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    preference.email_off = [kind for kind in NotificationKind.values if kind not in wanted]
    preference.full_clean()
    preference.save(update_fields=["email_off"])
    return preference

"""Notifications (oznámení): one row per recipient and event, unique by the event's key, so the same event
reported twice notifies once; and the user's choice of which kinds also come by e-mail."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.models import User


class NotificationKind(models.TextChoices):
    """What the notification is about (each kind can be switched off for e-mail in the settings)."""

    # A new message on a case (from the family, the guide or a worker).
    MESSAGE = "message", _("nové zprávy")
    # A family uploaded a document that waits for review.
    DOCUMENT_TO_REVIEW = "doc_review", _("dokumenty ke kontrole")
    # A document of mine was accepted or returned.
    DOCUMENT_REVIEWED = "doc_result", _("výsledek kontroly dokumentů")
    # A family was approached with a child (written notice, §24).
    APPROACH = "approach", _("oslovení rodiny")
    # A decision on the application or the entry in the register.
    DECISION = "decision", _("rozhodnutí")
    # A deadline is coming or has passed.
    DEADLINE = "deadline", _("blížící se termíny")


class Notification(models.Model):
    """One notification for one user. ``key`` names the event (``message:12``); unique per recipient."""

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("druh"), max_length=12, choices=NotificationKind.choices)
    key = models.CharField(max_length=120)
    # Case references and what happened only: never a child's name (it may go out by e-mail).
    title = models.CharField(_("oznámení"), max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("kdy"), default=timezone.now)
    read_at = models.DateTimeField(_("přečteno"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("oznámení")
        verbose_name_plural = _("oznámení")
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="notification_once_per_event")]
        indexes = [
            # The unread badge on every page: count of the user's unread notifications.
            models.Index(
                fields=["recipient"], condition=models.Q(read_at__isnull=True), name="notification_unread_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """The kinds a user does not want by e-mail (in-app notifications are always kept)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="notification_preference")
    email_off = ArrayField(models.CharField(max_length=12, choices=NotificationKind.choices), default=list, blank=True)

    class Meta:
        verbose_name = _("nastavení oznámení")
        verbose_name_plural = _("nastavení oznámení")

    def __str__(self) -> str:
        return str(self.user)

    def wants_email(self, kind: str) -> bool:
        return kind not in self.email_off

"""The audit trail: who read or changed what, when, from where and why. Append-only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    # Reading a sensitive record (a child's file, an assessment, a criminal-record extract, a ranking).
    READ = "read", _("čtení")
    CREATE = "create", _("vytvoření")
    UPDATE = "update", _("změna")
    DELETE = "delete", _("smazání")
    # Downloading data out of the system (document file, PDF pack, personal-data export).
    EXPORT = "export", _("export")
    # A process step completed (viewflow task).
    TASK = "task", _("krok procesu")
    # Access refused (out of scope): recorded as a security signal.
    DENIED = "denied", _("odepřený přístup")


class AuditEvent(models.Model):
    """One audited event. Never stores a child's identity: objects are referred to by type and id."""

    at = models.DateTimeField(_("kdy"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kdo"),
    )
    actor_label = models.CharField(_("kdo (text)"), max_length=200, blank=True)
    action = models.CharField(_("akce"), max_length=10, choices=AuditAction.choices)
    object_type = models.CharField(_("typ záznamu"), max_length=100)
    object_id = models.CharField(_("id záznamu"), max_length=64, blank=True)
    # The applicant household concerned, so applicants can see who accessed their file.
    household = models.ForeignKey(
        "core.Household",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The region whose case it is, so its officers can view the trail.
    region = models.ForeignKey("core.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    ip_address = models.GenericIPAddressField(_("odkud"), null=True, blank=True)
    reason = models.TextField(_("důvod"), blank=True)
    details = models.JSONField(_("podrobnosti"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("auditní záznam")
        verbose_name_plural = _("auditní stopa")
        indexes = [
            # "who accessed my file": events of one household, newest first
            models.Index(fields=["household", "-at"], name="audit_household_at"),
            # "trail of this record": events of one object
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}#{self.object_id}"

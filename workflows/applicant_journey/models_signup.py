"""A sign-up that waits server-side for its e-mail to be verified (registrace čekající na ověření e-mailu)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingSignup(models.Model):
    """The form's values, kept here until the link e-mailed to the address is used (once, within 24 hours).

    The link carries only an opaque random token; this row keeps its SHA-256, never the token itself, so a copy
    of the database does not let anyone complete someone else's sign-up. ``data`` holds ids and strings, the
    password only as a hash; it is emptied when the link is used and the row is deleted once it expired.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    email = models.EmailField(_("e-mail"))
    data = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registrace čekající na ověření")
        verbose_name_plural = _("registrace čekající na ověření")
        indexes = [
            # The purge of expired rows on every new sign-up (signup_request).
            models.Index(fields=["expires_at"], name="aj_pendingsignup_expires_idx"),
        ]

    def __str__(self) -> str:
        return f"PendingSignup #{self.pk}"

"""API tokens for programs (the browser uses its session)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A personal API token (přístupový token API). Only its SHA-256 hash is stored; the prefix is shown.

    The secret is shown once, when the token is created. A token always expires; it can be revoked earlier.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("uživatel")
    )
    name = models.CharField(_("název"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16)
    key_hash = models.CharField(_("otisk klíče (SHA-256)"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("vytvořen"), default=timezone.now)
    expires_at = models.DateTimeField(_("platí do"))
    revoked_at = models.DateTimeField(_("zneplatněn"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("naposledy použit"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("token API")
        verbose_name_plural = _("tokeny API")
        indexes = [
            # api_token_list_for_user: a user's own tokens, newest first
            models.Index(fields=["user", "-created_at"], name="apitoken_user_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_active(self) -> bool:
        return not self.is_revoked and not self.is_expired


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def revoke_tokens_when_the_password_changes(sender, instance, created, **kwargs):
    """A changed or reset password (any path: the pages, the admin, ``changepassword``) revokes every API token.

    ``set_password`` leaves the new raw password in ``_password`` until ``save()`` has finished.
    """
    if created or getattr(instance, "_password", None) is None:
        return
    from nrp.api.services import api_tokens_revoke_all

    api_tokens_revoke_all(user=instance)

"""Writes of the API module: tokens, and the user's own profile (the first writable resource with ETag)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.api.models import ApiToken
from nrp.core.models import User

TOKEN_PREFIX = "nrp_"
# Staff tokens carry the second factor of a session that verified it, so they live briefly: at most 30 days,
# and they lapse after 8 hours without use (a session lapses after 30 minutes idle; a program is not a person).
STAFF_TOKEN_MAX_DAYS = 30
STAFF_TOKEN_IDLE = timedelta(hours=8)
MAX_TOKEN_DAYS = 365
MSG_STAFF_TOKEN_DAYS = _("Token pracovníka platí nejvýše %(days)s dní.")
# last_used_at is refreshed at most this often, so that a busy program does not write on every request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown to the user once, never stored


def is_staff_token_user(user: User) -> bool:
    from nrp.core.twofactor import requires_second_factor

    return requires_second_factor(user)


def token_max_days(user: User) -> int:
    return STAFF_TOKEN_MAX_DAYS if is_staff_token_user(user) else MAX_TOKEN_DAYS


def token_lapsed(token: ApiToken, *, now=None) -> bool:
    """A staff member's token past 30 days from its creation or 8 hours without use (checked on every request:
    a role granted after the token was issued counts too)."""
    if not is_staff_token_user(token.user):
        return False
    now = now or timezone.now()
    if now >= token.created_at + timedelta(days=STAFF_TOKEN_MAX_DAYS):
        return True
    return now - (token.last_used_at or token.created_at) >= STAFF_TOKEN_IDLE


@transaction.atomic
def api_token_create(*, user: User, name: str, expires_in_days: int | None = None) -> IssuedToken:
    """Issue a token ``nrp_<prefix>_<secret>``; only its hash is stored. Staff tokens: at most 30 days."""
    limit = token_max_days(user)
    if expires_in_days is None:
        expires_in_days = min(90, limit)
    if expires_in_days > limit:
        raise ValidationError({"expires_in_days": MSG_STAFF_TOKEN_DAYS % {"days": limit}})
    prefix = secrets.token_hex(4)
    secret = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    now = timezone.now()
    token = ApiToken(
        user=user,
        name=name,
        prefix=prefix,
        key_hash=token_hash(secret),
        created_at=now,
        expires_at=now + timedelta(days=expires_in_days),
    )
    token.full_clean()
    token.save()
    return IssuedToken(token=token, secret=secret)


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a token (idempotent: revoking a revoked token keeps the first time)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


@transaction.atomic
def api_tokens_revoke_all(*, user: User) -> int:
    """Revoke every active token of ``user`` (password changed or reset, "log out everywhere"); returns how many."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()).update(
        revoked_at=timezone.now()
    )


def api_token_touch(*, token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


@transaction.atomic
def user_profile_update(*, user: User, **fields: str) -> User:
    """Change the user's own name or phone (keys: first_name, last_name, phone)."""
    allowed = {"first_name", "last_name", "phone"}
    changed = [name for name, value in fields.items() if name in allowed and getattr(user, name) != value]
    for name in changed:
        setattr(user, name, fields[name])
    if changed:
        user.full_clean(exclude=["password"], validate_unique=False)
        user.save(update_fields=changed)
    return user

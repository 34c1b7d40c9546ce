"""Reads of the API module: own tokens and public reference data (regions, ORP)."""

from __future__ import annotations

from django.db.models import QuerySet

from nrp.api.models import ApiToken
from nrp.core.models import Orp, Region, User


def api_token_list_for_user(*, user: User) -> QuerySet[ApiToken]:
    """Only the user's own tokens: nobody, administrators included, lists another person's tokens."""
    if not user.is_authenticated:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def api_token_get_for_user(*, user: User, token_id: int) -> ApiToken | None:
    return api_token_list_for_user(user=user).filter(pk=token_id).first()


def user_get_for_update(*, user_id: int) -> User:
    """The user row locked until the end of the transaction (a concurrent write waits, then sees a new ETag)."""
    return User.objects.select_for_update().get(pk=user_id)


def region_list() -> QuerySet[Region]:
    return Region.objects.order_by("code")


def orp_list() -> QuerySet[Orp]:
    return Orp.objects.select_related("region").order_by("code")

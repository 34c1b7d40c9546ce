"""The client's address behind a configured number of trusted reverse proxies, and small cache-based limits.

``NRP_TRUSTED_PROXIES`` (default 0) says how many proxies of our own stand in front of the application. Each
of them appends the address it received the request from to ``X-Forwarded-For``, so the client is the n-th
entry counted from the right; anything further left was sent by the client itself and is not believed. With
0 the header is ignored and ``REMOTE_ADDR`` is the client. The login lock-out (django-axes), the sign-up
limits and the audit trail's "from where" all use :func:`client_ip`.
"""

from __future__ import annotations

import hashlib
import ipaddress

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The address of the client as seen by the first of our trusted proxies (or by us, without proxies)."""
    meta = getattr(request, "META", {}) or {}
    remote = _valid_ip(meta.get("REMOTE_ADDR") or "")
    hops = int(getattr(settings, "NRP_TRUSTED_PROXIES", 0) or 0)
    if hops <= 0:
        return remote
    forwarded = [hop.strip() for hop in (meta.get("HTTP_X_FORWARDED_FOR") or "").split(",") if hop.strip()]
    if not forwarded:
        return remote
    # Fewer entries than proxies: every entry was written by a proxy of ours, the leftmost is the client.
    candidate = forwarded[-hops] if len(forwarded) >= hops else forwarded[0]
    return _valid_ip(candidate) or remote


def axes_client_ip(request) -> str:
    """``AXES_CLIENT_IP_CALLABLE``: axes keys lock-outs on username + this address."""
    return client_ip(request) or ""


def hit_limit(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt for ``key`` in ``scope``; True when the attempts in this window exceed ``limit``.

    A fixed window in Django's cache (shared between workers once the cache is shared, e.g. Redis). Keys are
    hashed, so no e-mail address or IP address is written to the cache in clear.
    """
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"nrp:limit:{scope}:{digest}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window_seconds)
        count = 1
    return count > limit


# --- Per-account slow-down ---------------------------------------------------------------------------------------
# axes locks a username *from one address*; an attacker with many addresses could still guess slowly against one
# account. Past NRP_ACCOUNT_SLOWDOWN_AFTER failures (from anywhere, within the axes cool-off window) each further
# attempt on that account waits NRP_ACCOUNT_SLOWDOWN_SECONDS before it is checked. Nobody is refused, so the
# owner can always log in from their own address.


def _account_key(username: str) -> str:
    digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    return f"nrp:account-failures:{digest}"


def account_failures(username: str) -> int:
    return int(cache.get(_account_key(username), 0) or 0)


def _window_seconds() -> int:
    cooloff = getattr(settings, "AXES_COOLOFF_TIME", None)
    return int(cooloff.total_seconds()) if cooloff else 15 * 60


class AccountSlowdownBackend:
    """First authentication backend: authenticates nobody, only delays attempts on a much-attacked account."""

    def authenticate(self, request, username=None, **kwargs):
        if username and account_failures(username) >= getattr(settings, "NRP_ACCOUNT_SLOWDOWN_AFTER", 20):
            slow_down(getattr(settings, "NRP_ACCOUNT_SLOWDOWN_SECONDS", 2.0))
        # No get_user(): this backend never owns a session (Django's test client picks the first one that has it).
        return None


def slow_down(seconds: float) -> None:
    """A separate function so that tests can count the delays instead of waiting."""
    import time

    time.sleep(seconds)


@receiver(user_login_failed)
def _count_account_failure(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username")
    if not username:
        return
    key = _account_key(username)
    cache.add(key, 0, timeout=_window_seconds())
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=_window_seconds())


@receiver(user_logged_in)
def _forget_account_failures(sender, user, request=None, **kwargs):
    if getattr(user, "email", ""):
        cache.delete(_account_key(user.email))

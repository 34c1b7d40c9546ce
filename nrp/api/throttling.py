"""Throttles reading their rates from settings on every request (so ``override_settings`` works in tests).

Rates live in ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``: ``anon``, ``user`` and scoped ones (``tokens``).
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from rest_framework import throttling
from rest_framework.settings import api_settings


class _SettingsRate:
    scope: str | None  # set by the DRF throttle class mixed in after this one (no value here: MRO)

    def get_rate(self) -> str | None:
        scope = getattr(self, "scope", None)
        if not scope:
            raise ImproperlyConfigured(f"{type(self).__name__} needs a scope.")
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[scope]  # type: ignore[return-value]  # "5/min" strings
        except KeyError as exc:
            raise ImproperlyConfigured(f"No throttle rate for scope {scope!r}.") from exc


class AnonThrottle(_SettingsRate, throttling.AnonRateThrottle):
    """Anonymous clients, by address."""


class UserThrottle(_SettingsRate, throttling.UserRateThrottle):
    """Authenticated clients (session or token), by user."""


class ScopedThrottle(_SettingsRate, throttling.ScopedRateThrottle):
    """Views with ``throttle_scope = "…"`` get that extra, stricter rate."""

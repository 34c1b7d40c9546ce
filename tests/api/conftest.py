"""API test helpers: a client per persona, authenticated by a bearer token or by a browser session."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from nrp.api.services import api_token_create


@pytest.fixture(autouse=True)
def _fresh_throttle_counters():
    # Throttle counters live in the cache; every test starts from zero.
    cache.clear()
    yield
    cache.clear()


def bearer(user) -> str:
    return api_token_create(user=user, name="test", expires_in_days=30).secret


class TokenClient:
    """A program calling the API with ``Authorization: Bearer …``."""

    def __init__(self, user):
        self.user = user
        self.secret = bearer(user) if user is not None else None
        self.client = Client()

    def _headers(self, extra):
        headers = dict(extra or {})
        if self.secret:
            headers.setdefault("Authorization", f"Bearer {self.secret}")
        return headers

    def get(self, path, data=None, headers=None):
        return self.client.get(path, data, headers=self._headers(headers))

    def post(self, path, data=None, headers=None, content_type="application/json"):
        return self.client.post(path, data, content_type=content_type, headers=self._headers(headers))

    def patch(self, path, data=None, headers=None, content_type="application/json"):
        return self.client.patch(path, data, content_type=content_type, headers=self._headers(headers))

    def delete(self, path, headers=None):
        return self.client.delete(path, headers=self._headers(headers))


@pytest.fixture
def api():
    """``api(user)`` gives a token client for ``user`` (``api(None)`` is anonymous)."""
    return TokenClient


@pytest.fixture
def session_client():
    def make(user, *, otp_verified=False):
        client = Client()
        client.force_login(user)
        if otp_verified:
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        return client

    return make


def assert_problem(response, status: int, code: str | None = None) -> dict:
    """The response is a problem-details body (RFC 9457) with this status and code."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/problem+json"), response["Content-Type"]
    body = response.json()
    assert {"type", "title", "status", "detail", "instance", "code"} <= body.keys(), body
    assert body["status"] == status
    assert body["type"] == f"urn:nrp:problem:{body['code']}"
    if code is not None:
        assert body["code"] == code, body
    return body

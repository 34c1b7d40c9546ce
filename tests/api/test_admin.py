"""Administrators revoke API tokens in the admin; the secret is never shown there."""

from __future__ import annotations

import pytest

from nrp.api.models import ApiToken
from nrp.api.services import api_token_create

pytestmark = pytest.mark.django_db


def test_administrator_revokes_a_token_and_never_sees_its_hash(client, administrator, applicant, session_client):
    issued = api_token_create(user=applicant, name="leaked", expires_in_days=5)
    admin_client = session_client(administrator, otp_verified=True)
    listing = admin_client.get("/sprava/api/apitoken/")
    assert listing.status_code == 200
    assert issued.token.prefix in listing.content.decode()
    assert issued.token.key_hash not in listing.content.decode()
    response = admin_client.post("/sprava/api/apitoken/", {"action": "revoke", "_selected_action": [issued.token.pk]})
    assert response.status_code == 302
    assert ApiToken.objects.get(pk=issued.token.pk).revoked_at is not None
    assert client.get("/api/v1/me/", headers={"Authorization": f"Bearer {issued.secret}"}).status_code == 401


def test_applicant_cannot_reach_the_token_admin(session_client, applicant):
    response = session_client(applicant).get("/sprava/api/apitoken/")
    assert response.status_code == 302

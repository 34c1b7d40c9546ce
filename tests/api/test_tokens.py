"""API tokens: created from a browser session only, hashed at rest, listed and revoked by their owner only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nrp.api.models import ApiToken
from nrp.api.services import api_token_create, token_hash
from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db

TOKENS = "/api/v1/tokens/"


def auth(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def test_applicant_creates_a_token_from_the_session_and_sees_the_secret_once(session_client, applicant, client):
    response = session_client(applicant).post(TOKENS, {"name": "Můj skript"}, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["token"].startswith(f"nrp_{body['prefix']}_")
    assert body["is_active"] is True
    stored = ApiToken.objects.get(pk=body["id"])
    assert stored.key_hash == token_hash(body["token"])
    assert body["token"] not in {stored.key_hash, stored.prefix}
    assert client.get("/api/v1/me/", headers=auth(body["token"])).json()["email"] == applicant.email
    listed = client.get(TOKENS, headers=auth(body["token"])).json()["results"]
    assert all("token" not in item for item in listed)


def test_token_expiry_defaults_to_90_days_and_is_bounded(session_client, applicant):
    client = session_client(applicant)
    body = client.post(TOKENS, {"name": "a"}, content_type="application/json").json()
    stored = ApiToken.objects.get(pk=body["id"])
    assert (stored.expires_at - stored.created_at).days == 90
    refused = client.post(TOKENS, {"name": "a", "expires_in_days": 366}, content_type="application/json")
    assert assert_problem(refused, 400, "validation_error")["errors"][0]["field"] == "expires_in_days"


def test_a_token_cannot_create_another_token(api, applicant):
    response = api(applicant).post(TOKENS, {"name": "x"})
    assert_problem(response, 403, "session_required")
    assert ApiToken.objects.filter(user=applicant).count() == 1


def test_staff_session_without_second_factor_cannot_create_a_token(session_client, officer):
    response = session_client(officer).post(TOKENS, {"name": "x"}, content_type="application/json")
    assert response.status_code == 403
    # nrp.core.security.SecondFactorMiddleware may refuse first (second_factor_required); otherwise the API does.
    assert response.json()["code"] in {"otp_required", "second_factor_required"}
    assert not ApiToken.objects.filter(user=officer).exists()


def test_staff_session_with_second_factor_creates_a_token(session_client, guide):
    response = session_client(guide, otp_verified=True).post(TOKENS, {"name": "x"}, content_type="application/json")
    assert response.status_code == 201, response.content


def test_anonymous_cannot_create_a_token(client):
    assert_problem(client.post(TOKENS, {"name": "x"}, content_type="application/json"), 401, "not_authenticated")
    assert not ApiToken.objects.exists()


def test_unknown_field_in_token_request_is_refused(session_client, applicant):
    response = session_client(applicant).post(TOKENS, {"name": "x", "scope": "admin"}, content_type="application/json")
    body = assert_problem(response, 400, "unknown_field")
    assert body["errors"] == [
        {"field": "scope", "pointer": "#/scope", "code": "unknown_field", "detail": body["errors"][0]["detail"]}
    ]
    assert not ApiToken.objects.filter(user=applicant).exists()


def test_token_creation_is_throttled_by_its_own_scope(session_client, applicant, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "token_create": "2/hour"},
    }
    client = session_client(applicant)
    for _ in range(2):
        assert client.post(TOKENS, {"name": "x"}, content_type="application/json").status_code == 201
    assert_problem(client.post(TOKENS, {"name": "x"}, content_type="application/json"), 429, "throttled")
    assert client.get(TOKENS).status_code == 200


def test_each_user_lists_only_own_tokens(api, applicant, officer):
    api_token_create(user=officer, name="officer's", expires_in_days=5)
    body = api(applicant).get(TOKENS).json()
    assert body["count"] == 1
    assert {item["name"] for item in body["results"]} == {"test"}


def test_another_users_token_is_404_for_read_and_revoke(api, applicant, officer):
    foreign = api_token_create(user=officer, name="officer's", expires_in_days=5).token
    applicant_api = api(applicant)
    assert_problem(applicant_api.get(f"{TOKENS}{foreign.pk}/"), 404, "not_found")
    assert_problem(applicant_api.delete(f"{TOKENS}{foreign.pk}/"), 404, "not_found")
    foreign.refresh_from_db()
    assert foreign.revoked_at is None


def test_revoked_token_answers_401_token_revoked(api, applicant):
    program = api(applicant)
    token = ApiToken.objects.get(user=applicant)
    assert program.delete(f"{TOKENS}{token.pk}/").status_code == 204
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert_problem(program.get("/api/v1/me/"), 401, "token_revoked")


def test_owner_revokes_a_token_from_the_session(session_client, applicant):
    issued = api_token_create(user=applicant, name="old", expires_in_days=5)
    client = session_client(applicant)
    assert client.delete(f"{TOKENS}{issued.token.pk}/").status_code == 204
    listed = client.get(f"{TOKENS}{issued.token.pk}/").json()
    assert listed["is_active"] is False and listed["revoked_at"] is not None


def test_expired_token_answers_401_token_expired(client, applicant):
    issued = api_token_create(user=applicant, name="old", expires_in_days=1)
    ApiToken.objects.filter(pk=issued.token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get("/api/v1/me/", headers=auth(issued.secret))
    assert_problem(response, 401, "token_expired")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_unknown_token_answers_401_token_invalid(client):
    assert_problem(client.get("/api/v1/me/", headers=auth("nrp_0000_nothing")), 401, "token_invalid")


def test_token_of_a_deactivated_user_is_refused(client, applicant):
    issued = api_token_create(user=applicant, name="x", expires_in_days=1)
    applicant.is_active = False
    applicant.save(update_fields=["is_active"])
    assert_problem(client.get("/api/v1/me/", headers=auth(issued.secret)), 401, "token_invalid")


def test_using_a_token_records_last_use(client, applicant):
    issued = api_token_create(user=applicant, name="x", expires_in_days=1)
    assert issued.token.last_used_at is None
    client.get("/api/v1/me/", headers=auth(issued.secret))
    issued.token.refresh_from_db()
    assert issued.token.last_used_at is not None


# --- Revocation and short-lived staff tokens (issue 11, item 5) ----------------------------------------------------


def test_changing_the_password_revokes_every_api_token(client, applicant):
    from django.urls import reverse

    from tests.factories import PASSWORD

    secret = api_token_create(user=applicant, name="skript", expires_in_days=90).secret
    client.force_login(applicant)
    new = "nove-Heslo-ktere-plati-2026"
    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert_problem(client.get("/api/v1/me/", headers=auth(secret)), 401, "token_revoked")


def test_resetting_the_password_revokes_every_api_token(client, applicant):
    import re

    from django.core import mail
    from django.urls import reverse

    secret = api_token_create(user=applicant, name="skript", expires_in_days=90).secret
    client.post(reverse("password_reset"), {"email": applicant.email})
    link = re.search(r"https?://[^/]+(/heslo/obnova/\S+/)", mail.outbox[-1].body).group(1)
    form_page = client.get(link, follow=True)
    new = "nove-Heslo-ktere-plati-2026"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert_problem(client.get("/api/v1/me/", headers=auth(secret)), 401, "token_revoked")


def test_logging_out_everywhere_revokes_every_api_token(client, applicant):
    from django.urls import reverse

    secret = api_token_create(user=applicant, name="skript", expires_in_days=90).secret
    client.force_login(applicant)
    client.post(reverse("logout_everywhere"))
    assert_problem(client.get("/api/v1/me/", headers=auth(secret)), 401, "token_revoked")


def test_staff_tokens_last_at_most_30_days(session_client, officer):
    client = session_client(officer, otp_verified=True)
    body = client.post(TOKENS, {"name": "a"}, content_type="application/json").json()
    stored = ApiToken.objects.get(pk=body["id"])
    assert (stored.expires_at - stored.created_at).days == 30
    refused = client.post(TOKENS, {"name": "a", "expires_in_days": 31}, content_type="application/json")
    assert assert_problem(refused, 400, "validation_error")["errors"][0]["field"] == "expires_in_days"


def test_a_staff_token_lapses_after_8_hours_unused_and_30_days_in_any_case(client, officer):
    issued = api_token_create(user=officer, name="a", expires_in_days=30)
    assert client.get("/api/v1/me/", headers=auth(issued.secret)).status_code == 200
    ApiToken.objects.filter(pk=issued.token.pk).update(last_used_at=timezone.now() - timedelta(hours=8, minutes=1))
    assert_problem(client.get("/api/v1/me/", headers=auth(issued.secret)), 401, "token_expired")
    # a token issued before its owner became staff is held to the staff limits too
    old = ApiToken.objects.create(
        user=officer,
        name="old",
        prefix="abcd1234",
        key_hash=token_hash("nrp_abcd1234_old"),
        created_at=timezone.now() - timedelta(days=31),
        expires_at=timezone.now() + timedelta(days=300),
        last_used_at=timezone.now(),
    )
    assert old.is_active
    assert_problem(client.get("/api/v1/me/", headers=auth("nrp_abcd1234_old")), 401, "token_expired")


def test_an_applicant_token_does_not_lapse_when_unused_for_a_day(client, applicant):
    issued = api_token_create(user=applicant, name="a", expires_in_days=90)
    ApiToken.objects.filter(pk=issued.token.pk).update(last_used_at=timezone.now() - timedelta(days=1))
    assert client.get("/api/v1/me/", headers=auth(issued.secret)).status_code == 200


def test_the_security_page_lists_tokens_with_their_last_use(client, applicant):
    from django.urls import reverse

    issued = api_token_create(user=applicant, name="Zálohovací skript", expires_in_days=90)
    client.get("/api/v1/me/", headers=auth(issued.secret))
    client.force_login(applicant)
    page = client.get(reverse("account_security")).content.decode()
    assert "Zálohovací skript" in page and issued.token.prefix in page
    assert "Naposledy použit" in page and "nikdy" not in page

"""Bad input and DRF's own errors all answer application/problem+json with a stable code."""

from __future__ import annotations

import pytest

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_anonymous_request_is_401_with_www_authenticate(api):
    response = api(None).get("/api/v1/me/")
    body = assert_problem(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert body["instance"] == "/api/v1/me/"


def test_malformed_json_is_a_parse_error(api, applicant):
    response = api(applicant).patch("/api/v1/me/", data="{not json", headers={"If-Match": "*"})
    assert_problem(response, 400, "parse_error")


def test_json_that_is_not_an_object_is_refused(api, applicant):
    response = api(applicant).patch("/api/v1/me/", data="[1, 2]", headers={"If-Match": "*"})
    body = assert_problem(response, 400, "validation_error")
    assert body["errors"][0]["field"] == "non_field_errors"


def test_form_encoded_body_is_an_unsupported_media_type(api, applicant):
    response = api(applicant).patch(
        "/api/v1/me/", data="phone=1", content_type="application/x-www-form-urlencoded", headers={"If-Match": "*"}
    )
    assert_problem(response, 415, "unsupported_media_type")


def test_huge_payload_is_413(api, applicant, settings):
    settings.NRP_API_MAX_BODY_BYTES = 1000
    payload = '{"last_name": "' + "x" * 2000 + '"}'
    response = api(applicant).patch("/api/v1/me/", data=payload, headers={"If-Match": "*"})
    assert_problem(response, 413, "payload_too_large")
    applicant.refresh_from_db()
    assert applicant.last_name == "Malá"


def test_unknown_url_under_api_is_a_problem_not_the_html_page(api, applicant):
    body = assert_problem(api(applicant).get("/api/v1/nothing-here/"), 404, "not_found")
    assert body["instance"] == "/api/v1/nothing-here/"


def test_missing_trailing_slash_suggests_the_right_address(api, applicant):
    body = assert_problem(api(applicant).get("/api/v1/me"), 404, "not_found")
    assert "/api/v1/me/" in body["detail"]


def test_unsafe_method_on_unknown_url_is_a_404_problem_not_a_csrf_page(applicant):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(applicant)
    assert_problem(client.delete("/api/v1/tokens/not-a-number/"), 404, "not_found")


def test_unknown_url_is_a_problem_for_anonymous_users_too(client):
    assert_problem(client.get("/api/v2/households/"), 404, "not_found")


def test_method_not_allowed_is_a_problem(api, applicant):
    assert_problem(api(applicant).delete("/api/v1/me/"), 405, "method_not_allowed")


def test_unacceptable_accept_header_is_406(api, applicant):
    response = api(applicant).get("/api/v1/me/", headers={"Accept": "application/xml"})
    assert_problem(response, 406, "not_acceptable")


def test_huge_id_in_the_path_is_404_not_a_database_error(api, officer):
    assert_problem(api(officer).get("/api/v1/households/99999999999999999999999/"), 404, "not_found")


def test_invalid_page_is_404_problem(api, officer):
    assert_problem(api(officer).get("/api/v1/regions/", {"page": 999}), 404, "not_found")


def test_invalid_filter_value_is_a_400_with_the_field(api, officer):
    body = assert_problem(api(officer).get("/api/v1/households/", {"region": "abc"}), 400, "validation_error")
    assert body["errors"][0]["field"] == "region"


def test_huge_filter_id_is_a_400_not_a_database_error(api, officer):
    response = api(officer).get("/api/v1/households/", {"guide": str(10**30)})
    assert_problem(response, 400, "validation_error")


def test_error_title_follows_the_request_language(api, applicant):
    czech = assert_problem(api(None).get("/api/v1/me/"), 401)
    english = assert_problem(api(None).get("/api/v1/me/", headers={"Accept-Language": "en"}), 401)
    assert czech["title"] == "Chybí platné přihlášení"
    assert english["title"] != czech["title"]


def test_anonymous_clients_are_throttled_with_retry_after(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anon": "2/minute"},
    }
    for _ in range(2):
        assert client.get("/api/v1/regions/").status_code == 401
    response = client.get("/api/v1/regions/")
    assert_problem(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0


def test_guessing_tokens_is_throttled_per_address(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anon": "2/minute"},
    }
    for attempt in range(2):
        response = client.get("/api/v1/me/", headers={"Authorization": f"Bearer nrp_guess_{attempt}"})
        assert_problem(response, 401, "token_invalid")
    response = client.get("/api/v1/me/", headers={"Authorization": "Bearer nrp_guess_3"})
    assert_problem(response, 429, "throttled")


def test_authenticated_clients_are_throttled_per_user(api, officer, applicant, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "user": "3/minute"},
    }
    officer_api = api(officer)
    for _ in range(3):
        assert officer_api.get("/api/v1/regions/").status_code == 200
    assert_problem(officer_api.get("/api/v1/regions/"), 429, "throttled")
    assert api(applicant).get("/api/v1/regions/").status_code == 200

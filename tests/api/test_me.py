"""/api/v1/me/: who am I with roles and scopes; PATCH own name and phone with optimistic concurrency."""

from __future__ import annotations

import pytest

from nrp.core.choices import Role
from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db

ME = "/api/v1/me/"


@pytest.mark.parametrize(
    ("persona", "role", "scope_key", "scope_value"),
    [
        ("applicant", Role.APPLICANT, None, None),
        ("guide", Role.GUIDE, "organisation", "Doprovázení JMK, z. s."),
        ("ospod_worker", Role.OSPOD, "orp", "Brno"),
        ("officer", Role.OFFICER, "region", "Jihomoravský kraj"),
        ("other_officer", Role.OFFICER, "region", "Moravskoslezský kraj"),
        ("assessor", Role.ASSESSOR, "region", "Jihomoravský kraj"),
        ("administrator", Role.ADMIN, None, None),
    ],
)
def test_each_role_sees_itself_with_its_scope(request, api, persona, role, scope_key, scope_value):
    user = request.getfixturevalue(persona)
    response = api(user).get(ME)
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == user.email
    assert [r["role"] for r in body["roles"]] == [role]
    if scope_key:
        assert body["roles"][0][scope_key]["name"] == scope_value
    assert body["is_staff_role"] is (role != Role.APPLICANT)
    assert response["ETag"].startswith('"')


def test_applicant_sees_own_household_id(api, applicant, household):
    assert api(applicant).get(ME).json()["household_id"] == household.pk


def test_officer_has_no_household(api, officer):
    assert api(officer).get(ME).json()["household_id"] is None


def test_patch_with_current_etag_changes_the_profile_and_returns_a_new_etag(api, applicant):
    program = api(applicant)
    etag = program.get(ME)["ETag"]
    response = program.patch(ME, {"phone": "+420 777 123 456"}, headers={"If-Match": etag})
    assert response.status_code == 200, response.content
    assert response.json()["phone"] == "+420 777 123 456"
    assert response["ETag"] != etag
    applicant.refresh_from_db()
    assert applicant.phone == "+420 777 123 456"


def test_patch_without_if_match_is_428(api, applicant):
    assert_problem(api(applicant).patch(ME, {"phone": "777123456"}), 428, "precondition_required")
    applicant.refresh_from_db()
    assert applicant.phone == ""


def test_second_write_with_the_same_etag_is_refused_with_412(api, applicant):
    first, second = api(applicant), api(applicant)
    etag = first.get(ME)["ETag"]
    assert first.patch(ME, {"first_name": "Janička"}, headers={"If-Match": etag}).status_code == 200
    assert_problem(second.patch(ME, {"first_name": "Jana"}, headers={"If-Match": etag}), 412, "precondition_failed")
    applicant.refresh_from_db()
    assert applicant.first_name == "Janička"


def test_weak_etag_never_matches(api, applicant):
    program = api(applicant)
    etag = program.get(ME)["ETag"]
    response = program.patch(ME, {"phone": "777123456"}, headers={"If-Match": f"W/{etag}"})
    assert_problem(response, 412, "precondition_failed")


def test_invalid_phone_is_a_field_error_and_nothing_is_written(api, applicant):
    program = api(applicant)
    etag = program.get(ME)["ETag"]
    response = program.patch(ME, {"first_name": "Nové", "phone": "volejte mi"}, headers={"If-Match": etag})
    body = assert_problem(response, 400, "validation_error")
    assert [(e["field"], e["code"]) for e in body["errors"]] == [("phone", "invalid_phone")]
    applicant.refresh_from_db()
    assert applicant.first_name == "Jana"


def test_wrong_type_is_a_field_error(api, applicant):
    response = api(applicant).patch(ME, {"first_name": {"a": 1}}, headers={"If-Match": "*"})
    body = assert_problem(response, 400, "validation_error")
    assert body["errors"][0]["field"] == "first_name"


def test_email_and_roles_cannot_be_changed_here(api, applicant):
    response = api(applicant).patch(ME, {"email": "x@example.com"}, headers={"If-Match": "*"})
    assert_problem(response, 400, "unknown_field")
    applicant.refresh_from_db()
    assert applicant.email != "x@example.com"


def test_session_patch_requires_csrf(applicant):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(applicant)
    response = client.patch(ME, {"phone": "777123456"}, content_type="application/json", headers={"If-Match": "*"})
    assert_problem(response, 403, "permission_denied")


def test_anonymous_cannot_patch(api):
    assert_problem(api(None).patch(ME, {"phone": "777123456"}, headers={"If-Match": "*"}), 401)

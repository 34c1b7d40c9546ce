"""Strict query and body types and the start task (issue 11, the small holes): wrong types are 400 problems,
never silently converted, and no request is a 500."""

from __future__ import annotations

import pytest
from viewflow.workflow.models import Task

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["null", "abc", "0", "-1", "1.5", ""])
def test_a_wrong_page_size_is_a_400_problem(api, officer, household, value):
    response = api(officer).get("/api/v1/households/", {"page_size": value})
    assert assert_problem(response, 400, "validation_error")["errors"][0]["field"] == "page_size"


def test_a_right_page_size_works(api, officer, household):
    assert api(officer).get("/api/v1/households/", {"page_size": "100"}).status_code == 200


def test_a_number_for_a_text_field_is_refused(session_client, applicant):
    response = session_client(applicant).post("/api/v1/tokens/", {"name": 12345}, content_type="application/json")
    body = assert_problem(response, 400, "validation_error")
    assert body["errors"][0]["field"] == "name" and body["errors"][0]["code"] == "invalid_type"


def test_text_for_a_number_field_is_refused(session_client, applicant):
    response = session_client(applicant).post(
        "/api/v1/tokens/", {"name": "a", "expires_in_days": "30"}, content_type="application/json"
    )
    assert assert_problem(response, 400, "validation_error")["errors"][0]["code"] == "invalid_type"


def test_completing_the_start_task_is_not_a_server_error(api, guide, household):
    from workflows.applicant_journey.services import journey_open

    journey = journey_open(household=household, actor=guide, care_types=["FOSTER"])
    start = Task.objects.filter(process_id=journey.pk).order_by("pk").first()
    assert start is not None
    response = api(guide).post(f"/api/v1/tasks/{start.pk}/complete/", {})
    assert response.status_code in {404, 409}
    assert response["Content-Type"].startswith("application/problem+json")

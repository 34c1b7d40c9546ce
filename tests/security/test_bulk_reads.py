"""Bulk reads are audited (issue 11, item 3): a list that shows identities is recorded as a read of every
record on it, and the applicant's "who accessed my file" says their file appeared in a list someone viewed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nrp.audit.models import AuditEvent
from tests.api.conftest import TokenClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    """``api(user)``: a program calling the API with the user's bearer token (as in tests/api)."""
    return TokenClient


def test_an_officers_household_list_over_the_api_records_every_listed_household(api, officer, household):
    response = api(officer).get("/api/v1/households/", {"page_size": 100})
    assert response.status_code == 200
    listed = {row["id"] for row in response.json()["results"]}
    assert household.pk in listed
    events = AuditEvent.objects.filter(actor=officer, action="read", object_type="core.household", details__list=True)
    assert {e.household_id for e in events} == listed


def test_an_officers_children_list_over_the_api_is_one_bulk_event_naming_the_cases(api, officer, ospod_worker):
    from tests.security import route_matrix as matrix

    world = matrix.World({"officer": officer, "ospod": ospod_worker, "other_officer": None})
    case = matrix._child_case_in(world, "Brno", officer)
    response = api(officer).get("/api/v1/children/", {"page_size": 100})
    assert response.status_code == 200
    event = AuditEvent.objects.get(actor=officer, object_type="child_mediation.childcase", details__list=True)
    assert case.pk in event.details["ids"]
    assert event.details["count"] == len(response.json()["results"])


def test_the_applicant_list_page_records_each_listed_household(client, officer, household):
    from workflows.applicant_journey.services import journey_open

    journey_open(household=household, actor=officer, care_types=["FOSTER"])
    client.force_login(officer)
    assert client.get(reverse("applicant_journey:list")).status_code == 200
    assert AuditEvent.objects.filter(actor=officer, household=household, details__list=True).exists()


def test_who_accessed_my_file_says_the_file_appeared_in_a_list(api, client, officer, household, applicant):
    api(officer).get("/api/v1/households/")
    client.force_login(applicant)
    page = client.get(reverse("audit:my_file_access")).content.decode()
    assert "objevil v seznamu" in page
    assert officer.get_full_name() in page

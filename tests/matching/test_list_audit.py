"""The list of a case's stored rankings shows families' scores: each list view is one audited read of the case."""

from __future__ import annotations

import pytest
from django.urls import reverse

from matching.services import ranking_run
from nrp.audit.models import AuditEvent
from tests.api.conftest import TokenClient
from tests.matching.conftest import TODAY, child_case, register_family

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_with_two_rankings(officer):
    register_family(age_min=3, age_max=8)
    register_family(age_max=2)
    case = child_case(ages=(5,))
    ranking_run(child_case=case, actor=officer, today=TODAY)
    ranking_run(child_case=case, actor=officer, today=TODAY)
    return case


def _list_reads(case):
    return AuditEvent.objects.filter(action="read", object_type="child_mediation.childcase", object_id=str(case.pk))


def test_the_rankings_screen_records_one_read_of_the_case(client, officer, case_with_two_rankings):
    case = case_with_two_rankings
    client.force_login(officer)
    assert client.get(reverse("matching:case_rankings", args=[case.pk])).status_code == 200
    [event] = _list_reads(case)
    assert event.actor == officer and event.region_id == case.region_id
    assert event.details["rankings"] == 2
    assert "Tajné" not in str(event.details)


def test_the_rankings_list_api_records_one_read_of_the_case(officer, case_with_two_rankings):
    case = case_with_two_rankings
    response = TokenClient(officer).get(f"/api/v1/children/{case.pk}/rankings/")
    assert response.status_code == 200, response.content
    [event] = _list_reads(case)
    assert event.actor == officer and event.region_id == case.region_id
    assert event.details["rankings"] == 2 and event.details["channel"] == "api"


def test_a_refused_list_records_no_read(client, other_officer, case_with_two_rankings):
    case = case_with_two_rankings
    client.force_login(other_officer)
    assert client.get(reverse("matching:case_rankings", args=[case.pk])).status_code == 404
    assert TokenClient(other_officer).get(f"/api/v1/children/{case.pk}/rankings/").status_code == 404
    assert not _list_reads(case).exists()

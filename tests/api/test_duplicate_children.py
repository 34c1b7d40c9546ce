"""A child already proposed and still open (same ORP, name and birth date) is not proposed again without an explicit
confirmation: the API answers a 409 problem ``duplicate_child`` unless ``confirm_duplicate: true``; the screen shows
a confirmation step with the open case. Two searches for one child could approach two families for it."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from nrp.audit.models import AuditAction, AuditEvent
from tests.api.conftest import assert_problem
from tests.child_mediation.test_views import proposal_post
from tests.factories import orp
from workflows.child_mediation import services
from workflows.child_mediation.models import ChildCase

pytestmark = pytest.mark.django_db

LIST = "/api/v1/children/"


def proposal(**overrides) -> dict:
    body = {
        "orp": orp("Brno").pk,
        "care_types_sought": ["FOSTER"],
        "children": [
            {
                "first_name": "Kryštof",
                "last_name": "Navržený",
                "date_of_birth": "2020-05-01",
                "sex": "M",
                "legal_status": "not_free",
            }
        ],
    }
    body.update(overrides)
    return body


@pytest.fixture
def first(api, ospod_worker):
    response = api(ospod_worker).post(LIST, proposal())
    assert response.status_code == 201, response.content
    return ChildCase.objects.get(pk=response.json()["id"])


def test_the_same_open_child_is_a_409_problem_naming_the_open_case(api, ospod_worker, first):
    again = proposal()
    again["children"][0].update(first_name=" kryštof ", last_name="NAVRŽENÝ")  # typed differently, same child
    body = assert_problem(api(ospod_worker).post(LIST, again), 409, "duplicate_child")
    assert first.reference in body["detail"] and "potvrďte" in body["detail"]
    assert ChildCase.objects.count() == 1


def test_confirmed_as_another_child_it_is_proposed_and_the_trail_names_the_other_case(api, ospod_worker, first):
    response = api(ospod_worker).post(LIST, proposal(confirm_duplicate=True))
    assert response.status_code == 201, response.content
    created = AuditEvent.objects.filter(action=AuditAction.CREATE, details__duplicate_of__isnull=False).get()
    assert created.details["duplicate_of"] == [first.pk]
    assert created.object_id == str(response.json()["id"])


def test_another_birth_date_or_orp_is_not_a_duplicate(api, ospod_worker, first):
    other = proposal()
    other["children"][0]["date_of_birth"] = "2020-05-02"
    assert api(ospod_worker).post(LIST, other).status_code == 201


def test_a_closed_case_does_not_block_a_new_proposal(api, ospod_worker, officer, first):
    services.case_register(case=first, officer=officer)
    services.case_close(case=first, officer=officer, reason="returned_home", note="Vrátil se k matce.")
    assert api(ospod_worker).post(LIST, proposal()).status_code == 201


def test_the_schema_documents_the_409_and_the_confirmation():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    post = schema["paths"][LIST]["post"]
    assert "409" in post["responses"]
    assert "confirm_duplicate" in schema["components"]["schemas"]["ChildProposalRequest"]["properties"]


# --- the screen: a confirmation step -------------------------------------------------------------------------------
def test_the_screen_shows_the_open_case_and_proposes_only_when_confirmed(client, ospod_worker):
    cache.clear()
    client.force_login(ospod_worker)
    url = reverse("child_mediation:propose")
    assert client.post(url, proposal_post(1)).status_code == 302
    existing = ChildCase.objects.get()
    page = client.post(url, proposal_post(1))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Toto dítě už je navržené" in html and existing.reference in html
    assert reverse("child_mediation:detail", args=[existing.pk]) in html
    assert 'name="confirm_duplicate" value="1"' in html
    assert ChildCase.objects.count() == 1
    confirmed = client.post(url, {**proposal_post(1), "confirm_duplicate": "1"})
    assert confirmed.status_code == 302
    assert ChildCase.objects.count() == 2

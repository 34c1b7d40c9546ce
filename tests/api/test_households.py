"""Households through the API are scoped exactly as the screens (nrp.core.selectors); out of scope is 404."""

from __future__ import annotations

import pytest

from nrp.audit.models import AuditEvent
from tests.api.conftest import assert_problem
from tests.factories import household_with_members

pytestmark = pytest.mark.django_db

LIST = "/api/v1/households/"


@pytest.fixture
def ostrava_household(other_guide, other_organisation):
    return household_with_members(residence="Ostrava", guide=other_guide, organisation=other_organisation)


@pytest.fixture
def households(household, other_household, ostrava_household):
    """home: Brno in the caseload of ``guide``; Ostrava: in Moravskoslezský kraj, guided by ``other_guide``."""
    return {"home": household, "ostrava": other_household}


# persona -> which of the households it may see
VISIBILITY = [
    ("applicant", {"home"}),
    ("partner", {"home"}),
    ("guide", {"home"}),
    ("other_guide", {"ostrava"}),
    ("ospod_worker", {"home"}),
    ("officer", {"home"}),
    ("other_officer", {"ostrava"}),
    ("assessor", set()),
    ("administrator", set()),
]


@pytest.mark.parametrize(("persona", "visible"), VISIBILITY)
def test_list_shows_exactly_the_households_in_scope(request, api, households, persona, visible):
    user = request.getfixturevalue(persona)
    body = api(user).get(LIST).json()
    expected = {households[name].pk for name in visible}
    listed = {item["id"] for item in body["results"]}
    assert households["home"].pk in listed if "home" in visible else households["home"].pk not in listed
    assert listed >= expected
    assert households["ostrava"].pk not in listed or "ostrava" in visible


@pytest.mark.parametrize(("persona", "visible"), VISIBILITY)
def test_detail_in_scope_is_200_and_out_of_scope_is_404(request, api, households, persona, visible):
    program = api(request.getfixturevalue(persona))
    for name, household in households.items():
        response = program.get(f"{LIST}{household.pk}/")
        if name in visible:
            assert response.status_code == 200
            assert response.json()["id"] == household.pk
        else:
            assert_problem(response, 404, "not_found")


def test_out_of_scope_and_nonexistent_households_look_the_same(api, officer, other_household):
    program = api(officer)
    foreign = program.get(f"{LIST}{other_household.pk}/").json()
    missing = program.get(f"{LIST}{other_household.pk + 100000}/").json()
    assert {k: v for k, v in foreign.items() if k != "instance"} == {
        k: v for k, v in missing.items() if k != "instance"
    }


def test_anonymous_gets_401(api, household):
    assert_problem(api(None).get(LIST), 401)
    assert_problem(api(None).get(f"{LIST}{household.pk}/"), 401)


def test_household_detail_shows_members_region_and_guide(api, guide, household):
    body = api(guide).get(f"{LIST}{household.pk}/").json()
    assert [m["first_name"] for m in body["members"]] == ["Jana", "Petr"]
    assert body["residence_orp"]["name"] == "Brno"
    assert body["region"]["code"] == 116
    assert body["guide"]["id"] == guide.pk


def test_reading_a_household_is_audited(api, officer, household):
    api(officer).get(f"{LIST}{household.pk}/")
    event = AuditEvent.objects.get(actor=officer, object_id=str(household.pk))
    assert event.action == "read"
    assert event.household_id == household.pk


def test_officer_filters_households_by_orp(api, officer, household, jmk):
    other_in_region = household_with_members(residence="Hodonín")
    program = api(officer)
    by_orp = program.get(LIST, {"residence_orp": household.residence_orp_id}).json()
    assert {item["id"] for item in by_orp["results"]} == {household.pk}
    in_region = program.get(LIST, {"region": jmk.pk}).json()
    assert {item["id"] for item in in_region["results"]} == {household.pk, other_in_region.pk}


def test_filter_cannot_widen_the_scope(api, officer, other_household, msk):
    body = api(officer).get(LIST, {"region": msk.pk}).json()
    assert body["count"] == 0

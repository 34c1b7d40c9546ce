"""Regions and ORP: reference data for every signed-in user, filterable by region."""

from __future__ import annotations

import pytest

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db

PERSONAS = ["applicant", "guide", "ospod_worker", "officer", "other_officer", "assessor", "administrator"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_signed_in_role_lists_the_14_regions(request, api, persona):
    body = api(request.getfixturevalue(persona)).get("/api/v1/regions/").json()
    assert body["count"] == 14
    assert body["results"][0]["code"] < body["results"][1]["code"]


def test_anonymous_cannot_read_reference_data(api):
    assert_problem(api(None).get("/api/v1/regions/"), 401, "not_authenticated")
    assert_problem(api(None).get("/api/v1/orps/"), 401, "not_authenticated")


def test_orps_filter_by_region_id_and_code(api, officer, jmk):
    program = api(officer)
    by_id = program.get("/api/v1/orps/", {"region": jmk.pk, "page_size": 100}).json()
    by_code = program.get("/api/v1/orps/", {"region_code": 116, "page_size": 100}).json()
    assert by_id["count"] == by_code["count"] == jmk.orps.count()
    assert {o["region"] for o in by_id["results"]} == {jmk.pk}
    assert "Brno" in {o["name"] for o in by_id["results"]}


def test_orps_are_paginated_with_a_bounded_page_size(api, officer):
    body = api(officer).get("/api/v1/orps/", {"page_size": 1000}).json()
    assert body["count"] > 200
    assert len(body["results"]) == 100
    assert body["next"] and body["previous"] is None


def test_orps_order_by_name_descending(api, officer):
    names = [o["name"] for o in api(officer).get("/api/v1/orps/", {"ordering": "-name"}).json()["results"]]
    assert names == sorted(names, reverse=True)


def test_region_detail_and_unknown_region(api, officer, jmk):
    program = api(officer)
    assert program.get(f"/api/v1/regions/{jmk.pk}/").json()["name"] == "Jihomoravský kraj"
    assert_problem(program.get("/api/v1/regions/999999/"), 404, "not_found")
    assert_problem(program.get("/api/v1/orps/999999/"), 404, "not_found")

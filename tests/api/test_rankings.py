"""Matching through the API: only the officers of the child's region run and read rankings (§19a); every
stored ranking shown is audited; the region's weights change only with If-Match."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from matching.models import MatchingWeights, RankingRun
from matching.services import ranking_run
from nrp.audit.models import AuditEvent
from tests.api import test_children as shared
from tests.api.conftest import assert_problem
from tests.child_mediation.conftest import make_ready, propose
from workflows.child_mediation import services

pytestmark = pytest.mark.django_db

# The children fixtures of test_children.py (a home child, a child of another region, approved families).
other_case, other_ospod, families = shared.other_case, shared.other_ospod, shared.families


@pytest.fixture
def home_case(ospod_worker, officer):
    """A child of ORP Brno in the register, whose file holds what the law asks before matching."""
    case = services.case_register(
        case=propose(ospod_worker), officer=officer, registered_on=timezone.localdate() - timedelta(days=5)
    )
    return make_ready(case, officer)


NOT_MATCHING = ["ospod_worker", "guide", "applicant", "assessor", "administrator"]


def rankings_url(case) -> str:
    return f"/api/v1/children/{case.pk}/rankings/"


def weights_url(region) -> str:
    return f"/api/v1/regions/{region.pk}/matching-weights/"


# --- run and list ----------------------------------------------------------------------------------------------------
def test_officer_runs_a_ranking_with_reasons_and_it_is_stored(api, officer, home_case, families):
    response = api(officer).post(rankings_url(home_case), {})
    assert response.status_code == 201, response.content
    body = response.json()
    run = RankingRun.objects.get(pk=body["id"])
    assert run.child_case_id == home_case.pk
    assert body["scope"] == "regional"
    assert body["eligible_count"] == len(body["results"]) == 3
    assert {row["entry_id"] for row in body["results"]} == {f.pk for f in families}
    first = body["results"][0]
    assert first["rank"] == 1
    assert abs(sum(c["contribution"] for c in first["criteria"]) - first["total"]) < 1e-3
    assert all(c["reason"]["text"] and c["label"] for c in first["criteria"])
    assert body["child_profile"]["children"][0]["legal_status"] == "free"
    assert "Anežka" not in response.content.decode()


def test_showing_a_new_ranking_is_audited(api, officer, home_case, families):
    body = api(officer).post(rankings_url(home_case), {}).json()
    event = AuditEvent.objects.get(actor=officer, action="read", object_id=str(body["id"]))
    assert event.details["child_case_id"] == home_case.pk


def test_national_flag_runs_over_every_region(api, officer, home_case, families):
    body = api(officer).post(rankings_url(home_case), {"national": True}).json()
    assert body["scope"] == "national"


def test_family_approached_for_another_child_is_left_out(api, officer, ospod_worker, home_case, families):
    from tests.child_mediation.conftest import held_conference, propose

    other = services.case_register(case=propose(ospod_worker), officer=officer)
    held_conference(other, officer, [families[0]])
    services.approach_start_next(case=other, officer=officer)
    program = api(officer)
    body = program.post(rankings_url(home_case), {}).json()
    assert families[0].pk not in {row["entry_id"] for row in body["results"]}
    excluded = program.get(f"/api/v1/rankings/{body['id']}/excluded-families/").json()
    assert {"entry_id": families[0].pk, "rule": "currently_approached"} in excluded["results"]


def test_closed_case_is_not_ranked(api, officer, home_case):
    services.case_close(case=home_case, officer=officer, reason="other", note="Jiné řešení.")
    body = assert_problem(api(officer).post(rankings_url(home_case), {}), 400)
    assert body["errors"][0]["code"] == "case_not_rankable"
    assert not RankingRun.objects.exists()


def test_officer_lists_the_stored_rankings_newest_first(api, officer, home_case, families):
    older = ranking_run(child_case=home_case, actor=officer)
    newer = ranking_run(child_case=home_case, actor=officer, national=True)
    body = api(officer).get(rankings_url(home_case)).json()
    assert [row["id"] for row in body["results"]] == [newer.pk, older.pk]
    assert body["results"][0]["created_by"]["id"] == officer.pk


@pytest.mark.parametrize("persona", NOT_MATCHING)
def test_roles_outside_matching_get_403(request, api, officer, home_case, persona):
    run = ranking_run(child_case=home_case, actor=officer)
    program = api(request.getfixturevalue(persona))
    assert_problem(program.get(rankings_url(home_case)), 403, "role_required")
    assert_problem(program.post(rankings_url(home_case), {}), 403, "role_required")
    assert_problem(program.get(f"/api/v1/rankings/{run.pk}/"), 403, "role_required")
    assert RankingRun.objects.count() == 1


def test_other_regions_officer_gets_404_for_rankings(api, officer, other_officer, home_case):
    run = ranking_run(child_case=home_case, actor=officer)
    program = api(other_officer)
    assert_problem(program.get(rankings_url(home_case)), 404, "not_found")
    assert_problem(program.post(rankings_url(home_case), {}), 404, "not_found")
    assert_problem(program.get(f"/api/v1/rankings/{run.pk}/"), 404, "not_found")
    assert RankingRun.objects.count() == 1


# --- stored ranking --------------------------------------------------------------------------------------------------
def test_stored_ranking_detail_is_shown_and_audited(api, officer, home_case, families):
    run = ranking_run(child_case=home_case, actor=officer)
    response = api(officer).get(f"/api/v1/rankings/{run.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert [row["entry_id"] for row in body["results"]] == [row["entry_id"] for row in run.results]
    assert body["child_case"] == {"id": home_case.pk, "reference": home_case.reference}
    assert set(body["weights"]) >= {"age_preference", "waiting_time"}
    assert AuditEvent.objects.filter(actor=officer, action="read", object_id=str(run.pk)).count() == 1


def test_ranking_reasons_follow_the_request_language(api, officer, home_case, families):
    run = ranking_run(child_case=home_case, actor=officer)
    program = api(officer)
    czech = program.get(f"/api/v1/rankings/{run.pk}/").json()
    english = program.get(f"/api/v1/rankings/{run.pk}/", headers={"Accept-Language": "en"}).json()
    assert (
        czech["results"][0]["criteria"][0]["reason"]["code"] == english["results"][0]["criteria"][0]["reason"]["code"]
    )
    assert czech["results"][0]["criteria"][0]["label"] != english["results"][0]["criteria"][0]["label"]


def test_stored_ranking_is_read_one_page_at_a_time(api, officer, home_case):
    from tests.child_mediation.conftest import make_entry

    for _ in range(7):
        make_entry()
    run = ranking_run(child_case=home_case, actor=officer)
    program = api(officer)
    first = program.get(f"/api/v1/rankings/{run.pk}/?page_size=3").json()
    second = program.get(f"/api/v1/rankings/{run.pk}/?page=2&page_size=3").json()
    third = program.get(f"/api/v1/rankings/{run.pk}/?page=3&page_size=3").json()
    assert first["eligible_count"] == 7 and first["page"] == 1 and first["page_size"] == 3
    assert [row["rank"] for row in first["results"] + second["results"] + third["results"]] == list(range(1, 8))
    assert [row["entry_id"] for row in second["results"]] == [row["entry_id"] for row in run.results[3:6]]
    assert_problem(program.get(f"/api/v1/rankings/{run.pk}/?page=4&page_size=3"), 404, "not_found")
    assert_problem(program.get(f"/api/v1/rankings/{run.pk}/?page=0"), 404, "not_found")


def test_excluded_families_are_listed_page_by_page_and_by_rule(api, officer, other_officer, home_case):
    from tests.child_mediation.conftest import make_entry

    too_young = [make_entry() for _ in range(3)]
    for entry in too_young:
        entry.profile.age_min, entry.profile.age_max = 0, 1
        entry.profile.save()
    other_region = make_entry("Ostrava")
    other_region.profile.accepts_other_regions = False
    other_region.profile.save()
    run = ranking_run(child_case=home_case, actor=officer, national=True)
    url = f"/api/v1/rankings/{run.pk}/excluded-families/"
    program = api(officer)
    everyone = program.get(url).json()
    assert everyone["count"] == 4
    # Ordered by rule, then entry id.
    expected = [{"entry_id": e.pk, "rule": "age"} for e in sorted(too_young, key=lambda e: e.pk)]
    expected += [{"entry_id": other_region.pk, "rule": "other_region"}]
    assert everyone["results"] == expected
    pages = [program.get(f"{url}?page_size=1&page={n}").json()["results"] for n in range(1, 5)]
    assert [row for page in pages for row in page] == everyone["results"]
    assert program.get(f"{url}?rule=other_region").json()["results"] == [
        {"entry_id": other_region.pk, "rule": "other_region"}
    ]
    assert_problem(program.get(f"{url}?rule=nonsense"), 404, "not_found")
    assert_problem(api(other_officer).get(url), 404, "not_found")
    assert AuditEvent.objects.filter(actor=officer, action="read", object_id=str(run.pk)).count() == 6


def test_missing_ranking_is_404(api, officer):
    assert_problem(api(officer).get("/api/v1/rankings/987654321/"), 404, "not_found")


# --- weights --------------------------------------------------------------------------------------------------------
def test_officer_reads_the_default_weights_with_an_etag(api, officer, jmk):
    response = api(officer).get(weights_url(jmk))
    assert response.status_code == 200
    assert response["ETag"]
    body = response.json()
    assert body["is_default"] is True
    assert body["region"]["id"] == jmk.pk
    assert 0 <= body["waiting_time"] <= 1


def test_put_with_the_etag_stores_all_weights(api, officer, jmk):
    program = api(officer)
    etag = program.get(weights_url(jmk))["ETag"]
    values = {
        "age_preference": 0.5,
        "needs_experience": 0.5,
        "birth_family_distance": 1.0,
        "waiting_time": 0.2,
        "child_wishes": 0.8,
        "household_children": 0.0,
    }
    response = program.client.put(
        weights_url(jmk),
        values,
        content_type="application/json",
        headers={"Authorization": f"Bearer {program.secret}", "If-Match": etag},
    )
    assert response.status_code == 200, response.content
    assert response["ETag"] != etag
    row = MatchingWeights.objects.get(region=jmk)
    assert row.waiting_time == 0.2 and row.updated_by == officer
    assert response.json()["is_default"] is False


def test_patch_changes_only_the_weights_sent(api, officer, jmk):
    program = api(officer)
    before = program.get(weights_url(jmk))
    response = program.patch(weights_url(jmk), {"child_wishes": 0.1}, headers={"If-Match": before["ETag"]})
    assert response.status_code == 200, response.content
    after = response.json()
    assert after["child_wishes"] == 0.1
    assert after["waiting_time"] == before.json()["waiting_time"]


def test_weights_write_without_if_match_is_428_and_stale_is_412(api, officer, jmk):
    program = api(officer)
    etag = program.get(weights_url(jmk))["ETag"]
    assert_problem(program.patch(weights_url(jmk), {"child_wishes": 0.3}), 428, "precondition_required")
    assert program.patch(weights_url(jmk), {"child_wishes": 0.3}, headers={"If-Match": etag}).status_code == 200
    stale = program.patch(weights_url(jmk), {"child_wishes": 0.9}, headers={"If-Match": etag})
    assert_problem(stale, 412, "precondition_failed")
    assert MatchingWeights.objects.get(region=jmk).child_wishes == 0.3


def test_weights_outside_0_1_or_all_zero_are_refused(api, officer, jmk):
    program = api(officer)
    etag = program.get(weights_url(jmk))["ETag"]
    assert_problem(program.patch(weights_url(jmk), {"child_wishes": 1.5}, headers={"If-Match": etag}), 400)
    zeros = dict.fromkeys(
        [
            "age_preference",
            "needs_experience",
            "birth_family_distance",
            "waiting_time",
            "child_wishes",
            "household_children",
        ],
        0,
    )
    body = assert_problem(program.patch(weights_url(jmk), zeros, headers={"If-Match": etag}), 400)
    assert body["errors"][0]["code"] == "weights_all_zero"
    assert not MatchingWeights.objects.exists()


def test_weights_of_another_region_are_404_and_other_roles_403(api, other_officer, guide, ospod_worker, jmk):
    assert_problem(api(other_officer).get(weights_url(jmk)), 404, "not_found")
    assert_problem(api(other_officer).patch(weights_url(jmk), {"child_wishes": 0.3}, headers={"If-Match": "*"}), 404)
    assert_problem(api(guide).get(weights_url(jmk)), 403, "role_required")
    assert_problem(api(ospod_worker).get(weights_url(jmk)), 403, "role_required")
    assert not MatchingWeights.objects.exists()


# --- schema ---------------------------------------------------------------------------------------------------------
MATCHING_OPERATIONS = {
    ("/api/v1/children/{id}/rankings/", "get"),
    ("/api/v1/children/{id}/rankings/", "post"),
    ("/api/v1/rankings/{id}/", "get"),
    ("/api/v1/rankings/{id}/excluded-families/", "get"),
    ("/api/v1/regions/{id}/matching-weights/", "get"),
    ("/api/v1/regions/{id}/matching-weights/", "put"),
    ("/api/v1/regions/{id}/matching-weights/", "patch"),
}


def test_schema_documents_the_matching_operations_and_conditional_writes():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    listed = {(path, method) for path, item in schema["paths"].items() for method in item}
    assert listed >= MATCHING_OPERATIONS
    for method in ("put", "patch"):
        operation = schema["paths"]["/api/v1/regions/{id}/matching-weights/"][method]
        assert any(p["name"] == "If-Match" and p["required"] for p in operation["parameters"])
        assert {"412", "428", "404", "403"} <= operation["responses"].keys()
    scope = schema["components"]["schemas"]["ScopeEnum"]["enum"]
    assert set(scope) == {"regional", "national"}


# --- the child's wish signals ------------------------------------------------------------------------------------
def test_officer_records_the_childs_wish_signals_with_if_match(api, officer, home_case):
    from matching.models import ChildWishSignals

    program = api(officer)
    signals = f"/api/v1/children/{home_case.pk}/wish-signals/"
    read = program.get(signals)
    assert read.json() == {"child_case_id": home_case.pk, "flags": [], "recorded_at": None}
    headers = {"Authorization": f"Bearer {program.secret}"}
    put = program.client.put(
        signals,
        {"flags": ["near_home"]},
        content_type="application/json",
        headers={**headers, "If-Match": read["ETag"]},
    )
    assert put.status_code == 200, put.content
    assert put.json()["flags"] == ["near_home"]
    stale = program.client.put(
        signals,
        {"flags": ["only_child"]},
        content_type="application/json",
        headers={**headers, "If-Match": read["ETag"]},
    )
    assert_problem(stale, 412, "precondition_failed")
    assert ChildWishSignals.objects.get(child_case=home_case).flags == ["near_home"]


def test_wish_signals_are_for_the_regions_officers_only(api, guide, ospod_worker, other_officer, home_case):
    signals = f"/api/v1/children/{home_case.pk}/wish-signals/"
    assert_problem(api(guide).get(signals), 403, "role_required")
    assert_problem(api(ospod_worker).get(signals), 403, "role_required")
    assert_problem(api(other_officer).get(signals), 404, "not_found")


# --- waiting statistics ------------------------------------------------------------------------------------------
def test_officer_reads_how_long_the_regions_children_wait(api, officer, other_officer, guide, jmk, home_case):
    body = api(officer).get(f"/api/v1/regions/{jmk.pk}/waiting-statistics/").json()
    groups = {row["code"]: row for row in body}
    assert groups["all"]["count"] == 1
    assert groups["all"]["median_days"] == 5
    assert groups["siblings"]["count"] == 0 and groups["siblings"]["median_days"] is None
    assert_problem(api(other_officer).get(f"/api/v1/regions/{jmk.pk}/waiting-statistics/"), 404)
    assert_problem(api(guide).get(f"/api/v1/regions/{jmk.pk}/waiting-statistics/"), 403)

"""Approaches (§24: SELECTION, SELECTION_NOTICE_30_DAYS, SELECTION_EXTENSION) through the API: the next family of
the signed minutes is approached, answers and the one extension are written with If-Match (a stale answer is 412
and changes nothing)."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.api import test_children as shared
from tests.api.conftest import assert_problem
from tests.child_mediation.conftest import held_conference
from workflows.child_mediation import deadlines, services
from workflows.child_mediation.models import Approach, ApproachStatus, ChildCaseStatus

pytestmark = pytest.mark.django_db

# The children fixtures of test_children.py (a home child, a child of another region, approved families).
home_case, other_case, other_ospod, families = shared.home_case, shared.other_case, shared.other_ospod, shared.families

OTHERS = [("ospod_worker", 403), ("guide", 403), ("applicant", 403), ("other_officer", 404)]


@pytest.fixture
def approach(officer, home_case, families):
    held_conference(home_case, officer, families)
    return services.approach_start_next(case=home_case, officer=officer)


def url(approach, action: str = "") -> str:
    return f"/api/v1/approaches/{approach.pk}/{action}"


def test_officer_approaches_the_next_family_of_the_signed_minutes(api, officer, home_case, families):
    held_conference(home_case, officer, families)
    response = api(officer).post(f"/api/v1/children/{home_case.pk}/approaches/", {})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["entry_id"] == families[0].pk
    assert body["status"] == "open"
    assert body["position"] == 1
    home_case.refresh_from_db()
    assert home_case.status == ChildCaseStatus.APPROACHING


def test_approaching_without_signed_minutes_is_refused(api, officer, home_case):
    body = assert_problem(api(officer).post(f"/api/v1/children/{home_case.pk}/approaches/", {}), 400)
    assert body["errors"][0]["code"] == "signed_minutes_required"
    assert not Approach.objects.exists()


def test_officer_lists_the_approaches_of_the_child(api, officer, home_case, approach):
    body = api(officer).get(f"/api/v1/children/{home_case.pk}/approaches/").json()
    assert [row["id"] for row in body["results"]] == [approach.pk]
    assert body["results"][0]["case"]["reference"] == home_case.reference


@pytest.mark.parametrize(("persona", "status"), OTHERS)
def test_approaches_of_others_are_refused(request, api, home_case, approach, persona, status):
    program = api(request.getfixturevalue(persona))
    assert_problem(program.get(f"/api/v1/children/{home_case.pk}/approaches/"), status)
    assert_problem(program.get(url(approach)), status)
    answer = program.post(url(approach, "answer/"), {"accepted": True}, headers={"If-Match": "*"})
    assert_problem(answer, status)
    approach.refresh_from_db()
    assert approach.status == ApproachStatus.OPEN


def test_answer_without_if_match_is_428(api, officer, approach):
    assert_problem(api(officer).post(url(approach, "answer/"), {"accepted": True}), 428, "precondition_required")
    approach.refresh_from_db()
    assert approach.status == ApproachStatus.OPEN


def test_stale_answer_is_412_and_changes_nothing(api, officer, approach):
    program = api(officer)
    etag = program.get(url(approach))["ETag"]
    # meanwhile another officer extends the deadline: the approach changed
    extended = program.post(
        url(approach, "extension/"), {"days": 10, "reason": "Rodina čeká na lékaře."}, {"If-Match": etag}
    )
    assert extended.status_code == 200, extended.content
    stale = program.post(url(approach, "answer/"), {"accepted": False, "reason": "Nechce."}, headers={"If-Match": etag})
    assert_problem(stale, 412, "precondition_failed")
    approach.refresh_from_db()
    assert approach.status == ApproachStatus.OPEN
    assert approach.reason == ""
    assert Approach.objects.count() == 1


def test_acceptance_is_recorded(api, officer, approach):
    program = api(officer)
    etag = program.get(url(approach))["ETag"]
    response = program.post(url(approach, "answer/"), {"accepted": True}, headers={"If-Match": etag})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["approach"]["status"] == "accepted"
    assert body["next_approach"] is None


def test_decline_is_a_failed_match_and_the_next_family_is_approached(api, officer, approach, families):
    program = api(officer)
    etag = program.get(url(approach))["ETag"]
    response = program.post(
        url(approach, "answer/"), {"accepted": False, "reason": "Rodina se necítí připravena."}, {"If-Match": etag}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["approach"]["status"] == "declined"
    assert body["next_approach"]["entry_id"] == families[1].pk
    assert body["next_approach"]["position"] == 2


def test_decline_needs_a_reason(api, officer, approach):
    program = api(officer)
    etag = program.get(url(approach))["ETag"]
    body = assert_problem(program.post(url(approach, "answer/"), {"accepted": False}, headers={"If-Match": etag}), 400)
    assert body["errors"][0]["code"] == "reason_required"
    approach.refresh_from_db()
    assert approach.status == ApproachStatus.OPEN


def test_deadline_is_extended_only_once_by_at_most_30_days(api, officer, approach):
    program = api(officer)
    etag = program.get(url(approach))["ETag"]
    too_long = program.post(url(approach, "extension/"), {"days": 31, "reason": "Dlouho."}, headers={"If-Match": etag})
    assert_problem(too_long, 400)
    first = program.post(url(approach, "extension/"), {"days": 20, "reason": "Nemoc."}, headers={"If-Match": etag})
    assert first.status_code == 200, first.content
    # 30 + 20 days from the notice, the last day moved to a working day (DEADLINE_COUNTING).
    extended = deadlines.court_request_deadline(approach.notified_on, extended_by=20)
    assert first.json()["deadline"] == extended.isoformat()
    second = program.post(url(approach, "extension/"), {"days": 5, "reason": "Znovu."}, {"If-Match": first["ETag"]})
    body = assert_problem(second, 400)
    assert body["errors"][0]["code"] == "extension_only_once"
    approach.refresh_from_db()
    assert approach.extended_by_days == 20


def test_schema_documents_the_children_operations_with_if_match_on_answers():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = schema["paths"]
    expected = {
        ("/api/v1/children/", "get"),
        ("/api/v1/children/", "post"),
        ("/api/v1/children/{id}/", "get"),
        ("/api/v1/children/{id}/register/", "post"),
        ("/api/v1/children/{id}/close/", "post"),
        ("/api/v1/children/{id}/conferences/", "get"),
        ("/api/v1/children/{id}/conferences/", "post"),
        ("/api/v1/children/{id}/approaches/", "get"),
        ("/api/v1/children/{id}/approaches/", "post"),
        ("/api/v1/conferences/{id}/", "get"),
        ("/api/v1/conferences/{id}/minutes/", "get"),
        ("/api/v1/conferences/{id}/minutes/", "put"),
        ("/api/v1/minutes/{id}/", "get"),
        ("/api/v1/minutes/{id}/sign-off/", "post"),
        ("/api/v1/minutes/{id}/corrections/", "post"),
        ("/api/v1/approaches/{id}/", "get"),
        ("/api/v1/approaches/{id}/answer/", "post"),
        ("/api/v1/approaches/{id}/extension/", "post"),
    }
    assert expected <= {(path, method) for path, item in paths.items() for method in item}
    for path in (
        "/api/v1/approaches/{id}/answer/",
        "/api/v1/approaches/{id}/extension/",
        "/api/v1/minutes/{id}/sign-off/",
    ):
        operation = paths[path]["post"]
        assert any(p["name"] == "If-Match" and p["required"] for p in operation["parameters"]), path
        assert {"412", "428"} <= operation["responses"].keys(), path
    assert set(schema["components"]["schemas"]["AccessEnum"]["enum"]) == {"manage", "ospod", "anonymous"}


@pytest.mark.django_db(transaction=True)
def test_two_officers_answering_with_one_etag_let_exactly_one_through(api, officer, approach):
    import threading

    from django.db import connection
    from django.test import Client

    program = api(officer)
    etag = program.get(url(approach))["ETag"]
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def answer(accepted: bool) -> None:
        try:
            barrier.wait()
            response = Client().post(
                url(approach, "answer/"),
                {"accepted": accepted, "reason": "" if accepted else "Rodina odmítla."},
                content_type="application/json",
                headers={"Authorization": f"Bearer {program.secret}", "If-Match": etag},
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(accepted,)) for accepted in (True, False)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(statuses) == [200, 412]
    approach.refresh_from_db()
    assert approach.status in (ApproachStatus.ACCEPTED, ApproachStatus.DECLINED)

"""Applicant journeys through the API: who sees which journey (list, detail, mine), the guide's caseload and the
applicant register of the region. Same selectors as the screens (workflows.applicant_journey.selectors).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nrp.audit.models import AuditAction, AuditEvent
from nrp.core.choices import CareType, Role
from tests.api.conftest import assert_problem
from tests.applicant_journey import walk
from tests.factories import household_with_members, orp, user_with_role
from workflows.applicant_journey import services
from workflows.applicant_journey.models import ApplicantJourney, ApplicantRegisterEntry, JourneyStage

pytestmark = pytest.mark.django_db

LIST = "/api/v1/journeys/"
MINE = "/api/v1/journeys/mine/"
CASELOAD = "/api/v1/caseload/"
REGISTER = "/api/v1/register/"


def detail(journey) -> str:
    return f"{LIST}{journey.pk}/"


@pytest.fixture(autouse=True)
def document_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documents"
    return settings.MEDIA_ROOT


@pytest.fixture
def journey(household, guide):
    """The Brno couple's journey (Jihomoravský kraj), at the information meeting with their guide."""
    return services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])


@pytest.fixture
def other_journey(other_household, other_guide):
    """A journey of a household from Ostrava (Moravskoslezský kraj)."""
    return services.journey_open(household=other_household, actor=other_guide, care_types=[CareType.FOSTER])


@pytest.fixture
def other_ospod():
    return user_with_role(Role.OSPOD, email="ospod.ostrava@test.nrp.example", orp=orp("Ostrava"))


# --- list ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("persona", "visible"),
    [
        ("applicant", {"home"}),
        ("partner", {"home"}),
        ("guide", {"home"}),
        ("ospod_worker", {"home"}),
        ("officer", {"home"}),
        ("other_officer", {"other"}),
        ("other_guide", {"other"}),
        ("other_ospod", {"other"}),
        ("assessor", set()),  # not assigned to any journey yet
    ],
)
def test_list_shows_exactly_the_journeys_in_scope(request, api, journey, other_journey, persona, visible):
    journeys = {"home": journey, "other": other_journey}
    response = api(request.getfixturevalue(persona)).get(LIST)
    assert response.status_code == 200, response.content
    body = response.json()
    assert {row["id"] for row in body["results"]} == {journeys[name].pk for name in visible}
    assert body["count"] == len(visible)


def test_list_row_carries_stage_deadline_and_people(api, journey, guide):
    row = api(guide).get(LIST).json()["results"][0]
    assert row["stage"] == JourneyStage.INTEREST
    assert row["next_due_on"] is not None
    assert row["days_in_stage"] == 0
    assert row["residence_orp"]["name"] == "Brno"
    assert row["guide"]["id"] == guide.pk
    assert {m["full_name"] for m in row["members"]} == {"Jana Malá", "Petr Malý"}
    assert row["closed"] is False


def test_administrator_gets_403_and_anonymous_401(api, administrator, journey):
    assert_problem(api(administrator).get(LIST), 403, "role_required")
    assert_problem(api(administrator).get(detail(journey)), 403, "role_required")
    assert_problem(api(None).get(LIST), 401)
    assert_problem(api(None).get(detail(journey)), 401)


def test_list_filters_by_stage_and_cannot_widen_the_scope(api, officer, journey, other_journey, guide, ospod_worker):
    second = services.journey_open(
        household=household_with_members(residence="Brno", guide=guide), actor=guide, care_types=[CareType.FOSTER]
    )
    walk.to_application(second, guide)
    program = api(officer)
    assert [r["id"] for r in program.get(LIST, {"stage": "application"}).json()["results"]] == [second.pk]
    assert [r["id"] for r in program.get(LIST, {"stage": "interest"}).json()["results"]] == [journey.pk]
    assert program.get(LIST, {"region": other_journey.region_id}).json()["count"] == 0
    assert_problem(program.get(LIST, {"stage": "nonsense"}), 400)


def test_list_orders_by_next_deadline(api, officer, journey, guide):
    second = services.journey_open(
        household=household_with_members(residence="Brno", guide=guide), actor=guide, care_types=[CareType.FOSTER]
    )
    ApplicantJourney.objects.filter(pk=second.pk).update(next_due_on=timezone.localdate() - timedelta(days=3))
    body = api(officer).get(LIST, {"ordering": "next_due_on"}).json()
    assert [r["id"] for r in body["results"]] == [second.pk, journey.pk]
    assert body["results"][0]["overdue"] is True


# --- detail ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona", ["applicant", "guide", "ospod_worker", "officer"])
def test_detail_in_scope_shows_progress_and_is_audited(request, api, journey, persona):
    user = request.getfixturevalue(persona)
    response = api(user).get(detail(journey))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == journey.pk
    assert [s["stage"] for s in body["progress"]][:2] == ["interest", "application"]
    current = [s for s in body["progress"] if s["state"] == "current"]
    assert [s["stage"] for s in current] == ["interest"]
    assert current[0]["due_on"] == body["next_due_on"]
    assert all(s["date"] for s in body["progress"] if s["state"] == "next")  # expected dates of the steps ahead
    assert body["open_task"]["node"] == "information_meeting"
    assert AuditEvent.objects.filter(
        actor=user, action=AuditAction.READ, object_type="applicant_journey.applicantjourney", object_id=str(journey.pk)
    ).exists()


@pytest.mark.parametrize("persona", ["other_officer", "other_guide", "other_ospod", "assessor"])
def test_detail_out_of_scope_is_404(request, api, journey, persona):
    assert_problem(api(request.getfixturevalue(persona)).get(detail(journey)), 404, "not_found")


def test_missing_journey_is_404(api, officer):
    assert_problem(api(officer).get(f"{LIST}987654321/"), 404)


def test_detail_lists_missing_documents_and_items(api, journey, guide, ospod_worker, applicant):
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    services.application_check(
        journey=journey, actor=ospod_worker, outcome="incomplete", missing_items=["Zpráva lékaře"]
    )
    body = api(applicant).get(detail(journey)).json()
    assert body["stage"] == JourneyStage.INCOMPLETE
    assert body["missing_items"] == ["Zpráva lékaře"]
    kinds = {d["kind"] for d in body["missing_documents"]}
    assert {"form", "citizenship", "health", "economic", "consents"} <= kinds
    assert body["open_task"]["node"] == "complete_application"
    assert body["open_task"]["mine"] is True


def test_applicant_reads_mine_and_staff_cannot(api, journey, applicant, guide, officer):
    body = api(applicant).get(MINE).json()
    assert body["id"] == journey.pk
    assert_problem(api(guide).get(MINE), 403, "role_required")
    assert_problem(api(officer).get(MINE), 403, "role_required")


def test_applicant_without_a_journey_gets_404_on_mine(api):
    lonely = household_with_members(residence="Brno", couple=False).members.first().user
    assert_problem(api(lonely).get(MINE), 404)


# --- caseload ------------------------------------------------------------------------------------------------------
def test_caseload_is_for_guides_only(api, journey, applicant, ospod_worker, officer, administrator):
    for user in (applicant, ospod_worker, officer, administrator):
        assert_problem(api(user).get(CASELOAD), 403, "role_required")


def test_caseload_shows_only_own_people_with_flags(api, journey, other_journey, guide, other_guide):
    body = api(guide).get(CASELOAD).json()
    assert [r["id"] for r in body["results"]] == [journey.pk]
    row = body["results"][0]
    assert row["stage"] == "interest" and row["overdue"] is False and row["stuck"] is False
    assert "last_activity_at" in row
    assert [r["id"] for r in api(other_guide).get(CASELOAD).json()["results"]] == [other_journey.pk]


def test_caseload_filters_overdue_stuck_and_stage_and_orders(api, journey, guide):
    late = services.journey_open(
        household=household_with_members(residence="Brno", guide=guide), actor=guide, care_types=[CareType.FOSTER]
    )
    ApplicantJourney.objects.filter(pk=late.pk).update(
        next_due_on=timezone.localdate() - timedelta(days=2),
        last_activity_at=timezone.now() - timedelta(days=60),
    )
    program = api(guide)
    overdue = program.get(CASELOAD, {"overdue": "true"}).json()["results"]
    assert [r["id"] for r in overdue] == [late.pk]
    assert overdue[0]["overdue"] is True and overdue[0]["stuck"] is True
    assert [r["id"] for r in program.get(CASELOAD, {"stuck": "true"}).json()["results"]] == [late.pk]
    assert [r["id"] for r in program.get(CASELOAD, {"order": "due"}).json()["results"]] == [late.pk, journey.pk]
    assert [r["id"] for r in program.get(CASELOAD, {"order": "newest"}).json()["results"]] == [late.pk, journey.pk]
    assert program.get(CASELOAD, {"stage": "application"}).json()["count"] == 0
    assert_problem(program.get(CASELOAD, {"order": "nonsense"}), 400)
    assert_problem(program.get(CASELOAD, {"stage": "nonsense"}), 400)


def test_caseload_is_paginated(api, guide):
    for _ in range(3):
        services.journey_open(
            household=household_with_members(residence="Brno", guide=guide, couple=False),
            actor=guide,
            care_types=[CareType.ADOPTION],
        )
    body = api(guide).get(CASELOAD, {"page_size": 2}).json()
    assert body["count"] == 3 and len(body["results"]) == 2 and body["next"]


# --- the applicant register ----------------------------------------------------------------------------------------
@pytest.fixture
def registered(journey, guide, ospod_worker, officer, assessor):
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    walk.make_final(journey, officer)
    return ApplicantRegisterEntry.objects.get(household=journey.household)


def test_register_lists_the_regions_families_with_profiles(api, registered, officer):
    body = api(officer).get(REGISTER).json()
    assert [r["id"] for r in body["results"]] == [registered.pk]
    row = body["results"][0]
    assert row["status"] == "active"
    assert row["care_types"] == ["ADOPTION"]
    assert row["profile"]["age_max"] == 6
    assert row["profile"]["legal_statuses"] == ["free"]
    assert {m["full_name"] for m in row["members"]} == {"Jana Malá", "Petr Malý"}


def test_register_filters_by_care_type_and_status(api, registered, officer):
    program = api(officer)
    assert program.get(REGISTER, {"care_type": "ADOPTION"}).json()["count"] == 1
    assert program.get(REGISTER, {"care_type": "FOSTER"}).json()["count"] == 0
    assert program.get(REGISTER, {"status": "paused"}).json()["count"] == 0
    services.register_entry_pause(entry=registered, actor=officer, reason="Stěhování.")
    assert program.get(REGISTER, {"status": "paused"}).json()["count"] == 1
    assert_problem(program.get(REGISTER, {"care_type": "nonsense"}), 400)


@pytest.mark.parametrize("persona", ["applicant", "guide", "ospod_worker", "assessor", "administrator"])
def test_register_is_for_officers_only(request, api, registered, persona):
    program = api(request.getfixturevalue(persona))
    assert_problem(program.get(REGISTER), 403, "role_required")
    assert_problem(program.get(f"{REGISTER}{registered.pk}/"), 403, "role_required")


def test_register_entry_of_another_region_is_404_and_detail_is_audited(api, registered, officer, other_officer):
    assert api(other_officer).get(REGISTER).json()["count"] == 0
    assert_problem(api(other_officer).get(f"{REGISTER}{registered.pk}/"), 404)
    response = api(officer).get(f"{REGISTER}{registered.pk}/")
    assert response.status_code == 200
    assert response.json()["profile"]["max_children"] == 2
    assert AuditEvent.objects.filter(
        actor=officer, action=AuditAction.READ, object_id=str(registered.pk), object_type__endswith="registerentry"
    ).exists()


# --- schema ----------------------------------------------------------------------------------------------------------
JOURNEY_OPERATIONS = {
    ("/api/v1/journeys/", "get"),
    ("/api/v1/journeys/mine/", "get"),
    ("/api/v1/journeys/{id}/", "get"),
    ("/api/v1/journeys/{id}/documents/", "get"),
    ("/api/v1/journeys/{id}/documents/", "post"),
    ("/api/v1/journeys/{id}/messages/", "get"),
    ("/api/v1/journeys/{id}/messages/", "post"),
    ("/api/v1/caseload/", "get"),
    ("/api/v1/tasks/", "get"),
    ("/api/v1/tasks/{id}/", "get"),
    ("/api/v1/tasks/{id}/claim/", "post"),
    ("/api/v1/tasks/{id}/complete/", "post"),
    ("/api/v1/documents/{id}/", "get"),
    ("/api/v1/documents/{id}/review/", "post"),
    ("/api/v1/document-versions/{id}/file/", "get"),
    ("/api/v1/register/", "get"),
    ("/api/v1/register/{id}/", "get"),
}


def test_schema_documents_every_journey_operation_with_enums_and_preconditions():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = {(path, method) for path, item in schema["paths"].items() for method in item}
    assert found >= JOURNEY_OPERATIONS
    review = schema["paths"]["/api/v1/documents/{id}/review/"]["post"]
    assert any(p["name"] == "If-Match" and p["required"] for p in review["parameters"])
    assert {"412", "428"} <= review["responses"].keys()
    upload = schema["paths"]["/api/v1/journeys/{id}/documents/"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert "409" in schema["paths"]["/api/v1/tasks/{id}/complete/"]["post"]["responses"]
    caseload_params = {p["name"] for p in schema["paths"]["/api/v1/caseload/"]["get"]["parameters"]}
    assert {"stage", "overdue", "stuck", "order", "page", "page_size"} <= caseload_params
    stage_enums = [
        component
        for component in schema["components"]["schemas"].values()
        if set(component.get("enum", [])) >= {"interest", "in_register", "withdrawn"}
    ]
    assert stage_enums, "the journey stages are a documented enum"


def test_a_look_at_a_journey_out_of_scope_is_recorded(api, journey, other_officer):
    assert_problem(api(other_officer).get(detail(journey)), 404)
    assert AuditEvent.objects.filter(
        actor=other_officer, action=AuditAction.DENIED, object_id=str(journey.pk), reason="scope"
    ).exists()

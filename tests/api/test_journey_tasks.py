"""Journey tasks through the API: my inbox and queue, claiming, completing a step with the step's own form and
service (the viewflow activation runs as from the screen), and two completions at once (one wins, the other 409).
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone, translation
from viewflow.workflow.models import Task

from nrp.core.choices import CareType, Role
from tests.api.conftest import TokenClient, assert_problem
from tests.applicant_journey import walk
from tests.factories import orp, user_with_role
from workflows.applicant_journey import services
from workflows.applicant_journey.models import EventKind, JourneyEvent, JourneyStage
from workflows.applicant_journey.services import tasks as task_services
from workflows.applicant_journey.services.application_steps import MISSING_ITEMS_REQUIRED
from workflows.applicant_journey.services.step_checks import DATE_IN_FUTURE
from workflows.applicant_journey.services.tasks import open_task

TASKS = "/api/v1/tasks/"


def complete_url(task) -> str:
    return f"{TASKS}{task.pk}/complete/"


def claim_url(task) -> str:
    return f"{TASKS}{task.pk}/claim/"


@pytest.fixture(autouse=True)
def document_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documents"
    return settings.MEDIA_ROOT


@pytest.fixture
def journey(household, guide):
    return services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])


@pytest.fixture
def colleague():
    """A second OSPOD worker of ORP Brno."""
    return user_with_role(Role.OSPOD, email="ospod2@test.nrp.example", orp=orp("Brno"))


@pytest.fixture
def other_ospod():
    return user_with_role(Role.OSPOD, email="ospod.ostrava@test.nrp.example", orp=orp("Ostrava"))


def meeting_data(**over):
    data = {"met_on": timezone.localdate().isoformat(), "care_types": ["ADOPTION", "FOSTER"], "note": ""}
    data.update(over)
    return data


@pytest.mark.django_db
class TestTaskList:
    def test_guide_sees_the_information_meeting_in_the_inbox(self, api, journey, guide):
        body = api(guide).get(TASKS).json()
        assert body["count"] == 1
        row = body["results"][0]
        assert row["node"] == "information_meeting" and row["mine"] is True and row["api_form"] is True
        assert row["journey_id"] == journey.pk and row["due_on"]

    def test_unassigned_task_is_in_the_queue_of_colleagues_in_scope_only(
        self, api, journey, guide, ospod_worker, colleague, other_ospod
    ):
        walk.to_application(journey, guide)
        task = open_task(journey, "file_application")
        Task.objects.filter(pk=task.pk).update(owner=None, status="NEW")
        queue = api(colleague).get(TASKS, {"box": "queue"}).json()["results"]
        assert [r["id"] for r in queue] == [task.pk]
        assert queue[0]["mine"] is False and queue[0]["owner"] is None
        assert api(colleague).get(TASKS, {"box": "inbox"}).json()["count"] == 0
        assert api(other_ospod).get(TASKS).json()["count"] == 0
        assert_problem(api(colleague).get(TASKS, {"box": "nonsense"}), 400)

    def test_administrator_gets_403(self, api, administrator, journey):
        assert_problem(api(administrator).get(TASKS), 403, "role_required")

    def test_task_detail_lists_the_form_fields(self, api, journey, guide, other_officer):
        task = open_task(journey)
        body = api(guide).get(f"{TASKS}{task.pk}/").json()
        fields = {f["name"]: f for f in body["fields"]}
        assert fields["met_on"]["required"] is True and fields["met_on"]["type"] == "DateField"
        assert set(fields["care_types"]["choices"]) == {"ADOPTION", "FOSTER", "FOSTER_TEMP"}
        assert_problem(api(other_officer).get(f"{TASKS}{task.pk}/"), 404)


@pytest.mark.django_db
class TestClaim:
    def test_colleague_claims_an_unassigned_task(self, api, journey, guide, colleague):
        walk.to_application(journey, guide)
        task = open_task(journey, "file_application")
        Task.objects.filter(pk=task.pk).update(owner=None, status="NEW")
        response = api(colleague).post(claim_url(task))
        assert response.status_code == 200, response.content
        assert response.json()["mine"] is True
        task.refresh_from_db()
        assert task.owner_id == colleague.pk
        assert JourneyEvent.objects.filter(journey=journey, kind=EventKind.ASSIGNED, actor=colleague).exists()

    def test_claim_out_of_scope_is_404_and_wrong_role_is_403(
        self, api, journey, guide, ospod_worker, other_ospod, applicant
    ):
        walk.to_application(journey, guide)
        task = open_task(journey, "file_application")
        assert_problem(api(other_ospod).post(claim_url(task)), 404)
        # the applicant sees the journey but may not do the OSPOD's step
        assert_problem(api(applicant).post(claim_url(task)), 403, "task_not_yours")
        task.refresh_from_db()
        assert task.owner_id == ospod_worker.pk

    def test_claiming_a_finished_task_is_409(self, api, journey, guide, ospod_worker):
        task = open_task(journey)
        walk.to_application(journey, guide)
        assert_problem(api(guide).post(claim_url(task)), 409, "already_done")


@pytest.mark.django_db
class TestComplete:
    def test_guide_completes_the_information_meeting_and_the_process_moves(self, api, journey, guide, ospod_worker):
        task = open_task(journey)
        response = api(guide).post(complete_url(task), meeting_data())
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["stage"] == JourneyStage.APPLICATION
        assert body["care_types"] == ["ADOPTION", "FOSTER"]
        assert body["open_task"]["node"] == "file_application"
        assert body["open_task"]["owner"]["id"] == ospod_worker.pk
        task.refresh_from_db()
        assert task.status == "DONE" and task.owner_id == guide.pk
        assert JourneyEvent.objects.filter(journey=journey, kind=EventKind.STEP, step="information_meeting").exists()

    def test_errors_are_the_forms_czech_messages_and_nothing_moves(self, api, journey, guide):
        task = open_task(journey)
        future = (timezone.localdate() + timedelta(days=3)).isoformat()
        body = assert_problem(api(guide).post(complete_url(task), meeting_data(met_on=future)), 400, "validation_error")
        with translation.override("cs"):
            assert {"field": "met_on", "detail": str(DATE_IN_FUTURE)}.items() <= body["errors"][0].items()
        body = assert_problem(api(guide).post(complete_url(task), meeting_data(care_types=[])), 400)
        assert body["errors"][0]["field"] == "care_types"
        journey.refresh_from_db()
        assert journey.stage == JourneyStage.INTEREST

    def test_service_errors_are_the_services_czech_messages(self, api, journey, guide, ospod_worker):
        walk.to_application(journey, guide)
        walk.file_application(journey, ospod_worker)
        task = open_task(journey, "check_application")
        body = assert_problem(api(ospod_worker).post(complete_url(task), {"outcome": "incomplete"}), 400)
        with translation.override("cs"):
            assert body["errors"] == [
                {
                    "field": "missing_items",
                    "pointer": "#/missing_items",
                    "code": "invalid",
                    "detail": str(MISSING_ITEMS_REQUIRED),
                }
            ]
        assert open_task(journey, "check_application").pk == task.pk

    def test_unknown_fields_are_refused(self, api, journey, guide):
        task = open_task(journey)
        assert_problem(api(guide).post(complete_url(task), meeting_data(stage="in_register")), 400, "unknown_field")

    def test_another_users_task_is_404_and_stays_open(self, api, journey, guide, ospod_worker, officer, applicant):
        task = open_task(journey)
        for user in (ospod_worker, officer, applicant):
            assert_problem(api(user).post(complete_url(task), meeting_data()), 404)
        assert open_task(journey).pk == task.pk

    def test_out_of_scope_and_missing_tasks_are_404(self, api, journey, other_officer, other_guide):
        task = open_task(journey)
        assert_problem(api(other_guide).post(complete_url(task), meeting_data()), 404)
        assert_problem(api(other_officer).post(complete_url(task), meeting_data()), 404)
        assert_problem(api(other_guide).post(f"{TASKS}987654321/complete/", meeting_data()), 404)

    def test_administrator_is_refused_by_role(self, api, journey, administrator):
        assert_problem(api(administrator).post(complete_url(open_task(journey)), meeting_data()), 403, "role_required")

    def test_completing_a_finished_task_again_is_409(self, api, journey, guide):
        task = open_task(journey)
        program = api(guide)
        assert program.post(complete_url(task), meeting_data()).status_code == 200
        assert_problem(program.post(complete_url(task), meeting_data()), 409, "already_done")
        assert (
            JourneyEvent.objects.filter(journey=journey, kind=EventKind.STEP, step="information_meeting").count() == 1
        )

    def test_applicant_completes_the_returned_application(self, api, journey, guide, ospod_worker, applicant, partner):
        walk.to_application(journey, guide)
        walk.file_application(journey, ospod_worker)
        services.application_check(journey=journey, actor=ospod_worker, outcome="incomplete", missing_items=["Souhlas"])
        task = open_task(journey, "complete_application")
        assert_problem(api(partner).post(complete_url(task), {"note": "Doplněno."}), 404)  # assigned to the applicant
        # COMPLETENESS_GATE: "doplněno" without the missing items is refused.
        assert_problem(api(applicant).post(complete_url(task), {"note": "Doplněno."}), 400)
        walk.complete_checklist(journey)
        response = api(applicant).post(complete_url(task), {"note": "Doplněno."})
        assert response.status_code == 200, response.content
        assert response.json()["stage"] == JourneyStage.APPLICATION
        assert response.json()["open_task"]["node"] == "check_application"

    def test_ospod_files_the_application_with_the_dynamic_form(self, api, journey, guide, ospod_worker):
        walk.to_application(journey, guide)
        task = open_task(journey, "file_application")
        member = journey.household.members.order_by("pk").first()
        data = {
            "filed_on": timezone.localdate().isoformat(),
            "care_types": ["ADOPTION"],
            "already_fosters": False,
            f"countries_{member.pk}": "Rakousko",
            "age_min": 0,
            "age_max": 5,
            "sexes": ["F", "M"],
            "max_children": 1,
            "ethnicities_accepted": ["majority"],
            "legal_statuses": ["free"],
            "contact_willingness": "none",
            "children_in_household": 0,
        }
        response = api(ospod_worker).post(complete_url(task), data)
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["open_task"]["node"] == "check_application"
        assert "criminal" in {d["kind"] for d in body["missing_documents"]}


@pytest.mark.django_db(transaction=True)
def test_two_completions_at_once_one_wins_the_other_gets_409(household, guide):
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    task = open_task(journey)
    programs = [TokenClient(guide), TokenClient(guide)]  # e.g. a double submit from two programs

    first_inside = threading.Event()
    second_blocked = threading.Event()
    real_record_event = task_services.record_event
    real_sleep = time.sleep

    def record_event_holding_the_lock(*args, **kwargs):
        # The winner keeps the process lock until the other request has been refused it at least once.
        if not first_inside.is_set():
            first_inside.set()
            second_blocked.wait(timeout=10)
        return real_record_event(*args, **kwargs)

    def lock_backoff(seconds):
        second_blocked.set()
        real_sleep(min(seconds, 0.05))

    results = []

    def post(program):
        response = program.post(complete_url(task), meeting_data())
        results.append((response.status_code, response.json()))
        connection.close()

    with (
        mock.patch.object(task_services, "record_event", record_event_holding_the_lock),
        mock.patch("viewflow.workflow.lock.time.sleep", lock_backoff),
    ):
        threads = [threading.Thread(target=post, args=(p,)) for p in programs]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)

    assert second_blocked.is_set(), "the two requests did not overlap"
    assert sorted(status for status, _ in results) == [200, 409], results
    loser = next(body for status, body in results if status == 409)
    assert loser["code"] in {"already_done", "locked"} and loser["status"] == 409
    assert JourneyEvent.objects.filter(journey=journey, kind=EventKind.STEP, step="information_meeting").count() == 1
    assert Task.objects.filter(process_id=journey.pk, flow_task_type="HUMAN").count() == 2  # meeting, filing

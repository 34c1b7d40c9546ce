"""Closures carry real dates: a child's case (API and screen) and an applicant journey (its closing decision) can be
closed neither before they existed nor in the future; the refusal is a Czech message on the form and an RFC 9457
problem over the API, and nothing is closed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.api.conftest import assert_problem
from tests.applicant_journey import walk
from tests.child_mediation.conftest import propose
from workflows.applicant_journey import services as journey_services
from workflows.applicant_journey.models import JourneyStage
from workflows.applicant_journey.services.tasks import open_task
from workflows.child_mediation import services
from workflows.child_mediation.models import ChildCaseStatus

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def case(ospod_worker, officer):
    """Proposed today, entered in the register five days ago (a case carried over from paper): it exists from then."""
    return services.case_register(case=propose(ospod_worker), officer=officer, registered_on=TODAY - timedelta(days=5))


def close_api(api, officer, case, closed_on):
    body = {"closure_reason": "returned_home", "note": "Matka zvládá péči.", "closed_on": closed_on.isoformat()}
    return api(officer).post(f"/api/v1/children/{case.pk}/close/", body)


def test_api_refuses_a_closure_before_the_case_existed(api, officer, case):
    with translation.override("cs"):
        body = assert_problem(close_api(api, officer, case, TODAY - timedelta(days=6)), 400)
    error = body["errors"][0]
    assert error["field"] == "closed_on" and error["code"] == "date_before_case"
    began = (TODAY - timedelta(days=5)).strftime("%d. %m. %Y")
    assert error["detail"] == f"Datum uzavření nemůže být dříve, než případ vznikl ({began})."
    case.refresh_from_db()
    assert case.status == ChildCaseStatus.WAITING


def test_api_refuses_a_closure_in_the_future(api, officer, case):
    with translation.override("cs"):
        body = assert_problem(close_api(api, officer, case, TODAY + timedelta(days=1)), 400)
    assert body["errors"][0]["code"] == "date_in_future"
    assert body["errors"][0]["detail"] == "Datum uzavření nemůže být v budoucnosti."
    case.refresh_from_db()
    assert case.status == ChildCaseStatus.WAITING


def test_api_closes_on_the_day_the_case_began(api, officer, case):
    response = close_api(api, officer, case, TODAY - timedelta(days=5))
    assert response.status_code == 200, response.content
    assert response.json()["closed_on"] == (TODAY - timedelta(days=5)).isoformat()


def test_screen_shows_the_czech_message_and_keeps_the_case_open(client, officer, case):
    client.force_login(officer)
    data = {
        "reason": "returned_home",
        "note": "Matka zvládla péči.",
        "closed_on": (TODAY - timedelta(days=400)).isoformat(),
        "confirm": "on",
    }
    response = client.post(reverse("child_mediation:close", args=[case.pk]), data, HTTP_ACCEPT_LANGUAGE="cs")
    assert response.status_code == 200
    assert "Datum uzavření nemůže být dříve, než případ vznikl" in response.content.decode()
    case.refresh_from_db()
    assert case.status == ChildCaseStatus.WAITING


# --- the applicant journey: its closing decision -----------------------------------------------------------------
@pytest.fixture
def journey(household, guide, ospod_worker, officer, assessor, settings, tmp_path):
    """A journey whose file inspection was typed a year too early (nothing checked that date against the journey)."""
    settings.MEDIA_ROOT = tmp_path / "documents"
    journey = journey_services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    journey.refresh_from_db()
    journey.inspection_offered_on = walk.T0 - timedelta(days=400)
    journey.save(update_fields=["inspection_offered_on"])
    return journey


def rejection(decided, delivered):
    return {
        "outcome": "rejected",
        "decision_date": decided.isoformat(),
        "delivered_on": delivered.isoformat(),
        "reasons": "Žadatelé nesplňují předpoklady.",
        **walk.profile(),
    }


def test_api_refuses_a_journey_decision_before_the_journey_existed(api, officer, journey):
    task = open_task(journey, "decision")
    early = walk.T0 - timedelta(days=390)
    with translation.override("cs"):
        body = assert_problem(api(officer).post(f"/api/v1/tasks/{task.pk}/complete/", rejection(early, early)), 400)
    error = body["errors"][0]
    assert error["field"] == "decision_date"
    assert "založení cesty žadatele" in error["detail"] and walk.T0.strftime("%d. %m. %Y") in error["detail"]
    journey.refresh_from_db()
    assert journey.stage != JourneyStage.REJECTED and journey.decision_date is None


def test_journey_decision_within_its_life_is_recorded(api, officer, journey):
    task = open_task(journey, "decision")
    response = api(officer).post(f"/api/v1/tasks/{task.pk}/complete/", rejection(walk.DECIDED, walk.DELIVERED))
    assert response.status_code == 200, response.content
    journey.refresh_from_db()
    assert journey.decision_date == walk.DECIDED

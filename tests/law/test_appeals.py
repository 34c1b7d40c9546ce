"""The appeal against the KÚ's decision on inclusion, as správní řád has it: APPEAL_PERIOD (15 days from delivery,
DEADLINE_COUNTING), LATE_APPEAL (no suspensive effect), APPEAL_WAIVER, APPEAL_FORWARDING and APPEAL_OUTCOME_EFFECT
(the ministry's outcome takes effect on delivery). Through the services, the officer's task screen and the API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.api.conftest import TokenClient
from tests.applicant_journey import walk
from tests.applicant_journey.walk import DELIVERED
from workflows.applicant_journey import deadlines, services
from workflows.applicant_journey.models import ApplicantRegisterEntry, JourneyStage
from workflows.applicant_journey.services.decision_steps import APPEAL_AND_WAIVER, OUTCOME_DELIVERY_REQUIRED
from workflows.applicant_journey.services.tasks import open_task

pytestmark = pytest.mark.django_db

LAST_DAY = deadlines.appeal_deadline(DELIVERED)


@pytest.fixture
def decided(household, guide, ospod_worker, officer, assessor):
    """An approval delivered on DELIVERED; the appeal period runs."""
    journey = services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    journey.refresh_from_db()
    return journey


@pytest.fixture
def rejected(household, guide, ospod_worker, officer, assessor):
    journey = services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    services.decision_record(
        journey=journey,
        actor=officer,
        outcome="rejected",
        decision_date=walk.DECIDED,
        delivered_on=DELIVERED,
        reasons="Nedoporučeno psychologem.",
        today=DELIVERED,
    )
    journey.refresh_from_db()
    return journey


def entry_of(journey):
    return ApplicantRegisterEntry.objects.filter(household=journey.household).first()


def test_late_appeal_is_recorded_but_does_not_block_finality_late_appeal(decided, officer):
    late = LAST_DAY + timedelta(days=3)
    services.finality_record(journey=decided, actor=officer, appeal_filed_on=late, today=late)
    decided.refresh_from_db()
    assert decided.appeal_late is True and decided.appeal_filed_on == late
    assert decided.stage == JourneyStage.IN_REGISTER
    assert decided.effective_date == LAST_DAY + timedelta(days=1)
    assert entry_of(decided).effective_date == LAST_DAY + timedelta(days=1)
    assert open_task(decided, "appeal_outcome") is None
    # Recorded for forwarding to the ministry within 30 days (APPEAL_FORWARDING).
    event = decided.events.get(data__rule="LATE_APPEAL")
    assert event.data["late"] is True
    assert event.data["forward_by"] == deadlines.appeal_forwarding_deadline(late).isoformat()
    assert "po lhůtě" in event.note


def test_late_appeal_against_a_rejection_leaves_it_final_late_appeal(rejected, officer):
    late = LAST_DAY + timedelta(days=10)
    services.finality_record(journey=rejected, actor=officer, appeal_filed_on=late, today=late)
    rejected.refresh_from_db()
    assert rejected.appeal_late is True
    assert rejected.stage == JourneyStage.REJECTED
    assert entry_of(rejected) is None


def test_appeal_in_time_suspends_finality_until_the_ministry_decides_appeal_period(decided, officer):
    services.finality_record(journey=decided, actor=officer, appeal_filed_on=LAST_DAY, today=LAST_DAY)
    decided.refresh_from_db()
    assert decided.appeal_late is False
    assert decided.stage == JourneyStage.APPEAL
    assert decided.effective_date is None and entry_of(decided) is None
    assert open_task(decided, "appeal_outcome") is not None


def test_ministry_outcome_takes_effect_on_delivery_not_on_the_decision_date_appeal_outcome_effect(rejected, officer):
    services.finality_record(journey=rejected, actor=officer, appeal_filed_on=DELIVERED + timedelta(days=5))
    decided_on = DELIVERED + timedelta(days=40)
    with pytest.raises(ValidationError) as exc:
        services.appeal_outcome_record(
            journey=rejected, actor=officer, outcome="overturned", decided_on=decided_on, reasons="Změna."
        )
    assert str(OUTCOME_DELIVERY_REQUIRED) in exc.value.message_dict["delivered_on"]
    services.appeal_outcome_record(
        journey=rejected,
        actor=officer,
        outcome="overturned",
        decided_on=decided_on,
        delivered_on=decided_on + timedelta(days=4),
        reasons="Změna.",
    )
    assert entry_of(rejected).effective_date == decided_on + timedelta(days=4)


def test_a_case_returned_by_the_ministry_needs_no_delivery_date_appeal_outcome_effect(rejected, officer):
    services.finality_record(journey=rejected, actor=officer, appeal_filed_on=DELIVERED + timedelta(days=5))
    services.appeal_outcome_record(
        journey=rejected, actor=officer, outcome="returned", decided_on=DELIVERED + timedelta(days=40), reasons="Znovu."
    )
    rejected.refresh_from_db()
    assert rejected.effective_date is None
    assert open_task(rejected, "decision") is not None


def test_waiver_makes_the_decision_final_before_the_period_ends_appeal_waiver(decided, officer):
    waived = DELIVERED + timedelta(days=2)
    services.finality_record(journey=decided, actor=officer, appeal_waived_on=waived, today=waived)
    decided.refresh_from_db()
    assert decided.stage == JourneyStage.IN_REGISTER
    assert decided.effective_date == waived
    assert entry_of(decided).effective_date == waived
    assert decided.events.filter(data__rule="APPEAL_WAIVER").exists()


def test_waiver_and_appeal_together_or_a_waiver_before_delivery_are_refused_appeal_waiver(decided, officer):
    with pytest.raises(ValidationError) as exc:
        services.finality_record(
            journey=decided, actor=officer, appeal_filed_on=DELIVERED, appeal_waived_on=DELIVERED, today=DELIVERED
        )
    assert str(APPEAL_AND_WAIVER) in exc.value.message_dict["appeal_waived_on"]
    with pytest.raises(ValidationError):
        services.finality_record(
            journey=decided, actor=officer, appeal_waived_on=DELIVERED - timedelta(days=1), today=DELIVERED
        )
    assert open_task(decided, "finality") is not None


def test_officer_records_the_waiver_on_the_task_screen_appeal_waiver(client, decided, officer):
    client.force_login(officer)
    task = open_task(decided, "finality")
    url = reverse("applicant_journey:task", args=[decided.pk, task.pk])
    waived = DELIVERED + timedelta(days=1)
    response = client.post(url, {"appealed": "waived", "appeal_waived_on": waived.isoformat()})
    assert response.status_code == 302
    decided.refresh_from_db()
    assert decided.stage == JourneyStage.IN_REGISTER and decided.effective_date == waived


def test_the_screen_asks_for_the_date_of_the_waiver_appeal_waiver(client, decided, officer):
    client.force_login(officer)
    task = open_task(decided, "finality")
    response = client.post(reverse("applicant_journey:task", args=[decided.pk, task.pk]), {"appealed": "waived"})
    assert response.status_code == 200
    assert "vzdání se odvolání" in response.content.decode()
    assert open_task(decided, "finality") is not None


def test_a_guide_cannot_record_the_appeal_or_its_waiver(decided, guide):
    with pytest.raises(services.StepError):
        services.finality_record(journey=decided, actor=guide, appeal_waived_on=DELIVERED, today=DELIVERED)


def test_the_ministrys_outcome_with_its_delivery_through_the_api_appeal_outcome_effect(rejected, officer):
    services.finality_record(journey=rejected, actor=officer, appeal_filed_on=DELIVERED + timedelta(days=5))
    task = open_task(rejected, "appeal_outcome")
    decided_on = DELIVERED + timedelta(days=40)
    body = {
        "outcome": "overturned",
        "decided_on": decided_on.isoformat(),
        "delivered_on": (decided_on + timedelta(days=3)).isoformat(),
        "reasons": "MPSV rozhodnutí změnilo.",
    }
    response = TokenClient(officer).post(f"/api/v1/tasks/{task.pk}/complete/", body)
    assert response.status_code == 200, response.content
    assert entry_of(rejected).effective_date == decided_on + timedelta(days=3)

"""Life in the register (APPLICANT_REGISTER, SELECTION_PAUSE, CHANGE_REPORT, PLACEMENT_KEEPS_REGISTER): the
applicant asks for a pause with a reason and a period and ends it, the ORP is told, paused days are not waiting
time in matching, a reported change opens the KÚ's review task with a deadline. Screens and API, for the roles
that may act and refused for the others."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.adapter.pools import load_pool
from matching.adapter.profiles import family_profile
from tests.api.conftest import TokenClient
from tests.applicant_journey import walk
from workflows.applicant_journey import deadlines, services
from workflows.applicant_journey.models import (
    ApplicantRegisterEntry,
    ChangeReview,
    PauseOrigin,
    RegisterPause,
    RegisterStatus,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def journey(household, guide, ospod_worker, officer, assessor):
    journey = services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    walk.make_final(journey, officer)
    journey.refresh_from_db()
    return journey


@pytest.fixture
def entry(journey):
    return ApplicantRegisterEntry.objects.get(household=journey.household)


def action(journey, name):
    return reverse("applicant_journey:action", args=[journey.pk, name])


def test_the_applicant_asks_for_a_pause_and_ends_it_selection_pause(
    client, journey, entry, applicant, ospod_worker, mailoutbox
):
    client.force_login(applicant)
    until = TODAY() + timedelta(days=90)
    # A period is required and must lie ahead.
    response = client.post(action(journey, "pause_request"), {"reason": "Stěhování.", "until": ""})
    assert response.status_code == 200
    response = client.post(action(journey, "pause_request"), {"reason": "Stěhování.", "until": until.isoformat()})
    assert response.status_code == 302
    entry.refresh_from_db()
    pause = RegisterPause.objects.get(entry=entry)
    assert entry.status == RegisterStatus.PAUSED
    assert (pause.origin, pause.until, pause.started_on, pause.ended_on) == ("applicant", until, TODAY(), None)
    # The ORP of residence is told (SELECTION_PAUSE); the e-mail names no circumstances.
    orp_mail = [m for m in mailoutbox if ospod_worker.email in m.to]
    assert orp_mail and "Stěhování" not in orp_mail[0].body
    assert client.post(action(journey, "resume_own"), {"reason": ""}).status_code == 302
    entry.refresh_from_db()
    pause.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE and pause.ended_on == TODAY()


def test_guides_and_officers_cannot_ask_for_the_familys_pause_selection_pause(client, journey, entry, guide, officer):
    data = {"reason": "x", "until": (TODAY() + timedelta(days=30)).isoformat()}
    for user in (guide, officer):
        client.force_login(user)
        assert client.post(action(journey, "pause_request"), data).status_code == 403
        response = TokenClient(user).post(reverse("api:journey-action", args=[journey.pk, "pause_request"]), data)
        assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE


def test_a_pause_with_a_child_in_care_is_not_the_applicants_to_end_placement_keeps_register(
    journey, entry, applicant, officer
):
    services.register_entry_pause(
        entry=entry, actor=officer, reason="Dítě v péči.", origin=PauseOrigin.PLACEMENT, started_on=TODAY()
    )
    api = TokenClient(applicant)
    response = api.post(reverse("api:journey-action", args=[journey.pk, "resume_own"]), {})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.PAUSED and entry.pauses.get().origin == "placement"


def test_the_api_pause_request_and_resume_for_the_applicant_selection_pause(journey, entry, applicant):
    api = TokenClient(applicant)
    until = str(TODAY() + timedelta(days=60))
    response = api.post(
        reverse("api:journey-action", args=[journey.pk, "pause_request"]), {"reason": "Nemoc.", "until": until}
    )
    assert response.status_code == 200, response.content
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.PAUSED
    assert api.post(reverse("api:journey-action", args=[journey.pk, "resume_own"]), {}).status_code == 200
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE


def test_paused_days_are_not_waiting_time_in_matching_selection_pause(journey, entry, officer):
    today = TODAY()
    entry.effective_date = today - timedelta(days=200)
    entry.save(update_fields=["effective_date"])
    RegisterPause.objects.create(
        entry=entry,
        origin="applicant",
        reason="Nemoc.",
        started_on=today - timedelta(days=150),
        ended_on=today - timedelta(days=100),
    )
    # A pause still running counts up to today.
    RegisterPause.objects.create(
        entry=entry, origin="applicant", reason="Stěhování.", started_on=today - timedelta(days=10)
    )
    pool = load_pool(region_id=entry.region_id, today=today).pool
    row = list(pool.entry_id).index(entry.pk)
    assert int(pool.waited_days[row]) == 200 - 50 - 10
    assert family_profile(entry).paused_days == 60


def test_a_reported_change_opens_a_review_task_for_the_region_change_report(client, journey, applicant, officer, guide):
    client.force_login(applicant)
    occurred = TODAY() - timedelta(days=3)
    data = {"occurred_on": occurred.isoformat(), "description": "Čekáme dítě."}
    assert client.post(action(journey, "change"), data).status_code == 302
    review = ChangeReview.objects.get(journey=journey)
    assert review.due_on == deadlines.due_date("change_review", start=TODAY(), region_id=journey.region_id)
    client.force_login(officer)
    page = client.get(reverse("applicant_journey:detail", args=[journey.pk])).content.decode()
    assert "Čekáme dítě." in page and review.due_on.strftime("%-d. %-m. %Y") in page
    # Only the region's officer closes it; the guide and the applicant may not.
    for user in (guide, applicant):
        client.force_login(user)
        assert client.post(action(journey, "review_change"), {"conclusion": "x"}).status_code == 403
    client.force_login(officer)
    response = client.post(action(journey, "review_change"), {"conclusion": "Profil beze změny."})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.done_on == TODAY() and review.done_by == officer

"""The whole journey through HTTP, each step by its own person on its own task screen (cookbook style)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.applicant_journey import walk
from workflows.applicant_journey import services
from workflows.applicant_journey.models import (
    ApplicantRegisterEntry,
    CourseSession,
    JourneyStage,
    RegisterStatus,
)
from workflows.applicant_journey.services.tasks import open_task

pytestmark = pytest.mark.django_db

PROFILE = {
    "age_min": 0,
    "age_max": 8,
    "sexes": ["F", "M"],
    "max_children": 2,
    "accepts_siblings": "on",
    "health_needs_accepted": ["delay", "chronic"],
    "ethnicities_accepted": ["majority", "roma", "other"],
    "legal_statuses": ["not_free", "free"],
    "contact_willingness": "regular",
    "accepts_other_regions": "on",
    "children_in_household": 1,
}


PDF = b"%PDF-1.4 test"


def refused(client, user, journey, data, text):
    client.force_login(user)
    task = open_task(journey)
    response = client.post(reverse("applicant_journey:task", args=[journey.pk, task.pk]), data)
    assert response.status_code == 200 and text in response.content.decode()
    assert open_task(journey).pk == task.pk


def supply_everything(client, applicant, ospod_worker, journey):
    """The applicant fills the §23a data and uploads each document; the OSPOD obtains the Czech extract and accepts
    everything (APPLICATION_CONTENTS, CRIMINAL_RECORD_CZ)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(applicant)
    data = {"umpod_offer_consent": "no", "intercountry_only": "no"}
    for m in journey.household.members.all():
        p = f"m{m.pk}_"
        data.update(
            {
                p + "birth_number": "8001011234",
                p + "born_on": "1980-01-01",
                p + "birth_place": "Brno",
                p + "citizenship": "CZ",
                p + "stay_kind": "citizen",
                p + "habitual_residence_cz": "on",
                p + "preparation_consent_on": timezone.localdate().isoformat(),
            }
        )
    assert client.post(reverse("applicant_journey:application", args=[journey.pk]), data).status_code == 302
    for document in journey.documents.all():
        who = ospod_worker if document.kind == "cz_criminal" else applicant
        client.force_login(who)
        url = reverse("applicant_journey:document_upload", args=[journey.pk, document.pk])
        assert client.post(url, {"file": SimpleUploadedFile("d.pdf", PDF)}).status_code == 302
    client.force_login(ospod_worker)
    for document in journey.documents.all():
        url = reverse("applicant_journey:document_review", args=[journey.pk, document.pk])
        assert client.post(url, {"status": "accepted"}).status_code == 302


def do(client, user, journey, data, node=None):
    client.force_login(user)
    task = open_task(journey, node)
    url = reverse("applicant_journey:task", args=[journey.pk, task.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    journey.refresh_from_db()
    return journey


def test_foster_care_journey_walked_through_http(
    client, household, guide, ospod_worker, officer, assessor, applicant, jmk
):
    today = timezone.localdate()
    iso = today.isoformat
    journey = services.journey_open(household=household, actor=guide, care_types=[])
    do(client, guide, journey, {"met_on": iso(), "care_types": ["FOSTER"]})
    members = list(household.members.all())
    filing = {"filed_on": iso(), "care_types": ["FOSTER"], **PROFILE, f"countries_{members[0].pk}": "Německo"}
    do(client, ospod_worker, journey, filing)
    assert journey.documents.filter(kind="criminal", country="Německo").exists()
    do(client, ospod_worker, journey, {"outcome": "incomplete", "missing_items": "Souhlasy\nZpráva lékaře"})
    assert journey.stage == JourneyStage.INCOMPLETE
    # COMPLETENESS_GATE: "doplněno" needs the missing items; the family fills the §23a form and uploads them.
    refused(client, applicant, journey, {"note": "Doneseno."}, "Doplnit je třeba ještě")
    supply_everything(client, applicant, ospod_worker, journey)
    do(client, applicant, journey, {"note": "Doneseno."})
    do(client, ospod_worker, journey, {"outcome": "complete"})
    do(client, ospod_worker, journey, {"visited_on": iso(), "notes": "Prostorný byt, dětský pokoj."})
    # ORP_OPINION: the file goes with the ORP's opinion; without it the hand-over is refused.
    refused(client, ospod_worker, journey, {"sent_on": iso()}, "Stanovisko ORP")
    do(client, ospod_worker, journey, {"sent_on": iso(), **walk.OPINION})
    do(client, officer, journey, {"assessor": assessor.pk})
    assessment = {"done_on": iso()}
    for key in [f"psych_{m.pk}" for m in members] + ["social", "health"]:
        assessment[f"{key}_conclusion"] = "suitable"
        assessment[f"{key}_summary"] = "Doporučeno."
    do(client, assessor, journey, assessment)
    # Attendance through the preparation screen, then the course is complete.
    sessions = [
        CourseSession.objects.create(
            region=jmk, title=f"Blok {i}", starts_at=timezone.now() - timedelta(minutes=1), hours=Decimal(24)
        )
        for i in (1, 2)
    ]
    client.force_login(officer)
    for session in sessions:
        for m in members:
            client.post(
                reverse("applicant_journey:attendance", args=[journey.pk]),
                {"session": session.pk, "member": m.pk, "hours": "24"},
            )
    do(client, officer, journey, {"completed_on": iso()})
    do(client, officer, journey, {"offered_on": iso(), "inspected_on": iso()})
    decision = {
        "outcome": "approved",
        "decision_date": iso(),
        "delivered_on": iso(),
        "reasons": "",
        "approved_care_types": ["FOSTER"],
        "preferred_regions": [jmk.pk],
        **PROFILE,
    }
    do(client, officer, journey, decision)
    assert journey.stage == JourneyStage.APPEAL_PERIOD
    # Too early: the appeal period still runs; the form says so and nothing changes.
    client.force_login(officer)
    task = open_task(journey, "finality")
    response = client.post(reverse("applicant_journey:task", args=[journey.pk, task.pk]), {"appealed": "no"})
    assert response.status_code == 200 and "Lhůta pro odvolání běží" in response.content.decode()
    # Twenty days later the officer records finality.
    later = timezone.now() + timedelta(days=20)
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=later):
        do(client, officer, journey, {"appealed": "no"}, "finality")
    entry = ApplicantRegisterEntry.objects.get(household=household)
    assert entry.status == RegisterStatus.ACTIVE and entry.care_types == ["FOSTER"]
    assert entry.profile.children_in_household == 1 and entry.profile.accepts_siblings
    assert list(entry.profile.preferred_regions.all()) == [jmk]
    # The family asks for a pause (SELECTION_PAUSE); the regional office resumes it.
    client.force_login(applicant)
    until = (timezone.localdate() + timedelta(days=90)).isoformat()
    client.post(
        reverse("applicant_journey:action", args=[journey.pk, "pause_request"]),
        {"reason": "Stěhování.", "until": until},
    )
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.PAUSED
    client.force_login(officer)
    client.post(reverse("applicant_journey:action", args=[journey.pk, "resume"]), {"reason": ""})
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE

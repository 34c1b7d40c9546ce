"""Completeness that holds (COMPLETENESS_GATE, ORP_OPINION, HANDOVER_PERIOD) and who may act (AUTHORITY_ACTS,
WITHDRAWAL), through the screens and the API, for the roles that may and refused for the others."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nrp.core.choices import CareType
from nrp.core.exceptions import ForbiddenError
from tests.api.conftest import TokenClient
from workflows.applicant_journey import services
from workflows.applicant_journey.models import (
    DocumentKind,
    DocumentStatus,
    FileHandover,
    JourneyStage,
    OrpOpinion,
)
from workflows.applicant_journey.services.tasks import open_task

from . import walk
from .walk import T0

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def journey(household, guide):
    return services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])


@pytest.fixture
def filed(journey, guide, ospod_worker):
    walk.to_application(journey, guide)
    services.application_file(
        journey=journey,
        actor=ospod_worker,
        filed_on=T0 + timedelta(days=7),
        care_types=[CareType.ADOPTION],
        foreign_countries={journey.household.members.first().pk: ["Slovensko"]},
        profile=walk.profile(),
        today=T0 + timedelta(days=7),
    )
    return journey


def refusal(response) -> str:
    """The 400 problem's field errors as one text (code and Czech message of each)."""
    assert response.status_code == 400, response.content
    return " ".join(f"{e.get('code')}: {e.get('detail') or e.get('message')}" for e in response.json()["errors"])


def task_url(journey):
    return reverse("applicant_journey:task", args=[journey.pk, open_task(journey).pk])


def api_complete(user, journey, data):
    return TokenClient(user).post(f"/api/v1/tasks/{open_task(journey).pk}/complete/", data)


# --- COMPLETENESS_GATE ----------------------------------------------------------------------------------------------


def test_complete_is_refused_with_the_list_of_missing_items_on_the_screen(client, filed, ospod_worker):
    """COMPLETENESS_GATE: every item per household member, the foreign and the Czech extract included."""
    client.force_login(ospod_worker)
    response = client.post(task_url(filed), {"outcome": "complete"})
    page = response.content.decode()
    assert response.status_code == 200 and "Žádost není úplná" in page
    assert "výpis z rejstříku trestů (cizina) – Slovensko" in page
    assert "výpis z rejstříku trestů ČR" in page
    assert "Petr Malý: zpráva o zdravotním stavu" in page
    filed.refresh_from_db()
    assert filed.stage == JourneyStage.APPLICATION and filed.application_complete_on is None


def test_complete_is_refused_through_the_api_while_one_item_is_not_accepted(filed, ospod_worker):
    """COMPLETENESS_GATE: a submitted but unreviewed extract still blocks; accepted, the check passes."""
    walk.complete_checklist(filed)
    foreign = filed.documents.get(kind=DocumentKind.CRIMINAL_RECORD)
    foreign.status = DocumentStatus.SUBMITTED
    foreign.save()
    text = refusal(api_complete(ospod_worker, filed, {"outcome": "complete"}))
    assert "checklist_incomplete" in text and "Slovensko (odevzdáno)" in text
    foreign.status = DocumentStatus.ACCEPTED
    foreign.save()
    assert api_complete(ospod_worker, filed, {"outcome": "complete"}).status_code == 200
    filed.refresh_from_db()
    assert filed.stage == JourneyStage.INVESTIGATION


def test_missing_consent_of_the_partner_blocks_completeness(filed, ospod_worker):
    """APPLICATION_CONTENTS: both partners consent to the preparation."""
    walk.complete_checklist(filed)
    person = filed.application_persons.last()
    person.preparation_consent_on = None
    person.save()
    text = refusal(api_complete(ospod_worker, filed, {"outcome": "complete"}))
    assert "checklist_incomplete" in text and f"{person.full_name}: souhlas s přípravou" in text


def test_doplneno_requires_the_missing_documents_to_be_uploaded(client, filed, ospod_worker, applicant):
    """COMPLETENESS_GATE: the applicant's "doplněno" without uploads is refused; with them it goes back to OSPOD."""
    services.application_check(journey=filed, actor=ospod_worker, outcome="incomplete", missing_items=["Souhlasy"])
    assert "checklist_incomplete" in refusal(api_complete(applicant, filed, {"note": "Hotovo."}))
    walk.fill_application(filed)
    client.force_login(applicant)
    for document in filed.documents.exclude(kind=DocumentKind.CZECH_CRIMINAL_RECORD):
        url = reverse("applicant_journey:document_upload", args=[filed.pk, document.pk])
        assert client.post(url, {"file": SimpleUploadedFile("a.pdf", PDF)}).status_code == 302
    # Waiting for review is fine for the applicant (the Czech extract is the ORP's to obtain).
    assert api_complete(applicant, filed, {"note": "Hotovo."}).status_code == 200
    assert open_task(filed).flow_task.name == "check_application"


def investigated(journey, guide, ospod_worker):
    walk.to_investigation(journey, guide, ospod_worker)
    services.social_investigation_record(
        journey=journey,
        actor=ospod_worker,
        visited_on=T0 + timedelta(days=20),
        notes="Byt 3+1.",
        today=T0 + timedelta(days=20),
    )
    return journey


def test_handover_is_refused_without_the_orp_opinion_and_while_an_item_was_returned(journey, guide, ospod_worker):
    """ORP_OPINION and COMPLETENESS_GATE at the hand-over."""
    investigated(journey, guide, ospod_worker)
    response = api_complete(ospod_worker, journey, {"sent_on": str(T0 + timedelta(days=25))})
    assert {e["field"] for e in response.json()["errors"]} == {"opinion_conclusion", "opinion_text"}
    health = journey.documents.filter(kind=DocumentKind.HEALTH_REPORT).first()
    health.status = DocumentStatus.REJECTED
    health.save()
    text = refusal(api_complete(ospod_worker, journey, {"sent_on": str(T0 + timedelta(days=25)), **walk.OPINION}))
    assert "zpráva o zdravotním stavu (vráceno)" in text
    assert not FileHandover.objects.filter(journey=journey).exists()


def test_the_file_the_region_receives_holds_the_home_visit_and_the_opinion_and_the_deadline_stays(
    client, journey, guide, ospod_worker, officer, applicant
):
    """ORP_OPINION, HANDOVER_PERIOD: sent late (the default is 30 days from the complete application), the record
    says missed after the task closed; the region confirms receipt, the OSPOD may not."""
    investigated(journey, guide, ospod_worker)
    sent = journey.application_complete_on + timedelta(days=31)
    services.handover_record(journey=journey, actor=ospod_worker, sent_on=sent, today=sent, **walk.OPINION)
    handover = FileHandover.objects.get(journey=journey)
    assert handover.deadline_met is False and handover.due_on == journey.application_complete_on + timedelta(days=30)
    assert OrpOpinion.objects.get(journey=journey).conclusion == "recommended"
    client.force_login(officer)
    page = client.get(reverse("applicant_journey:detail", args=[journey.pk])).content.decode()
    assert "Byt 3+1." in page and "Rodina je připravená" in page and "po lhůtě" in page
    client.force_login(applicant)
    assert (
        "Rodina je připravená"
        not in client.get(reverse("applicant_journey:detail", args=[journey.pk])).content.decode()
    )
    url = reverse("applicant_journey:action", args=[journey.pk, "receipt"])
    client.force_login(ospod_worker)
    assert client.post(url, {"received_on": str(sent)}).status_code == 403
    assert (
        TokenClient(ospod_worker)
        .post(f"/api/v1/journeys/{journey.pk}/handover-receipt/", {"received_on": str(sent)})
        .status_code
        == 403
    )
    response = TokenClient(officer).post(
        f"/api/v1/journeys/{journey.pk}/handover-receipt/", {"received_on": str(sent - timedelta(days=1))}
    )
    assert response.status_code == 400 and "dříve, než byl odeslán" in response.content.decode()
    client.force_login(officer)
    assert client.post(url, {"received_on": str(sent)}).status_code == 302
    handover.refresh_from_db()
    assert handover.received_on == sent and handover.received_by == officer and handover.deadline_met is False


# --- AUTHORITY_ACTS: guides help, never act for the authority -------------------------------------------------------


def test_a_guide_may_upload_but_never_accepts_a_document(client, filed, guide, ospod_worker):
    """AUTHORITY_ACTS: the foreign extract uploaded by the guide, reviewed only by the OSPOD."""
    foreign = filed.documents.get(kind=DocumentKind.CRIMINAL_RECORD)
    client.force_login(guide)
    upload = reverse("applicant_journey:document_upload", args=[filed.pk, foreign.pk])
    assert client.post(upload, {"file": SimpleUploadedFile("sk.pdf", PDF)}).status_code == 302
    review = reverse("applicant_journey:document_review", args=[filed.pk, foreign.pk])
    assert client.post(review, {"status": "accepted"}).status_code == 403
    program = TokenClient(guide)
    etag = program.get(f"/api/v1/documents/{foreign.pk}/").headers["ETag"]
    response = program.post(
        f"/api/v1/documents/{foreign.pk}/review/", {"status": "accepted"}, headers={"If-Match": etag}
    )
    assert response.status_code == 403
    foreign.refresh_from_db()
    assert foreign.status == DocumentStatus.SUBMITTED
    client.force_login(ospod_worker)
    assert client.post(review, {"status": "accepted"}).status_code == 302
    foreign.refresh_from_db()
    assert foreign.status == DocumentStatus.ACCEPTED


def test_a_guide_cannot_withdraw_the_application(client, filed, guide):
    """WITHDRAWAL: the applicant's own act; the guide gets 403 on the screen and the API and nothing changes."""
    client.force_login(guide)
    url = reverse("applicant_journey:action", args=[filed.pk, "withdraw"])
    assert client.post(url, {"reason": "Rodina nechce."}).status_code == 403
    assert TokenClient(guide).post(f"/api/v1/journeys/{filed.pk}/withdraw/", {"reason": "x"}).status_code == 403
    with pytest.raises(ForbiddenError):
        services.journey_withdraw(journey=filed, actor=guide, reason="x")
    filed.refresh_from_db()
    assert filed.stage == JourneyStage.APPLICATION


def test_the_applicant_withdraws_through_the_api(filed, applicant):
    """WITHDRAWAL by the applicant: no document needed."""
    response = TokenClient(applicant).post(
        f"/api/v1/journeys/{filed.pk}/withdraw/", {"reason": "Rozmysleli jsme si to."}
    )
    assert response.status_code == 200 and response.json()["stage"] == JourneyStage.WITHDRAWN


def test_staff_record_a_written_withdrawal_only_with_the_document(client, filed, ospod_worker):
    """WITHDRAWAL: the OSPOD records the applicant's written withdrawal; without the document it is refused."""
    client.force_login(ospod_worker)
    url = reverse("applicant_journey:action", args=[filed.pk, "withdraw"])
    response = client.post(url, {"reason": "Dopis žadatelů."})
    assert response.status_code == 200 and "Přiložte písemné zpětvzetí" in response.content.decode()
    filed.refresh_from_db()
    assert filed.stage == JourneyStage.APPLICATION
    response = client.post(url, {"reason": "Dopis žadatelů.", "document": SimpleUploadedFile("dopis.pdf", PDF)})
    assert response.status_code == 302
    filed.refresh_from_db()
    assert filed.stage == JourneyStage.WITHDRAWN
    written = filed.documents.get(kind=DocumentKind.WITHDRAWAL)
    assert written.versions.count() == 1 and written.status == DocumentStatus.ACCEPTED

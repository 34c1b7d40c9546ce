"""Application documents and messages through the API: list with status and versions, multipart upload with the
screen's checks (type by content, size), review with If-Match, audited download; and the end-to-end acceptance
walk: the applicant submits documents, the OSPOD accepts them, the completeness check moves the process on.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext

from nrp.audit.models import AuditAction, AuditEvent
from nrp.core.choices import CareType, Role
from tests.api.conftest import assert_problem
from tests.applicant_journey import walk
from tests.factories import orp, user_with_role
from workflows.applicant_journey import services
from workflows.applicant_journey.models import DocumentStatus, DocumentVersion, JourneyDocument, JourneyStage
from workflows.applicant_journey.services.documents import FILE_TOO_LARGE, FILE_WRONG_TYPE, REVIEW_REASON_REQUIRED

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def document_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documents"
    return settings.MEDIA_ROOT


@pytest.fixture
def journey(household, guide, ospod_worker):
    """The Brno couple's journey with a filed application: the §23c checklist (APPLICANT_FILE) exists."""
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    return journey


@pytest.fixture
def other_ospod():
    return user_with_role(Role.OSPOD, email="ospod.ostrava@test.nrp.example", orp=orp("Ostrava"))


def documents_url(journey) -> str:
    return f"/api/v1/journeys/{journey.pk}/documents/"


def messages_url(journey) -> str:
    return f"/api/v1/journeys/{journey.pk}/messages/"


def upload(program, journey, document, content=PDF, name="zprava.pdf"):
    return program.client.post(
        documents_url(journey),
        {"document": document.pk, "file": SimpleUploadedFile(name, content, content_type="application/pdf")},
        headers=program._headers(None),
    )


def review(program, document, status, reason="", etag=None):
    if etag is None:
        etag = program.get(f"/api/v1/documents/{document.pk}/")["ETag"]
    return program.post(
        f"/api/v1/documents/{document.pk}/review/", {"status": status, "reason": reason}, headers={"If-Match": etag}
    )


def health_report(journey) -> JourneyDocument:
    return journey.documents.filter(kind="health").order_by("pk").first()


# --- list and upload -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona", ["applicant", "guide", "ospod_worker", "officer"])
def test_documents_list_for_everyone_who_handles_them(request, api, journey, persona):
    body = api(request.getfixturevalue(persona)).get(documents_url(journey)).json()
    kinds = {row["kind"] for row in body["results"]}
    assert {"form", "citizenship", "health", "economic", "consents"} <= kinds
    assert all(row["status"] == "missing" and row["versions"] == [] for row in body["results"])


@pytest.mark.parametrize("persona", ["other_officer", "other_guide", "other_ospod"])
def test_documents_of_another_journey_are_404(request, api, journey, persona):
    program = api(request.getfixturevalue(persona))
    assert_problem(program.get(documents_url(journey)), 404)
    assert_problem(upload(program, journey, health_report(journey)), 404)
    assert_problem(program.get(f"/api/v1/documents/{health_report(journey).pk}/"), 404)


def test_assessor_and_administrator_are_refused(api, journey, assessor, administrator, officer):
    assert_problem(api(administrator).get(documents_url(journey)), 403, "role_required")
    assert_problem(api(assessor).get(documents_url(journey)), 403, "role_required")


def test_applicant_uploads_a_version_and_earlier_versions_are_kept(api, journey, applicant):
    program = api(applicant)
    document = health_report(journey)
    first = upload(program, journey, document)
    assert first.status_code == 201, first.content
    assert first.json()["status"] == DocumentStatus.SUBMITTED
    second = upload(program, journey, document, PNG, "scan.png")
    versions = second.json()["versions"]
    assert [v["content_type"] for v in versions] == ["image/png", "application/pdf"]
    assert versions[0]["uploaded_by"]["id"] == applicant.pk
    assert DocumentVersion.objects.filter(document=document).count() == 2


def test_upload_is_checked_by_content_with_the_screens_messages(api, journey, applicant):
    program = api(applicant)
    document = health_report(journey)
    body = assert_problem(upload(program, journey, document, b"MZ\x90\x00 not a pdf", "zprava.pdf"), 400)
    with translation.override("cs"):
        assert body["errors"][0]["field"] == "file" and body["errors"][0]["detail"] == str(FILE_WRONG_TYPE)
    assert not DocumentVersion.objects.exists()


def test_too_large_upload_is_refused(api, journey, applicant, monkeypatch):
    monkeypatch.setattr("workflows.applicant_journey.services.documents.MAX_DOCUMENT_BYTES", 100)
    body = assert_problem(upload(api(applicant), journey, health_report(journey), PDF + b"0" * 200), 400)
    with translation.override("cs"):
        assert body["errors"][0]["detail"] == str(FILE_TOO_LARGE)


def test_a_body_far_above_the_limit_is_413_before_it_is_read(api, journey, applicant, monkeypatch):
    monkeypatch.setattr("workflows.applicant_journey.apis.MAX_DOCUMENT_BYTES", 10)
    assert_problem(upload(api(applicant), journey, health_report(journey), PDF + b"0" * 70_000), 413)


def test_upload_needs_a_document_of_this_journey_and_a_file(api, journey, applicant, other_household, other_guide):
    program = api(applicant)
    foreign = services.journey_open(household=other_household, actor=other_guide, care_types=[CareType.FOSTER])
    other_document = JourneyDocument.objects.create(journey=foreign, kind="criminal", country="Polsko")
    assert_problem(upload(program, journey, other_document), 400)
    missing_file = program.client.post(
        documents_url(journey), {"document": health_report(journey).pk}, headers=program._headers(None)
    )
    assert_problem(missing_file, 400)
    assert_problem(program.post(documents_url(journey), {"document": 1}), 415)  # JSON is not multipart


# --- review with If-Match --------------------------------------------------------------------------------------------
def test_ospod_accepts_a_submitted_document(api, journey, applicant, ospod_worker):
    document = health_report(journey)
    upload(api(applicant), journey, document)
    response = review(api(ospod_worker), document, "accepted")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "accepted"
    assert response["ETag"]
    document.refresh_from_db()
    assert document.status == DocumentStatus.ACCEPTED


def test_review_without_if_match_is_428_and_stale_is_412(api, journey, applicant, ospod_worker, officer):
    document = health_report(journey)
    upload(api(applicant), journey, document)
    program = api(ospod_worker)
    assert_problem(program.post(f"/api/v1/documents/{document.pk}/review/", {"status": "accepted"}), 428)
    stale = program.get(f"/api/v1/documents/{document.pk}/")["ETag"]
    assert review(api(officer), document, "rejected", "Nečitelné.").status_code == 200
    assert_problem(review(program, document, "accepted", etag=stale), 412, "precondition_failed")
    document.refresh_from_db()
    assert document.status == DocumentStatus.REJECTED and document.rejection_reason == "Nečitelné."


def test_returning_a_document_needs_a_reason(api, journey, applicant, ospod_worker):
    document = health_report(journey)
    upload(api(applicant), journey, document)
    body = assert_problem(review(api(ospod_worker), document, "rejected", ""), 400)
    with translation.override("cs"):
        assert body["errors"][0]["field"] == "reason" and body["errors"][0]["detail"] == str(REVIEW_REASON_REQUIRED)


def test_nothing_to_review_before_an_upload(api, journey, ospod_worker):
    assert_problem(review(api(ospod_worker), health_report(journey), "accepted"), 400)


def test_applicant_cannot_review_and_other_region_gets_404(api, journey, applicant, other_ospod):
    document = health_report(journey)
    upload(api(applicant), journey, document)
    assert_problem(review(api(applicant), document, "accepted", etag="*"), 403, "role_required")
    assert_problem(review(api(other_ospod), document, "accepted", etag="*"), 404)
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED


# --- download ---------------------------------------------------------------------------------------------------------
def test_download_is_protected_and_audited(api, journey, applicant, ospod_worker, other_guide):
    version_id = upload(api(applicant), journey, health_report(journey)).json()["versions"][0]["id"]
    url = f"/api/v1/document-versions/{version_id}/file/"
    response = api(ospod_worker).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(
        actor=ospod_worker, action=AuditAction.READ, object_type="applicant_journey.documentversion"
    ).exists()
    assert_problem(api(other_guide).get(url), 404)
    assert_problem(api(ospod_worker).get("/api/v1/document-versions/987654321/file/"), 404)


# --- messages ---------------------------------------------------------------------------------------------------------
def test_applicant_writes_and_the_guide_reads_messages(api, journey, applicant, guide):
    response = api(applicant).post(messages_url(journey), {"body": "  Kdy je další setkání přípravy?  "})
    assert response.status_code == 201, response.content
    assert response.json()["body"] == "Kdy je další setkání přípravy?"
    rows = api(guide).get(messages_url(journey)).json()["results"]
    assert [(r["author"]["id"], r["body"]) for r in rows] == [(applicant.pk, "Kdy je další setkání přípravy?")]


def test_messages_scope_roles_and_validation(api, journey, other_guide, administrator, assessor, guide):
    assert_problem(api(other_guide).get(messages_url(journey)), 404)
    assert_problem(api(other_guide).post(messages_url(journey), {"body": "Ahoj"}), 404)
    assert_problem(api(administrator).get(messages_url(journey)), 403, "role_required")
    assert_problem(api(assessor).post(messages_url(journey), {"body": "Ahoj"}), 403, "role_required")
    body = assert_problem(api(guide).post(messages_url(journey), {"body": "x" * 5001}), 400)
    assert body["errors"][0]["field"] == "body"
    assert_problem(api(guide).post(messages_url(journey), {"body": "Ahoj", "to": 1}), 400, "unknown_field")


# --- the acceptance walk ----------------------------------------------------------------------------------------------
def test_applicant_submits_documents_ospod_accepts_them_and_the_process_moves(
    api, household, guide, ospod_worker, applicant
):
    """Issue 6: the applicant submits documents through the API, the OSPOD accepts them, the process moves."""
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    family, worker, accompanying = api(applicant), api(ospod_worker), api(guide)

    # The guide records the information meeting, the OSPOD files the application: both through the API.
    meeting = accompanying.get("/api/v1/tasks/").json()["results"][0]
    assert meeting["node"] == "information_meeting"
    today = journey.stage_entered_at.date().isoformat()
    assert (
        accompanying.post(
            f"/api/v1/tasks/{meeting['id']}/complete/", {"met_on": today, "care_types": ["ADOPTION"]}
        ).status_code
        == 200
    )
    filing = worker.get("/api/v1/tasks/").json()["results"][0]
    assert filing["node"] == "file_application" and filing["mine"] is True
    profile = {
        "age_min": 0,
        "age_max": 6,
        "sexes": ["F", "M"],
        "max_children": 1,
        "ethnicities_accepted": ["majority", "roma"],
        "legal_statuses": ["free"],
        "contact_willingness": "supervised",
        "children_in_household": 0,
    }
    filed = worker.post(
        f"/api/v1/tasks/{filing['id']}/complete/", {"filed_on": today, "care_types": ["ADOPTION"], **profile}
    )
    assert filed.status_code == 200, filed.content

    # The applicant sees what is missing and submits every document.
    mine = family.get("/api/v1/journeys/mine/").json()
    assert mine["stage"] == JourneyStage.APPLICATION
    missing = mine["missing_documents"]
    assert len(missing) == 1 + 2 * 4  # the form; per applicant: citizenship, health, economic, consents
    for item in missing:
        document = JourneyDocument.objects.get(pk=item["id"])
        assert upload(family, journey, document).status_code == 201

    # The OSPOD worker accepts them, each with the ETag just read.
    for item in missing:
        document = JourneyDocument.objects.get(pk=item["id"])
        assert review(worker, document, "accepted").status_code == 200
    assert family.get("/api/v1/journeys/mine/").json()["missing_documents"] == []

    # COMPLETENESS_GATE: not yet complete: the §23a data and the Czech extracts the ORP obtains itself.
    check = worker.get("/api/v1/tasks/").json()["results"][0]
    refused = worker.post(f"/api/v1/tasks/{check['id']}/complete/", {"outcome": "complete"})
    assert refused.status_code == 400 and "výpis z rejstříku trestů ČR" in refused.content.decode()
    data = {"umpod_offer_consent": "no", "intercountry_only": "no"}
    for m in journey.household.members.all():
        data.update(
            {
                f"m{m.pk}_birth_number": "8001011234",
                f"m{m.pk}_born_on": "1980-01-01",
                f"m{m.pk}_birth_place": "Brno",
                f"m{m.pk}_citizenship": "CZ",
                f"m{m.pk}_stay_kind": "citizen",
                f"m{m.pk}_habitual_residence_cz": True,
                f"m{m.pk}_preparation_consent_on": today,
            }
        )
    saved = family.client.put(
        f"/api/v1/journeys/{journey.pk}/application/",
        data,
        content_type="application/json",
        headers={"Authorization": f"Bearer {family.secret}"},
    )
    assert saved.status_code == 200, saved.content
    for document in journey.documents.filter(kind="cz_criminal"):
        assert upload(worker, journey, document).status_code == 201
        assert review(worker, document, "accepted").status_code == 200

    # ... and completes the completeness check: the process moves to the social investigation.
    check = worker.get("/api/v1/tasks/").json()["results"][0]
    assert check["node"] == "check_application"
    done = worker.post(f"/api/v1/tasks/{check['id']}/complete/", {"outcome": "complete"})
    assert done.status_code == 200, done.content
    mine = family.get("/api/v1/journeys/mine/").json()
    assert mine["stage"] == JourneyStage.INVESTIGATION
    assert mine["open_task"]["node"] == "social_investigation"
    assert [s["stage"] for s in mine["progress"] if s["state"] == "done"] == ["interest", "application"]
    with translation.override("cs"):
        assert mine["progress"][2]["label"] == gettext("sociální šetření")

"""The journey through HTTP: task screens, scope (403/404 + audit), history, caseload, portal, documents."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nrp.audit.models import AuditEvent
from nrp.core.choices import CareType, Role
from tests.factories import household_with_members, orp, user_with_role
from workflows.applicant_journey import services
from workflows.applicant_journey.models import DocumentStatus, DocumentVersion, JourneyStage
from workflows.applicant_journey.services.documents import FILE_TOO_LARGE, FILE_WRONG_TYPE, MAX_DOCUMENT_BYTES
from workflows.applicant_journey.services.step_checks import DATE_IN_FUTURE, REASONS_REQUIRED
from workflows.applicant_journey.services.tasks import open_task

from . import walk

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def journey(household, guide):
    return services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])


def task_url(journey, node=None):
    task = open_task(journey, node)
    return reverse("applicant_journey:task", args=[journey.pk, task.pk])


def test_guide_completes_information_meeting_through_the_task_screen(client, journey, guide):
    client.force_login(guide)
    url = task_url(journey)
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    response = client.post(url, {"met_on": today.isoformat(), "care_types": ["ADOPTION", "FOSTER"]})
    assert response.status_code == 302
    journey.refresh_from_db()
    assert journey.stage == JourneyStage.APPLICATION
    assert journey.care_types == ["ADOPTION", "FOSTER"]
    detail = client.get(reverse("applicant_journey:detail", args=[journey.pk]))
    assert "Informační schůzka" in detail.content.decode()


def test_future_date_is_refused_with_a_czech_message_and_nothing_lost(client, journey, guide):
    client.force_login(guide)
    url = task_url(journey)
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(url, {"met_on": future, "care_types": ["ADOPTION"]})
    assert response.status_code == 200
    body = response.content.decode()
    assert str(DATE_IN_FUTURE) in body
    assert 'value="ADOPTION"' in body and "checked" in body  # the rest of the input is kept
    journey.refresh_from_db()
    assert journey.stage == JourneyStage.INTEREST


def test_impossible_date_is_refused(client, journey, guide):
    client.force_login(guide)
    response = client.post(task_url(journey), {"met_on": "2026-02-31", "care_types": ["ADOPTION"]})
    assert response.status_code == 200
    assert "Zadejte platné datum" in response.content.decode()


def test_decision_without_reasons_is_refused(client, journey, guide, ospod_worker, officer, assessor):
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    client.force_login(officer)
    today = timezone.localdate()
    response = client.post(
        task_url(journey, "decision"),
        {
            "outcome": "rejected",
            "decision_date": today.isoformat(),
            "delivered_on": today.isoformat(),
            "reasons": "",
            "age_min": 0,
            "age_max": 5,
            "sexes": ["F"],
            "max_children": 1,
            "ethnicities_accepted": ["majority"],
            "legal_statuses": ["free"],
            "contact_willingness": "none",
            "children_in_household": 0,
        },
    )
    assert response.status_code == 200
    assert str(REASONS_REQUIRED) in response.content.decode()
    assert open_task(journey, "decision") is not None


def test_appeal_after_deadline_is_recorded_and_flagged(client, journey, guide, ospod_worker, officer, assessor):
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    client.force_login(officer)
    late = walk.DELIVERED + timedelta(days=40)
    response = client.post(task_url(journey, "finality"), {"appealed": "yes", "appeal_filed_on": late.isoformat()})
    assert response.status_code == 302
    journey.refresh_from_db()
    # LATE_APPEAL (SŘ §85): flagged, but no suspensive effect: the approval takes effect and the family is registered.
    assert journey.appeal_late is True and journey.stage == JourneyStage.IN_REGISTER
    page = client.get(reverse("applicant_journey:detail", args=[journey.pk])).content.decode()
    assert "odvolání podáno po lhůtě" in page


ROUTES = ["list", "tasks", "caseload", "portal"]


@pytest.mark.parametrize(
    "persona,route,status",
    [
        ("applicant", "portal", 200),
        ("applicant", "caseload", 403),
        ("applicant", "list", 403),
        ("guide", "caseload", 200),
        ("guide", "portal", 403),
        ("guide", "tasks", 200),
        ("ospod_worker", "tasks", 200),
        ("ospod_worker", "list", 200),
        ("ospod_worker", "caseload", 403),
        ("officer", "list", 200),
        ("officer", "portal", 403),
        ("assessor", "tasks", 200),
        ("assessor", "caseload", 403),
        ("administrator", "list", 403),
        ("administrator", "caseload", 403),
    ],
)
def test_role_table_for_pages(request, client, journey, persona, route, status):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.get(reverse(f"applicant_journey:{route}")).status_code == status


@pytest.mark.parametrize("persona", ["other_officer", "other_guide", "administrator"])
def test_out_of_scope_journey_answers_404_and_is_logged(request, client, journey, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.get(reverse("applicant_journey:detail", args=[journey.pk]))
    assert response.status_code == 404
    assert AuditEvent.objects.filter(actor=user, action="denied", object_id=str(journey.pk)).exists()


def test_other_ospod_cannot_open_the_task(client, journey, guide):
    walk.to_application(journey, guide)
    stranger = user_with_role(Role.OSPOD, orp=orp("Ostrava"))
    client.force_login(stranger)
    assert client.get(task_url(journey)).status_code == 404


def test_in_scope_user_who_is_not_the_assignee_gets_403(client, journey, guide, ospod_worker):
    walk.to_application(journey, guide)
    colleague = user_with_role(Role.OSPOD, orp=orp("Brno"))
    client.force_login(colleague)
    assert client.get(task_url(journey)).status_code == 403
    assert AuditEvent.objects.filter(actor=colleague, action="denied").exists()


def test_colleague_can_take_over_a_task_in_scope(client, journey, guide, ospod_worker, applicant):
    walk.to_application(journey, guide)
    detail = reverse("applicant_journey:detail", args=[journey.pk])
    client.force_login(applicant)
    assert "Převzít úkol" not in client.get(detail).content.decode()
    colleague = user_with_role(Role.OSPOD, orp=orp("Brno"))
    client.force_login(colleague)
    assert "Převzít úkol" in client.get(detail).content.decode()
    task = open_task(journey)
    client.post(reverse("applicant_journey:task_take_over", args=[journey.pk, task.pk]))
    task.refresh_from_db()
    assert task.owner == colleague


def test_history_shows_who_did_each_step(client, journey, guide, ospod_worker, officer):
    walk.to_investigation(journey, guide, ospod_worker)
    client.force_login(officer)
    page = client.get(reverse("applicant_journey:detail", args=[journey.pk])).content.decode()
    assert guide.get_full_name() in page and ospod_worker.get_full_name() in page
    assert "krok dokončen: Kontrola úplnosti žádosti" in page  # steps named in Czech, not by node ids
    assert "check_application" not in page
    assert AuditEvent.objects.filter(actor=officer, action="read", object_id=str(journey.pk)).exists()


def test_applicant_withdraws_after_confirmation(client, journey, applicant):
    client.force_login(applicant)
    url = reverse("applicant_journey:action", args=[journey.pk, "withdraw"])
    page = client.get(url).content.decode()
    assert "Pozor" in page  # confirmation before a destructive action
    client.post(url, {"reason": "Rozmysleli jsme si to."})
    journey.refresh_from_db()
    assert journey.stage == JourneyStage.WITHDRAWN


def test_applicant_cannot_pause_the_register_entry(client, journey, applicant):
    client.force_login(applicant)
    assert client.get(reverse("applicant_journey:action", args=[journey.pk, "pause"])).status_code == 403


def test_portal_shows_progress_handler_and_estimate(client, journey, guide, ospod_worker, applicant):
    walk.to_application(journey, guide)
    client.force_login(applicant)
    page = client.get(reverse("applicant_journey:portal")).content.decode()
    assert "zájemce o NRP" in page and "hotovo" in page
    assert ospod_worker.get_full_name() in page  # who is handling the current step
    assert "odhad" in page


def test_applicant_completes_incomplete_application_from_portal(client, journey, guide, ospod_worker, applicant):
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    services.application_check(journey=journey, actor=ospod_worker, outcome="incomplete", missing_items=["Souhlasy"])
    client.force_login(applicant)
    page = client.get(reverse("applicant_journey:portal")).content.decode()
    assert "Souhlasy" in page and "Čeká se na vás" in page
    walk.complete_checklist(journey)
    client.post(task_url(journey), {"note": "Doneseno osobně."})
    assert open_task(journey).flow_task.name == "check_application"


def documents_ready(journey, guide, ospod_worker):
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    return journey.documents.filter(member__isnull=False).first()


def test_document_upload_keeps_versions_and_download_is_audited(client, journey, guide, ospod_worker, applicant):
    document = documents_ready(journey, guide, ospod_worker)
    client.force_login(applicant)
    url = reverse("applicant_journey:document_upload", args=[journey.pk, document.pk])
    client.post(url, {"file": SimpleUploadedFile("zprava.pdf", PDF, content_type="application/pdf")})
    client.post(url, {"file": SimpleUploadedFile("sken.png", PNG, content_type="image/png")})
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED
    versions = list(document.versions.all())
    assert len(versions) == 2 and {v.content_type for v in versions} == {"application/pdf", "image/png"}
    from django.conf import settings

    assert all(str(settings.MEDIA_ROOT) in v.file.path for v in versions)
    assert "zprava" not in versions[0].file.name  # no original (possibly personal) name in the stored path
    client.force_login(ospod_worker)
    response = client.get(reverse("applicant_journey:document_download", args=[journey.pk, versions[-1].pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]  # never rendered inline on our origin
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(actor=ospod_worker, action="read", object_type="applicant_journey.documentversion")


def test_posted_next_address_off_site_is_not_followed(client, journey, guide, applicant):
    client.force_login(applicant)
    url = reverse("applicant_journey:message", args=[journey.pk])
    response = client.post(url, {"body": "Dobrý den", "next": "https://zlo.example/phish"})
    assert response.status_code == 302
    assert response["Location"] == reverse("applicant_journey:detail", args=[journey.pk])
    inside = reverse("applicant_journey:portal")
    assert client.post(url, {"body": "Znovu", "next": inside})["Location"] == inside


def test_document_type_is_checked_by_content_not_extension(client, journey, guide, ospod_worker, applicant):
    document = documents_ready(journey, guide, ospod_worker)
    client.force_login(applicant)
    url = reverse("applicant_journey:document_upload", args=[journey.pk, document.pk])
    fake = SimpleUploadedFile("vypis.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(url, {"file": fake})
    assert str(FILE_WRONG_TYPE) in response.content.decode()
    assert not DocumentVersion.objects.exists()


def test_document_too_large_is_refused(client, journey, guide, ospod_worker, applicant):
    document = documents_ready(journey, guide, ospod_worker)
    client.force_login(applicant)
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES, content_type="application/pdf")
    response = client.post(reverse("applicant_journey:document_upload", args=[journey.pk, document.pk]), {"file": big})
    assert str(FILE_TOO_LARGE) in response.content.decode()


def test_document_rejected_with_reason_shows_as_missing_for_the_applicant(
    client, journey, guide, ospod_worker, applicant
):
    document = documents_ready(journey, guide, ospod_worker)
    services.documents.document_upload(
        document=document, actor=applicant, upload=SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")
    )
    client.force_login(ospod_worker)
    url = reverse("applicant_journey:document_review", args=[journey.pk, document.pk])
    assert "Uveďte" in client.post(url, {"status": "rejected", "reason": ""}).content.decode()
    client.post(url, {"status": "rejected", "reason": "Nečitelný sken."})
    client.force_login(applicant)
    assert "Nečitelný sken." in client.get(reverse("applicant_journey:portal")).content.decode()


def test_other_household_cannot_download_a_document(client, journey, guide, ospod_worker, applicant):
    document = documents_ready(journey, guide, ospod_worker)
    version = services.documents.document_upload(
        document=document, actor=applicant, upload=SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")
    )
    stranger = household_with_members(residence="Brno").members.first().user
    client.force_login(stranger)
    url = reverse("applicant_journey:document_download", args=[journey.pk, version.pk])
    assert client.get(url).status_code == 404


def caseload_queries(client, guide, organisation, n):
    for _ in range(n):
        household = household_with_members(residence="Brno", guide=guide, organisation=organisation)
        services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])
    client.force_login(guide)
    client.get(reverse("applicant_journey:caseload"))  # warm caches (session, roles)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("applicant_journey:caseload"))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_caseload_query_count_does_not_grow_with_cases(client, guide, organisation):
    three = caseload_queries(client, guide, organisation, 3)
    thirty = caseload_queries(client, guide, organisation, 27)
    assert thirty == three


def test_caseload_flags_overdue_and_filters(client, guide, organisation, household):
    late = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    late.next_due_on = timezone.localdate() - timedelta(days=3)
    late.last_activity_at = timezone.now() - timedelta(days=60)
    late.save()
    other = household_with_members(residence="Brno", guide=guide, organisation=organisation)
    services.journey_open(household=other, actor=guide, care_types=[CareType.ADOPTION])
    client.force_login(guide)
    page = client.get(reverse("applicant_journey:caseload")).content.decode()
    assert "po termínu" in page and "bez pohybu" in page
    filtered = client.get(reverse("applicant_journey:caseload") + "?po_terminu=1")
    assert list(filtered.context["page"].object_list) == [late]


def test_task_lists_show_inbox_and_scoped_queue(client, journey, guide, ospod_worker, other_officer):
    walk.to_application(journey, guide)
    client.force_login(ospod_worker)
    page = client.get(reverse("applicant_journey:tasks"))
    assert [t.process_id for t in page.context["inbox"].object_list] == [journey.pk]
    # Unassigned (e.g. after its owner left): offered to OSPOD workers of the same ORP only.
    from viewflow.workflow.models import Task

    Task.objects.filter(pk=open_task(journey).pk).update(owner=None, status="NEW")
    colleague = user_with_role(Role.OSPOD, orp=orp("Brno"))
    client.force_login(colleague)
    assert [t.process_id for t in client.get(reverse("applicant_journey:tasks")).context["queue"]] == [journey.pk]
    stranger = user_with_role(Role.OSPOD, orp=orp("Ostrava"))
    client.force_login(stranger)
    assert client.get(reverse("applicant_journey:tasks")).context["queue"] == []
    client.force_login(other_officer)
    response = client.get(reverse("applicant_journey:tasks"))
    assert response.context["queue"] == [] and list(response.context["inbox"].object_list) == []


def test_home_panels_for_each_role(client, journey, guide, applicant, ospod_worker):
    walk.to_application(journey, guide)
    client.force_login(applicant)
    assert "Můj postup" in client.get(reverse("home")).content.decode()
    client.force_login(guide)
    assert "Otevřených případů: 1" in client.get(reverse("home")).content.decode()
    client.force_login(ospod_worker)
    assert "Úkoly čekající na vás: 1" in client.get(reverse("home")).content.decode()


def test_portal_in_english_from_the_catalogue(client, journey, applicant):
    from django.conf import settings

    client.force_login(applicant)
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    try:
        page = client.get(reverse("applicant_journey:portal")).content.decode()
    finally:
        translation.deactivate()  # the middleware left English active in this thread
    assert "Where you are now" in page and "prospective applicant" in page


def test_portal_of_a_withdrawn_journey_shows_only_stages_gone_through(client, journey, guide, ospod_worker, applicant):
    from workflows.applicant_journey.selectors import progress_for_journey

    walk.to_application(journey, guide)
    services.journey_withdraw(journey=journey, actor=applicant, reason="Rozmysleli jsme si to.")
    journey.refresh_from_db()
    steps = progress_for_journey(journey=journey)
    assert [s.stage for s in steps] == ["interest", "application", "withdrawn"]
    assert [s.state for s in steps] == ["done", "done", "current"]
    client.force_login(applicant)
    assert "žádost vzata zpět" in client.get(reverse("applicant_journey:portal")).content.decode()


def test_portal_of_a_registered_family_shows_every_step_done(
    client, journey, guide, ospod_worker, officer, assessor, applicant
):
    from workflows.applicant_journey.selectors import progress_for_journey

    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    walk.make_final(journey, officer)
    journey.refresh_from_db()
    steps = progress_for_journey(journey=journey)
    assert steps[-1].stage == "in_register" and steps[-1].state == "current"
    assert all(s.state == "done" for s in steps[:-1])
    client.force_login(applicant)
    assert client.get(reverse("applicant_journey:portal")).status_code == 200


def test_applicant_adds_a_country_lived_in_and_the_extract_becomes_required(
    client, journey, guide, ospod_worker, applicant
):
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    member = journey.household.members.get(user=applicant)
    client.force_login(applicant)
    client.post(
        reverse("applicant_journey:foreign_record", args=[journey.pk]), {"member": member.pk, "country": "Rakousko"}
    )
    document = journey.documents.get(kind="criminal", member=member, country="Rakousko")
    assert document.status == DocumentStatus.MISSING
    assert "Rakousko" in client.get(reverse("applicant_journey:portal")).content.decode()

"""Privacy: the applicant's own data export (JSON, PDF), retention with a dry run, and no child identity in
logs, the audit trail, URLs or error reports."""

import io
import json
import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from nrp.audit.models import AuditAction, AuditEvent
from nrp.audit.services import audit_read
from nrp.core.privacy import export_household, register_export_section
from nrp.core.retention import ANONYMISED_NAME, RetentionRule, register_retention_rule, run_retention
from tests.security import route_matrix as matrix
from tests.security.otp import otp_verify_session
from tests.security.test_route_matrix import project_routes

pytestmark = pytest.mark.django_db


def test_an_applicant_downloads_everything_held_about_them_as_json(client, applicant, officer, household):
    audit_read(actor=officer, obj=household, household=household, reason="posouzení")
    client.force_login(applicant)
    response = client.get(reverse("my_data_json"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    members = data["sections"]["core"]["members"]
    assert {m["first_name"] for m in members} == {m.first_name for m in household.members.all()}
    assert any(
        e["who"] == officer.get_full_name() and e["reason"] == "posouzení" for e in data["sections"]["audit"]["events"]
    )
    assert AuditEvent.objects.filter(actor=applicant, action=AuditAction.EXPORT, household=household).exists()


def test_the_pdf_export_holds_the_same_data(client, applicant, household):
    from pypdf import PdfReader

    client.force_login(applicant)
    response = client.get(reverse("my_data_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert household.members.first().last_name in text


def test_apps_contribute_their_own_export_sections(household):
    register_export_section("test_section", lambda h: {"household": h.pk, "when": timezone.now()})
    try:
        assert export_household(household)["sections"]["test_section"]["household"] == household.pk
    finally:
        from nrp.core import privacy

        privacy._SECTIONS.pop("test_section")


@pytest.fixture
def closed_long_ago(household, other_household, officer):
    """``household`` closed 11 years ago (past the 10-year default), ``other_household`` closed a year ago."""
    closures = {
        household.pk: timezone.now() - timedelta(days=11 * 365),
        other_household.pk: timezone.now() - timedelta(days=365),
    }
    from nrp.core import retention

    retention._CLOSURES.append(lambda: closures)
    audit_read(actor=household.members.first().user, obj=household, household=household)
    yield household
    retention._CLOSURES.pop()


def test_retention_dry_run_reports_and_changes_nothing(closed_long_ago, other_household):
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", "--rule", "household_closed", stdout=out)
    assert f"id {closed_long_ago.pk}" in out.getvalue() and "ZKOUŠKA" in out.getvalue()
    assert not closed_long_ago.members.filter(first_name=ANONYMISED_NAME).exists()


def test_retention_anonymises_closed_cases_past_their_period_only(closed_long_ago, other_household):
    users = [m.user for m in closed_long_ago.members.all()]
    [report] = run_retention(dry_run=False, only=["household_closed"])
    assert report.ids == [closed_long_ago.pk]
    assert set(closed_long_ago.members.values_list("first_name", flat=True)) == {ANONYMISED_NAME}
    for user in users:
        user.refresh_from_db()
        assert not user.is_active and not user.has_usable_password() and user.email.endswith("@invalid")
        # the trail keeps the event but no longer the person's e-mail
        assert not AuditEvent.objects.filter(actor_label__contains="@test.nrp.example", actor=user).exists()
    assert not other_household.members.filter(first_name=ANONYMISED_NAME).exists()
    assert AuditEvent.objects.filter(object_type="retention", object_id="household_closed").exists()
    assert run_retention(dry_run=True, only=["household_closed"])[0].ids == []


def test_audit_events_past_retention_are_deleted_by_the_retention_job_only(officer, household):
    old = audit_read(actor=officer, obj=household, household=household)
    from django.db import connection

    with connection.cursor() as cursor:  # backdate it (as maintenance would)
        cursor.execute("SET LOCAL nrp.audit_maintenance = 'on'")
        cursor.execute("UPDATE audit_auditevent SET at = now() - interval '11 years' WHERE id = %s", [old.pk])
        cursor.execute("SET LOCAL nrp.audit_maintenance = 'off'")
    recent = audit_read(actor=officer, obj=household, household=household)
    run_retention(dry_run=False, only=["audit_event"])
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()


def test_apps_register_their_own_retention_rules(household):
    seen = []
    register_retention_rule(
        RetentionRule(
            name="test_rule",
            label="test",
            default_days=1,
            action="delete",
            candidates=lambda cutoff: [household],
            apply=seen.append,
        )
    )
    try:
        run_retention(dry_run=True, only=["test_rule"])
        assert seen == []
        run_retention(dry_run=False, only=["test_rule"])
        assert seen == [household]
    finally:
        from nrp.core import retention

        retention._RULES.pop("test_rule")


CHILD_NAME = "Tajná-Identita"


def test_a_childs_name_never_reaches_logs_audit_or_urls(world, caplog):
    """Visit every page as the officer and the OSPOD worker with a child named in the register."""
    case = world.sample("child_case")
    assert case.children.filter(last_name=CHILD_NAME).exists()
    world.sample("conference")
    caplog.set_level(logging.DEBUG)
    urls = []
    for persona in ("officer", "ospod"):
        user = world.personas[persona]
        for name, kwargs in project_routes().items():
            cases = matrix.cases_for(name, kwargs) or []
            for c in cases:
                if name.startswith("/") or c.method != "get" or name.startswith("admin:"):
                    continue
                client = Client()
                client.force_login(user)
                otp_verify_session(client, user)
                try:
                    url = reverse(name, kwargs=c.kwargs(world) if c.kwargs else {})
                except Exception:  # noqa: BLE001, S112 - routes needing other samples are covered elsewhere
                    continue
                urls.append(url)
                client.get(url + "?q=" + CHILD_NAME)  # even a search for the name
    assert not [u for u in urls if CHILD_NAME in u]
    for event in AuditEvent.objects.all():
        assert CHILD_NAME not in json.dumps([event.details, event.object_id, event.reason, event.actor_label])
    from nrp.core.security_logging import RedactQueryStringFilter

    redact = RedactQueryStringFilter()
    for record in caplog.records:
        redact.filter(record)
        assert CHILD_NAME not in record.getMessage(), record.getMessage()


def test_error_reports_leave_out_form_contents(settings):
    from django.views.debug import ExceptionReporter

    request = RequestFactory().post("/deti/navrh/", {"first_name": "Zdeňka", "last_name": CHILD_NAME})
    try:
        raise ValueError("boom")
    except ValueError as exc:
        report = ExceptionReporter(request, type(exc), exc, exc.__traceback__).get_traceback_text()
    assert CHILD_NAME not in report


def test_log_lines_lose_their_query_strings():
    from nrp.core.security_logging import RedactQueryStringFilter

    record = logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, '"GET /deti/?q=%s HTTP/1.1" 200', (CHILD_NAME,), None
    )
    RedactQueryStringFilter().filter(record)
    assert CHILD_NAME not in record.getMessage() and "/deti/?" in record.getMessage()

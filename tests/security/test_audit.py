"""The audit trail: changes and sensitive reads are recorded with who, when, what, from where and why;
nobody can edit it through the application; officers see a case's trail, applicants who accessed their file."""

import pytest
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nrp.audit.context import acting_as
from nrp.audit.exceptional import REASON_TOO_SHORT
from nrp.audit.models import AuditAction, AuditEvent
from nrp.audit.services import audit_read, audit_record
from nrp.core.models import HouseholdMember
from tests.security import route_matrix as matrix
from tests.security.otp import otp_verify_session

pytestmark = pytest.mark.django_db


def test_creating_changing_and_deleting_case_data_is_recorded_with_the_actor(officer, household):
    with acting_as(officer, reason="kontrola spisu"):
        member = HouseholdMember.objects.create(household=household, first_name="Eva", last_name="Malá")
        member.last_name = "Velká"
        member.save()
        member_id = member.pk
        member.delete()
    events = AuditEvent.objects.filter(object_type="core.householdmember", object_id=str(member_id)).order_by("pk")
    assert [e.action for e in events] == [AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE]
    assert all(e.actor == officer and e.household == household and e.region_id == household.region_id for e in events)
    assert events[1].details["fields"] == ["last_name"]
    # field names only, never values: the trail must not copy personal data
    assert "Velká" not in str(events[1].details) and "Malá" not in str(events[1].details)


def test_a_change_through_a_web_page_records_who_and_from_where(client, administrator, household):
    client.force_login(administrator)
    client.post(
        reverse("audit:exceptional_access"),
        {"category": "correction", "reason": "Požadavek HD-1234: oprava překlepu v příjmení"},
    )
    member = household.members.first()
    url = reverse("admin:core_household_change", args=[household.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    local = timezone.localtime(household.created_at)
    data = {
        "residence_orp": household.residence_orp_id,
        "guide": household.guide_id or "",
        "organisation": "",
        "created_at_0": local.strftime("%d.%m.%Y"),
        "created_at_1": local.strftime("%H:%M:%S"),
    }
    if household.organisation_id:
        data["organisation"] = household.organisation_id
    prefix = "members"
    data.update({f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-INITIAL_FORMS": "2", f"{prefix}-MIN_NUM_FORMS": "0"})
    data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    for i, m in enumerate(household.members.all()):
        data.update(
            {
                f"{prefix}-{i}-id": m.pk,
                f"{prefix}-{i}-household": household.pk,
                f"{prefix}-{i}-first_name": m.first_name,
                f"{prefix}-{i}-last_name": "Malá-Opravená" if m.pk == member.pk else m.last_name,
                f"{prefix}-{i}-user": m.user_id or "",
            }
        )
    assert form is not None
    response = client.post(url, data, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.errors for f in response.context["inline_admin_formsets"][0].formset],
    )
    change = AuditEvent.objects.get(object_type="core.householdmember", object_id=str(member.pk), action="update")
    assert change.actor == administrator
    assert change.ip_address == "10.1.2.3"
    assert change.reason == "Oprava chybných údajů: Požadavek HD-1234: oprava překlepu v příjmení"


def test_the_trail_cannot_be_edited_or_deleted_through_the_application(officer, household):
    event = audit_read(actor=officer, obj=household, household=household)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(reason="nic se nestalo")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        event.actor_label = "někdo jiný"
        event.save()
    event.refresh_from_db()
    assert event.reason == "" and event.actor_label == officer.email


def test_deleting_a_user_keeps_their_events_under_their_label(officer, household):
    audit_read(actor=officer, obj=household, household=household)
    email = officer.email
    officer.delete()
    event = AuditEvent.objects.get(action="read", object_type="core.household")
    assert event.actor is None and event.actor_label == email


def test_identity_keys_never_enter_the_details(officer, household):
    event = audit_record(
        actor=officer, action="read", obj=household, details={"first_name": "Anička", "child_id": 7, "name": "X"}
    )
    assert event.details == {"child_id": 7}


def test_an_officer_views_the_trail_of_a_case_in_their_region(client, officer, household, guide):
    audit_read(actor=guide, obj=household, household=household, region=household.residence_orp.region)
    client.force_login(officer)
    page = client.get(reverse("audit:household_trail", args=[household.pk]))
    assert page.status_code == 200
    assert guide.get_full_name() in page.content.decode()


def test_an_officer_of_another_region_gets_404_and_the_attempt_is_recorded(client, other_officer, household):
    client.force_login(other_officer)
    assert client.get(reverse("audit:household_trail", args=[household.pk])).status_code == 404
    assert AuditEvent.objects.filter(actor=other_officer, action=AuditAction.DENIED).exists()


def test_an_applicant_sees_who_accessed_their_file_and_nothing_of_others(
    client, applicant, officer, household, other_household, other_officer
):
    other_officer.first_name, other_officer.last_name = "Ostravská", "Úřednice"
    other_officer.save()
    audit_read(actor=officer, obj=household, household=household, reason="posouzení žádosti")
    audit_read(actor=other_officer, obj=other_household, household=other_household)
    client.force_login(applicant)
    page = client.get(reverse("audit:my_file_access")).content.decode()
    assert officer.get_full_name() in page and "posouzení žádosti" in page
    assert "Ostravská Úřednice" not in page


def test_an_administrator_needs_an_audited_reason_to_open_case_content(client, administrator, household):
    client.force_login(administrator)
    url = reverse("admin:core_household_changelist")
    first = client.get(url)
    assert first.status_code == 302 and first["Location"].startswith(reverse("audit:exceptional_access"))
    short = client.post(reverse("audit:exceptional_access"), {"category": "support", "reason": "kontrola", "next": url})
    assert str(REASON_TOO_SHORT) in short.content.decode()
    reason = "Žádost DPO č. 17/2026: ověření rozsahu zpracování"
    granted = client.post(
        reverse("audit:exceptional_access"), {"category": "data_subject", "reason": reason, "next": url}
    )
    assert granted.status_code == 302 and granted["Location"] == url
    assert client.get(url).status_code == 200
    reads = AuditEvent.objects.filter(actor=administrator, reason=f"Žádost subjektu údajů (GDPR): {reason}")
    assert reads.filter(object_type="admin.exceptional_access").exists()
    assert reads.filter(object_type="admin:core.household").exists()
    # managing users needs no reason: it is not case content
    assert client.get(reverse("admin:core_user_changelist")).status_code == 200


def test_only_administrators_can_claim_exceptional_access(client, officer):
    client.force_login(officer)
    assert client.get(reverse("audit:exceptional_access")).status_code == 403


@pytest.mark.parametrize("route, persona", matrix.AUDITED_READS)
def test_a_sensitive_read_is_recorded(world, route, persona):
    case = next(c for c in matrix.ROUTES[route] if c.expect[persona] == matrix.OK)
    url = reverse(route, kwargs=case.kwargs(world) if case.kwargs else {})
    user = world.personas[persona]
    client = Client()
    client.force_login(user)
    otp_verify_session(client, user)
    before = AuditEvent.objects.filter(actor=user, action__in=[AuditAction.READ, AuditAction.EXPORT]).count()
    assert client.get(url).status_code == 200
    after = AuditEvent.objects.filter(actor=user, action__in=[AuditAction.READ, AuditAction.EXPORT])
    assert after.count() > before, f"{route} as {persona} left no READ in the audit trail"
    assert all(e.ip_address for e in after)

"""Separation of duties (issue 11, item 2): no self-grants, case roles need a second administrator, and every
grant or take-over of another person's account is recorded and e-mailed to the person."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from nrp.audit.models import AuditEvent
from nrp.core import duties
from nrp.core.choices import Role
from nrp.core.models import RoleAssignment
from tests.factories import region, user_with_role

pytestmark = pytest.mark.django_db


class FormValues(HTMLParser):
    """The values a browser would post from the page's main form (checked boxes, selected options)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"} and "checked" not in a:
                return
            self.data.setdefault(name, []).append(a.get("value", "on" if a.get("type") == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select].append(a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def form_values(page) -> dict:
    parser = FormValues()
    parser.feed(page.content.decode())
    return {k: (v if len(v) != 1 else v[0]) for k, v in parser.data.items() if not k.startswith("csrf")}


@pytest.fixture
def second_administrator():
    user = user_with_role(Role.ADMIN, email="admin2@test.nrp.example")
    user.is_staff = user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    return user


def add_role_on_user_page(client, target, role, **scope):
    url = reverse("admin:core_user_change", args=[target.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = form_values(page)
    prefix = "role_assignments"
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(n + 1)
    data.update(
        {
            f"{prefix}-{n}-role": role,
            f"{prefix}-{n}-active": "on",
            f"{prefix}-{n}-user": str(target.pk),
            **{f"{prefix}-{n}-{k}": str(v.pk) for k, v in scope.items()},
        }
    )
    data = {k: v for k, v in data.items() if "__prefix__" not in k}
    return client.post(url, data)


def test_an_administrator_cannot_give_themselves_an_officer_role(client, administrator):
    client.force_login(administrator)
    page = client.get(reverse("admin:core_user_change", args=[administrator.pk]))
    assert 'name="role_assignments-__prefix__-role"' not in page.content.decode()  # no "add another" row
    response = add_role_on_user_page(client, administrator, Role.OFFICER, region=region(116))
    assert response.status_code in {302, 403}  # the forged row is dropped or refused, never saved
    assert not administrator.role_assignments.filter(role=Role.OFFICER).exists()


def test_an_administrator_cannot_make_themselves_superuser_or_staff(client, second_administrator):
    second_administrator.is_superuser = False
    second_administrator.save(update_fields=["is_superuser"])
    RoleAssignment.objects.filter(user=second_administrator).update(active=True)
    client.force_login(second_administrator)
    page = client.get(reverse("admin:core_user_change", args=[second_administrator.pk]))
    assert 'name="is_superuser"' not in page.content.decode()


def test_a_case_role_waits_for_a_second_administrator_and_the_person_is_told(
    client, administrator, second_administrator
):
    from tests.factories import UserFactory

    person = UserFactory(email="new.officer@test.nrp.example")
    client.force_login(administrator)
    response = add_role_on_user_page(client, person, Role.OFFICER, region=region(116))
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.errors for f in response.context["inline_admin_formsets"][0].formset],
        response.context["inline_admin_formsets"][0].formset.non_form_errors(),
    )
    grant = person.role_assignments.get(role=Role.OFFICER)
    assert grant.active is False  # pending
    assert not person.has_role(Role.OFFICER)
    assert AuditEvent.objects.filter(details__event=duties.EVENT_REQUESTED, actor=administrator).exists()

    # the one who asked cannot confirm
    changelist = reverse("admin:core_roleassignment_changelist")
    client.post(changelist, {"action": "confirm_selected", "_selected_action": [grant.pk]})
    grant.refresh_from_db()
    assert grant.active is False

    other = client.__class__()
    other.force_login(second_administrator)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        other.post(changelist, {"action": "confirm_selected", "_selected_action": [grant.pk]})
    grant.refresh_from_db()
    assert grant.active is True
    assert AuditEvent.objects.filter(details__event=duties.EVENT_CONFIRMED, actor=second_administrator).exists()
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert "Pracovník krajského úřadu" in mail.outbox[0].body


def test_a_staff_role_grant_is_recorded_and_mailed_to_the_person(client, administrator, organisation):
    from tests.factories import UserFactory

    person = UserFactory(email="future.guide@test.nrp.example")
    client.force_login(administrator)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = add_role_on_user_page(client, person, Role.GUIDE, organisation=organisation)
    assert response.status_code == 302
    assert person.role_assignments.get(role=Role.GUIDE).active is True
    assert AuditEvent.objects.filter(details__event=duties.EVENT_GRANTED, actor=administrator).exists()
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_setting_another_persons_password_is_recorded_and_mailed(client, administrator, officer):
    client.force_login(administrator)
    url = reverse("admin:auth_user_password_change", args=[officer.pk])
    new = "Nove-heslo-od-spravce-2026"
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
    assert response.status_code == 302, response.content.decode()[:3000]
    event = AuditEvent.objects.get(details__event=duties.EVENT_PASSWORD_RESET)
    assert event.actor == administrator and event.object_id == str(officer.pk)
    assert [m.to for m in mail.outbox] == [[officer.email]]


def test_removing_another_persons_second_factor_is_recorded_and_mailed(client, administrator, officer):
    from tests.security.otp import totp_device

    device = totp_device(officer)
    client.force_login(administrator)
    mail.outbox.clear()
    url = reverse("admin:otp_totp_totpdevice_delete", args=[device.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert AuditEvent.objects.filter(details__event=duties.EVENT_DEVICE_REMOVED, actor=administrator).exists()
    assert [m.to for m in mail.outbox] == [[officer.email]]


def test_a_person_changing_their_own_password_is_not_reported_as_a_take_over(client, applicant):
    from tests.factories import PASSWORD

    client.force_login(applicant)
    new = "nove-Heslo-ktere-plati-2026"
    client.post(reverse("password_change"), {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert not AuditEvent.objects.filter(details__event=duties.EVENT_PASSWORD_RESET).exists()


# --- Exceptional access: a reason from a short list plus the administrator's own words ------------------------


@pytest.mark.parametrize("text", ["aaaaaaaaaaaaaaa", "kontrolakontrolakontrola", "a a a a a a a a a a a", "x" * 40])
def test_a_reason_of_one_repeated_letter_or_one_word_unlocks_nothing(client, administrator, household, text):
    client.force_login(administrator)
    url = reverse("admin:core_household_changelist")
    client.post(reverse("audit:exceptional_access"), {"category": "support", "reason": text, "next": url})
    assert client.get(url)["Location"].startswith(reverse("audit:exceptional_access"))


def test_a_reason_needs_a_kind_from_the_list(client, administrator, household):
    client.force_login(administrator)
    url = reverse("admin:core_household_changelist")
    reason = "Požadavek HD-1234: oprava překlepu v příjmení"
    client.post(reverse("audit:exceptional_access"), {"reason": reason, "next": url})
    assert client.get(url).status_code == 302
    client.post(reverse("audit:exceptional_access"), {"category": "correction", "reason": reason, "next": url})
    assert client.get(url).status_code == 200
    event = AuditEvent.objects.get(object_type="admin.exceptional_access")
    assert event.reason == f"Oprava chybných údajů: {reason}"
    assert event.details["reason_category"] == "correction"


def test_administrators_see_a_case_trail_only_with_a_reason_which_is_recorded(client, administrator, household):
    client.force_login(administrator)
    url = reverse("audit:household_trail", args=[household.pk])
    first = client.get(url)
    assert first.status_code == 302 and first["Location"].startswith(reverse("audit:exceptional_access"))
    member = household.members.first()
    assert member.last_name not in first.content.decode()
    reason = "Žádost soudu sp. zn. 12 C 34/2026 o výpis přístupů"
    client.post(reverse("audit:exceptional_access"), {"category": "authority", "reason": reason, "next": url})
    assert client.get(url).status_code == 200
    read = AuditEvent.objects.filter(object_type="audit.household_trail", actor=administrator).latest("pk")
    assert read.reason.endswith(reason)


def test_officers_see_their_regions_trail_without_a_reason(client, officer, household):
    client.force_login(officer)
    assert client.get(reverse("audit:household_trail", args=[household.pk])).status_code == 200


def test_the_weekly_digest_tells_each_region_the_reasons_given(
    client, administrator, officer, other_officer, household
):
    from django.core.management import call_command

    client.force_login(administrator)
    url = reverse("audit:household_trail", args=[household.pk])
    reason = "Žádost soudu sp. zn. 12 C 34/2026 o výpis přístupů"
    client.post(reverse("audit:exceptional_access"), {"category": "authority", "reason": reason, "next": url})
    client.get(url)
    mail.outbox.clear()
    call_command("weekly_access_digest")
    home = [m for m in mail.outbox if officer.email in m.to]
    assert len(home) == 1
    assert reason in home[0].body and "audit.household_trail" in home[0].body
    other = [m for m in mail.outbox if other_officer.email in m.to]
    assert len(other) == 1  # the grant itself names no region: every region hears of it
    assert "audit.household_trail" not in other[0].body  # but not the other region's case

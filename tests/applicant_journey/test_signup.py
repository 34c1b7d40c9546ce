"""Online sign-up with e-mail verification and consent; guide assignment; invitations of a partner."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from nrp.core.choices import Role
from nrp.core.models import User
from tests.factories import PASSWORD, orp, user_with_role
from workflows.applicant_journey.forms import BIRTH_DATE_TOO_YOUNG, CONSENT_REQUIRED
from workflows.applicant_journey.models import ApplicantJourney, EventKind, JourneyStage

pytestmark = pytest.mark.django_db


def signup_data(**over):
    data = {
        "first_name": "Lenka",
        "last_name": "Horáková",
        "email": "lenka@example.cz",
        "date_of_birth": "1988-04-12",
        "sex": "F",
        "residence_orp": orp("Brno").pk,
        "care_types": ["FOSTER"],
        "password": PASSWORD,
        "consent": "on",
    }
    data.update(over)
    return data


def confirm_link():
    return re.search(r"http://testserver(/zadatele/registrace/overeni/\S+/)", mail.outbox[-1].body).group(1)


def test_signup_verifies_email_and_assigns_the_least_busy_guide(client, guide, organisation):
    busy = user_with_role(Role.GUIDE, organisation=organisation)
    from tests.factories import household_with_members

    household_with_members(guide=busy, organisation=organisation)
    response = client.post(reverse("applicant_journey:signup"), signup_data())
    assert response.status_code == 302
    assert not User.objects.filter(email="lenka@example.cz").exists()  # nothing until the e-mail is verified
    link = confirm_link()
    assert client.get(link).status_code == 200  # a GET (mail scanner) creates nothing
    assert not User.objects.filter(email="lenka@example.cz").exists()
    client.post(link)
    user = User.objects.get(email="lenka@example.cz")
    assert user.has_role(Role.APPLICANT) and user.check_password(PASSWORD)
    journey = ApplicantJourney.objects.get(household__members__user=user)
    assert journey.household.guide == guide  # balanced by caseload
    assert journey.stage == JourneyStage.INTEREST and journey.care_types == ["FOSTER"]
    consent = journey.events.filter(kind=EventKind.OPENED, data__has_key="consent_purpose").get()
    assert "náhradní rodinné péče" in consent.data["consent_purpose"]


def test_signup_refuses_a_minor_and_missing_consent_keeping_the_input(client, guide):
    data = signup_data(date_of_birth=date.today().replace(year=date.today().year - 16).isoformat())
    data.pop("consent")
    response = client.post(reverse("applicant_journey:signup"), data)
    body = response.content.decode()
    assert str(BIRTH_DATE_TOO_YOUNG) in body
    assert str(CONSENT_REQUIRED) in body
    assert 'value="Horáková"' in body
    assert mail.outbox == []


def test_partner_joins_the_same_case_by_invitation(client, guide):
    client.post(reverse("applicant_journey:signup"), signup_data(with_partner="on", partner_email="petr@example.cz"))
    client.post(confirm_link())
    invitation_mail = [m for m in mail.outbox if m.to == ["petr@example.cz"]][0]
    link = re.search(r"(/zadatele/pozvanka/\S+/)", invitation_mail.body).group(1)
    client.logout()
    client.post(link, {"date_of_birth": "1985-01-02", "sex": "M", "password": PASSWORD, "consent": "on"})
    partner = User.objects.get(email="petr@example.cz")
    lenka = User.objects.get(email="lenka@example.cz")
    assert partner.household_membership.household == lenka.household_membership.household
    assert client.get(link).status_code == 404  # used once


def test_guide_opens_a_case_after_a_phone_call_and_invites_the_person(client, guide):
    client.force_login(guide)
    response = client.post(
        reverse("applicant_journey:guide_open_case"),
        {
            "first_name": "Karel",
            "last_name": "Beneš",
            "email": "karel@example.cz",
            "residence_orp": orp("Brno").pk,
            "care_types": ["ADOPTION"],
        },
    )
    assert response.status_code == 302
    journey = ApplicantJourney.objects.get(household__guide=guide)
    assert mail.outbox[-1].to == ["karel@example.cz"]
    assert journey.stage == JourneyStage.INTEREST

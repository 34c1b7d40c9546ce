"""Online sign-up with e-mail verification and consent; guide assignment; invitations of a partner."""

from __future__ import annotations

import base64
import contextlib
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


@pytest.fixture(autouse=True)
def _fresh_limits():
    """The sign-up limits count in Django's cache: every test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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


# --- No leaks (issue 11) -------------------------------------------------------------------------------------------


def test_signup_answers_the_same_for_a_registered_email_and_mails_its_owner_instead(client, guide, applicant):
    new = client.post(reverse("applicant_journey:signup"), signup_data(email="nobody.yet@example.cz"))
    taken = client.post(reverse("applicant_journey:signup"), signup_data(email=applicant.email.upper()))
    assert new.status_code == taken.status_code == 302
    assert new["Location"] == taken["Location"]

    def page(url):  # the page without its per-response nonces
        return re.sub(r'nonce="[^"]*"|value="[^"]{32,}"', "", client.get(url).content.decode())

    assert page(taken["Location"]) == page(new["Location"])
    owner_mail = [m for m in mail.outbox if m.to == [applicant.email.lower()]]
    assert len(owner_mail) == 1
    assert "/registrace/overeni/" not in owner_mail[0].body  # no link that could create a second account
    assert "/heslo/obnova/" in owner_mail[0].body


def test_verification_link_is_an_opaque_token_stored_hashed_used_once(client, guide):
    import hashlib

    from workflows.applicant_journey.models import PendingSignup

    client.post(reverse("applicant_journey:signup"), signup_data(with_partner="on", partner_email="petr@example.cz"))
    link = confirm_link()
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40 and re.fullmatch(r"[A-Za-z0-9_-]+", token)
    pending = PendingSignup.objects.get()
    assert pending.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(pending.data) and pending.token_hash != token
    client.post(link)
    assert User.objects.filter(email="lenka@example.cz").exists()
    client.logout()
    response = client.post(link, follow=True)  # a second use creates nothing and says the link is spent
    assert User.objects.filter(email="lenka@example.cz").count() == 1
    assert "už byl použit" in response.content.decode()
    assert PendingSignup.objects.get().data == {}  # the application's values are gone once used


def test_verification_link_expires_after_24_hours(client, guide):
    from datetime import timedelta

    from django.utils import timezone

    from workflows.applicant_journey.models import PendingSignup

    client.post(reverse("applicant_journey:signup"), signup_data())
    pending = PendingSignup.objects.get()
    assert pending.expires_at - pending.created_at == timedelta(hours=24)
    PendingSignup.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client.post(confirm_link())
    assert not User.objects.filter(email="lenka@example.cz").exists()


def test_no_personal_data_or_secret_in_any_url_the_signup_generates(client, guide, applicant):
    from workflows.applicant_journey.models import PendingSignup

    client.post(reverse("applicant_journey:signup"), signup_data(email=applicant.email))
    client.post(reverse("applicant_journey:signup"), signup_data(with_partner="on", partner_email="petr@example.cz"))
    pending = PendingSignup.objects.get()
    forbidden = [
        "lenka",
        "Horáková",
        "Horakova",
        "1988",
        "petr@",
        applicant.email.split("@")[0],
        pending.data["password_hash"][:20],
        "pbkdf2",
        "md5$",
    ]
    client.post(confirm_link())
    urls = []
    for message in mail.outbox:
        urls += re.findall(r"https?://\S+", message.body)
    assert urls
    for url in urls:
        decoded = url  # a signed (not encrypted) token would show its contents once decoded
        for part in url.split("/"):
            with contextlib.suppress(ValueError):
                decoded += base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("utf-8", "ignore")
        for word in forbidden:
            assert word.lower() not in decoded.lower(), (word, url)


def test_signup_is_limited_per_address_without_telling(client, guide, settings):
    settings.NRP_SIGNUP_LIMIT_PER_EMAIL = 2
    for _ in range(4):
        response = client.post(reverse("applicant_journey:signup"), signup_data())
        assert response.status_code == 302
    assert len([m for m in mail.outbox if m.to == ["lenka@example.cz"]]) == 2


def test_signup_is_limited_per_client_address(client, guide, settings):
    settings.NRP_SIGNUP_LIMIT_PER_CLIENT = 3
    answers = [
        client.post(reverse("applicant_journey:signup"), signup_data(email=f"person{i}@example.cz")).status_code
        for i in range(5)
    ]
    assert answers == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3
    other = client.post(reverse("applicant_journey:signup"), signup_data(email="x@example.cz"), REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302

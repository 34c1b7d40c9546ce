"""Staff cannot get past the password without a second factor (TOTP, django-otp); applicants can."""

import json
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrp.core.twofactor import INVALID_CODE
from tests.factories import PASSWORD
from tests.security.otp import current_code, totp_device

pytestmark = pytest.mark.django_db


def password_login(client, user, password=PASSWORD):
    return client.post(reverse("login"), {"username": user.email, "password": password})


def test_staff_password_login_without_a_device_reaches_only_the_setup_page(officer, household):
    client = Client()
    response = password_login(client, officer)
    assert response.status_code == 302
    landing = client.get(response["Location"], follow=True)
    assert landing.redirect_chain[-1][0].startswith(reverse("two_factor_setup"))
    assert "Nastavení dvoufázového ověření" in landing.content.decode()
    for url in [
        reverse("home"),
        reverse("audit:household_trail", args=[household.pk]),
        reverse("admin:index"),
        reverse("password_change"),
    ]:
        answer = client.get(url)
        assert answer.status_code == 302, url
        assert answer["Location"].startswith(reverse("two_factor_setup")), url
    api = client.get("/api/")
    assert api.status_code == 403
    assert json.loads(api.content)["code"] == "second_factor_required"
    assert api["Content-Type"] == "application/problem+json"  # the API's RFC 9457 body, like every other error


def test_staff_with_a_device_must_type_the_current_code(officer):
    device = totp_device(officer)
    client = Client()
    password_login(client, officer)
    assert client.get(reverse("home"))["Location"].startswith(reverse("two_factor_verify"))
    wrong = client.post(reverse("two_factor_verify"), {"token": "000000"})
    assert str(INVALID_CODE) in wrong.content.decode()
    assert client.get(reverse("home")).status_code == 302
    # django-otp throttles after a failure (exponential back-off); let the back-off pass
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=timezone.now() - timedelta(minutes=1))
    right = client.post(reverse("two_factor_verify"), {"token": current_code(device), "next": reverse("home")})
    assert right.status_code == 302 and right["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_guessing_codes_is_throttled(officer):
    from nrp.core.twofactor import THROTTLED

    device = totp_device(officer)
    client = Client()
    password_login(client, officer)
    client.post(reverse("two_factor_verify"), {"token": "000000"})
    response = client.post(reverse("two_factor_verify"), {"token": current_code(device)})
    assert str(THROTTLED) in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_a_used_code_cannot_be_replayed(officer):
    device = totp_device(officer)
    code = current_code(device)
    first = Client()
    password_login(first, officer)
    first.post(reverse("two_factor_verify"), {"token": code})
    assert first.get(reverse("home")).status_code == 200
    second = Client()
    password_login(second, officer)
    second.post(reverse("two_factor_verify"), {"token": code})
    assert second.get(reverse("home")).status_code == 302


def test_enrolment_confirms_the_device_and_shows_backup_codes_once(assessor):
    client = Client()
    password_login(client, assessor)
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user=assessor, confirmed=False)
    totp = TOTP(device.bin_key)
    response = client.post(reverse("two_factor_setup"), {"token": f"{totp.token():06d}"})
    assert "Záložní kódy" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    codes = StaticToken.objects.filter(device__user=assessor)
    assert codes.count() == 10
    assert all(code.token in response.content.decode() for code in codes)
    assert client.get(reverse("home")).status_code == 200


def test_a_stolen_password_cannot_enrol_another_device(officer):
    totp_device(officer)
    client = Client()
    password_login(client, officer)
    response = client.get(reverse("two_factor_setup"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor_verify"))
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_a_backup_code_works_exactly_once(ospod_worker):
    from nrp.core.twofactor import create_backup_codes

    totp_device(ospod_worker)
    code = create_backup_codes(ospod_worker)[0]
    client = Client()
    password_login(client, ospod_worker)
    client.post(reverse("two_factor_verify"), {"token": code})
    assert client.get(reverse("home")).status_code == 200
    again = Client()
    password_login(again, ospod_worker)
    again.post(reverse("two_factor_verify"), {"token": code})
    assert again.get(reverse("home")).status_code == 302


def test_applicants_log_in_with_password_only(applicant):
    client = Client()
    password_login(client, applicant)
    assert client.get(reverse("home")).status_code == 200


def test_force_login_in_tests_gives_a_verified_staff_session(client, officer):
    client.force_login(officer)
    assert client.get(reverse("home")).status_code == 200


def test_logout_everywhere_ends_every_session_of_the_user(applicant):
    laptop, phone = Client(), Client()
    password_login(laptop, applicant)
    password_login(phone, applicant)
    assert phone.get(reverse("home")).status_code == 200
    laptop.post(reverse("logout_everywhere"))
    assert phone.get(reverse("account_security"))["Location"].startswith(reverse("login"))
    assert laptop.get(reverse("account_security"))["Location"].startswith(reverse("login"))


def test_a_session_expires_after_thirty_minutes_of_inactivity(client, applicant, settings):
    # The expiry slides at most once a minute (nrp.core.sessions), not by a write on every request.
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_REFRESH_SECONDS <= 60
    client.force_login(applicant)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(reverse("account_security"))["Location"].startswith(reverse("login"))


def test_the_second_factor_page_speaks_english_when_asked(officer):
    totp_device(officer)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    password_login(client, officer)
    page = client.get(reverse("two_factor_verify")).content.decode()
    assert "Second factor" in page and "Verification code" in page

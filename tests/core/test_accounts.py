"""Login, throttling, password reset, home pages, 404 and an unreachable database."""

import re

import pytest
from django.core import mail
from django.db.utils import OperationalError
from django.urls import reverse

from nrp.core.forms import INVALID_LOGIN
from tests.factories import PASSWORD
from tests.security.otp import current_code, totp_device

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_login_with_email_leads_to_home(client, officer):
    device = totp_device(officer)
    response = login(client, officer.email)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    # staff then pass the second factor (TOTP) before anything else
    verify = client.get(reverse("home"))
    assert verify.status_code == 302 and verify["Location"].startswith(reverse("two_factor_verify"))
    client.post(reverse("two_factor_verify"), {"token": current_code(device), "next": reverse("home")})
    page = client.get(reverse("home"))
    assert "Pracovník krajského úřadu" in page.content.decode()
    assert "Jihomoravský kraj" in page.content.decode()


def test_login_is_case_insensitive_on_email(client, officer):
    assert login(client, officer.email.upper()).status_code == 302


def test_wrong_password_gives_a_clear_czech_message(client, officer):
    response = login(client, officer.email, "spatne-heslo")
    assert response.status_code == 200
    assert str(INVALID_LOGIN) in response.content.decode()


def test_repeated_failures_lock_the_login_even_with_the_right_password(client, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, officer.email, "spatne-heslo")
    response = login(client, officer.email)
    assert response.status_code == 429
    assert "Přihlášení dočasně zablokováno" in response.content.decode()
    # someone else from the same address is not locked out by another account's failures
    assert "_auth_user_id" not in client.session


def test_home_is_the_public_front_door_and_account_pages_require_login(client):
    assert "Chci se stát pěstounem" in client.get(reverse("home")).content.decode()
    response = client.get(reverse("account_security"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_user_without_role_sees_an_explanation(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert "Zatím nemáte přidělenou roli" in client.get(reverse("home")).content.decode()


def test_password_reset_link_works_once(client, applicant):
    client.post(reverse("password_reset"), {"email": applicant.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/heslo/obnova/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    new = "nove-Heslo-ktere-plati-2026"
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert login(client, applicant.email, new).status_code == 302
    client.logout()
    replay = client.get(link, follow=True)
    assert "neplatný" in replay.content.decode()


def test_weak_password_is_refused_on_change(client, applicant):
    client.force_login(applicant)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    applicant.refresh_from_db()
    assert applicant.check_password(PASSWORD)


def test_unknown_url_gives_a_friendly_czech_404(client):
    response = client.get("/tohle-neexistuje/")
    assert response.status_code == 404
    assert "Stránka nenalezena" in response.content.decode()


def test_unknown_url_in_english_when_the_browser_asks_for_it(client):
    response = client.get("/tohle-neexistuje/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_language_can_be_switched_to_english(client, officer):
    client.force_login(officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("home")).content.decode()
    assert 'lang="en"' in page and "Regional officer" in page


def test_database_down_gives_a_clear_page_not_a_traceback(client, officer, monkeypatch):
    client.force_login(officer)

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.contrib.sessions.backends.db.SessionStore.load", broken)
    client.raise_request_exception = False  # what a browser gets, not the exception the test client re-raises
    response = client.get(reverse("home"))
    assert response.status_code == 503
    assert "Databáze je nedostupná" in response.content.decode()
    assert "Traceback" not in response.content.decode()

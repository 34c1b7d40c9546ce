"""Bad input: stored HTML/SQL injection shown safely everywhere, forged CSRF, replayed reset links,
open redirects and tampered ids: refused or neutralised, with nothing written."""

import re

import pytest
from django.apps import apps
from django.core import mail
from django.db import models
from django.test import Client
from django.urls import reverse

from nrp.audit.models import AuditEvent
from tests.factories import PASSWORD
from tests.security import route_matrix as matrix
from tests.security.otp import otp_verify_session
from tests.security.test_route_matrix import project_routes

pytestmark = pytest.mark.django_db

XSS = "<script>alert(7)</script>"
XSS_ATTR = '"><img src=x onerror=alert(7)>'
SQL = "x'); DROP TABLE core_household; --"
CASE_APPS = ("core", "applicant_journey", "child_mediation", "matching")
SKIP_FIELDS = {"email", "password", "token", "key", "sha256", "content_type", "file", "code", "nuts3", "ico"}


def poison_every_text_field() -> int:
    """Write the XSS payloads into every free-text field of every case record (as stored input would)."""
    poisoned = 0
    from django.db import connection

    with connection.cursor() as cursor:
        # Stored rankings are immutable in the database; the owner's maintenance mode lets the test poison them.
        cursor.execute("SET LOCAL nrp.audit_maintenance = 'on'")
    for model in apps.get_models():
        if model._meta.app_label not in CASE_APPS or model._meta.label_lower in {"core.region", "core.orp"}:
            continue
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
            and not f.choices
            and not f.unique
            and f.name not in SKIP_FIELDS
            and not isinstance(f, models.EmailField)
        ]
        for pk in model._default_manager.values_list("pk", flat=True):
            values = {}
            for i, field in enumerate(fields):
                payload = f"{XSS if i % 2 == 0 else XSS_ATTR} {pk}"  # the id keeps unique-together names unique
                if not field.max_length or field.max_length >= len(payload):
                    values[field.name] = payload
            if values:
                poisoned += model._default_manager.filter(pk=pk).update(**values)
    return poisoned


def test_stored_html_is_escaped_on_every_page(world):
    for name in ("journey", "journey_document", "child_case", "conference", "approach", "ranking"):
        world.sample(name)
    assert poison_every_text_field() > 0
    pages = 0
    for persona in ("applicant", "guide", "ospod", "officer"):
        user = world.personas[persona]
        for name, kwargs in sorted(project_routes().items()):
            for case in matrix.cases_for(name, kwargs) or []:
                if case.method != "get" or name.startswith("/") or case.expect[persona] != matrix.OK:
                    continue
                client = Client()
                client.force_login(user)
                otp_verify_session(client, user)
                response = client.get(reverse(name, kwargs=case.kwargs(world) if case.kwargs else {}), follow=True)
                if "text/html" not in response.get("Content-Type", ""):
                    continue
                pages += 1
                html = response.content.decode()
                assert XSS not in html, f"{persona} {name}: unescaped <script>"
                assert "<img src=x onerror" not in html, f"{persona} {name}: unescaped attribute injection"
    assert pages > 20


def test_sql_in_free_text_is_stored_literally(client, applicant, world):
    journey = world.sample("journey")
    client.force_login(applicant)
    client.post(reverse("applicant_journey:message", args=[journey.pk]), {"body": SQL})
    from workflows.applicant_journey.models import Message

    assert Message.objects.filter(journey=journey, body=SQL).exists()
    from nrp.core.models import Household

    assert Household.objects.filter(pk=journey.household_id).exists()


def test_sql_in_search_and_ordering_parameters_is_harmless(client, applicant, household, other_household):
    client.force_login(applicant)
    for params in ({"q": "' OR 1=1 --"}, {"ordering": "id; DROP TABLE core_household"}, {"page": "1 OR 1=1"}):
        response = client.get(reverse("api:household-list"), params)
        assert response.status_code in (200, 400, 404), params
        if response.status_code == 200:
            ids = {row["id"] for row in response.json()["results"]}
            assert other_household.pk not in ids


def test_an_administrators_reason_with_sql_is_stored_verbatim(client, administrator):
    client.force_login(administrator)
    reason = "Požadavek 42'; DELETE FROM audit_auditevent; --"
    client.post(reverse("audit:exceptional_access"), {"category": "support", "reason": reason, "next": "/sprava/"})
    assert AuditEvent.objects.filter(reason__endswith=": " + reason).count() == 1


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_a_forged_login_post_is_refused(csrf_client, applicant):
    response = csrf_client.post(reverse("login"), {"username": applicant.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in csrf_client.session


def test_a_forged_message_is_refused_and_nothing_is_written(csrf_client, applicant, world):
    journey = world.sample("journey")
    csrf_client.force_login(applicant)
    from workflows.applicant_journey.models import Message

    before = Message.objects.count()
    response = csrf_client.post(reverse("applicant_journey:message", args=[journey.pk]), {"body": "podvrh"})
    assert response.status_code == 403
    assert Message.objects.count() == before


def test_a_forged_logout_everywhere_ends_no_session(csrf_client, applicant):
    csrf_client.force_login(applicant)
    assert csrf_client.post(reverse("logout_everywhere")).status_code == 403
    assert csrf_client.get(reverse("home")).status_code == 200


def test_a_forged_exceptional_access_grants_nothing(csrf_client, administrator):
    csrf_client.force_login(administrator)
    otp_verify_session(csrf_client, administrator)
    before = AuditEvent.objects.count()
    response = csrf_client.post(
        reverse("audit:exceptional_access"), {"category": "support", "reason": "Podvržený důvod přístupu k datům"}
    )
    assert response.status_code == 403
    assert AuditEvent.objects.count() == before
    assert csrf_client.get(reverse("admin:core_household_changelist")).status_code == 302


def test_a_used_password_reset_link_cannot_set_the_password_again(client, applicant):
    client.post(reverse("password_reset"), {"email": applicant.email})
    link = re.search(r"https?://[^/]+(/heslo/obnova/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    first = "prvni-Nove-Heslo-2026"
    client.post(form_url, {"new_password1": first, "new_password2": first})
    attacker = Client()
    replay_url = attacker.get(link, follow=True)
    second = "utocnikovo-Heslo-2026"
    attacker.post(
        replay_url.redirect_chain[-1][0] if replay_url.redirect_chain else link,
        {"new_password1": second, "new_password2": second},
    )
    applicant.refresh_from_db()
    assert applicant.check_password(first) and not applicant.check_password(second)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "https:evil.example"])
def test_a_tampered_next_never_leaves_the_site(client, officer, administrator, applicant, target):
    from tests.security.otp import current_code, totp_device

    device = totp_device(officer)
    fresh = Client()
    fresh.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    response = fresh.post(reverse("two_factor_verify"), {"token": current_code(device), "next": target})
    assert response["Location"] == reverse("home")

    client.force_login(administrator)
    reason = "Požadavek HD-77: kontrola oprávnění uživatele"
    response = client.post(
        reverse("audit:exceptional_access"), {"category": "support", "reason": reason, "next": target}
    )
    assert "evil.example" not in response["Location"]

    other = Client()
    other.force_login(applicant)
    response = other.post(reverse("set_language"), {"language": "en", "next": target})
    assert "evil.example" not in response.get("Location", "")


def test_a_tampered_id_in_a_form_writes_nothing(client, applicant, world):
    """Posting a message into another family's journey: 404 and no message."""
    other = world.sample("other_journey")
    client.force_login(applicant)
    from workflows.applicant_journey.models import Message

    response = client.post(reverse("applicant_journey:message", args=[other.pk]), {"body": "cizí spis"})
    assert response.status_code == 404
    assert not Message.objects.filter(journey=other).exists()


def test_an_off_site_redirect_from_any_view_is_neutralised(client, applicant, world):
    journey = world.sample("journey")
    client.force_login(applicant)
    response = client.post(
        reverse("applicant_journey:message", args=[journey.pk]), {"body": "ahoj", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and "evil.example" not in response["Location"]

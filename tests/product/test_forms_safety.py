"""Long forms summarise their errors at the top, linked to the fields; signing the minutes asks first."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.child_mediation import conftest as mediation
from tests.child_mediation.conftest import make_entry, propose, ranking_for
from workflows.child_mediation import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting_case(ospod_worker, officer):
    case = propose(ospod_worker)
    return services.case_register(case=case, officer=officer, registered_on=timezone.localdate() - timedelta(days=5))


def test_an_invalid_sign_up_lists_every_error_at_the_top_linked_to_its_field(client):
    html = client.post(reverse("applicant_journey:signup"), {"first_name": "Jana"}).content.decode()
    assert 'class="error-summary"' in html
    summary = html[html.index('class="error-summary"') : html.index("</div>", html.index('class="error-summary"'))]
    assert 'href="#id_email"' in summary
    assert html.index('class="error-summary"') < html.index('id="id_email"')


def test_the_login_error_is_said_once_at_the_top(client):
    html = client.post(reverse("login"), {"username": "nikdo@example.cz", "password": "x"}).content.decode()
    assert html.count("Neplatný e-mail nebo heslo") == 1


def test_signing_the_minutes_first_explains_the_consequences(client, officer, waiting_case):
    entries = [make_entry(), make_entry()]
    if hasattr(mediation, "make_ready"):  # the child's file made ready for matching, where that is required
        mediation.make_ready(waiting_case, officer)
    conference = services.conference_prepare(
        case=waiting_case,
        officer=officer,
        scheduled_at=timezone.make_aware(datetime(2026, 12, 1, 10, 0)),
        shortlist_size=2,
        participants=[("officer", "Mgr. Jana Krajská, KÚ JMK")],
        ranking=ranking_for(waiting_case, entries),
    )
    services.minutes_save(
        conference=conference,
        author=officer,
        attendance="Všichni pozvaní.",
        discussion="Shoda na pořadí.",
        wishes_considered="Přání dítěte zohledněna.",
        approach_order=[e.pk for e in entries],
        reasoning="Zkušenost s potřebami dítěte.",
    )
    client.force_login(officer)
    html = client.get(reverse("child_mediation:conference", args=[conference.pk])).content.decode()
    confirm = html[html.index('<details class="confirm">') : html.index("</details>")]
    assert "Opravdu podepsat zápis?" in confirm
    assert "nelze měnit" in confirm
    assert "Ano, podepsat zápis" in confirm
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script: the confirmation is plain HTML

"""One-time form tokens (issue 11, item 8): a double click on "propose a child" creates one case and shows it."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.child_mediation.test_views import proposal_post
from workflows.child_mediation.models import ChildCase

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def form_token(page) -> str:
    return re.search(r'name="_form_once" value="([^"]+)"', page.content.decode()).group(1)


def test_a_double_submitted_child_proposal_creates_one_case_and_shows_it(client, ospod_worker):
    client.force_login(ospod_worker)
    url = reverse("child_mediation:propose")
    token = form_token(client.get(url))
    first = client.post(url, {**proposal_post(), "_form_once": token})
    second = client.post(url, {**proposal_post(), "_form_once": token})
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ChildCase.objects.count() == 1
    assert "už byl odeslán" in client.get(second["Location"]).content.decode()


def test_a_form_refused_with_errors_can_be_sent_again_with_its_token(client, ospod_worker):
    client.force_login(ospod_worker)
    url = reverse("child_mediation:propose")
    token = form_token(client.get(url))
    wrong = client.post(url, {**proposal_post(), "care_types_sought": [], "_form_once": token})
    assert wrong.status_code == 200
    fixed = client.post(url, {**proposal_post(), "_form_once": token})
    assert fixed.status_code == 302
    assert ChildCase.objects.count() == 1


def test_each_rendering_of_the_form_has_its_own_token(client, ospod_worker):
    client.force_login(ospod_worker)
    url = reverse("child_mediation:propose")
    client.post(url, {**proposal_post(), "_form_once": form_token(client.get(url))})
    other = {**proposal_post(), "children-0-first_name": "Jiné", "children-1-first_name": "Další"}
    client.post(url, {**other, "_form_once": form_token(client.get(url))})
    assert ChildCase.objects.count() == 2

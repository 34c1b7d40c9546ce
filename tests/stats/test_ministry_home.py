"""The ministry's "Můj den": figures and the way to the statistics, never a child's identity."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.child_mediation.conftest import propose
from workflows.child_mediation import services

pytestmark = pytest.mark.django_db


def test_ministry_home_counts_national_search_and_leads_to_the_statistics(
    client, ministry_worker, ospod_worker, officer
):
    case = services.case_register(case=propose(ospod_worker), officer=officer)
    services.case_escalate_national(case=case, actor=officer)
    child = case.children.first()

    client.force_login(ministry_worker)
    page = client.get(reverse("home")).content.decode()

    assert "1 případ v celostátním hledání" in " ".join(strip_tags(page).split())
    assert reverse("stats:dashboard") in page
    assert reverse("stats:yearly") in page
    assert child.last_name not in page and child.first_name not in page

"""How long the children who wait longest wait: median days in the children register per group, per region."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from matching.selectors import waiting_statistics_for_region
from tests.matching.conftest import TODAY, child_case
from workflows.child_mediation.models import ChildCaseStatus

pytestmark = pytest.mark.django_db


def _by_code(region_id):
    return {g.code: g for g in waiting_statistics_for_region(region_id=region_id, today=TODAY)}


def test_median_days_in_register_per_hard_to_place_group(jmk):
    child_case(ages=(3,), registered_on=TODAY - timedelta(days=10))
    child_case(ages=(9,), registered_on=TODAY - timedelta(days=300))  # older
    child_case(ages=(8,), registered_on=TODAY - timedelta(days=100))  # older
    child_case(ages=(2, 4), registered_on=TODAY - timedelta(days=200))  # siblings
    child_case(ages=(1,), health_needs=["intellectual"], registered_on=TODAY - timedelta(days=150))  # disability
    child_case(ages=(4,), ethnicity="roma", registered_on=TODAY - timedelta(days=400))  # Romani

    groups = _by_code(jmk.pk)
    assert groups["all"].count == 6 and groups["all"].median_days == 175  # 10, 100, 150, 200, 300, 400
    assert groups["older"].count == 2 and groups["older"].median_days == 200
    assert groups["siblings"].count == 1 and groups["siblings"].median_days == 200
    assert groups["disability"].count == 1 and groups["disability"].median_days == 150
    assert groups["roma"].count == 1 and groups["roma"].median_days == 400 and groups["roma"].max_days == 400


def test_placed_closed_and_other_region_cases_do_not_count(jmk):
    child_case(ages=(9,), registered_on=TODAY - timedelta(days=50))
    child_case(ages=(9,), status=ChildCaseStatus.PLACED, registered_on=TODAY - timedelta(days=900))
    child_case(ages=(9,), status=ChildCaseStatus.CLOSED, registered_on=TODAY - timedelta(days=900))
    child_case(orp_name="Ostrava", ages=(9,), registered_on=TODAY - timedelta(days=900))
    groups = _by_code(jmk.pk)
    assert groups["older"].count == 1 and groups["older"].median_days == 50


def test_group_without_waiting_children_has_no_median(jmk):
    groups = _by_code(jmk.pk)
    assert groups["roma"].count == 0 and groups["roma"].median_days is None


def test_statistics_screen_shows_the_officer_region_table(client, officer):
    child_case(ages=(10,), ethnicity="roma", registered_on=TODAY - timedelta(days=30))
    client.force_login(officer)
    page = client.get(reverse("matching:statistics")).content.decode()
    assert "Romské děti" in page and "Starší děti (7 let a více)" in page
    assert "Jihomoravský kraj" in page

"""Scale: the page's SQL queries do not grow with the data; missing families agree with the matching engine."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from matching.adapter.pools import load_pool
from matching.engine.pool import prepare_pool
from matching.engine.ranking import rank
from nrp.stats import compute_children
from nrp.stats.compute.inputs import load_inputs
from nrp.stats.models import DailySnapshot, StatsAggregate
from nrp.stats.services import stats_refresh
from tests.stats.conftest import synthetic

pytestmark = pytest.mark.django_db


def page_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/statistiky/").status_code == 200
    return len(queries)


def test_dashboard_queries_are_constant_in_the_size_of_the_data(client, officer, ministry_worker, jmk, msk):
    synthetic("small", households=40, children=16, regions=[jmk, msk])
    client.force_login(officer)
    small_officer = page_queries(client)
    client.force_login(ministry_worker)
    small_ministry = page_queries(client)
    synthetic("larger", households=400, children=120, regions=[jmk, msk])
    client.force_login(officer)
    assert page_queries(client) == small_officer
    client.force_login(ministry_worker)
    assert page_queries(client) == small_ministry
    assert small_officer <= 20


def test_missing_families_are_the_engines_eligible_families(jmk, msk):
    synthetic("engine", households=200, children=40, regions=[jmk, msk])
    today = timezone.localdate()
    inputs = load_inputs(today=today)
    cases = compute_children.waiting_cases(inputs)[:15]
    counts = compute_children.eligible_counts(inputs, cases)
    loaded = load_pool(region_id=None, today=today)
    from matching.adapter.profiles import case_profile
    from workflows.child_mediation.models import ChildCase

    for case in cases:
        profile = case_profile(ChildCase.objects.get(pk=case.id), today=today)
        region_pool = prepare_pool([f for f in loaded.families if f.region_id == case.region_id], today=today)
        assert counts[case.id] == (len(rank(profile, region_pool).ranked), len(rank(profile, loaded.pool).ranked))


def test_the_daily_snapshot_is_idempotent_and_feeds_the_trend(jmk, msk):
    synthetic("snap", households=60, children=30, regions=[jmk, msk])
    today = timezone.localdate()
    before = DailySnapshot.objects.filter(day=today).count()
    stats_refresh(today=today)
    assert DailySnapshot.objects.filter(day=today).count() == before
    trend = StatsAggregate.objects.get(region=None, section="children").data["trend"]
    assert len(trend) >= 12
    assert trend[-1]["n"] == StatsAggregate.objects.get(region=None, section="children").data["total"]

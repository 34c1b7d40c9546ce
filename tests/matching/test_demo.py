"""The demo seed stores one regional ranking per region, once."""

import pytest
from django.core.management import call_command

from matching.models import RankingRun, RankingScope

pytestmark = pytest.mark.django_db


def test_seed_demo_stores_a_regional_ranking_per_region_once():
    call_command("seed_demo", "--size", "small")
    # The statistics demo writes a history of synthetic rankings ({"synthetic": true}); these are the live ones.
    live = RankingRun.objects.exclude(inputs__has_key="synthetic")
    runs = list(live)
    assert len({run.region_id for run in runs}) == len(runs) >= 2
    assert all(run.scope == RankingScope.REGIONAL for run in runs)
    assert any(run.eligible_count > 0 for run in runs)  # the demo register holds families that fit
    call_command("seed_demo", "--size", "small")
    assert live.count() == len(runs)

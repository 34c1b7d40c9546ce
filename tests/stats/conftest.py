"""Personas and data of the statistics tests: a ministry worker (MPSV) and a small synthetic country."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from nrp.core.choices import Role
from nrp.stats.compute.inputs import CaseRow, Inputs
from tests.factories import user_with_role


@pytest.fixture
def ministry_worker():
    """pracovník MPSV: every region's statistics, nothing else."""
    return user_with_role(Role.MINISTRY, email="mpsv@test.nrp.example")


def synthetic(label: str, *, households: int, children: int, regions) -> dict:
    from nrp.stats.services import synthetic_batch_generate

    today = timezone.localdate()
    return synthetic_batch_generate(
        label=label,
        regions=list(regions),
        households=households,
        children=children,
        tasks=households * 8,
        years=2,
        seed=len(label),
        history_start=today - timedelta(days=400),
        today=today,
    )


@pytest.fixture
def country(jmk, msk):
    """Two regions of synthetic data with a year of snapshots and the figures computed."""
    return synthetic("test-country", households=160, children=60, regions=[jmk, msk])


def at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def case_row(
    case_id: int,
    *,
    region_id: int = 1,
    status: str = "placed",
    registered_on: date,
    children=None,
    closed_on: date | None = None,
    closure_reason: str = "",
) -> CaseRow:
    return CaseRow(
        id=case_id,
        region_id=region_id,
        orp_id=1,
        status=status,
        registered_on=registered_on,
        care_types=("FOSTER",),
        contact_plan="none",
        birth_orp_id=None,
        closed_on=closed_on,
        closure_reason=closure_reason,
        children=children or [child(age_years=3, on=registered_on)],
    )


def child(*, age_years: int, on: date, needs=(), ethnicity: str = "", legal: str = "not_free") -> dict:
    born = date(on.year - age_years, 1, 1) if (on.month, on.day) >= (1, 1) else date(on.year - age_years - 1, 1, 1)
    return {"born": born, "sex": "F", "legal": legal, "needs": tuple(needs), "ethnicity": ethnicity}


def inputs(*, today: date, cases: list[CaseRow], placements=(), rankings=None, region_ids=(1,)) -> Inputs:
    return Inputs(
        today=today,
        region_ids=list(region_ids),
        orp_region={1: 1},
        journeys=[],
        entries={},
        entry_by_id={},
        first_approach={},
        visits=[],
        cases={c.id: c for c in cases},
        placements=list(placements),
        approaches_failed=[],
        rankings=rankings or {},
        deadline_overrides={},
    )

"""The children seed step: a realistic mix in every demo region, idempotent, keyed by reference."""

from __future__ import annotations

import random
from datetime import date

import pytest

from nrp.core.choices import LegalStatus
from nrp.core.demo import DemoContext, seed_people
from workflows.child_mediation.demo import seed_children
from workflows.child_mediation.models import ChildCase, ChildCaseStatus

pytestmark = pytest.mark.django_db


def test_seed_children_mix_and_idempotence():
    ctx = DemoContext(size="small", rng=random.Random(2026), today=date.today())
    seed_people(ctx)
    seed_children(ctx)
    count = ChildCase.objects.count()
    assert count == 6 * len(ctx.regions)
    seed_children(ctx)
    assert ChildCase.objects.count() == count
    jmk = ChildCase.objects.filter(reference__startswith="JMK-DEMO-")
    assert jmk.count() == 6
    sizes = [c.children.count() for c in jmk]
    assert max(sizes) >= 2  # a sibling group
    infants = [
        c
        for c in jmk
        if any(ch.age_on(date.today()) < 2 and ch.legal_status == LegalStatus.FREE for ch in c.children.all())
    ]
    assert infants
    assert any(ch.health_needs for c in jmk for ch in c.children.all())
    assert jmk.filter(status=ChildCaseStatus.NATIONAL).exists()
    assert jmk.filter(flags__intercountry_flagged_on__isnull=False).exists()
    assert jmk.filter(status=ChildCaseStatus.WAITING).exists()

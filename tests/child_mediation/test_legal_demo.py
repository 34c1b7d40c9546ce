"""The demo children carry the legal steps on file, so the officers' demo walk can rank and approach."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.utils import timezone

from nrp.core.demo import DemoContext, seed_people
from workflows.child_mediation.demo import seed_children
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.services import readiness

pytestmark = pytest.mark.django_db


def test_demo_children_are_ready_for_matching_with_view_assessment_consent_and_evidence():
    ctx = DemoContext(size="small", rng=random.Random(2026), today=date.today())
    seed_people(ctx)
    seed_children(ctx)
    today = timezone.localdate()
    for case in ChildCase.objects.filter(reference__startswith="JMK-DEMO-"):
        assert readiness.gaps(case, today=today) == [], case.reference

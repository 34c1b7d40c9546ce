"""Writing a whole synthetic batch in one transaction."""

from __future__ import annotations

import random

from django.db import transaction

from nrp.core.models import Orp
from nrp.stats.synthetic.applicants import _households, _journeys, _register
from nrp.stats.synthetic.children import _children, _placements
from nrp.stats.synthetic.plan import Plan, _officer


def generate(plan: Plan) -> dict:
    """Write the whole batch; returns counts of what was written."""
    rng = random.Random(plan.seed)
    with transaction.atomic():
        orps = {r.pk: list(Orp.objects.filter(region=r).order_by("code")) for r in plan.regions}
        officers = {r.pk: _officer(r) for r in plan.regions}
        households = _households(plan, rng, orps)
        journeys = _journeys(plan, rng, households)
        entries = _register(plan, rng, journeys)
        cases = _children(plan, rng, orps)
        _placements(plan, rng, cases, entries, officers)
    return plan.counts

"""Demo data for matching: one stored regional ranking per region, so the screens have something to show.

Runs after the applicant households and the children are seeded (registration order). Idempotent: a region whose
officer already ran a ranking gets no new one.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone

from matching.models import RankingRun
from matching.services import approached_entry_ids_for, ranking_run
from nrp.core.choices import Role
from nrp.core.models import User
from workflows.child_mediation.models import ChildCase, ChildCaseStatus


def seed_rankings(ctx) -> None:
    today = min(ctx.today, timezone.localdate())
    for region in ctx.regions:
        officer = (
            User.objects.filter(role_assignments__role=Role.OFFICER, role_assignments__region=region)
            .filter(role_assignments__active=True)
            .order_by("pk")
            .first()
        )
        if officer is None or RankingRun.objects.filter(child_case__region=region, created_by=officer).exists():
            continue
        waiting = (
            ChildCase.objects.filter(region=region, status=ChildCaseStatus.WAITING, children__isnull=False)
            .distinct()
            .order_by("registered_on", "pk")
        )
        # The longest-waiting child whose file is ready for matching (the law's conditions refuse the others).
        for case in waiting.iterator():
            try:
                approached = approached_entry_ids_for(case)
                ranking_run(child_case=case, actor=officer, approached_entry_ids=approached, today=today)
            except ValidationError:
                continue
            break

"""Demo data for matching: one stored regional ranking per region, so the screens have something to show.

Runs after the applicant households and the children are seeded (registration order). Idempotent: a case that
already has a ranking gets no new one.
"""

from __future__ import annotations

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
        case = (
            ChildCase.objects.filter(region=region, status=ChildCaseStatus.WAITING, children__isnull=False)
            .order_by("registered_on", "pk")
            .first()
        )
        if officer is None or case is None or RankingRun.objects.filter(child_case=case).exists():
            continue
        ranking_run(child_case=case, actor=officer, approached_entry_ids=approached_entry_ids_for(case), today=today)

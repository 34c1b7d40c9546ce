"""Bridge to the matching module: run and store a ranking for a case (the engine itself lives in matching/)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workflows.child_mediation.models import ChildCase, ChildCaseStatus
from workflows.child_mediation.selectors import approached_entry_ids
from workflows.child_mediation.services.common import refusal, require_officer
from workflows.child_mediation.services.readiness import require_ready

MATCHING_UNAVAILABLE = _("Párování zatím není k dispozici.")


def case_run_ranking(*, child_case: ChildCase, actor, national: bool | None = None, today=None):
    """Run matching for the case, leaving out families with an open approach for another child.

    Refused until the child's file holds what the law asks before matching (the child's view, the assessment where
    needed, the consent of a child of 12+ to adoption, evidence of legal freedom): ``readiness.require_ready``.
    """
    require_officer(actor, child_case)
    require_ready(case=child_case, today=today, actor=actor)
    try:
        from matching.services import ranking_run
    except ImportError as exc:
        raise refusal(MATCHING_UNAVAILABLE, "matching_unavailable") from exc
    if national is None:
        national = child_case.status == ChildCaseStatus.NATIONAL
    return ranking_run(
        child_case=child_case,
        actor=actor,
        national=national,
        approached_entry_ids=approached_entry_ids(exclude_case=child_case),
        today=today,
    )

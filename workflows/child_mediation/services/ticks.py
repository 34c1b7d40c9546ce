"""Time-based transitions, applied by the ``mediation_tick`` command (cron) with a controllable clock.

Idempotent: running it twice on the same day changes nothing the second time.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from nrp.core.choices import LegalStatus
from workflows.child_mediation import deadlines
from workflows.child_mediation.models import (
    ACTIVE_APPROACH_STATUSES,
    ChildCase,
    ChildCaseStatus,
    Placement,
    ReminderKind,
)
from workflows.child_mediation.services.aftercare import aftercare_tick
from workflows.child_mediation.services.approaches import approaches_lapse
from workflows.child_mediation.services.cases import case_escalate_national, case_flag_intercountry
from workflows.child_mediation.services.common import remind
from workflows.child_mediation.services.readiness import legal_status_tick

# §47b reminders start this many days before the agreement is due.
AGREEMENT_REMIND_DAYS_BEFORE = 7


def escalate_due_cases(today: date) -> int:
    count = 0
    waiting = ChildCase.objects.filter(status=ChildCaseStatus.WAITING, registered_on__isnull=False).select_related(
        "region__mediation_settings"
    )
    for case in waiting:
        if case.registered_on is None:  # excluded by the query; the type does not know
            continue
        if deadlines.escalation_due(case.region, case.registered_on) <= today:
            case_escalate_national(case=case, actor=None, today=today)
            count += 1
    return count


def flag_intercountry_cases(today: date) -> int:
    """Legally free children 6 months in the register, not placed and without an accepted family → ÚMPOD."""
    count = 0
    candidates = (
        ChildCase.objects.filter(
            status__in=[ChildCaseStatus.WAITING, ChildCaseStatus.NATIONAL, ChildCaseStatus.APPROACHING],
            registered_on__isnull=False,
            flags__intercountry_flagged_on__isnull=True,
        )
        .exclude(children__legal_status=LegalStatus.NOT_FREE)
        .exclude(approaches__status=ACTIVE_APPROACH_STATUSES[1])
        .distinct()
    )
    for case in candidates:
        if case.registered_on is None:
            continue
        if deadlines.intercountry_due(case.registered_on) <= today and case_flag_intercountry(case=case, today=today):
            count += 1
    return count


def remind_foster_agreements(today: date) -> int:
    count = 0
    due = Placement.objects.filter(agreement_due__isnull=False, agreement_signed_on__isnull=True).filter(
        agreement_due__lte=today + timedelta(days=AGREEMENT_REMIND_DAYS_BEFORE)
    )
    for placement in due:
        if placement.agreement_due is None:  # excluded by the query
            continue
        created = remind(
            placement.case,
            ReminderKind.AGREEMENT_DUE,
            key=placement.agreement_due.isoformat(),
            for_ospod=True,
            due_on=placement.agreement_due,
        )
        count += int(created)
    return count


def mediation_tick(*, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    return {
        "lapsed": approaches_lapse(today=today),
        "escalated": escalate_due_cases(today),
        "intercountry": flag_intercountry_cases(today),
        "agreement_reminders": remind_foster_agreements(today),
        # The legal steps (issue 14): evidence coming into force, the adoption petition, a late §47b agreement.
        "legal_status": legal_status_tick(today=today),
        **aftercare_tick(today=today),
    }

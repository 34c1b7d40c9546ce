"""The approached family's own view of an approach (its portal and ``/api/v1/my/approaches/``), and its answer.

The family sees an approach once its notice has left the office (SELECTION): the child's anonymised profile, the
meetings arranged, the deadline. After delivery the law lets it study the child's file (SELECTION): the child's
first name, health and development notes, the child's view and the contact plan are added; the birth family's
identity, the surname and the date of birth never. Every read is audited (READ, the family's household). The
family answers itself: accepted with the court and the filing day, or declined with a reason
(``approaches.approach_record_answer`` with ``by_family``; the dates are checked by ``notices.check_answer``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.access import Action, Policy, Resource, Scope
from nrp.core.exceptions import ForbiddenError, ServiceError
from workflows.child_mediation import selectors
from workflows.child_mediation.models import Approach, ApproachStatus
from workflows.child_mediation.models_notices import NoticeStatus
from workflows.child_mediation.services.notices import NOT_DELIVERED_YET

# The family reads its own approaches and answers them: members of the approached household only.
READ_OWN_APPROACH = Policy(Action.READ, Resource.APPLICANT_FILE, {Scope.OWN_HOUSEHOLD})
ANSWER_OWN_APPROACH = Policy(Action.WRITE, Resource.APPLICANT_FILE, {Scope.OWN_HOUSEHOLD})

NOT_YOURS = _("Na oslovení jiné rodiny odpovědět nelze.")

# Notices the family can see: sent or delivered (a draft has not left the office).
VISIBLE = (NoticeStatus.SENT, NoticeStatus.DELIVERED)


def approaches_for_family(user) -> QuerySet[Approach]:
    """The approaches of the user's household whose notice has left the office (newest first)."""
    return (
        Approach.objects.filter(entry__household__members__user=user, notice__status__in=VISIBLE)
        .select_related("case__region", "notice", "entry__household")
        .order_by("-created_at", "-pk")
        .distinct()
    )


def approach_for_family(user, pk: int) -> Approach | None:
    approach = approaches_for_family(user).filter(pk=pk).first()
    if approach is None or not READ_OWN_APPROACH.allows(user, approach.entry.household):
        return None
    return approach


@dataclass(frozen=True)
class ChildForFamily:
    """What the family may read of one child: the anonymised profile, and after delivery the file (SELECTION)."""

    age: int
    sex: str
    health_needs: tuple[str, ...]
    first_name: str = ""
    health_notes: str = ""


def family_view(approach: Approach, *, user, channel: str = "web", today: date | None = None) -> dict[str, Any]:
    """The approach as the family sees it; the read is audited on the family's household."""
    today = today or timezone.localdate()
    case = approach.case
    notice = approach.notice
    delivered = notice.status == NoticeStatus.DELIVERED
    profile = selectors.anonymised_profile(case, today=today, with_wishes=delivered)
    children = [
        ChildForFamily(
            age=child.age_on(today),
            sex=child.get_sex_display(),
            health_needs=tuple(child.health_need_labels),
            first_name=child.first_name if delivered else "",
            health_notes=child.health_notes if delivered else "",
        )
        for child in case.children.all()
    ]
    audit_record(
        actor=user,
        action=AuditAction.READ,
        obj=approach,
        household=approach.entry.household,
        region=case.region,
        details={"case": case.reference, "view": "family_portal", "channel": channel, "delivered": delivered},
    )
    return {
        "approach": approach,
        "notice": notice,
        "delivered": delivered,
        "profile": profile,
        "children": children,
        "meetings": list(approach.meetings.all()),
        "answers": list(approach.answers.all()),
        "can_answer": delivered and approach.status == ApproachStatus.OPEN,
    }


def family_answer(
    *,
    approach: Approach,
    user,
    accepted: bool,
    court: str = "",
    filed_on: date | None = None,
    reason: str = "",
    today: date | None = None,
) -> Approach | None:
    """The family answers itself in its portal (answered today); returns the next approach after a decline."""
    from workflows.child_mediation.services.approaches import NOT_OPEN, approach_record_answer

    if not ANSWER_OWN_APPROACH.allows(user, approach.entry.household):
        raise ForbiddenError(NOT_YOURS, "not_your_approach")
    if approach.notice.status != NoticeStatus.DELIVERED:
        raise ServiceError(NOT_DELIVERED_YET, "notice_not_delivered")
    if approach.status != ApproachStatus.OPEN:
        raise ServiceError(NOT_OPEN, "approach_not_open")
    return approach_record_answer(
        approach=approach,
        actor=user,
        accepted=accepted,
        reason=reason if not accepted else "",
        answered_on=today or timezone.localdate(),
        court=court,
        filed_on=filed_on,
        by_family=True,
    )

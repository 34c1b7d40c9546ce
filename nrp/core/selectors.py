"""Read access to people, scoped by the acting user's roles. Visibility rules live here, nowhere else."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from nrp.core.choices import Role
from nrp.core.models import Household, User


def household_scope_q(user: User) -> Q | None:
    """The Q that selects the households ``user`` may see; None when they may see none.

    - applicant: only their own household
    - guide: only households in their own caseload (guide = this user)
    - OSPOD worker: households whose permanent residence is in one of their ORPs
    - regional officer: households whose residence lies in their region
    Assessors see households assigned to them (added by the applicant journey); administrators see no case
    content here (they need an audited reason).
    """
    if not user.is_authenticated:
        return None
    q = Q(pk__in=[])
    any_scope = False
    if user.has_role(Role.APPLICANT):
        q |= Q(members__user=user)
        any_scope = True
    if user.has_role(Role.GUIDE):
        q |= Q(guide=user)
        any_scope = True
    if orp_ids := user.orp_ids(Role.OSPOD):
        q |= Q(residence_orp_id__in=orp_ids)
        any_scope = True
    if region_ids := user.region_ids(Role.OFFICER):
        q |= Q(residence_orp__region_id__in=region_ids)
        any_scope = True
    return q if any_scope else None


def household_list_for_user(*, user: User) -> QuerySet[Household]:
    q = household_scope_q(user)
    if q is None:
        return Household.objects.none()
    return (
        Household.objects.filter(q)
        .distinct()
        .select_related("residence_orp__region", "guide", "organisation")
        .prefetch_related("members")
        .order_by("pk")
    )


def household_get_for_user(*, user: User, household_id: int) -> Household | None:
    """One household if ``user`` may see it, else None (callers answer 404 so existence does not leak)."""
    return household_list_for_user(user=user).filter(pk=household_id).first()


def household_for_applicant(*, user: User) -> Household | None:
    membership = getattr(user, "household_membership", None)
    return membership.household if membership else None

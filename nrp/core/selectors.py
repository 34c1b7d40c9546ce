"""Read access to people, scoped by the acting user's roles. Visibility rules live here, nowhere else."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from nrp.core.access import HOUSEHOLD_LOOKUPS, Action, Resource, scope_q
from nrp.core.models import Household, User


def household_scope_q(user: User) -> Q | None:
    """The Q that selects the households ``user`` may see; None when they may see none.

    The policy engine's scope filter (``nrp.core.access.scope_q``): an applicant their own household, a guide
    their caseload, an OSPOD worker the residents of their ORPs, a regional officer the residents of their
    region. Assessors reach households only through assigned journeys; administrators see no case content
    here (they need an audited reason).
    """
    return scope_q(user, Action.READ, Resource.APPLICANT_FILE, HOUSEHOLD_LOOKUPS)


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

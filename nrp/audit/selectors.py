"""Read the audit trail, scoped by who asks (the trail itself is sensitive: it shows who handled a case)."""

from __future__ import annotations

from django.db.models import QuerySet

from nrp.audit.models import AuditEvent
from nrp.core.access import Action, Resource, can
from nrp.core.models import Household
from nrp.core.selectors import household_for_applicant


def events_for_my_household(*, user) -> QuerySet[AuditEvent]:
    """What an applicant sees: every event about their own household, by anyone."""
    household = household_for_applicant(user=user)
    if household is None:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(household=household).select_related("actor")


def household_trail_for_user(*, user, household_id: int) -> tuple[Household, QuerySet[AuditEvent]] | None:
    """The trail of one household for an officer of its region, its OSPOD, or an administrator; else None."""
    household = Household.objects.select_related("residence_orp").filter(pk=household_id).first()
    if household is None or not can(user, Action.READ, Resource.AUDIT_TRAIL, household):
        return None
    if user.has_role("applicant") and not (user.role_codes - {"applicant"}):
        return None  # applicants use "who accessed my file"
    return household, AuditEvent.objects.filter(household=household).select_related("actor")


def object_trail_for_user(*, user, object_type: str, object_id: str) -> QuerySet[AuditEvent] | None:
    """The trail of one record (e.g. a child's case) for the officers of its region (or an administrator)."""
    events = AuditEvent.objects.filter(object_type=object_type, object_id=object_id).select_related("actor")
    if can(user, Action.READ, Resource.AUDIT_TRAIL) and user.has_role("admin"):
        return events if events.exists() else None
    region_ids = user.region_ids("officer") if user.is_authenticated else set()
    if not region_ids:
        return None
    scoped = events.filter(region_id__in=region_ids)
    return scoped if scoped.exists() else None

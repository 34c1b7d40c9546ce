"""Helpers shared by the services."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from workflows.child_mediation import permissions
from workflows.child_mediation.models import CaseFlags, ChildCase


def require_officer(user, case: ChildCase) -> None:
    if user is not None and not permissions.is_region_officer(user, case):
        raise ValidationError(permissions.NOT_AN_OFFICER)


def lock_case(case: ChildCase) -> ChildCase:
    """Re-read the case row FOR UPDATE: two officers acting on one child are serialised here."""
    return ChildCase.objects.select_for_update().get(pk=case.pk)


def flags_of(case: ChildCase) -> CaseFlags:
    flags, _ = CaseFlags.objects.get_or_create(case=case)
    return flags


def audit(actor, action: str, obj, case: ChildCase, **details) -> None:
    """Audit a write; details carry ids and codes only, never a child's identity."""
    audit_record(
        actor=actor,
        action=action or AuditAction.UPDATE,
        obj=obj,
        region=case.region,
        details={"case": case.reference, **details},
    )

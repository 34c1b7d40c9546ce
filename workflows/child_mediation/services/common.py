"""Helpers shared by the services."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

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


def remind(case: ChildCase, kind: str, *, key: str = "", for_ospod: bool = False, due_on=None) -> bool:
    """Create a reminder once (idempotent by case, kind and key) and e-mail the responsible people after commit."""
    from workflows.child_mediation.models import CaseReminder
    from workflows.child_mediation.notify import notify_reminder

    reminder, created = CaseReminder.objects.get_or_create(
        case=case, kind=kind, key=key, defaults={"for_ospod": for_ospod, "due_on": due_on}
    )
    if created:
        transaction.on_commit(lambda: notify_reminder(reminder))
    return created


def audit(actor, action: str, obj, case: ChildCase, **details) -> None:
    """Audit a write; details carry ids and codes only, never a child's identity."""
    audit_record(
        actor=actor,
        action=action or AuditAction.UPDATE,
        obj=obj,
        region=case.region,
        details={"case": case.reference, **details},
    )

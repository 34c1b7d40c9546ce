"""Helpers shared by the services."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.models import User
from workflows.child_mediation import permissions
from workflows.child_mediation.models import CaseFlags, ChildCase

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as StrPromise

NOT_AN_OFFICER = permissions.NOT_AN_OFFICER
NOT_THE_CHILDS_OSPOD = permissions.NOT_THE_CHILDS_OSPOD


def refusal(message: str | StrPromise, code: str, *, field: str | None = None) -> ValidationError:
    """A service's refusal with a stable ``code`` (the API's problem code; the screens show ``message``), on
    ``field`` when it belongs to one input: ``raise refusal(NOT_OPEN, "approach_not_open")``."""
    error = ValidationError(message, code=code)
    return ValidationError({field: error}) if field else error


def require_officer(user: User | None, case: ChildCase) -> None:
    """Only an officer of the child's region (None: the system itself, e.g. the daily tick)."""
    if user is not None and not permissions.MANAGE_CASE.allows(user, case):
        raise refusal(NOT_AN_OFFICER, "not_region_officer")


def lock_case(case: ChildCase) -> ChildCase:
    """Re-read the case row FOR UPDATE: two officers acting on one child are serialised here."""
    return ChildCase.objects.select_for_update().get(pk=case.pk)


def flags_of(case: ChildCase) -> CaseFlags:
    flags, _created = CaseFlags.objects.get_or_create(case=case)
    return flags


def remind(case: ChildCase, kind: str, *, key: str = "", for_ospod: bool = False, due_on: date | None = None) -> bool:
    """Create a reminder once (idempotent by case, kind and key) and e-mail the responsible people after commit."""
    from workflows.child_mediation.models import CaseReminder
    from workflows.child_mediation.notify import notification_for_reminder, notify_reminder

    reminder, created = CaseReminder.objects.get_or_create(
        case=case, kind=kind, key=key, defaults={"for_ospod": for_ospod, "due_on": due_on}
    )
    if created:
        notification_for_reminder(reminder)
        transaction.on_commit(lambda: notify_reminder(reminder))
    return created


def audit(actor: User | None, action: str, obj: Any, case: ChildCase, **details: Any) -> None:
    """Audit a write; details carry ids and codes only, never a child's identity."""
    audit_record(
        actor=actor,
        action=action or AuditAction.UPDATE,
        obj=obj,
        region=case.region,
        details={"case": case.reference, **details},
    )

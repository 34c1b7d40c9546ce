"""Write to the audit trail. Every module calls ``audit_record``; nothing else writes AuditEvent."""

from __future__ import annotations

from typing import Any

from django.db import models

from nrp.audit.models import AuditAction, AuditEvent


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: Any = None,
    household=None,
    region=None,
    request=None,
    reason: str = "",
    details: dict | None = None,
) -> AuditEvent:
    """Record one event. Pass ``obj`` (a model instance) or ``object_type``/``object_id``.

    ``details`` must never hold a child's name or other identity: ids and codes only.
    """
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = obj.pk if object_id is None else object_id
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_user else None,
        actor_label=(actor.email if is_user else "anonymous")[:200],
        action=AuditAction(action),
        object_type=object_type or "",
        object_id="" if object_id is None else str(object_id),
        household=household,
        region=region,
        ip_address=client_ip(request),
        reason=reason,
        details=details or {},
    )


def audit_read(*, actor, obj, request=None, household=None, region=None, reason: str = "", **details):
    """Shorthand for the read of a sensitive record."""
    return audit_record(
        actor=actor,
        action=AuditAction.READ,
        obj=obj,
        household=household,
        region=region,
        request=request,
        reason=reason,
        details=details or None,
    )

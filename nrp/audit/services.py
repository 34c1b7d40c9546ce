"""Write to the audit trail. Every module calls ``audit_record``; nothing else writes AuditEvent."""

from __future__ import annotations

import logging
from typing import Any

from django.db import models

from nrp.audit import context
from nrp.audit.models import AuditAction, AuditEvent

logger = logging.getLogger("nrp.security")

# Keys that would carry a person's identity: dropped from ``details`` (ids and codes only in the trail).
IDENTITY_KEYS = frozenset(
    {
        "name",
        "names",
        "first_name",
        "last_name",
        "full_name",
        "jmeno",
        "prijmeni",
        "birth_number",
        "rodne_cislo",
        "date_of_birth",
        "address",
        "email",
    }
)
CHANGE_ACTIONS = {AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE}


def client_ip(request) -> str | None:
    """The client's address behind ``NRP_TRUSTED_PROXIES`` proxies (nrp/core/client.py)."""
    if request is None:
        return None
    from nrp.core.client import client_ip as resolve

    return resolve(request)


def scrub_details(details: dict | None) -> dict:
    if not details:
        return {}
    clean = {k: v for k, v in details.items() if str(k).lower() not in IDENTITY_KEYS}
    if len(clean) != len(details):
        logger.warning("audit details: identity keys dropped: %s", sorted(set(details) - set(clean)))
    return clean


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

    ``details`` must never hold a child's name or other identity: ids and codes only (identity keys such as
    ``name`` are dropped). A create/update/delete already recorded by the model signal in this request is
    not recorded twice unless this call adds a reason or details.
    """
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = obj.pk if object_id is None else object_id
    action = AuditAction(action)
    ctx = context.current()
    key = (object_type or "", "" if object_id is None else str(object_id), action)
    from_model = bool(details and details.get("source") == "model")
    if ctx is not None and action in CHANGE_ACTIONS:
        if not from_model and key in ctx.recorded and not reason and not details:
            earlier = AuditEvent.objects.filter(object_type=key[0], object_id=key[1], action=action).first()
            if earlier is not None:
                return earlier
        ctx.recorded.add(key)
    if request is None and ctx is not None:
        request = ctx.request
    if not reason and ctx is not None:
        reason = ctx.reason
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_user else None,
        actor_label=(actor.email if is_user else ("system" if actor is None else "anonymous"))[:200],
        action=action,
        object_type=object_type or "",
        object_id="" if object_id is None else str(object_id),
        household=household,
        region=region,
        ip_address=client_ip(request),
        reason=reason,
        details=scrub_details(details),
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

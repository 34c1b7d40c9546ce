"""Bulk reads are audited too: a list that shows identities is a read of every record on it.

``audit_list_read`` writes, for one page of a list, one event per listed household (so the applicant's "who
accessed my file" says "váš spis se objevil v seznamu, který zobrazil/a …") or, for records that belong to no
household (children's cases), one bulk event naming the ids of the page. A list that pages through a whole
region is thus as visible in the trail as opening each file.

API lists opt in with ``AuditedListApiMixin`` (``audit_list_object_type`` and optionally
``audit_list_household``/``audit_list_region``); screens call ``audit_list_read`` with the page's objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from nrp.audit import context
from nrp.audit.models import AuditAction, AuditEvent
from nrp.audit.services import client_ip

# Ids named in one bulk event at most (a page is at most 100 records).
MAX_IDS = 500


def audit_list_read(
    *,
    actor,
    objects: Iterable[Any],
    object_type: str,
    request=None,
    household_of: Callable[[Any], Any] | None = None,
    region_of: Callable[[Any], Any] | None = None,
    listing: str = "",
) -> int:
    """Record that ``actor`` saw ``objects`` in a list; returns the number of events written."""
    objects = list(objects)
    if not objects or actor is None or not getattr(actor, "is_authenticated", False):
        return 0
    ctx = context.current()
    if request is None and ctx is not None:
        request = ctx.request
    ip = client_ip(request)
    reason = ctx.reason if ctx is not None else ""
    path = listing or (getattr(request, "path", "") if request is not None else "")
    base = {"actor": actor, "actor_label": actor.email[:200], "action": AuditAction.READ, "ip_address": ip}
    if household_of is not None:
        events = []
        for obj in objects:
            events.append(
                AuditEvent(
                    **base,
                    object_type=object_type,
                    object_id=str(obj.pk),
                    household_id=_pk(household_of(obj)),
                    region_id=_pk(region_of(obj)) if region_of else None,
                    reason=reason,
                    details={"list": True, "listing": path, "count": len(objects)},
                )
            )
        AuditEvent.objects.bulk_create(events)
        return len(events)
    regions = {_pk(region_of(obj)) for obj in objects} if region_of else {None}
    AuditEvent.objects.create(
        **base,
        object_type=object_type,
        object_id="list",
        region_id=regions.pop() if len(regions) == 1 else None,
        reason=reason,
        details={"list": True, "listing": path, "count": len(objects), "ids": [o.pk for o in objects][:MAX_IDS]},
    )
    return 1


def _pk(value):
    """A model instance or an id (callers pass ``obj.household_id`` to spare a query per row)."""
    return getattr(value, "pk", value)


if TYPE_CHECKING:  # only ever mixed into DRF list views
    from rest_framework.generics import GenericAPIView as _ListApiBase
else:
    _ListApiBase = object


class AuditedListApiMixin(_ListApiBase):
    """For a DRF list view: the page it returns is recorded with ``audit_list_read`` (only successful pages)."""

    audit_list_object_type: str = ""
    audit_list_household: Callable[[Any], Any] | None = None
    audit_list_region: Callable[[Any], Any] | None = None

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if self.audit_list_object_type:
            rows = page if page is not None else list(queryset)
            audit_list_read(
                actor=self.request.user,
                objects=rows,
                object_type=self.audit_list_object_type,
                request=self.request,
                household_of=type(self).audit_list_household,
                region_of=type(self).audit_list_region,
            )
        return page

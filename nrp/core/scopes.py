"""Scope filters of the policy engine (``nrp.core.access``): which rows of a model a user's roles reach.

Imported through the engine (``from nrp.core.access import scope_q, ScopeLookups, HOUSEHOLD_LOOKUPS``); the
rules come from the same table as ``can()``. Usage::

    JOURNEY_LOOKUPS = HOUSEHOLD_LOOKUPS.under("household", region="region_id", assessor="assessor")
    q = scope_q(user, Action.READ, Resource.APPLICANT_FILE, JOURNEY_LOOKUPS)    # None: their roles reach no row
    journeys = ApplicantJourney.objects.filter(q) if q is not None else ApplicantJourney.objects.none()
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q

if TYPE_CHECKING:
    from nrp.core.models import User


@dataclass(frozen=True)
class ScopeLookups:
    """Where a model keeps what the scopes look at, as ORM lookups (None: the scope cannot reach the model).

    ``HOUSEHOLD_LOOKUPS`` is the household's own; a model that hangs off a household prefixes it
    (``HOUSEHOLD_LOOKUPS.under("household")``) and replaces what it keeps itself (a journey's own region).
    """

    own_household: str | None = None  # -> the member's user
    caseload: str | None = None  # -> the guide
    orp: str | None = None  # -> the ORP id
    region: str | None = None  # -> the region id
    assessor: str | None = None  # -> the assigned assessor
    assessor_region: str | None = None  # -> the region the assessor must hold the role in
    owner: str | None = None  # -> the one user the row belongs to (Scope.OWN: a notification's recipient)

    def under(self, prefix: str, **replace: str | None) -> ScopeLookups:
        values = {name: (f"{prefix}__{path}" if path else None) for name, path in self.__dict__.items()}
        return ScopeLookups(**{**values, **replace})


HOUSEHOLD_LOOKUPS = ScopeLookups(
    own_household="members__user",
    caseload="guide",
    orp="residence_orp_id",
    region="residence_orp__region_id",
)


def scope_q(user: User, action: str, resource: str, lookups: ScopeLookups) -> Q | None:
    """The Q that selects the rows ``user`` may ``action`` on as ``resource``; None when their roles reach none.

    Built from the same table as ``can()``: each of the user's roles adds the rows its scope reaches
    (own household, caseload, ORP, region, assigned). Scopes the model cannot express add nothing; an
    administrator's exceptional access is never a filter (it goes through the audited reason form).
    """
    from nrp.core.access import Scope, scope_for  # the engine imports this module: no cycle at import time

    if user is None or not user.is_authenticated or not user.is_active:
        return None
    q = Q(pk__in=[])
    any_scope = False
    for role in sorted(user.role_codes):
        scope = scope_for(role, resource, action)
        part: Q | None = None
        if scope == Scope.OWN_HOUSEHOLD and lookups.own_household:
            part = Q(**{lookups.own_household: user})
        elif scope == Scope.CASELOAD and lookups.caseload:
            part = Q(**{lookups.caseload: user})
        elif scope == Scope.ORP and lookups.orp and (orp_ids := user.orp_ids(role)):
            part = Q(**{f"{lookups.orp}__in": orp_ids})
        elif scope == Scope.REGION and lookups.region and (region_ids := user.region_ids(role)):
            part = Q(**{f"{lookups.region}__in": region_ids})
        elif scope == Scope.ASSIGNED and lookups.assessor:
            part = Q(**{lookups.assessor: user})
            if lookups.assessor_region:
                part &= Q(**{f"{lookups.assessor_region}__in": user.region_ids(role)})
        elif scope == Scope.OWN and lookups.owner:
            part = Q(**{lookups.owner: user})
        elif scope == Scope.ANY:
            part = ~Q(pk__in=[])
        if part is not None:
            q |= part
            any_scope = True
    return q if any_scope else None

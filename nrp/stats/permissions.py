"""Who reads the statistics: the policy table (nrp.core.access, Resource.STATISTICS) decides, nothing else.

An officer reads their region(s); the ministry (MPSV) reads every region and the whole country. Figures of a
small group (under ``small_group_threshold()``) are shown only to the region's own officers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from nrp.core.access import Action, ObjectScope, Resource, can, register_object_scope
from nrp.core.choices import Role


@dataclass(frozen=True)
class StatsScope:
    """The figures of one region (``region_id``) or of the whole country (None), as an object for ``can()``."""

    region_id: int | None


def _stats_scope(obj: StatsScope) -> ObjectScope:
    return ObjectScope(region_ids=frozenset({obj.region_id}) if obj.region_id else frozenset())


register_object_scope(StatsScope, _stats_scope)


def small_group_threshold() -> int:
    """No figure under this count leaves the region's officers (default 5)."""
    return int(getattr(settings, "NRP_STATS_SMALL_GROUP", 5))


def may_read_statistics(user) -> bool:
    return can(user, Action.READ, Resource.STATISTICS)


def may_read_scope(user, region_id: int | None) -> bool:
    return can(user, Action.READ, Resource.STATISTICS, StatsScope(region_id))


def is_regions_officer(user, region_id: int | None) -> bool:
    """The region's own officers see every figure of their region, small groups included."""
    return region_id is not None and region_id in user.region_ids(Role.OFFICER)


def default_region_id(user) -> int | None:
    """An officer starts on their (first) region; the ministry on the whole country."""
    if can(user, Action.READ, Resource.STATISTICS, StatsScope(None)):
        return None
    regions = sorted(user.region_ids(Role.OFFICER))
    return regions[0] if regions else None


def readable_region_ids(user) -> list[int] | None:
    """The regions the user may pick (None: every region and the country)."""
    if can(user, Action.READ, Resource.STATISTICS, StatsScope(None)):
        return None
    return sorted(user.region_ids(Role.OFFICER))

"""Read the statistics for a user: the scope they may see, the precomputed sections, the small-group rule."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from nrp.core.models import Orp, Region
from nrp.stats import permissions
from nrp.stats.models import StatsAggregate
from nrp.stats.presenters import common
from nrp.stats.presenters.sections import dashboard


@dataclass
class StatsView:
    """What one request shows: the scope (a region or the country) and whether small groups are hidden."""

    region: Region | None
    protect: bool
    regions: list[Region]
    as_of: object = None

    @property
    def region_id(self) -> int | None:
        return self.region.pk if self.region else None


def stats_view_for(*, user, requested: str | None) -> StatsView:
    """The scope of ``?kraj=`` for ``user`` (404 when out of scope; the role itself is checked by the view)."""
    if requested in (None, ""):
        region_id = permissions.default_region_id(user)
    elif requested == "cr":
        region_id = None
    elif requested.isdigit() and len(requested) < 10:
        region_id = int(requested)
    else:
        raise Http404
    if not permissions.may_read_scope(user, region_id):
        raise Http404
    region = Region.objects.filter(pk=region_id).first() if region_id is not None else None
    if region_id is not None and region is None:
        raise Http404
    allowed = permissions.readable_region_ids(user)
    regions = list(Region.objects.all() if allowed is None else Region.objects.filter(pk__in=allowed))
    return StatsView(region=region, protect=not permissions.is_regions_officer(user, region_id), regions=regions)


def aggregates_for(*, region_id: int | None) -> dict[str, StatsAggregate]:
    """Every section of one scope in one query; computed once when the daily command has never run."""
    scope = Q(region__isnull=True) if region_id is None else Q(region_id=region_id)
    rows = {a.section: a for a in StatsAggregate.objects.filter(scope)}
    if not rows and not StatsAggregate.objects.exists():
        from nrp.stats.services import stats_refresh

        stats_refresh()
        rows = {a.section: a for a in StatsAggregate.objects.filter(scope)}
    return rows


def part_names(*, region_id: int | None) -> dict[int, str]:
    """Names of a scope's parts: the ORP of a region, or the regions of the country."""
    if region_id is None:
        return dict(Region.objects.values_list("pk", "name"))
    return dict(Orp.objects.filter(region_id=region_id).values_list("pk", "name"))


def dashboard_sections(*, view: StatsView) -> tuple[list[common.Section], common.Protector, dict]:
    rows = aggregates_for(region_id=view.region_id)
    protector = common.Protector(protect=view.protect, threshold=permissions.small_group_threshold())
    if not rows:
        return [], protector, {}
    view.as_of = next(iter(rows.values())).as_of
    data = {name: row.data for name, row in rows.items()}
    sections = dashboard(data, protector, part_names(region_id=view.region_id))
    return sections, protector, data

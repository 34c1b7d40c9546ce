"""REST API of the statistics (/api/v1/stats/): the same figures as the page, small groups protected alike.

Officers read their region, the ministry (MPSV) every region and the country (``?region=`` empty). A region
out of scope answers 404; a role without statistics 403.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from nrp.api.views import ApiView
from nrp.stats import selectors, yearly
from nrp.stats.permissions import may_read_statistics, small_group_threshold
from nrp.stats.presenters import common


class HasStatistics(drf_permissions.BasePermission):
    """The policy table's Resource.STATISTICS (officers, ministry)."""

    code = "role_required"
    message = "Statistiky jsou dostupné jen pracovníkům kraje a MPSV. / Statistics: regional officers and MPSV only."

    def has_permission(self, request, view) -> bool:
        return may_read_statistics(request.user)


PERMISSIONS = [drf_permissions.IsAuthenticated, HasStatistics]
REGION_PARAM = OpenApiParameter(
    "region", OpenApiTypes.STR, description="Id kraje, nebo „cr“ pro celou republiku / region id, or 'cr'."
)


class CellSerializer(serializers.Serializer):
    text = serializers.CharField()
    value = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField()


class RowSerializer(serializers.Serializer):
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like Field.label
    cells = CellSerializer(many=True)


class TableSerializer(serializers.Serializer):
    id = serializers.CharField()
    title = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = RowSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField())
    warnings = serializers.ListField(child=serializers.CharField())


class DashboardSerializer(serializers.Serializer):
    region_id = serializers.IntegerField(allow_null=True)
    as_of = serializers.DateField(allow_null=True)
    small_group_threshold = serializers.IntegerField()
    protected = serializers.BooleanField()
    charts = TableSerializer(many=True)


def _table(chart_id: str, title: str, table: common.Table, notes=(), warnings=()) -> dict:
    return {
        "id": chart_id,
        "title": str(title),
        "columns": [str(c) for c in table.columns],
        "rows": [
            {
                "label": str(label),
                "cells": [{"text": c.text, "value": c.value, "suppressed": c.suppressed} for c in cells],
            }
            for label, cells in table.rows
        ],
        "notes": [str(n) for n in notes],
        "warnings": [str(w) for w in warnings],
    }


def _view(request):
    from django.http import Http404

    try:
        return selectors.stats_view_for(user=request.user, requested=request.query_params.get("region"))
    except Http404 as exc:
        raise NotFound() from exc


class DashboardApi(ApiView):
    """Všechny grafy jako tabulky (malé skupiny skryty mimo pracovníky kraje). / Every chart as a table."""

    permission_classes = PERMISSIONS

    @extend_schema(
        tags=["statistics"],
        summary="Statistiky / Statistics",
        parameters=[REGION_PARAM],
        responses={200: DashboardSerializer},
    )
    def get(self, request):
        view = _view(request)
        sections, _protector, _data = selectors.dashboard_sections(view=view)
        charts = [
            _table(chart.id, chart.title, chart.table, chart.notes, chart.warnings)
            for section in sections
            for chart in section.charts
        ]
        return Response(
            DashboardSerializer(
                {
                    "region_id": view.region_id,
                    "as_of": view.as_of,
                    "small_group_threshold": small_group_threshold(),
                    "protected": view.protect,
                    "charts": charts,
                }
            ).data
        )


class YearlyApi(ApiView):
    """Roční výkaz pro MPSV. / The yearly figures for the ministry."""

    permission_classes = PERMISSIONS

    @extend_schema(
        tags=["statistics"],
        summary="Roční výkaz / Yearly figures",
        parameters=[REGION_PARAM, OpenApiParameter("year", OpenApiTypes.INT)],
        responses={200: TableSerializer},
    )
    def get(self, request):
        view = _view(request)
        rows = selectors.aggregates_for(region_id=view.region_id)
        data = rows["yearly"].data if "yearly" in rows else {"years": {}}
        years = yearly.years_available(data)
        year = request.query_params.get("year") or (years[1] if len(years) > 1 else (years[0] if years else None))
        if year not in years:
            raise NotFound()
        protector = common.Protector(protect=view.protect, threshold=small_group_threshold())
        return Response(_table(f"yearly-{year}", year, yearly.yearly_table(data, year, protector)))

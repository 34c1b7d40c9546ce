"""Reference data for every signed-in user: regions (kraje) and ORP."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from nrp.api.filters import IdFilter
from nrp.api.selectors import orp_list, region_list
from nrp.api.views import ScopedDetailApi, ScopedListApi
from nrp.core.models import Orp, Region


class RegionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "code", "name", "nuts3"]


class OrpOutputSerializer(serializers.ModelSerializer):
    region_code = serializers.IntegerField(source="region.code", help_text=_("Kód kraje / Region code."))

    class Meta:
        model = Orp
        fields = ["id", "code", "name", "region", "region_code", "lat", "lon", "ruian_code"]


class RegionFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(
        lookup_expr="icontains", max_length=100, help_text=_("Část názvu / Part of the name.")
    )

    class Meta:
        model = Region
        fields = ["name"]


class OrpFilter(django_filters.FilterSet):
    region = IdFilter(field_name="region_id", help_text=_("ID kraje / Region id."))
    region_code = django_filters.NumberFilter(
        field_name="region__code",
        help_text=_("Kód kraje (VÚSC) / Region code."),
    )
    name = django_filters.CharFilter(
        lookup_expr="icontains", max_length=100, help_text=_("Část názvu / Part of the name.")
    )

    class Meta:
        model = Orp
        fields = ["region", "region_code", "name"]


OrpFilter.base_filters["region_code"].field_class = forms.IntegerField
OrpFilter.base_filters["region_code"].extra.update(min_value=0, max_value=2**31 - 1)


@extend_schema(summary="Kraje / Regions")
class RegionListApi(ScopedListApi):
    """Kraje; každý přihlášený. / Regions; every signed-in user."""

    OutputSerializer = RegionOutputSerializer
    filterset_class = RegionFilter
    ordering_fields = ["code", "name"]
    ordering = ["code"]

    def get_queryset(self):
        return region_list()


@extend_schema(summary="Kraj / Region")
class RegionDetailApi(ScopedDetailApi):
    """Jeden kraj. / One region."""

    OutputSerializer = RegionOutputSerializer

    def select_object(self, *, user, pk):
        return region_list().filter(pk=pk).first()


@extend_schema(summary="ORP (obce s rozšířenou působností) / Municipalities with extended powers")
class OrpListApi(ScopedListApi):
    """ORP, filtrovatelné podle kraje; každý přihlášený. / ORP, filterable by region; every signed-in user."""

    OutputSerializer = OrpOutputSerializer
    filterset_class = OrpFilter
    ordering_fields = ["code", "name"]
    ordering = ["code"]

    def get_queryset(self):
        return orp_list()


@extend_schema(summary="ORP / Municipality with extended powers")
class OrpDetailApi(ScopedDetailApi):
    """Jedna ORP. / One ORP."""

    OutputSerializer = OrpOutputSerializer

    def select_object(self, *, user, pk):
        return orp_list().filter(pk=pk).first()

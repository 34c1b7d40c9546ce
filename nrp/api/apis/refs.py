"""Small nested representations other resources point to (one OpenAPI component each, shared by all apps)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class RegionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.IntegerField(help_text=_("Kód VÚSC / Region code."))
    name = serializers.CharField()


class OrpRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField(help_text=_("Kód ČSÚ / Statistical code."))
    name = serializers.CharField()


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class UserRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField(source="get_full_name")

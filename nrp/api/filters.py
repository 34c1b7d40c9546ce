"""django-filter pieces shared by app filtersets."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import filters

MAX_ID = 2**63 - 1


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 2**63 - 1})
class IdFilter(django_filters.NumberFilter):
    """An integer id in a query parameter (validated, so a huge number is a 400, never a database error)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class OrderingFilter(filters.OrderingFilter):
    """``?ordering=-created_at,id``; only the view's ``ordering_fields`` are honoured (others are ignored)."""

    ordering_description = _(  # type: ignore[assignment]  # a lazy translation, rendered as text
        "Řazení: název pole, „-“ pro sestupné, více polí oddělte čárkou / "
        "Sort field, prefix '-' for descending, comma-separated."
    )

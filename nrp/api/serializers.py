"""Base serializers for request bodies: unknown keys are refused, not silently dropped."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from nrp.api.problems import UNKNOWN_FIELD

MSG_UNKNOWN_FIELD = _("Neznámé pole; povolená pole jsou: %(allowed)s.")


class StrictMixin:
    """Refuse keys that are not writable fields (a typo must not look like a successful write)."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            allowed = sorted(name for name, field in self.fields.items() if not field.read_only)
            unknown = sorted(str(key) for key in data if key not in allowed)
            if unknown:
                message = MSG_UNKNOWN_FIELD % {"allowed": ", ".join(allowed) or "–"}
                raise serializers.ValidationError(
                    {key: [serializers.ErrorDetail(str(message), code=UNKNOWN_FIELD)] for key in unknown}
                )
        return super().to_internal_value(data)


class StrictSerializer(StrictMixin, serializers.Serializer):
    """Base of every ``InputSerializer``."""


class StrictModelSerializer(StrictMixin, serializers.ModelSerializer):
    """The same for model-backed input."""

"""Base serializers for request bodies: unknown keys are refused, not silently dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from nrp.api.problems import UNKNOWN_FIELD

MSG_UNKNOWN_FIELD = _("Neznámé pole; povolená pole jsou: %(allowed)s.")
MSG_WRONG_TYPE = _("Nesprávný typ hodnoty: očekáván %(expected)s.")
INVALID_TYPE = "invalid_type"


if TYPE_CHECKING:  # only ever mixed into DRF serializers
    _SerializerBase = serializers.Serializer
else:
    _SerializerBase = object


class StrictMixin(_SerializerBase):
    """Refuse keys that are not writable fields (a typo must not look like a successful write)."""

    def to_internal_value(self, data):
        if type(data) is dict:  # a JSON body (forms and multipart send text, which DRF converts as usual)
            self.check_json_types(data)
        if isinstance(data, dict):
            allowed = sorted(name for name, field in self.fields.items() if not field.read_only)
            unknown = sorted(str(key) for key in data if key not in allowed)
            if unknown:
                message = MSG_UNKNOWN_FIELD % {"allowed": ", ".join(allowed) or "–"}
                raise serializers.ValidationError(
                    {key: [serializers.ErrorDetail(str(message), code=UNKNOWN_FIELD)] for key in unknown}
                )
        return super().to_internal_value(data)

    def check_json_types(self, data: dict) -> None:
        """JSON has types: a number where text is expected (or text where a number is) is an error, not
        silently converted."""
        errors = {}
        for name, field in self.fields.items():
            if name not in data or field.read_only or data[name] is None:
                continue
            value = data[name]
            expected = None
            if isinstance(field, serializers.CharField) and not isinstance(value, str):
                expected = _("text")
            elif isinstance(field, serializers.IntegerField) and (
                isinstance(value, bool) or not isinstance(value, int)
            ):
                expected = _("celé číslo")
            elif isinstance(field, serializers.BooleanField) and not isinstance(value, bool):
                expected = _("true/false")
            if expected is not None:
                errors[name] = [
                    serializers.ErrorDetail(str(MSG_WRONG_TYPE % {"expected": expected}), code=INVALID_TYPE)
                ]
        if errors:
            raise serializers.ValidationError(errors)


class StrictSerializer(StrictMixin, serializers.Serializer):
    """Base of every ``InputSerializer``."""


class StrictModelSerializer(StrictMixin, serializers.ModelSerializer):
    """The same for model-backed input."""

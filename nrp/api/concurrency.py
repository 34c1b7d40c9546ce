"""Optimistic concurrency: ETag on reads, If-Match required on writes (428 without it, 412 when stale).

The ETag is a hash of the resource's current representation, so any resource gets it without a version
column. Evaluate the precondition after locking the row (``select_for_update``) and before validating the
body (RFC 9110 §13.2.2): a concurrent writer then waits and sees the new ETag.
"""

from __future__ import annotations

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.response import Response

from nrp.api.problems import PreconditionFailed, PreconditionRequired


def etag_for(representation) -> str:
    payload = json.dumps(representation, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=True)
    return '"' + hashlib.sha256(payload.encode()).hexdigest()[:40] + '"'


def _if_match_values(header: str) -> list[str]:
    return [value.strip() for value in header.split(",") if value.strip()]


def require_if_match(request) -> list[str]:
    """The If-Match values of the request; 428 when there are none."""
    values = _if_match_values(request.headers.get("If-Match", ""))
    if not values:
        raise PreconditionRequired()
    return values


def check_if_match(request, representation) -> str:
    """Refuse a stale write (412). Strong comparison: a weak ETag (W/…) never matches. Returns the ETag."""
    values = require_if_match(request)
    current = etag_for(representation)
    if "*" not in values and current not in values:
        raise PreconditionFailed()
    return current


class ETagMixin:
    """For views with a conditional write: ``self.etag_response(data)`` answers with the ETag header."""

    def etag_response(self, data, status=200):
        return Response(data, status=status, headers={"ETag": etag_for(data)})


ETAG_HEADER = OpenApiParameter(
    name="ETag",
    type=str,
    location=OpenApiParameter.HEADER,
    response=[200],
    description=_("Verze záznamu; pošlete ji v If-Match při změně / Version tag, send it back in If-Match."),
)
IF_MATCH_HEADER = OpenApiParameter(
    name="If-Match",
    type=str,
    location=OpenApiParameter.HEADER,
    required=True,
    description=_(
        "ETag naposledy načteného záznamu; bez něj 428, se zastaralým 412 / "
        "ETag of the last read; missing gives 428, stale gives 412."
    ),
)

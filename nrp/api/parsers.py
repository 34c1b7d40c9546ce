"""JSON only, with a size limit that answers 413 (problem body) before anything is parsed."""

from __future__ import annotations

import io

from django.conf import settings
from rest_framework.parsers import JSONParser

from nrp.api.problems import PayloadTooLarge

DEFAULT_MAX_BODY_BYTES = 256 * 1024


def max_body_bytes() -> int:
    return int(getattr(settings, "NRP_API_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES))


class LimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = max_body_bytes()
        request = (parser_context or {}).get("request")
        if request is not None:
            try:
                declared = int(request.META.get("CONTENT_LENGTH") or 0)
            except (TypeError, ValueError):
                declared = 0
            if declared > limit:
                raise PayloadTooLarge()
        # A body without (or with a lying) Content-Length is read only up to the limit.
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise PayloadTooLarge()
        return super().parse(io.BytesIO(body), media_type, parser_context)

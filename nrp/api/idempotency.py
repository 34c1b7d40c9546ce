"""``Idempotency-Key`` for API POSTs: a retried create answers the first answer instead of creating twice.

A program that does not know whether its POST arrived (timeout, dropped connection) sends it again with the
same ``Idempotency-Key`` header (any string of 8–200 printable characters, e.g. a UUID). Within 24 hours the
same caller (the same bearer token or browser session) on the same path gets the stored answer of the first
request, marked ``Idempotent-Replayed: true``; the same key with a different body is a 422 problem
(``idempotency_key_reused``); a request still running under that key is a 409 (``idempotency_in_progress``).
Only answers below 500 are stored (a server error may be retried). Keys live in Django's cache (Redis when
configured, shared by every app server).
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

HEADER = "HTTP_IDEMPOTENCY_KEY"
TTL_SECONDS = 24 * 60 * 60
IN_FLIGHT_SECONDS = 60
KEY_REUSED = "idempotency_key_reused"
IN_PROGRESS = "idempotency_in_progress"
INVALID_KEY = "idempotency_key_invalid"
MSG_REUSED = _("Tento Idempotency-Key už byl použit pro jiný požadavek.")
MSG_IN_PROGRESS = _("Požadavek s tímto Idempotency-Key se ještě zpracovává; zkuste to za chvíli.")
MSG_INVALID = _("Idempotency-Key musí mít 8 až 200 tisknutelných znaků ASCII.")


def _caller(request) -> str:
    """Who calls: the bearer token or the session cookie (hashed; never stored in clear)."""
    from django.conf import settings

    credential = request.META.get("HTTP_AUTHORIZATION") or request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    return hashlib.sha256(credential.encode()).hexdigest()


class IdempotencyKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.META.get(HEADER)
        if request.method != "POST" or key is None or not request.path_info.startswith("/api/"):
            return self.get_response(request)
        from nrp.api.problems import problem_json_response

        if not (8 <= len(key) <= 200) or not key.isascii() or not key.isprintable():
            return problem_json_response(request, status_code=400, code=INVALID_KEY, detail=str(MSG_INVALID))
        ident = hashlib.sha256(f"{_caller(request)}|{request.path_info}|{key}".encode()).hexdigest()
        body_hash = hashlib.sha256(request.body).hexdigest()
        stored_key, lock_key = f"nrp:idem:{ident}", f"nrp:idem-lock:{ident}"
        stored = cache.get(stored_key)
        if stored is not None:
            if stored["body_hash"] != body_hash:
                return problem_json_response(request, status_code=422, code=KEY_REUSED, detail=str(MSG_REUSED))
            return self.replay(stored)
        if not cache.add(lock_key, 1, timeout=IN_FLIGHT_SECONDS):
            return problem_json_response(request, status_code=409, code=IN_PROGRESS, detail=str(MSG_IN_PROGRESS))
        try:
            response = self.get_response(request)
            if response.status_code < 500 and not getattr(response, "streaming", False):
                cache.set(
                    stored_key,
                    {
                        "body_hash": body_hash,
                        "status": response.status_code,
                        "content": response.content.decode("utf-8", "replace"),
                        "headers": {
                            k: v
                            for k, v in response.items()
                            if k.lower() in {"content-type", "location", "etag", "content-language"}
                        },
                    },
                    timeout=TTL_SECONDS,
                )
            return response
        finally:
            cache.delete(lock_key)

    @staticmethod
    def replay(stored: dict) -> HttpResponse:
        response = HttpResponse(stored["content"].encode(), status=stored["status"])
        for name, value in stored["headers"].items():
            response[name] = value
        response["Idempotent-Replayed"] = "true"
        return response

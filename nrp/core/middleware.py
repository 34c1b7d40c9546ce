"""Turn an unreachable database into a clear page instead of a traceback."""

from __future__ import annotations

import logging

from django.db.utils import InterfaceError, OperationalError
from django.template.response import SimpleTemplateResponse
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("nrp.security")

DATABASE_UNAVAILABLE = _("Databáze je dočasně nedostupná. Zkuste to prosím za chvíli.")
REQUEST_TOO_LARGE = _("Požadavek je příliš velký (nejvýše %(mb)s MB).")


class RequestSizeLimitMiddleware:
    """Refuse a body larger than ``NRP_MAX_REQUEST_BYTES`` from its Content-Length, before anything reads it.

    Django's own limits apply while the body is being parsed (a 200 MB upload was received in full before the
    form said "at most 10 MB"); this answers 413 at once. The proxy should cap bodies too (README).

    A chunked body (``Transfer-Encoding: chunked``, no Content-Length) has no size to check in advance: it is read
    in blocks up to the cap and refused with 413 as soon as it passes it, so at most the cap plus one block is
    ever held; a body within the cap becomes the request's body with its real length (Django alone would see
    a body without Content-Length as empty).
    """

    BLOCK = 64 * 1024

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        limit = int(getattr(settings, "NRP_MAX_REQUEST_BYTES", 12 * 1024 * 1024))
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return self.too_large(request, limit)
        if not length and self.is_chunked(request.META) and self.read_chunked(request, limit) is None:
            return self.too_large(request, limit)
        return self.get_response(request)

    @staticmethod
    def is_chunked(meta) -> bool:
        return "chunked" in str(meta.get("HTTP_TRANSFER_ENCODING", "")).lower()

    def read_chunked(self, request, limit: int) -> bytes | None:
        """The whole chunked body, read block by block from the server's stream; None past ``limit``."""
        from io import BytesIO

        stream = request.META.get("wsgi.input")
        if stream is None:
            return b""
        body = bytearray()
        while True:
            block = stream.read(min(self.BLOCK, limit + 1 - len(body)))
            if not block:
                break
            body.extend(block)
            if len(body) > limit:
                return None
        # What Django's own ``HttpRequest.body`` does once read: later parsing reads these bytes.
        request._body = bytes(body)
        request._stream = BytesIO(request._body)
        request.META["CONTENT_LENGTH"] = str(len(body))
        return request._body

    @staticmethod
    def too_large(request, limit: int):
        from django.http import HttpResponse
        from django.utils.html import escape

        detail = str(REQUEST_TOO_LARGE) % {"mb": limit // (1024 * 1024)}
        if request.path_info.startswith("/api/"):
            from nrp.api.problems import PAYLOAD_TOO_LARGE, problem_json_response

            response: HttpResponse = problem_json_response(
                request, status_code=413, code=PAYLOAD_TOO_LARGE, detail=detail
            )
        else:
            response = HttpResponse(
                f'<!DOCTYPE html><html lang="cs"><meta charset="utf-8"><title>413</title><p>{escape(detail)}</p>',
                status=413,
            )
        # The unread body stays on the connection: close it rather than parse it as the next request.
        response["Connection"] = "close"
        return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    # Outermost middleware: the session and auth middlewares touch the database too, also on the way out.
    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as exc:
            return self.unavailable(exc, request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return self.unavailable(exception, request)
        return None

    @staticmethod
    def unavailable(exc, request=None):
        logger.error("database unavailable: %s", str(exc).splitlines()[0] if str(exc) else "")
        if request is not None and request.path_info.startswith("/api/"):
            # Programs get a problem body (RFC 9457) like every other API answer, not the HTML page.
            from nrp.api.problems import SERVICE_UNAVAILABLE, problem_json_response

            problem = problem_json_response(
                request, status_code=503, code=SERVICE_UNAVAILABLE, detail=str(DATABASE_UNAVAILABLE)
            )
            problem["Retry-After"] = "30"
            return problem
        # No request context: context processors would query the database again.
        page = SimpleTemplateResponse("503.html", {}, status=503)
        page["Retry-After"] = "30"
        return page.render()

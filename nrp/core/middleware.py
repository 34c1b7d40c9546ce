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
    """

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
        return self.get_response(request)

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

"""Turn an unreachable database into a clear page instead of a traceback."""

from __future__ import annotations

import logging

from django.db.utils import InterfaceError, OperationalError
from django.template.response import SimpleTemplateResponse

logger = logging.getLogger("nrp.security")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    # Outermost middleware: the session and auth middlewares touch the database too, also on the way out.
    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as exc:
            return self.unavailable(exc)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return self.unavailable(exception)
        return None

    @staticmethod
    def unavailable(exc):
        logger.error("database unavailable: %s", str(exc).splitlines()[0] if str(exc) else "")
        # No request context: context processors would query the database again.
        response = SimpleTemplateResponse("503.html", {}, status=503)
        response["Retry-After"] = "30"
        return response.render()

"""Error reports and log lines without case data. Loaded while settings configure logging: no model imports.

- ``CaseDataExceptionReporterFilter``: error reports never carry form contents (a child's name, a
  diagnosis), nor local variables.
- ``RedactQueryStringFilter``: log lines keep paths (only ids, never names) but drop query strings, where a
  search term could be a person's name.
"""

from __future__ import annotations

import logging
import re

from django.views.debug import SafeExceptionReporterFilter


class CaseDataExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports (admin e-mails, logs) never include POST data, query strings or local variables."""

    def is_active(self, request):
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


_QUERY = re.compile(r"(/[^\s\"'?]*)\?[^\s\"']*")


class RedactQueryStringFilter(logging.Filter):
    """Drop query strings from log messages (``/deti/?q=Novák`` becomes ``/deti/?…``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is logged as is
            return True
        redacted = _QUERY.sub(r"\1?…", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if hasattr(record, "request"):
            # Django's request loggers attach the request; handlers that format it would print POST data.
            record.request = None
        return True

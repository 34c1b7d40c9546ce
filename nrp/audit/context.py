"""Who is acting right now: the request's user and address, for events recorded deep in a save().

``AuditContextMiddleware`` sets it for each request; management commands and flows outside a request can
use ``acting_as(user, reason=...)``. Outside both, changes are recorded as done by "system".
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class AuditContext:
    user: object | None = None
    request: object | None = None
    reason: str = ""
    # (object_type, object_id, action) already recorded in this context: avoids a second identical event
    # when a service records explicitly what the model signal recorded already.
    recorded: set = field(default_factory=set)

    @property
    def actor(self):
        if self.user is not None:
            return self.user
        return getattr(self.request, "user", None)


_current: ContextVar[AuditContext | None] = ContextVar("nrp_audit_context", default=None)


def current() -> AuditContext | None:
    return _current.get()


@contextlib.contextmanager
def acting_as(user=None, *, request=None, reason: str = ""):
    token = _current.set(AuditContext(user=user, request=request, reason=reason))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


class AuditContextMiddleware:
    """Install after AuthenticationMiddleware (and OTPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The user is read from the request when an event is recorded: DRF replaces it after token auth.
        token = _current.set(AuditContext(request=request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)

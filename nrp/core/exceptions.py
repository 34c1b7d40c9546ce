"""The error a service raises when it refuses: a message for people, a stable code for programs.

Services raise it (or Django's ``ValidationError(..., code=...)`` for field validation); the web and the API
turn both into answers in one place each: ``nrp.core.web.add_service_errors`` (form errors) and
``nrp.api.problems.service_error_to_api`` (RFC 9457 problem bodies). Usage::

    from nrp.core.exceptions import ConflictError, ServiceError

    APPROACH_CLOSED = _("Oslovení je už uzavřené.")          # a module constant tests import

    def approach_close(*, approach: Approach, actor: User, reason: str) -> Approach:
        if approach.closed_at:
            raise ConflictError(APPROACH_CLOSED, "approach_closed")     # API: 409; screen: message
        if not reason.strip():
            raise ServiceError(REASON_REQUIRED, "reason_required", field="reason")   # API: 400; form error

Kinds of refusal (``status``): 400 invalid input (the default), 403 not allowed for this actor, 409 the state
has moved on (someone else was faster, the record is locked, the case is closed).
"""

from __future__ import annotations

from typing import ClassVar

from django.utils.functional import Promise

Message = str | Promise


class ServiceError(Exception):
    """A service refused. ``message`` is shown to people; ``code`` is stable (clients and tests switch on it).

    ``field``: the input the error belongs to (None: the whole request). ``status``: 400, 403 or 409.
    """

    status: ClassVar[int] = 400

    def __init__(self, message: Message, code: str = "invalid", *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.field = field

    @property
    def http_status(self) -> int:
        return self.status

    @property
    def problem_code(self) -> str:
        """The ``code`` of the API problem body (the service code unless a subclass names it for clients)."""
        return self.code


class ForbiddenError(ServiceError):
    """The actor may not do this (API 403; a screen answers 403 too)."""

    status: ClassVar[int] = 403


class ConflictError(ServiceError):
    """The state moved on: done by someone else, locked, closed (API 409; a screen shows the message)."""

    status: ClassVar[int] = 409

"""Problem details (RFC 9457) for every error the API answers, DRF's own included.

Every 4xx/5xx body is ``application/problem+json``::

    {"type": "urn:nrp:problem:not_found", "title": "Nenalezeno", "status": 404,
     "detail": "…", "instance": "/api/v1/households/9/", "code": "not_found",
     "errors": [{"field": "phone", "pointer": "#/phone", "code": "invalid", "detail": "…"}]}

``code`` is stable and machine-readable (clients switch on it, tests import the constants below); ``title``
and ``detail`` are for people and follow the request language (Czech first, English with Accept-Language).

A service's refusal becomes a problem in one place, ``service_error_to_api``; an API view writes::

    from nrp.api.problems import service_errors

    with service_errors():                     # ServiceError -> 400/403/409, Django ValidationError -> 400
        approach = approaches.approach_close(approach=approach, actor=request.user, reason=reason)

and a form's own errors (the screen's Czech messages) become a 400 with ``form_errors_to_api(form)``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.utils import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response

from nrp.core.exceptions import ServiceError

logger = logging.getLogger("nrp.api")

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:nrp:problem:"

# Stable codes (``code`` member of the body). DRF's own default codes are kept as they are.
VALIDATION_ERROR = "validation_error"
UNKNOWN_FIELD = "unknown_field"
NOT_FOUND = "not_found"
PAYLOAD_TOO_LARGE = "payload_too_large"
PRECONDITION_FAILED = "precondition_failed"
PRECONDITION_REQUIRED = "precondition_required"
TOKEN_INVALID = "token_invalid"
TOKEN_EXPIRED = "token_expired"
TOKEN_REVOKED = "token_revoked"
SESSION_REQUIRED = "session_required"
OTP_REQUIRED = "otp_required"
SERVER_ERROR = "server_error"
SERVICE_UNAVAILABLE = "service_unavailable"
CONFLICT = "conflict"
INVALID = "invalid"

TITLES = {
    400: gettext_lazy("Neplatný požadavek"),
    401: gettext_lazy("Chybí platné přihlášení"),
    403: gettext_lazy("Přístup odepřen"),
    404: gettext_lazy("Nenalezeno"),
    405: gettext_lazy("Nepovolená metoda"),
    406: gettext_lazy("Nepodporovaný formát odpovědi"),
    409: gettext_lazy("Konflikt"),
    412: gettext_lazy("Záznam se mezitím změnil"),
    413: gettext_lazy("Požadavek je příliš velký"),
    415: gettext_lazy("Nepodporovaný typ obsahu"),
    428: gettext_lazy("Chybí podmínka If-Match"),
    429: gettext_lazy("Příliš mnoho požadavků"),
    500: gettext_lazy("Chyba serveru"),
    503: gettext_lazy("Služba je dočasně nedostupná"),
}


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("Tělo požadavku je příliš velké.")
    default_code = PAYLOAD_TOO_LARGE


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = gettext_lazy(
        "Záznam se mezitím změnil (If-Match neodpovídá aktuální ETag). Načtěte jej znovu a změnu zopakujte."
    )
    default_code = PRECONDITION_FAILED


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = gettext_lazy("Změna vyžaduje hlavičku If-Match s ETag naposledy načteného záznamu.")
    default_code = PRECONDITION_REQUIRED


class Conflict(exceptions.APIException):
    """409: the state moved on (done by someone else, locked, closed)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("Záznam je v jiném stavu, než požadavek předpokládá.")
    default_code = CONFLICT


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = gettext_lazy("Databáze je dočasně nedostupná. Zkuste to prosím za chvíli.")
    default_code = SERVICE_UNAVAILABLE


def _error_details(errors: list[DjangoValidationError]) -> list[ErrorDetail]:
    return [
        ErrorDetail(str(e.message % e.params) if e.params else str(e.message), code=e.code or INVALID) for e in errors
    ]


def service_error_to_api(exc: ServiceError | DjangoValidationError) -> exceptions.APIException:
    """The one mapping of a service's refusal to an API error (rendered as a problem body by the handler).

    - ``ServiceError``: its ``http_status`` (409 conflict, 403 forbidden, else 400 with the error under its
      ``field`` or ``non_field_errors``) and its ``problem_code``;
    - Django ``ValidationError``: 400, field by field (``__all__`` becomes ``non_field_errors``), each error
      with its own ``code`` (``ValidationError(MSG, code="reason_required")``), ``invalid`` when it has none.
    """
    if isinstance(exc, ServiceError):
        detail = str(exc.message)
        if exc.http_status == status.HTTP_409_CONFLICT:
            return Conflict(detail=detail, code=exc.problem_code)
        if exc.http_status == status.HTTP_403_FORBIDDEN:
            return exceptions.PermissionDenied(detail=detail, code=exc.problem_code)
        return exceptions.ValidationError(
            {exc.field or "non_field_errors": [ErrorDetail(detail, code=exc.problem_code)]}
        )
    if hasattr(exc, "error_dict"):
        return exceptions.ValidationError(
            {("non_field_errors" if f == "__all__" else f): _error_details(e) for f, e in exc.error_dict.items()}
        )
    return exceptions.ValidationError({"non_field_errors": _error_details(exc.error_list)})


@contextmanager
def service_errors() -> Iterator[None]:
    """Run a service call; its refusal becomes the matching API error (see ``service_error_to_api``)."""
    try:
        yield
    except (ServiceError, DjangoValidationError) as exc:
        raise service_error_to_api(exc) from exc


def form_errors_to_api(form: Any) -> exceptions.ValidationError:
    """A Django form's own (Czech) messages as a 400 problem, field by field, with their codes."""
    return exceptions.ValidationError(
        {("non_field_errors" if f == "__all__" else f): _error_details(e) for f, e in form.errors.as_data().items()}
    )


def problem_body(*, status_code: int, code: str, detail: str, instance: str, errors: list | None = None) -> dict:
    body = {
        "type": f"{PROBLEM_TYPE_PREFIX}{code}",
        "title": str(TITLES.get(status_code, TITLES[500] if status_code >= 500 else TITLES[400])),
        "status": status_code,
        "detail": str(detail),
        "instance": instance,
        "code": code,
    }
    if errors is not None:
        body["errors"] = errors
    return body


def _flatten(detail, codes, prefix: str = "") -> list[dict]:
    """Walk DRF's nested error structure into a flat list of field errors."""
    out: list[dict] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            out += _flatten(value, codes.get(key) if isinstance(codes, dict) else codes, name)
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            sub_codes = codes[index] if isinstance(codes, list) and index < len(codes) else codes
            if isinstance(value, dict | list):
                out += _flatten(value, sub_codes, f"{prefix}.{index}" if prefix else str(index))
            else:
                out += _flatten(value, sub_codes, prefix)
    else:
        field = prefix or "non_field_errors"
        pointer = "#/" + "/".join(prefix.split(".")) if prefix and prefix != "non_field_errors" else "#"
        out.append({"field": field, "pointer": pointer, "code": str(codes or "invalid"), "detail": str(detail)})
    return out


def _code_of(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


def exception_handler(exc, context) -> Response:
    """DRF EXCEPTION_HANDLER: every exception becomes a problem-details response."""
    request = context.get("request")
    instance = request.path if request is not None else ""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, OperationalError | InterfaceError):
        logger.error("database unavailable in API: %s", str(exc).splitlines()[0] if str(exc) else "")
        exc = ServiceUnavailable()

    headers: dict[str, str] = {}
    if isinstance(exc, exceptions.APIException):
        status_code = exc.status_code
        errors = None
        detail: Any
        if isinstance(exc, exceptions.ValidationError):
            code = VALIDATION_ERROR
            detail = _("Požadavek obsahuje neplatné údaje; podrobnosti jsou v seznamu errors.")
            errors = _flatten(exc.detail, exc.get_codes())
            if any(e["code"] == UNKNOWN_FIELD for e in errors):
                code = UNKNOWN_FIELD
        else:
            code = _code_of(exc)
            detail = exc.detail if not isinstance(exc.detail, dict | list) else exc.default_detail
        auth_header = getattr(exc, "auth_header", None)
        if auth_header:
            headers["WWW-Authenticate"] = auth_header
        wait = getattr(exc, "wait", None)
        if wait:
            headers["Retry-After"] = str(math.ceil(wait))
        if isinstance(exc, ServiceUnavailable):
            headers["Retry-After"] = "30"
    else:
        logger.exception("unhandled error in API view", exc_info=exc)
        status_code, code, errors = 500, SERVER_ERROR, None
        detail = _("Na serveru nastala neočekávaná chyba. Byla zaznamenána.")
    body = problem_body(status_code=status_code, code=code, detail=detail, instance=instance, errors=errors)
    response = Response(body, status=status_code, headers=headers)
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def problem_json_response(request, *, status_code: int, code: str, detail: str) -> JsonResponse:
    """A problem response outside DRF (plain Django views under /api/)."""
    body = problem_body(status_code=status_code, code=code, detail=detail, instance=request.path)
    return JsonResponse(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


@csrf_exempt  # it changes nothing; a POST to an unknown URL must be a 404 problem, not Django's CSRF page
def api_not_found(request, *args, **kwargs) -> JsonResponse:
    """Catch-all under /api/: an unknown URL answers a problem body, not the HTML 404 page."""
    detail = _("Adresa %(path)s v API neexistuje.") % {"path": request.path}
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            detail = _("Adresa %(path)s v API neexistuje; adresy API končí lomítkem: %(suggestion)s") % {
                "path": request.path,
                "suggestion": request.path + "/",
            }
    return problem_json_response(request, status_code=404, code=NOT_FOUND, detail=detail)

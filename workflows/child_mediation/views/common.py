"""What the screens of child mediation share: who may open them, and the one body of a button's action.

- the role gates are the one decorator (``nrp.core.web.policy_required``) with this app's actions
  (``permissions``); the object scope is ``scoped`` (audited DENIED, 404);
- a form page's POST → service → message → redirect is ``nrp.core.web.submit``;
- a button's POST → service → message → redirect is ``act`` (refusals are flashed, there is no form to show).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import Promise

from nrp.core.exceptions import ServiceError
from nrp.core.models import User
from nrp.core.web import policy_required
from workflows.child_mediation import permissions
from workflows.child_mediation.models import ChildCase

Message = str | Promise


class AuthenticatedRequest(HttpRequest):
    """The request of a screen past its role gate: the user is signed in (for the type checker)."""

    user: User


# Officers and OSPOD workers; guides, assessors, applicants and administrators get 403 (§19a).
register_role_required = policy_required(permissions.READ_REGISTER)
# The national search: every officer.
national_role_required = policy_required(permissions.READ_NATIONAL_POOL)
# OSPOD workers (they propose children).
ospod_required = policy_required(permissions.PROPOSE_CHILD)
# Officers: decisions on a case of their region.
officer_required = policy_required(permissions.MANAGE_CASE)
# Officers: conferences, minutes and approaches of their region.
conference_role_required = policy_required(permissions.MANAGE_CONFERENCES)


def detail_url(case: ChildCase | int) -> str:
    return reverse("child_mediation:detail", args=[case.pk if isinstance(case, ChildCase) else case])


def _target(redirect_to: str | Callable[[Any], str], result: Any) -> str:
    return redirect_to(result) if callable(redirect_to) else redirect_to


def _messages_of(exc: ServiceError | ValidationError) -> list[str]:
    return [str(exc.message)] if isinstance(exc, ServiceError) else list(exc.messages)


def act(
    request: HttpRequest,
    call: Callable[[], Any],
    *,
    success: Message | Callable[[Any], Message | None] | None,
    redirect_to: str | Callable[[Any], str],
    refused_to: str | None = None,
) -> HttpResponse:
    """A button's POST → service → message → redirect: the service's refusal is flashed, then ``refused_to``
    (default: ``redirect_to``, given None)."""
    try:
        result = call()
    except (ServiceError, ValidationError) as exc:
        for text in _messages_of(exc):
            messages.error(request, text)
        return redirect(refused_to or _target(redirect_to, None))
    message: Message | None = success(result) if callable(success) else success
    if message:
        messages.success(request, str(message))
    return redirect(_target(redirect_to, result))
